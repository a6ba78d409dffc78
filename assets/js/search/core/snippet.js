// Snippets and highlights as text ranges (never HTML): the UI turns ranges into <mark> elements with DOM APIs.
// Pure: no DOM.
//
// What to highlight is a list of matchers. A matcher stands for one thing the reader asked for, and `key` says
// which (a snippet is better when it shows more different keys, not the same word again):
//   {key, sequences: [{terms: ['connect', 'pool'], positions: [0, 1]}, …], prefix: 'conn'}
// A sequence matches analysed words at those relative positions (one term: one word; several: a phrase, stop-word
// gaps included), or with `loose: true` instead of positions, words next to each other whatever stop words stand
// between them (a synonym "ran out of connections"); `prefix` matches any word whose lower-cased text starts with
// it (the unfinished last word while typing). Words are compared after the search analyzer
// (analyze.js), so "connections" matches the query's "connection" through their common stem.
import { analyzeTokens, lowerCase } from './analyze.js';

/** Separates two kept passages in a snippet source (docs/search-index-format.md, "Result shards"). */
export const PASSAGE_BREAK = '\n';
/** What the reader sees where passages were left out between two shown ones. */
export const GAP = ' … ';

/** A matcher for one analysed term. */
export function termMatcher(term, key = term) {
  return { key, sequences: [{ terms: [term], positions: [0] }] };
}

/** A matcher for words at relative positions (a phrase); `key` defaults to the words. */
export function phraseMatcher(terms, positions = terms.map((_, i) => i), key = terms.join(' ')) {
  return { key, sequences: [{ terms, positions }] };
}

/**
 * Matchers for a parsed query (query.js) and the dictionary terms it searched (search.js `terms`, which holds the
 * unfinished last word's expansions): one per term, the words of a phrase one by one, the unfinished word as a
 * prefix together with its expansions.
 */
export function queryMatchers(parsed, searched = new Set()) {
  const out = new Map();
  const add = (term) => { if (!out.has(term)) out.set(term, termMatcher(term)); };
  for (const clause of parsed?.clauses ?? []) {
    if (clause.type === 'term') add(clause.term);
    else if (clause.type === 'phrase') clause.terms.forEach(add);
    else if (clause.type === 'group') out.set(groupKey(clause), groupMatcher(clause));
  }
  const grouped = new Set([...out.values()].flatMap((m) => m.sequences.flatMap((s) => s.terms)));
  for (const clause of parsed?.clauses ?? []) {
    if (clause.type !== 'prefix') continue;
    const expansions = [...searched].filter((t) => !out.has(t) && !grouped.has(t));
    out.set(`prefix\u0000${clause.word}`, {
      key: `prefix\u0000${clause.word}`,
      prefix: clause.word,
      sequences: expansions.map((t) => ({ terms: [t], positions: [0] })),
    });
  }
  if (!parsed) for (const t of searched) add(t);
  return [...out.values()];
}

function groupKey(group) {
  return `group\u0000${group.alternatives.map((a) => a.map((c) => c.term ?? c.word).join(' ')).join('|')}`;
}

/**
 * A synonym group (query.js clause {type: 'group', alternatives: [[clause, …], …]}, the words as typed first): one
 * thing the reader asked for. A one-word alternative matches that word; a longer one its words standing together
 * (stop words between them allowed, as "ran out of connections"), and the typed words of 4 or more letters also one
 * by one, as the search matched them. An unfinished typed word matches as a prefix.
 */
function groupMatcher(group) {
  const sequences = [];
  let prefix = null;
  group.alternatives.forEach((alternative, i) => {
    const terms = alternative.filter((c) => c.type === 'term').map((c) => c.term);
    if (i === 0) {
      for (const c of alternative) if (c.type === 'prefix') prefix = c.word;
      // short words of a phrase ("ran", "out") say little alone: only the phrase marks them
      for (const t of terms) if (terms.length === 1 || t.length >= 4) sequences.push({ terms: [t], positions: [0] });
    }
    if (terms.length === alternative.length && terms.length > 1) sequences.push({ terms, loose: true });
    else if (terms.length === 1 && alternative.length === 1) sequences.push({ terms, positions: [0] });
  });
  return { key: groupKey(group), sequences, ...(prefix ? { prefix } : {}) };
}

/** Matchers from a Set or array of terms, or matchers as they are. */
function asMatchers(what) {
  if (what == null) return [];
  const list = [...what];
  return list.length > 0 && typeof list[0] === 'string' ? list.map((t) => termMatcher(t)) : list;
}

function sequenceAt(tokens, i, sequence) {
  if (sequence.loose) {
    // consecutive words, whatever stop words stand between them
    if (i + sequence.terms.length > tokens.length) return -1;
    for (let j = 0; j < sequence.terms.length; j++) if (tokens[i + j].term !== sequence.terms[j]) return -1;
    return tokens[i + sequence.terms.length - 1].end;
  }
  const first = tokens[i].position;
  let k = i;
  let end = tokens[i].end;
  for (let j = 0; j < sequence.terms.length; j++) {
    const position = first + sequence.positions[j];
    while (k < tokens.length && tokens[k].position < position) k++;
    if (k >= tokens.length || tokens[k].position !== position || tokens[k].term !== sequence.terms[j]) return -1;
    end = tokens[k].end;
  }
  return end;
}

