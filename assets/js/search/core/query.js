// pmkb query syntax: the exact twin of dev.pmkb.index.ParsedQuery (docs/search.md, "Query syntax").
// Dependency-free ES module; AnalyzerParityTest proves it parses like the Java side.
//
//   parseQuery('connection pool "max connections" tim', { prefixLastTerm: true })
//   → { clauses: [{type:'term', term:'connect'}, {type:'term', term:'pool'},
//                 {type:'phrase', terms:['max','connect'], positions:[0,1]}, {type:'prefix', word:'tim', stem:'tim'}],
//       proximity: [{type:'phrase', terms:['connect','pool'], positions:[0,1]}] }
import { analyze, analyzeTokens, isStopWord, isTokenChar, lowerCase } from './analyze.js';


/** A query that cannot be searched; `message` is meant for the user. */
export class QueryError extends Error {
  constructor(message) {
    super(message);
    this.name = 'QueryError';
  }
}

// Java's Character.isWhitespace(int), used by String.strip() and isBlank().
const SEPARATOR = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;
function isJavaWhitespace(cp) {
  if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return false;
  return cp > 0x7f && cp < 0xd800 ? SEPARATOR.test(String.fromCodePoint(cp)) : cp === 0x20;
}

function javaStrip(s) {
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  while (start < end && isJavaWhitespace(cps[start].codePointAt(0))) start++;
  while (end > start && isJavaWhitespace(cps[end - 1].codePointAt(0))) end--;
  return cps.slice(start, end).join('');
}

function shorten(s) {
  const flat = javaStrip(s).replace(/[ \t\n\x0B\f\r]+/g, ' ');
  return flat.length <= 60 ? flat : flat.substring(0, 57) + '...';
}

