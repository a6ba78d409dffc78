// node --test: snippets and highlights (assets/js/search/core/snippet.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './stop-words.mjs';
import {
  findMatches, highlightRanges, cutSnippet, queryMatchers, termMatcher, phraseMatcher, GAP,
} from '../../../../assets/js/search/core/snippet.js';
import { parseQuery } from '../../../../assets/js/search/core/query.js';

const marked = (text, ranges) => ranges.map(([s, e]) => text.slice(s, e));

test('words match through their stems, whatever their case', () => {
  const text = 'Connections were exhausted; the POOL of connection slots ran dry.';
  assert.deepEqual(marked(text, highlightRanges(text, new Set(['connect', 'pool']))),
    ['Connections', 'POOL', 'connection']);
});

test('a phrase matcher marks the whole phrase, stop-word gaps included', () => {
  const text = 'The database ran out of connections at noon; it ran out of memory later.';
  const matcher = phraseMatcher(['ran', 'out', 'connect'], [0, 1, 3], 'pool exhausted');
  assert.deepEqual(marked(text, highlightRanges(text, [matcher])), ['ran out of connections']);
});

test('a prefix matcher marks words that start with the unfinished word', () => {
  const text = 'Certificates expired; the cert rotation job had failed.';
  const [matcher] = queryMatchers(parseQuery('cert', { prefixLastTerm: true }), new Set());
  assert.deepEqual(marked(text, highlightRanges(text, [matcher])), ['Certificates', 'cert']);
});

test('query matchers: one per term, phrase words one by one, the prefix with its expansions', () => {
  const parsed = parseQuery('database "pool size" conn', { prefixLastTerm: true });
  const matchers = queryMatchers(parsed, new Set(['databas', 'pool', 'size', 'connect', 'conntrack']));
  assert.deepEqual(matchers.map((m) => m.key), ['databas', 'pool', 'size', 'prefix\u0000conn']);
  assert.deepEqual(matchers[3].sequences.map((s) => s.terms[0]), ['connect', 'conntrack']);
});

test('the longest match wins where two start at the same word', () => {
  const text = 'the connection pool filled';
  const matches = findMatches(text, [termMatcher('connect'), phraseMatcher(['connect', 'pool'])]);
  assert.deepEqual(matches, [{ start: 4, end: 19, key: 'connect pool' }]);
});

test('the snippet is the window with the most different query words, not the first mention', () => {
  const filler = 'Nothing of note happened during the quiet morning shift here. '.repeat(4);
  const text = `The pool was mentioned early. ${filler}Later the connection pool ran dry and every connection timed out. ${filler}`;
  const s = cutSnippet(text, [termMatcher('connect'), termMatcher('pool')], 120);
  assert.ok(s.text.includes('connection pool ran dry'), s.text);
  assert.deepEqual(new Set(marked(s.text, s.ranges).map((w) => w.toLowerCase())), new Set(['connection', 'pool']));
  assert.ok(s.before && s.after);
});

test('passage breaks show as gaps and the ranges follow the text', () => {
  const text = 'The first passage is about caching layers.\nThe second one names the pool.';
  const s = cutSnippet(text, [termMatcher('pool')], 200);
  assert.equal(s.text, `The first passage is about caching layers.${GAP}The second one names the pool.`);
  assert.deepEqual(marked(s.text, s.ranges), ['pool']);
  assert.ok(!s.before && !s.after);
});

test('without a match the snippet is the start of the text, cut at a space', () => {
  const text = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau.';
  const s = cutSnippet(text, [termMatcher('nothing')], 40);
  assert.ok(text.startsWith(s.text) && s.text.length <= 40 && !s.text.endsWith(' '), s.text);
  assert.deepEqual(s.ranges, []);
  assert.ok(!s.before && s.after);
});

test('a snippet never ends between the halves of a surrogate pair', () => {
  const text = `${'x'.repeat(39)}😀 and more words after the emoji`;
  const s = cutSnippet(text, [], 40);
  assert.ok(!/[\ud800-\udbff]$/.test(s.text), JSON.stringify(s.text));
});

test('markup in the text stays text: ranges only, never HTML', () => {
  const text = 'The <script>alert(1)</script> pool page';
  const s = cutSnippet(text, [termMatcher('pool')]);
  assert.equal(s.text, text);
  assert.deepEqual(marked(s.text, s.ranges), ['pool']);
});

test('a snippet does not open with a passage that holds no match', () => {
  const text = 'Tasks to address the issue:\nUpdate the connection pool configuration to allow for a larger number of'
    + ' concurrent connections.\nImplement database connection pooling best practices.\n'
    + 'Review the alerts that page the on-call engineer, and write down who owns each of them from now on.';
  const s = cutSnippet(text, [termMatcher('connect'), termMatcher('pool')], 200);
  assert.ok(s.text.startsWith('Update the connection pool'), s.text);
  assert.ok(s.before);
});

test('a synonym group is one thing asked for: its phrases marked whole, its typed words one by one', () => {
  const term = (t) => ({ type: 'term', term: t });
  const group = { type: 'group', alternatives: [['ran', 'out', 'connect'].map(term), ['connect', 'pool', 'exhaust'].map(term)] };
  const matchers = queryMatchers({ clauses: [group, term('databas')], proximity: [] }, new Set());
  assert.equal(matchers.length, 2);
  const text = 'The database ran out of connections. Later the connection pool was exhausted; connections piled up'
    + ' and the team ran a script to find out why.';
  assert.deepEqual(marked(text, highlightRanges(text, matchers)),
    ['database', 'ran out of connections', 'connection pool was exhausted', 'connections']);
  assert.equal(new Set(findMatches(text, matchers).map((m) => m.key)).size, 2, 'one key for the whole group');
});
