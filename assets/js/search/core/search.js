// Ranking exactly like dev.pmkb.index.Searcher (docs/search.md, "Ranking: the exact formula"), facet counts and
// typo correction, over the static index (index.js). Pure: no DOM.
import { parseQuery, exactPrefixCandidates, clauseLabel, QueryError } from './query.js';
import { analyze, tokenize, lowerCase } from './analyze.js';
import { compareTerms } from './index.js';

const f32 = Math.fround;
const K1 = f32(1.2);
const B = f32(0.75);
const ONE_MINUS_B = f32(0.25);

/** Lucene's SmallFloat.byte4ToInt: the field length a norm byte stands for. */
export function lengthOfNorm(b) {
  const i = b & 0xff;
  if (i < 24) return i;
  const bits = (i - 24) & 7;
  const shift = ((i - 24) >>> 3) - 1;
  return 24 + (shift === -1 ? bits : (bits | 8) << shift);
}

/** Per-field constants: avgdl and the 256 possible 1 / (k1 (1 − b + b dl / avgdl)) values. */
function fieldModel(field) {
  if (!field.model) {
    const avgdl = f32(field.sumTotalTermFreq / field.docCount);
    const inv = new Float64Array(256);
    for (let b = 0; b < 256; b++) {
      const dl = lengthOfNorm(b);
      inv[b] = f32(1 / f32(K1 * f32(ONE_MINUS_B + f32(f32(B * dl) / avgdl))));
    }
    field.model = { avgdl, inv };
  }
  return field.model;
}

function idf(field, n) {
  return f32(Math.log(1 + (field.docCount - n + 0.5) / (n + 0.5)));
}

function bm25(weight, freq, inv) {
  return f32(weight - f32(weight / f32(1 + f32(freq * inv))));
}

/** Adds each field's BM25 score of one term to `sums` (Map doc → float64 sum of float32 values). */
function addTerm(index, postings, sums) {
  for (const [f, p] of postings) {
    const field = index.fields[f];
    const { inv } = fieldModel(field);
    const weight = f32(field.boost * idf(field, p.docs.length));
    for (let k = 0; k < p.docs.length; k++) {
      const doc = p.docs[k];
      const s = bm25(weight, p.freqs[k], inv[field.norms[doc]]);
      sums.set(doc, (sums.get(doc) ?? 0) + s);
    }
  }
}

function finish(sums) {
  const out = new Map();
  for (const [doc, s] of sums) out.set(doc, f32(s));
  return out;
}

async function termScores(index, term) {
  const sums = new Map();
  addTerm(index, await index.postings(term), sums);
  return finish(sums);
}

/** Exact phrase: per field, the number of start positions where every term sits at its offset. */
async function phraseScores(index, phrase) {
  const postings = await Promise.all(phrase.terms.map((t) => index.postings(t)));
  if (postings.some((p) => p.size === 0)) return new Map();
  const positions = await Promise.all(phrase.terms.map((t) => index.positions(t)));
  const sums = new Map();
  for (const field of index.fields) {
    const f = field.index;
    if (!postings.every((p) => p.has(f))) continue;
    const lists = postings.map((p) => p.get(f));
    const { inv } = fieldModel(field);
    let idfSum = 0;
    for (const l of lists) idfSum += idf(field, l.docs.length);
    const weight = f32(field.boost * f32(idfSum));
    // docs in every list: walk the shortest, binary-search the others
    const order = lists.map((l, i) => i).sort((a, b) => lists[a].docs.length - lists[b].docs.length);
    const lead = lists[order[0]];
    for (let k = 0; k < lead.docs.length; k++) {
      const doc = lead.docs[k];
      const at = lists.map((l) => indexOf(l.docs, doc));
      if (at.some((i) => i < 0)) continue;
      const perTerm = at.map((i, t) => positions[t].get(f)[i]);
      const sets = perTerm.map((ps) => new Set(ps));
      let freq = 0;
      for (const p0 of perTerm[0]) {
        const start = p0 - phrase.positions[0];
        let all = true;
        for (let t = 1; t < perTerm.length && all; t++) all = sets[t].has(start + phrase.positions[t]);
        if (all) freq++;
      }
      if (freq > 0) sums.set(doc, (sums.get(doc) ?? 0) + bm25(weight, freq, inv[field.norms[doc]]));
    }
  }
  return finish(sums);
}

function indexOf(sorted, value) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/**
 * The body terms an unfinished word stands for, as Searcher.expand: terms starting with it, its stem and its own
 * prefixes (≥ 4 code points, ≤ 3 shorter) when the body has them; most documents first, then code point order;
 * at most 16.
 */