/**
 * Every match in `text`: [{start, end, key}] in text order, without overlaps (at one place the longest match
 * wins). A match never spans a passage break.
 */
export function findMatches(text, matchers) {
  const list = asMatchers(matchers);
  if (list.length === 0) return [];
  const tokens = analyzeTokens(text);
  const out = [];
  let covered = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].start < covered) continue;
    let best = null;
    for (const m of list) {
      let end = -1;
      for (const s of m.sequences ?? []) end = Math.max(end, sequenceAt(tokens, i, s));
      if (end < 0 && m.prefix && lowerCase(text.slice(tokens[i].start, tokens[i].end)).startsWith(m.prefix)) {
        end = tokens[i].end;
      }
      if (end > 0 && text.slice(tokens[i].start, end).includes(PASSAGE_BREAK)) end = -1;
      if (end > 0 && (!best || end > best.end)) best = { start: tokens[i].start, end, key: m.key };
    }
    if (best) {
      out.push(best);
      covered = best.end;
    }
  }
  return out;
}

/** Ranges [start, end) of what the matchers (or a Set of terms) match in `text`. */
export function highlightRanges(text, matchers) {
  return findMatches(text, matchers).map((m) => [m.start, m.end]);
}

/** Where sentences start: the text's start, after each passage break, after . ! ? and a space. */
function sentenceStarts(text) {
  const out = [0];
  const re = /\n|[.!?…]\s+(?=\S)/g;
  for (let m; (m = re.exec(text)) !== null;) out.push(m.index + m[0].length);
  return [...new Set(out)].filter((s) => s < text.length);
}

/** The start of the word at or after `at` (or `at` itself in white space at the end). */
function wordStart(text, at) {
  let i = Math.max(0, at);
  if (i === 0) return 0;
  if (!/\s/.test(text[i - 1])) {
    while (i < text.length && !/\s/.test(text[i])) i++;
  }
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** `end` moved back to a space after `min`, and never between the halves of a surrogate pair. */
function cutEnd(text, end, min) {
  if (end >= text.length) return text.length;
  const space = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf(PASSAGE_BREAK, end));
  if (space > min) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

/**
 * A snippet of about `length` UTF-16 units of `text` (a snippet source: passages separated by line feeds): the
 * window that shows the most different things the reader asked for, then the most matches, preferring one that
 * starts a sentence. Without any match, the text's start. Returns {text, ranges, before, after}: passage breaks
 * inside the window become " … " (ranges follow), and `before`/`after` say whether text was cut there.
 */
export function cutSnippet(text, matchers, length = 180) {
  const matches = findMatches(text, matchers);
  let start = 0;
  if (matches.length > 0 && text.length > length) {
    const sentences = new Set(sentenceStarts(text));
    const candidates = new Set(sentences);
    for (const m of matches) candidates.add(wordStart(text, m.start - 30));
    let best = null;
    for (let s of candidates) {
      // a window does not open with a passage that holds none of the matches
      const first = matches.find((m) => m.start >= s);
      if (first) {
        const gap = text.lastIndexOf(PASSAGE_BREAK, first.start);
        if (gap >= s) s = gap + 1;
      }
      const e = Math.min(text.length, s + length);
      const inside = matches.filter((m) => m.start >= s && m.end <= e);
      if (inside.length === 0) continue;
      const score = [new Set(inside.map((m) => m.key)).size, inside.length, sentences.has(s) ? 1 : 0, -s];
      if (!best || compareScores(score, best.score) > 0) best = { s, score };
    }
    start = best ? best.s : 0;
    // room left at the end: start earlier, at a sentence, rather than show less
    if (text.length - start < length) {
      const earlier = [...sentences].filter((s) => s < start && text.length - s <= length
        && !text.slice(s, start - 1).includes(PASSAGE_BREAK));
      if (earlier.length > 0) start = Math.min(...earlier);
    }
  }
  while (start < text.length && text[start] === PASSAGE_BREAK) start++;
  let end = cutEnd(text, Math.min(text.length, start + length), start + length / 2);
  // a few words of the next passage say nothing: end at the break instead, unless that hides a match
  const lastBreak = text.lastIndexOf(PASSAGE_BREAK, end - 1);
  if (end < text.length && lastBreak > start + length / 2 && end - lastBreak < 60
      && !matches.some((m) => m.end > lastBreak && m.start < end)) {
    end = lastBreak;
  }
  while (end > start && /\s/.test(text[end - 1])) end--;
  // passage breaks become gaps; ranges move with the text
  let out = '';
  const shift = [];
  for (let i = start; i < end; i++) {
    shift[i - start] = out.length;
    out += text[i] === PASSAGE_BREAK ? GAP : text[i];
  }
  shift[end - start] = out.length;
  const ranges = matches.filter((m) => m.start >= start && m.end <= end)
    .map((m) => [shift[m.start - start], shift[m.end - start]]);
  return { text: out, ranges, before: start > 0, after: end < text.length };
}

function compareScores(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
