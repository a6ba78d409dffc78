// A result's whole text, for a snippet when the sentences of its result shard do not hold the query's words
// (docs/search-index-format.md, "x/<doc>.json"). Loaded after the results show, only for those results.

/** The export's folder of per-document texts. */
export const TEXTS = 'x';

/** The text of `doc` (passages one a line), loaded once. */
export function fullText(index, doc) {
  if (!index.texts) index.texts = new Map();
  if (!index.texts.has(doc)) {
    const p = index.load(`${TEXTS}/${doc}.json`).then((r) => r.text ?? '');
    p.catch(() => index.texts.delete(doc));
    index.texts.set(doc, p);
  }
  return index.texts.get(doc);
}