export async function expandPrefix(index, prefix) {
  const candidates = await index.termsStartingWith(prefix.word);
  const seen = new Set(candidates.map((c) => c[0]));
  const exact = exactPrefixCandidates(prefix).filter((t) => !seen.has(t));
  await index.loadTerms(exact);
  for (const term of exact) {
    if (seen.has(term)) continue;
    const df = await index.bodyDocFreq(term);
    if (df > 0) {
      seen.add(term);
      candidates.push([term, df]);
    }
  }
  candidates.sort((a, b) => (b[1] - a[1]) || compareTerms(a[0], b[0]));
  return candidates.slice(0, index.settings.prefixExpansions).map((c) => c[0]);
}

async function prefixScores(index, expansions) {
  const best = new Map();
  for (const term of expansions) {
    for (const [doc, s] of await termScores(index, term)) {
      if (!(best.get(doc) >= s)) best.set(doc, s);
    }
  }
  return best;
}

/** Parses with the index's synonyms and clause limit (manifest "query"). */
export function parse(index, query, prefixLastTerm) {
  return parseQuery(query, { prefixLastTerm, synonyms: index.settings.synonyms, maxClauses: index.settings.maxClauses });
}

/** The exact terms a clause searches (a group's: every alternative's), to load their chunks at once. */
function clauseTerms(clause) {
  if (clause.type === 'term') return [clause.term];
  if (clause.type === 'phrase') return clause.terms;
  if (clause.type === 'group') return clause.alternatives.flatMap((a) => a.flatMap(clauseTerms));
  return [];
}

/**
 * One clause's score per matching doc (Map doc → float32), as Searcher.clauseQuery scores it: a term or phrase
 * summed over fields; an unfinished word its best expansion; a group its best alternative, an alternative the
 * float32 of the sum of its clauses when every one matches.
 */
async function clauseScores(index, clause, terms) {
  if (clause.type === 'term') {
    terms.add(clause.term);
    return termScores(index, clause.term);
  }
  if (clause.type === 'phrase') {
    clause.terms.forEach((t) => terms.add(t));
    return phraseScores(index, clause);
  }
  if (clause.type === 'prefix') {
    const expansions = await expandPrefix(index, clause);
    await index.loadTerms(expansions);
    expansions.forEach((t) => terms.add(t));
    return prefixScores(index, expansions);
  }
  const best = new Map();
  for (const alternative of clause.alternatives) {
    const parts = [];
    for (const c of alternative) parts.push(await clauseScores(index, c, terms));
    for (const [doc, s] of conjunction(parts)) if (!(best.get(doc) >= s)) best.set(doc, s);
  }
  return best;
}

/** Docs in every map, with the float32 of the float64 sum of their scores (Lucene's conjunction). */
function conjunction(maps) {
  const out = new Map();
  if (maps.length === 0) return out;
  const sorted = [...maps].sort((a, b) => a.size - b.size);
  for (const [doc] of sorted[0]) {
    let sum = 0;
    let match = true;
    for (const m of maps) {
      const s = m.get(doc);
      if (s === undefined) { match = false; break; }
      sum += s;
    }
    if (match) out.set(doc, f32(sum));
  }
  return out;
}

/**
 * Every doc matching a parsed query, with Lucene's score: Map doc → float32 score. `terms` receives every
 * dictionary term the query searched (expansions and synonyms included), for highlighting. `perClause`, when
 * given, receives each clause's own scores (for partial matches).
 */
export async function scoreAll(index, parsed, terms = new Set(), perClause = null) {
  const all = [...parsed.clauses, ...parsed.proximity];
  await index.loadTerms(all.flatMap(clauseTerms)); // one round of parallel requests for the chunks
  const required = [];
  for (const clause of parsed.clauses) required.push(await clauseScores(index, clause, terms));
  if (perClause) perClause.push(...required);
  const scores = conjunction(required);
  if (parsed.proximity.length > 0 && scores.size > 0) {
    const optional = await Promise.all(parsed.proximity.map((p) => phraseScores(index, p)));
    for (const [doc, r] of scores) {
      let p = 0;
      let any = false;
      for (const o of optional) {
        const s = o.get(doc);
        if (s !== undefined) { p += s; any = true; }
      }
      if (any) scores.set(doc, f32(r + f32(p)));
    }
  }
  return scores;
}

/** The docs having any of the selected values of one facet, as {has(doc)}; null when nothing is selected. */
function facetFilter(index, facet, selected) {
  if (!selected || selected.length === 0) return null;
  const f = index.facets.find((x) => x.name === facet);
  if (!f) return { has: () => false };
  const wanted = new Set(selected.map((value) => f.values.indexOf(value)).filter((i) => i >= 0));
  const setMatches = f.sets.map((set) => set.some((v) => wanted.has(v)));
  return { has: (doc) => setMatches[f.setOf[doc]] };
}

