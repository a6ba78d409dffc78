// node --test: typo correction (search.js): edit distance, how many edits a word allows, the closest term.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, maxEdits, closestTerm } from '../../../../assets/js/search/core/search.js';

test('edit distance counts a transposition as one edit and stops above the limit', () => {
  assert.equal(editDistance('conection', 'connection'), 1);
  assert.equal(editDistance('pol', 'pool'), 1);
  assert.equal(editDistance('teh', 'the'), 1);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
});

test('short words are never corrected, longer ones allow more edits', () => {
  assert.deepEqual(['db', 'pool', 'connect'].map(maxEdits), [0, 1, 2]);
});

test('the closest term has the fewest edits, then the most documents', async () => {
  const index = { neighbourTerms: async () => [['pool', 3], ['poll', 9], ['tool', 1], ['polo', 0]] };
  assert.equal(await closestTerm(index, 'pooll'), 'poll');
  assert.equal(await closestTerm(index, 'xyzzy'), null);
});
