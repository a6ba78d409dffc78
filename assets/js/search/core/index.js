// The static search index (docs/search-index-format.md), loaded piece by piece through an injectable loader:
// `load(path)` returns a Promise of the parsed JSON file at `path`, relative to the export folder. The browser
// passes a fetch-based loader; Node tests read files from disk. Pure: no DOM.

import { setStopWords } from './analyze.js';

export const FORMAT = 3;

/** Code point order of two strings (UTF-8 byte order: Lucene's term order), without allocating. */
export function compareTerms(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // surrogates (supplementary code points) sort after U+E000–U+FFFF in code point order
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Index of the last element of sorted `firsts` that is ≤ `term` (0 when none is). */
function chunkOf(firsts, term) {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareTerms(firsts[mid], term) <= 0) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function findTerm(terms, term) {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareTerms(terms[mid], term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -lo - 1;
}

// Number codes (docs/search-index-format.md): printable ASCII without `"` and `\`; the first FINAL characters
// end a number, the others are its higher digits in base MORE.
const FINAL = 60;
const MORE = 32;
const DIGIT = new Int8Array(128).fill(-1);
{
  let d = 0;
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) DIGIT[c] = d++;
}

/** The numbers of a code string, as an Int32Array. */
export function decodeNumbers(codes) {
  const out = new Int32Array(codes.length);
  let n = 0;
  let high = 0;
  for (let i = 0; i < codes.length; i++) {
    const d = DIGIT[codes.charCodeAt(i)];
    if (d >= FINAL) high = high * MORE + (d - FINAL);
    else {
      out[n++] = high * FINAL + d;
      high = 0;
    }
  }
  return out.subarray(0, n);
}

/** Reads one number at `at` of a code string: [value, index after it]. */
function numberAt(codes, at) {
  let high = 0;
  for (let i = at; ; i++) {
    const d = DIGIT[codes.charCodeAt(i)];
    if (d < FINAL) return [high * FINAL + d, i + 1];
    high = high * MORE + (d - FINAL);
  }
}

/** The terms of a front-coded string: records "shared-length code + rest", separated by spaces. */
export function frontDecoded(coded) {
  const terms = [];
  if (coded === '') return terms;
  let previous = '';
  for (const record of coded.split(' ')) {
    const [shared, at] = numberAt(record, 0);
    previous = previous.slice(0, shared) + record.slice(at);
    terms.push(previous);
  }
  return terms;
}

/** The fields of a term's postings in the order they are stored: the body first, then the others in field order. */
function storedFields(mask, bodyField, fieldCount) {
  const order = [];
  if (mask & (1 << bodyField)) order.push(bodyField);
  for (let f = 0; f < fieldCount; f++) if (f !== bodyField && (mask & (1 << f))) order.push(f);
  return order;
}

/**
 * One term's postings: a Map from field index to {docs: Int32Array, freqs: Int32Array}, the body first. Postings
 * of other fields may count places in the body's list instead of document numbers (format doc, "Term chunks").
 */
function decodePostings(code, bodyField, fieldCount) {
  const v = decodeNumbers(code);
  let i = 0;
  const fields = new Map();
  let body = null;
  for (const f of storedFields(v[i++], bodyField, fieldCount)) {
    let n = v[i++];
    let relative = false;
    if (f !== bodyField) {
      relative = (n & 1) === 1;
      n >>>= 1;
    }
    const docs = new Int32Array(n);
    const freqs = new Int32Array(n);
    let previous = -1;
    for (let k = 0; k < n; k++) {
      const c = v[i++];
      previous += (c >>> 1) + 1;
      docs[k] = relative ? body.docs[previous] : previous;
      freqs[k] = (c & 1) === 1 ? 1 : v[i++] + 2;
    }
    const postings = { docs, freqs };
    if (f === bodyField) body = postings;
    fields.set(f, postings);
  }
  return fields;
}

/** The body document frequency from a term's postings code, without decoding the rest; 0 when not in the body. */
function bodyDocFreq(code, bodyField) {
  const [mask, at] = numberAt(code, 0);
  return mask & (1 << bodyField) ? numberAt(code, at)[0] : 0;
}

export class SearchIndexData {
  constructor(manifest, load) {
    if (manifest.format !== FORMAT) {
      throw new Error(`search index format ${manifest.format}, this client reads format ${FORMAT}: rebake the site`);
    }
    this.manifest = manifest;
    this.load = load;
    // what Java's Searcher searches with, written by the export: one source for both sides
    this.settings = manifest.query;
    setStopWords(this.settings.stopWords);
    this.docCount = manifest.docCount;
    this.fields = manifest.fields.map((f, i) => ({
      index: i, name: f.name, boost: f.boost, docCount: f.docCount, sumTotalTermFreq: f.sumTotalTermFreq,
      norms: Uint8Array.from(decodeNumbers(f.norms), (k) => f.normValues[k]),
    }));
    this.bodyField = this.fields.findIndex((f) => f.name === 'body');
    // per facet: the value sets documents have, and each document's set (manifest "sets" and "docs")
    this.facets = manifest.facets.map((f) => ({
      name: f.name,
      param: f.param ?? f.name, // its name in the page's URL (search.html?impact=…)
      values: f.values,
      labels: new Map(f.values.map((v, i) => [v, (f.labels ?? f.values)[i]])),
      sets: f.sets,
      setOf: decodeNumbers(f.docs),
    }));
    this.shardFirsts = Int32Array.from(manifest.shards);
    this.chunks = new Map(); // 't3' → Promise of {terms, codes}
    this.postingsCache = new Map();
    this.positionsCache = new Map();
    this.shards = new Map();
    this.prefixTable = null;
  }

  /** What a reader sees for a facet value (a root cause's name for its slug); the value itself when unnamed. */
  label(facet, value) {
    return this.facets.find((f) => f.name === facet)?.labels.get(value) ?? value;
  }

  /** Opens the index: loads the manifest only. */
  static async open(load) {
    return new SearchIndexData(await load('manifest.json'), load);
  }

  /** A term or position chunk: {terms: [..], codes: [..]}, loaded once. */
  chunk(kind, number) {
    const key = kind + number;
    if (!this.chunks.has(key)) {
      const p = this.load(`${kind}/${number}.json`)
        .then((c) => ({ terms: frontDecoded(c.terms), codes: kind === 't' ? c.postings : c.positions }));
      p.catch(() => this.chunks.delete(key));
      this.chunks.set(key, p);
    }
    return this.chunks.get(key);
  }

  /** Which term chunk holds `term` (where it would be). */
  termChunkOf(term) {
    return chunkOf(this.manifest.termChunks, term);
  }

  /** Loads the term chunks that hold these terms, in parallel. */
  async loadTerms(terms) {
    if (this.manifest.termChunks.length === 0) return;
    await Promise.all([...new Set(terms.map((t) => this.termChunkOf(t)))].map((c) => this.chunk('t', c)));
  }

  /** The term's postings per field (Map field → {docs, freqs}); empty when the dictionary lacks it. */
  async postings(term) {
    if (this.postingsCache.has(term)) return this.postingsCache.get(term);
    let result = new Map();
    if (this.manifest.termChunks.length > 0) {
      const chunk = await this.chunk('t', this.termChunkOf(term));
      const i = findTerm(chunk.terms, term);
      if (i >= 0) result = decodePostings(chunk.codes[i], this.bodyField, this.fields.length);
    }
    this.postingsCache.set(term, result);
    return result;
  }

  /**
   * The term's positions: Map field → array (per doc, in postings order) of Int32Array positions. Loads the
   * position chunk: only phrases need it.
   */
  async positions(term) {
    if (this.positionsCache.has(term)) return this.positionsCache.get(term);
    const postings = await this.postings(term);
    const result = new Map();
    if (postings.size > 0) {
      const chunk = await this.chunk('p', chunkOf(this.manifest.positionChunks, term));
      const entry = decodeNumbers(chunk.codes[findTerm(chunk.terms, term)]);
      let i = 0;
      for (const [field, p] of postings) {
        const perDoc = new Array(p.docs.length);
        for (let k = 0; k < p.docs.length; k++) {
          const positions = new Int32Array(p.freqs[k]);
          let position = 0;
          for (let j = 0; j < positions.length; j++) {
            position += entry[i++];
            positions[j] = position;
          }
          perDoc[k] = positions;
        }
        result.set(field, perDoc);
      }
    }
    this.positionsCache.set(term, result);
    return result;
  }

  /**
   * Dictionary terms that start with `word` and occur in the body, as [term, bodyDocFreq], at least the 16 with
   * the most documents. One chunk answers unless the word's terms span a chunk boundary; the prefix table
   * answers those.
   */
  async termsStartingWith(word) {
    const firsts = this.manifest.termChunks;
    if (firsts.length === 0) return [];
    const c = this.termChunkOf(word);
    const wordLength = Array.from(word).length;
    for (let j = c + 1; j < firsts.length && firsts[j].startsWith(word); j++) {
      if (this.manifest.termChunkCommon[j] >= wordLength) {
        if (!this.prefixTable) this.prefixTable = this.load('prefixes.json');
        const flat = (await this.prefixTable)[word] || [];
        const out = [];
        for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
        return out;
      }
    }
    // all of the word's terms are in chunk c, or all in chunk c + 1 (when they start right at its boundary)
    const chunks = [c];
    if (c + 1 < firsts.length && firsts[c + 1].startsWith(word)) chunks.push(c + 1);
    const out = [];
    for (const n of chunks) {
      const chunk = await this.chunk('t', n);
      let i = findTerm(chunk.terms, word);
      if (i < 0) i = -i - 1;
      for (; i < chunk.terms.length && chunk.terms[i].startsWith(word); i++) {
        const df = bodyDocFreq(chunk.codes[i], this.bodyField);
        if (df > 0) out.push([chunk.terms[i], df]);
      }
    }
    return out;
  }

  /** The body document frequency of a term; 0 when the body does not have it. */
  async bodyDocFreq(term) {
    const p = await this.postings(term);
    const body = p.get(this.bodyField);
    return body ? body.docs.length : 0;
  }

  /**
   * Terms of the chunk that would hold `term` and of the chunks either side, for typo correction: a typo can sort
   * across a chunk boundary from the word it misspells. [term, bodyDocFreq].
   */
  async neighbourTerms(term) {
    const count = this.manifest.termChunks.length;
    if (count === 0) return [];
    const c = this.termChunkOf(term);
    const numbers = [c - 1, c, c + 1].filter((n) => n >= 0 && n < count);
    const chunks = await Promise.all(numbers.map((n) => this.chunk('t', n)));
    return chunks.flatMap((chunk) => chunk.terms.map((t, i) => [t, bodyDocFreq(chunk.codes[i], this.bodyField)]));
  }

  /** Which result shard holds `doc`: shards are runs of neighbouring documents. */
  shardOf(doc) {
    let lo = 0;
    let hi = this.shardFirsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.shardFirsts[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Result data for these docs: Map doc → {doc, url, title, date, causes, text}. One request per shard. */
  async results(docs) {
    const shardNumbers = [...new Set(docs.map((d) => this.shardOf(d)))];
    await Promise.all(shardNumbers.map((s) => {
      if (!this.shards.has(s)) {
        const first = this.shardFirsts[s];
        const p = this.load(`r/${s}.json`).then((rows) => {
          const byDoc = new Map();
          rows.forEach(([url, title, date, causes, text], k) => {
            byDoc.set(first + k, { doc: first + k, url, title, date, causes, text });
          });
          return byDoc;
        });
        p.catch(() => this.shards.delete(s));
        this.shards.set(s, p);
      }
      return this.shards.get(s);
    }));
    const out = new Map();
    for (const d of docs) out.set(d, (await this.shards.get(this.shardOf(d))).get(d));
    return out;
  }
}
