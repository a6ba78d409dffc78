// Browsing by filter without words: the incidents that have the selected facet values, newest first. Pure: no DOM.
import { decodeNumbers } from './index.js';

/** The export's file of every document, newest first (docs/search-index-format.md, "recent.json"). */
export const RECENT = 'recent.json';

/** True when some facet has a selected value. */
export function hasFilters(filters = {}) {
  return Object.values(filters).some((values) => values && values.length > 0);
}

/**
 * A test for the documents that have, for every facet with a selection, one of its selected values (a filter the
 * index does not know matches nothing).
 */
export function filterTest(index, filters = {}) {
  const tests = [];
  for (const [name, selected] of Object.entries(filters)) {
    if (!selected || selected.length === 0) continue;
    const facet = index.facets.find((f) => f.name === name);
    if (!facet) return () => false;
    const wanted = new Set(selected.map((v) => facet.values.indexOf(v)).filter((i) => i >= 0));
    const setMatches = facet.sets.map((set) => set.some((v) => wanted.has(v)));
    tests.push((doc) => setMatches[facet.setOf[doc]]);
  }
  return (doc) => tests.every((t) => t(doc));
}

/** Every document, newest first: loaded once, only when browsing. */
export function recentOrder(index) {
  if (!index.recent) {
    index.recent = index.load(RECENT).then((r) => decodeNumbers(r.docs));
    index.recent.catch(() => { index.recent = null; });
  }
  return index.recent;
}

/**
 * The documents with the selected filter values, newest first: {docs (all of them, in that order), total}.
 * Every document is counted, so the facets can show what each other value would list.
 */
export async function browse(index, filters = {}) {
  const order = await recentOrder(index);
  const keep = filterTest(index, filters);
  const docs = [];
  for (const doc of order) if (keep(doc)) docs.push(doc);
  return { docs, total: docs.length };
}

/** Every document number: what the facets count over when no words narrow the library. */
export function allDocs(index) {
  return Array.from({ length: index.docCount }, (_, i) => i);
}
