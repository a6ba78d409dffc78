// node --test: query parsing (assets/js/search/core/query.js); docs/search.md §3 is the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery as parse, QueryError } from '../../../../assets/js/search/core/query.js';
import { QUERY_SETTINGS } from './stop-words.mjs';

const MAX_CLAUSES = QUERY_SETTINGS.maxClauses;
/** Parses with the settings an index gives (where the parser takes them as options). */
const parseQuery = (query, options = {}) => parse(query, { maxClauses: MAX_CLAUSES, ...options });

test('bare words are required terms and an optional proximity phrase', () => {
  const q = parseQuery('Connection pools');
  assert.deepEqual(q.clauses, [{ type: 'term', term: 'connect' }, { type: 'term', term: 'pool' }]);
  assert.deepEqual(q.proximity, [{ type: 'phrase', terms: ['connect', 'pool'], positions: [0, 1] }]);
});

test('a quoted phrase keeps its stop-word gaps, and an unclosed quote quotes the rest', () => {
  assert.deepEqual(parseQuery('"pool of 20"').clauses, [{ type: 'phrase', terms: ['pool', '20'], positions: [0, 2] }]);
  assert.deepEqual(parseQuery('disk "no space left').clauses.map((c) => c.type), ['term', 'phrase']);
});

test('the unfinished last word is a prefix only while typing, and not after a space', () => {
  assert.deepEqual(parseQuery('certi', { prefixLastTerm: true }).clauses, [{ type: 'prefix', word: 'certi', stem: 'certi' }]);
  assert.deepEqual(parseQuery('certi ', { prefixLastTerm: true }).clauses, [{ type: 'term', term: 'certi' }]);
});

test('repeated words are one clause', () => {
  assert.equal(parseQuery('pool pool POOLS').clauses.length, 1);
});

test('queries that cannot be searched say why', () => {
  assert.throws(() => parseQuery('   '), { name: 'QueryError', message: /^empty query/ });
  assert.throws(() => parseQuery('!!!'), /a query needs letters or digits/);
  assert.throws(() => parseQuery('the of and'), /only common words that are not indexed \(the, of, and\)/);
  const long = Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `word${i}`).join(' ');
  assert.throws(() => parseQuery(long), (e) => e instanceof QueryError && /query too long: 33 different/.test(e.message));
});
