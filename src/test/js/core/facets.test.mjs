// node --test: facet counts (search.js countFacets) and browsing by filter without words (browse.js), over a
// small index built in memory the way index.js builds it from a manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndexData, FORMAT } from '../../../../assets/js/search/core/index.js';
import { QUERY_SETTINGS } from './stop-words.mjs';
import { countFacets } from '../../../../assets/js/search/core/search.js';
import { browse, filterTest, hasFilters, allDocs, RECENT } from '../../../../assets/js/search/core/browse.js';

// number codes (docs/search-index-format.md): '!' is 0, '#' 1, '$' 2, '%' 3, '&' 4
const code = (...numbers) => numbers.map((n) => '!#$%&\''[n]).join('');

function library(recent = [3, 1, 0, 2, 4]) {
  const manifest = {
    format: FORMAT, query: QUERY_SETTINGS, docCount: 5, fields: [], termChunks: [], termChunkCommon: [], positionChunks: [], shards: [0],
    facets: [
      // docs 0, 1: dns; doc 2: dns + human-error; doc 3: human-error; doc 4: none
      { name: 'cause', values: ['dns', 'human-error'], labels: ['DNS', 'Human error'], sets: [[0], [1], [0, 1], []], docs: code(0, 0, 2, 1, 3) },
      { name: 'year', values: ['2023', '2024'], sets: [[0], [1]], docs: code(0, 1, 1, 1, 0) },
    ],
  };
  const loads = [];
  const index = new SearchIndexData(manifest, async (path) => {
    loads.push(path);
    if (path === RECENT) return { docs: code(...recent) };
    throw new Error(`unexpected ${path}`);
  });
  return { index, loads };
}

test('each facet is counted with the other facets\' filters, not its own', () => {
  const { index } = library();
  const facets = countFacets(index, allDocs(index), { cause: ['human-error'] });
  const cause = facets.find((f) => f.name === 'cause').values;
  assert.deepEqual(cause, [{ value: 'dns', count: 3, selected: false }, { value: 'human-error', count: 2, selected: true }]);
  const year = facets.find((f) => f.name === 'year').values;
  assert.deepEqual(year, [{ value: '2024', count: 2, selected: false }]);
});

test('browsing lists the incidents with the filter, newest first, loading the order only then', async () => {
  const { index, loads } = library();
  assert.deepEqual(loads, []);
  assert.deepEqual(await browse(index, { cause: ['human-error'] }), { docs: [3, 2], total: 2 });
  assert.deepEqual(await browse(index, { cause: ['dns'], year: ['2024'] }), { docs: [1, 2], total: 2 });
  assert.deepEqual(await browse(index, { cause: ['nothing-like-it'] }), { docs: [], total: 0 });
  assert.deepEqual(loads, [RECENT], 'the order is loaded once');
});

test('values of one facet are alternatives, facets are all required', () => {
  const { index } = library();
  const keep = filterTest(index, { cause: ['dns', 'human-error'], year: ['2023'] });
  assert.deepEqual(allDocs(index).filter(keep), [0]);
  assert.equal(hasFilters({}), false);
  assert.equal(hasFilters({ cause: [] }), false);
  assert.equal(hasFilters({ year: ['2024'] }), true);
});