/**
 * Counts per facet value among `docs`, each facet counted with the other facets' filters applied but not its own
 * (so a reader can widen a selection): [{name, values: [{value, count, selected}]}], values with hits only, most
 * hits first.
 */
export function countFacets(index, docs, filters = {}) {
  const sets = Object.fromEntries(index.facets.map((f) => [f.name, facetFilter(index, f.name, filters[f.name])]));
  return index.facets.map((facet) => {
    const counts = new Map();
    for (const doc of docs) {
      let keep = true;
      for (const [name, set] of Object.entries(sets)) {
        if (name !== facet.name && set && !set.has(doc)) { keep = false; break; }
      }
      if (!keep) continue;
      for (const v of facet.sets[facet.setOf[doc]]) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const selected = new Set(filters[facet.name] ?? []);
    const values = [...counts].map(([v, count]) => ({ value: facet.values[v], count, selected: selected.has(facet.values[v]) }));
    for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0, selected: true });
    values.sort((a, b) => (b.count - a.count) || compareTerms(a.value, b.value));
    return { name: facet.name, values };
  });
}

/**
 * Searches: {hits: [{doc, score}] (top `limit`, by score then doc), total, docs (every match after filters,
 * for facet counts), terms (what to highlight), parsed}. `filters` maps a facet name (cause, impactCategory,
 * component, year) to selected values: a hit has one of them, for every facet with a selection; filters do not
 * change scores. Throws QueryError for a query that cannot be searched.
 */
export async function search(index, query, { prefixLastTerm = false, filters = {}, limit = 10 } = {}) {
  const parsed = parse(index, query, prefixLastTerm);
  const terms = new Set();
  const perClause = [];
  const scores = await scoreAll(index, parsed, terms, perClause);
  const matched = [...scores.keys()];
  const sets = Object.entries(filters).map(([name, values]) => facetFilter(index, name, values)).filter((s) => s);
  const docs = matched.filter((d) => sets.every((s) => s.has(d)));
  const ranked = docs.map((doc) => ({ doc, score: scores.get(doc) }))
    .sort((a, b) => (b.score - a.score) || (a.doc - b.doc));
  return { hits: ranked.slice(0, limit), total: ranked.length, docs, matched, terms, parsed, perClause, sets };
}

/**
 * The site's search, twin of Searcher.find (docs/search.md, "What the site's search does"):
 *  1. a word that no field has and no synonym knows is corrected when the dictionary has a close one: the
 *     corrected query is searched, `corrected` holds it and `original` the query as typed;
 *  2. every-word hits, ranked by score;
 *  3. when they are fewer than `partialBelow` (manifest "query"), the docs matching at least half of the
 *     clauses (rounded up) follow, each {doc, score, partial: true, missing: [words not found]}, ranked by how
 *     many clauses match, then score (float32 of the sum of the matching clauses' scores), then doc.
 * Returns search()'s object plus {corrected, original, partialTotal}; `total` counts every-word hits only.
 */