/** Tokenizer and lower case only: the words as typed, [{text, lower, start, end}]. */
function rawTokens(text) {
  const out = [];
  let start = -1;
  for (let i = 0; i <= text.length;) {
    const cp = i < text.length ? text.codePointAt(i) : -1;
    const tokenChar = cp >= 0 && isTokenChar(cp);
    if (tokenChar && start < 0) start = i;
    if (!tokenChar && start >= 0) {
      const word = text.substring(start, i);
      out.push({ text: word, lower: lowerCase(word), start, end: i });
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

function phrase(tokens) {
  const first = tokens[0].position;
  return { type: 'phrase', terms: tokens.map((t) => t.term), positions: tokens.map((t) => t.position - first) };
}

function key(clause) {
  switch (clause.type) {
    case 'term': return `T\u0000${clause.term}`;
    case 'phrase': return `P\u0000${clause.terms.join('\u0001')}\u0000${clause.positions.join(',')}`;
    case 'group': return `G\u0000${clause.alternatives.map((a) => a.map(key).join('\u0002')).join('\u0003')}`;
    default: return `X\u0000${clause.word}\u0000${clause.stem}`;
  }
}

function sameTerms(a, b) {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Adds a bare segment's terms as clauses, each run of them that is a synonym alternative as one group clause
 * (the longest run from left to right; the first set wins a tie), the words as typed first. The unfinished word,
 * when there is one and has a stem, can end a run; returns whether a group took it. Twin of
 * ParsedQuery.withSynonyms.
 */
function withSynonyms(terms, prefix, synonyms, add) {
  const words = [...terms];
  const hasPrefix = prefix != null && prefix.stem != null;
  if (hasPrefix) words.push(prefix.stem);
  let prefixUsed = false;
  for (let i = 0; i < terms.length || (hasPrefix && !prefixUsed && i < words.length);) {
    let bestSet = null;
    let best = null;
    for (const set of synonyms) {
      for (const alternative of set) {
        const n = alternative.length;
        if (i + n <= words.length && sameTerms(words.slice(i, i + n), alternative) && (best === null || n > best.length)) {
          best = alternative;
          bestSet = set;
        }
      }
    }
    if (best === null) {
      if (i === terms.length) break;
      add({ type: 'term', term: words[i] });
      i++;
      continue;
    }
    const typed = best.map((t, k) => (i + k === terms.length ? prefix : { type: 'term', term: t }));
    const alternatives = [typed];
    for (const alternative of bestSet) {
      if (alternative !== best) alternatives.push(alternative.map((t) => ({ type: 'term', term: t })));
    }
    if (i + best.length > terms.length) prefixUsed = true;
    add({ type: 'group', alternatives });
    i += best.length;
  }
  return prefixUsed;
}

/** How a clause is named to the reader (a partial hit's missing words). Twin of ParsedQuery.label. */
export function clauseLabel(clause) {
  switch (clause.type) {
    case 'term': return clause.term;
    case 'phrase': return `"${clause.terms.join(' ')}"`;
    case 'prefix': return clause.word;
    default: return clause.alternatives[0].map(clauseLabel).join(' ');
  }
}

/**
 * Parses a query into the clauses every hit must match, and the optional proximity phrases. `synonyms` and
 * `maxClauses` come from the index (manifest "query"). Throws QueryError with the same messages as the Java side.
 */
export function parseQuery(query, { prefixLastTerm = false, synonyms = [], maxClauses } = {}) {
  if (query == null || javaStrip(query).length === 0) {
    throw new QueryError('empty query: type one or more words to search for');
  }
  const segments = query.split('"');
  const clauses = new Map();
  const proximity = new Map();
  const stopWords = [];
  let anyToken = false;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i];
    const quoted = i % 2 === 1;
    const last = i === segments.length - 1;
    let prefix = null;
    if (!quoted && last && prefixLastTerm) {
      const raw = rawTokens(segment);
      if (raw.length > 0 && raw[raw.length - 1].end === segment.length) {
        const word = raw[raw.length - 1];
        const analysed = analyze(word.text);
        prefix = { type: 'prefix', word: word.lower, stem: analysed.length === 0 ? null : analysed[0] };
        segment = segment.substring(0, word.start);
        anyToken = true;
      }
    }
    const raw = rawTokens(segment);
    if (raw.length > 0) anyToken = true;
    for (const token of raw) if (isStopWord(token.lower)) stopWords.push(token.lower);
    const tokens = analyzeTokens(segment);
    const add = (map, clause) => { if (!map.has(key(clause))) map.set(key(clause), clause); };
    if (quoted && tokens.length > 1) {
      add(clauses, phrase(tokens));
    } else if (quoted) {
      for (const token of tokens) add(clauses, { type: 'term', term: token.term });
    } else {
      if (withSynonyms(tokens.map((t) => t.term), prefix, synonyms, (c) => add(clauses, c))) prefix = null;
      if (tokens.length > 1) add(proximity, phrase(tokens));
    }
    if (prefix) add(clauses, prefix);
  }
  if (clauses.size === 0) {
    if (!anyToken) {
      throw new QueryError(`nothing to search for in "${shorten(query)}": a query needs letters or digits`);
    }
    throw new QueryError(`"${shorten(query)}" has only common words that are not indexed (`
      + `${[...new Set(stopWords)].join(', ')}); add a more specific word`);
  }
  if (clauses.size > maxClauses) {
    throw new QueryError(`query too long: ${clauses.size} different words and phrases, at most ${maxClauses}`
      + ' are searched; keep the words that matter');
  }
  for (const k of clauses.keys()) proximity.delete(k);
  return { clauses: [...clauses.values()], proximity: [...proximity.values()] };
}

/**
 * Besides the dictionary terms that start with `prefix.word`, an unfinished word also stands for these exact
 * terms when the dictionary has them: its stem, and its own prefixes of 4 or more code points that are at most
 * 3 shorter (so that "connectio" finds "connect").
 */
export function exactPrefixCandidates(prefix) {
  const out = [];
  if (prefix.stem != null) out.push(prefix.stem);
  const cps = Array.from(prefix.word);
  for (let n = Math.max(4, cps.length - 3); n < cps.length; n++) out.push(cps.slice(0, n).join(''));
  return out;
}

/** Code point order of two strings (Lucene's term order), for sorting expansions. */
export function compareCodePoints(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
