// node --test: a result's whole text (texts.js), loaded once per document, and a failed load tried again later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullText, TEXTS } from '../../../../assets/js/search/core/texts.js';

test('a document\'s text is loaded once, and again after a failure', async () => {
  const loads = [];
  let fail = true;
  const index = {
    load: async (path) => {
      loads.push(path);
      if (path === `${TEXTS}/7.json` && fail) throw new Error('offline');
      return { text: `text of ${path}` };
    },
  };
  assert.equal(await fullText(index, 3), `text of ${TEXTS}/3.json`);
  assert.equal(await fullText(index, 3), `text of ${TEXTS}/3.json`);
  await assert.rejects(fullText(index, 7), /offline/);
  fail = false;
  assert.equal(await fullText(index, 7), `text of ${TEXTS}/7.json`);
  assert.deepEqual(loads, [`${TEXTS}/3.json`, `${TEXTS}/7.json`, `${TEXTS}/7.json`]);
});
