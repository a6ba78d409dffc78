// The stop words for tests that analyse without an index. Where the client learns them from the index's manifest
// (analyze.js setStopWords), the tests set them here; where they are built in, setting them is not needed.
import * as analyze from '../../../../assets/js/search/core/analyze.js';

export const STOP_WORDS = ['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is',
  'it', 'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this',
  'to', 'was', 'will', 'with', 's', 't', 'd', 'm', 'll', 're', 've'];

/** What the manifest's "query" says where the client reads its settings from it. */
export const QUERY_SETTINGS = { stopWords: STOP_WORDS, synonyms: [], maxClauses: 32, prefixExpansions: 16, partialBelow: 5 };

if (typeof analyze.setStopWords === 'function') analyze.setStopWords(STOP_WORDS);
