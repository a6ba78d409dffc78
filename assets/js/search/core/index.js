// The static search index (docs/search-index-format.md), loaded piece by piece through an injectable loader:
// `load(path)` returns a Promise of the parsed JSON file at `path`, relative to the export folder. The browser
// passes a fetch-based loader; Node tests read files from disk. Pure: no DOM.

export const FORMAT = 1;

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

function gaps(list) {
  const out = new Int32Array(list.length);
  let previous = 0;
  for (let i = 0; i < list.length; i++) {
    previous += list[i];
    out[i] = previous;
  }
  return out;
}

function decodeBase64(s) {
  if (typeof atob === 'function') {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/**
 * One term's postings: a Map from field index to {docs: Int32Array, freqs: Int32Array}, in field order.
 * `entry` is the chunk's array [field, n, gap, freq, …].
 */
function decodePostings(entry) {
  const fields = new Map();
  for (let i = 0; i < entry.length;) {
    const field = entry[i++];
    const n = entry[i++];
    const docs = new Int32Array(n);
    const freqs = new Int32Array(n);
    let doc = 0;
    for (let k = 0; k < n; k++) {
      doc += entry[i++];
      docs[k] = doc;
      freqs[k] = entry[i++];
    }
    fields.set(field, { docs, freqs });
  }
  return fields;
}

export class SearchIndexData {
  constructor(manifest, load) {
    if (manifest.format !== FORMAT) {
      throw new Error(`search index format ${manifest.format}, this client reads format ${FORMAT}: rebake the site`);
    }
    this.manifest = manifest;
    this.load = load;
    this.docCount = manifest.docCount;
    this.fields = manifest.fields.map((f, i) => ({
      index: i, name: f.name, boost: f.boost, docCount: f.docCount, sumTotalTermFreq: f.sumTotalTermFreq,
      norms: decodeBase64(f.norms),
    }));
    this.bodyField = this.fields.findIndex((f) => f.name === 'body');
    this.facets = manifest.facets.map((f) => ({ name: f.name, values: f.values, docs: f.docs.map(gaps) }));
    this.shardOf = new Int32Array(this.docCount);
    manifest.shards.forEach((docs, s) => { for (const d of gaps(docs)) this.shardOf[d] = s; });
    this.chunks = new Map(); // 't3' → Promise of the parsed chunk
    this.postingsCache = new Map();
    this.positionsCache = new Map();
    this.shards = new Map();
    this.prefixTable = null;
  }

  /** Opens the index: loads the manifest only. */
  static async open(load) {
    return new SearchIndexData(await load('manifest.json'), load);
  }

  chunk(kind, number) {
    const key = kind + number;
    if (!this.chunks.has(key)) {
      const p = this.load(`${kind}/${number}.json`);
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
      if (i >= 0) result = decodePostings(chunk.data[i]);
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
      const entry = chunk.data[findTerm(chunk.terms, term)];
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
        const df = bodyDocFreq(chunk.data[i], this.bodyField);
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

  /** Terms of the loaded chunk that would hold `term`, for typo correction: [term, bodyDocFreq]. */
  async neighbourTerms(term) {
    if (this.manifest.termChunks.length === 0) return [];
    const chunk = await this.chunk('t', this.termChunkOf(term));
    return chunk.terms.map((t, i) => [t, bodyDocFreq(chunk.data[i], this.bodyField)]);
  }

  /** Result data for these docs: Map doc → {doc, id, url, title, date, causes, text}. One request per shard. */
  async results(docs) {
    const shardNumbers = [...new Set(docs.map((d) => this.shardOf[d]))];
    await Promise.all(shardNumbers.map((s) => {
      if (!this.shards.has(s)) {
        const p = this.load(`r/${s}.json`).then((rows) => {
          const byDoc = new Map();
          for (const [doc, id, url, title, date, causes, text] of rows) {
            byDoc.set(doc, { doc, id, url, title, date, causes, text });
          }
          return byDoc;
        });
        p.catch(() => this.shards.delete(s));
        this.shards.set(s, p);
      }
      return this.shards.get(s);
    }));
    const out = new Map();
    for (const d of docs) out.set(d, (await this.shards.get(this.shardOf[d])).get(d));
    return out;
  }
}

function bodyDocFreq(entry, bodyField) {
  for (let i = 0; i < entry.length;) {
    const field = entry[i];
    const n = entry[i + 1];
    if (field === bodyField) return n;
    i += 2 + 2 * n;
  }
  return 0;
}