export async function find(index, query, { prefixLastTerm = false, filters = {}, limit = 10 } = {}) {
  const corrected = await correctQuery(index, query, { prefixLastTerm });
  const result = await search(index, corrected ?? query, { prefixLastTerm, filters, limit });
  result.corrected = corrected;
  result.original = query;
  result.partialTotal = 0;
  const clauses = result.parsed.clauses.length;
  if (result.total >= index.settings.partialBelow || clauses < 2) return result;
  const need = Math.ceil(clauses / 2);
  const seen = new Set(result.docs);
  const partial = [];
  for (const scores of result.perClause) {
    for (const doc of scores.keys()) {
      if (seen.has(doc) || !result.sets.every((s) => s.has(doc))) continue;
      seen.add(doc);
      let count = 0;
      let sum = 0;
      const missing = [];
      result.perClause.forEach((m, c) => {
        const s = m.get(doc);
        if (s === undefined) missing.push(clauseLabel(result.parsed.clauses[c]));
        else { count++; sum += s; }
      });
      if (count >= need) partial.push({ doc, score: f32(sum), partial: true, count, missing });
    }
  }
  partial.sort((a, b) => (b.count - a.count) || (b.score - a.score) || (a.doc - b.doc));
  result.partialTotal = partial.length;
  result.partialDocs = partial.map((p) => p.doc);
  for (const p of partial) {
    if (result.hits.length >= limit) break;
    result.hits.push(p);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Typo fallback

/** Damerau–Levenshtein (optimal string alignment) distance over code points, stopping above `max`. */
export function editDistance(a, b, max = 2) {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length];
}

/** Edits allowed for a term: none up to 2 code points, 1 up to 5, else 2 (like Elasticsearch's AUTO fuzziness). */
export function maxEdits(term) {
  const n = Array.from(term).length;
  return n <= 2 ? 0 : n <= 5 ? 1 : 2;
}

/**
 * The closest body term to a term the dictionary lacks, from the chunk that would hold it and its neighbours
 * (FuzzyQuery-like: fewest edits, then most documents, then term order); null when none is close enough.
 */
export async function closestTerm(index, term) {
  const max = maxEdits(term);
  if (max === 0) return null;
  let best = null;
  for (const [candidate, df] of await index.neighbourTerms(term)) {
    if (df === 0) continue;
    const d = editDistance(term, candidate, max);
    if (d === 0 || d > max) continue;
    if (!best || d < best.d || (d === best.d && (df > best.df || (df === best.df && compareTerms(candidate, best.term) < 0)))) {
      best = { term: candidate, d, df };
    }
  }
  return best ? best.term : null;
}

/**
 * A word the reader would recognise for a corrected term. The stem may have lost the typo's place
 * ("certifcate" → "certifc"), so one edit of the typed word is looked for that analyses to the new term
 * (insertions first: typing too few letters is the commonest slip, then substitutions, transpositions,
 * deletions); else the new stem with the typed word's ending; else the new term itself.
 */
function surfaceWord(typed, oldTerm, newTerm) {
  const fits = (w) => {
    const a = analyze(w);
    return a.length === 1 && a[0] === newTerm;
  };
  const w = Array.from(lowerCase(typed));
  const letters = [...new Set([...Array.from(newTerm), ...'abcdefghijklmnopqrstuvwxyz'])];
  for (let i = 0; i <= w.length; i++) {
    for (const c of letters) {
      const candidate = [...w.slice(0, i), c, ...w.slice(i)].join('');
      if (fits(candidate)) return candidate;
    }
  }
  for (let i = 0; i < w.length; i++) {
    for (const c of letters) {
      if (c === w[i]) continue;
      const candidate = [...w.slice(0, i), c, ...w.slice(i + 1)].join('');
      if (fits(candidate)) return candidate;
    }
  }
  for (let i = 0; i + 1 < w.length; i++) {
    const candidate = [...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)].join('');
    if (fits(candidate)) return candidate;
  }
  for (let i = 0; i < w.length; i++) {
    const candidate = [...w.slice(0, i), ...w.slice(i + 1)].join('');
    if (fits(candidate)) return candidate;
  }
  const lower = w.join('');
  if (lower.startsWith(oldTerm) && fits(newTerm + lower.slice(oldTerm.length))) return newTerm + lower.slice(oldTerm.length);
  return newTerm;
}

/**
 * When a query has no hits because some of its words are not in the dictionary, the same query with each such
 * word replaced by the closest dictionary term; null when there is nothing to correct.
 */
export async function correctQuery(index, query, { prefixLastTerm = false } = {}) {
  let parsed;
  try {
    parsed = parse(index, query, prefixLastTerm);
  } catch (e) {
    if (e instanceof QueryError) return null;
    throw e;
  }
  const missing = new Set();
  await index.loadTerms(parsed.clauses.flatMap(clauseTerms));
  for (const clause of parsed.clauses) {
    if (clause.type === 'group') continue; // a synonym is a word the library's vocabulary knows: never corrected
    for (const t of clauseTerms(clause)) if ((await index.postings(t)).size === 0) missing.add(t);
    if (clause.type === 'prefix' && (await expandPrefix(index, clause)).length === 0 && clause.stem) {
      missing.add(clause.stem);
    }
  }
  if (missing.size === 0) return null;
  const fixes = new Map();
  for (const term of missing) {
    const fix = await closestTerm(index, term);
    if (fix) fixes.set(term, fix);
  }
  if (fixes.size === 0) return null;
  // rewrite the typed words whose term was corrected, right to left so offsets stay valid
  let out = query;
  const tokens = tokenize(query);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const a = analyze(t.text);
    if (a.length === 1 && fixes.has(a[0])) {
      const word = surfaceWord(t.text, a[0], fixes.get(a[0]));
      const capital = t.text[0] !== t.text[0].toLowerCase() && word[0] === word[0].toLowerCase();
      out = out.slice(0, t.start) + (capital ? word[0].toUpperCase() + word.slice(1) : word) + out.slice(t.end);
    }
  }
  return out === query ? null : out;
}
