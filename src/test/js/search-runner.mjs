// Runs the browser search client in Node over an exported index (SearchParityTest).
// Usage: node search-runner.mjs <site output folder>; stdin: one JSON request a line
// {"q": "...", "prefix": bool, "causes": [...], "limit": 10}; stdout: one JSON line per request,
// {"hits": [{"url", "score"}], "total"} or {"error": "message"}.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SearchIndexData } from '../../../assets/js/search/core/index.js';
import { search, find, correctQuery } from '../../../assets/js/search/core/search.js';

const dir = join(process.argv[2], 'search');
const requests = [];
const load = async (path) => {
  requests.push(path);
  return JSON.parse(await readFile(join(dir, path), 'utf8'));
};
const index = await SearchIndexData.open(load);
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  try {
    if (r.correct) {
      process.stdout.write(JSON.stringify({ corrected: await correctQuery(index, r.q, { prefixLastTerm: !!r.prefix }) }) + '\n');
      continue;
    }
    const filters = r.causes && r.causes.length ? { cause: r.causes } : {};
    if (r.site) {
      // the site's search: typo fallback, every-word hits, partial matches (core/search.js find)
      const filters = {};
      if (r.causes && r.causes.length) filters.cause = r.causes;
      if (r.impact && r.impact.length) filters.impactCategory = r.impact;
      if (r.component && r.component.length) filters.component = r.component;
      if (r.year && r.year.length) filters.year = r.year;
      const result = await find(index, r.q, { prefixLastTerm: !!r.prefix, filters, limit: r.limit ?? 10 });
      const data = await index.results(result.hits.map((h) => h.doc));
      process.stdout.write(JSON.stringify({
        hits: result.hits.map((h) => ({ url: data.get(h.doc).url, score: h.score, partial: !!h.partial, missing: h.missing ?? [] })),
        total: result.total, partialTotal: result.partialTotal, corrected: result.corrected,
      }) + '\n');
      continue;
    }
    const result = await search(index, r.q, { prefixLastTerm: !!r.prefix, filters, limit: r.limit ?? 10 });
    const data = await index.results(result.hits.map((h) => h.doc));
    process.stdout.write(JSON.stringify({
      hits: result.hits.map((h) => ({ url: data.get(h.doc).url, score: h.score })),
      total: result.total,
    }) + '\n');
  } catch (e) {
    if (e.name !== 'QueryError') throw e;
    process.stdout.write(JSON.stringify({ error: e.message }) + '\n');
  }
}
