// Test driver for AnalyzerParityTest: runs assets/js/search/core/analyze.js on what Java sends.
//   node analyze-runner.mjs analyze     stdin: one JSON string per line; stdout: one line per input,
//                                       "position:term" pairs separated by spaces
//   node analyze-runner.mjs codepoints  stdout: "T a-b" token-char ranges, "U a-b" unassigned ranges,
//                                       "L cp lower" for every code point whose lower case differs
//   node analyze-runner.mjs stem        stdin: one word per line; stdout: its stem
//   node analyze-runner.mjs parse       stdin: one JSON [query, prefixLastTerm] per line; stdout: the parse,
//                                       written like AnalyzerParityTest.describe
import { createInterface } from 'node:readline';
import { analyzeTokens, isTokenChar, lowerCodePoint, setStopWords, stem } from '../../../assets/js/search/core/analyze.js';
import { parseQuery, QueryError } from '../../../assets/js/search/core/query.js';

function describe(line) {
  const [query, prefixLastTerm] = JSON.parse(line);
  try {
    const parsed = parseQuery(query, { prefixLastTerm, maxClauses: Number(process.argv[4]) });
    const clause = (c) => c.type === 'term' ? `T:${c.term}`
      : c.type === 'phrase' ? `P:${c.terms.join(',')}@${c.positions.join(',')}` : `X:${c.word}/${c.stem}`;
    return parsed.clauses.map(clause).join(' ') + ' ~ ' + parsed.proximity.map(clause).join(' ');
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    return 'ERR ' + e.message;
  }
}

const mode = process.argv[2];
// the stop words are Java's (PmkbAnalyzer.STOP_WORDS), passed as the third argument, as the manifest passes them
setStopWords((process.argv[3] ?? '').split(',').filter((w) => w !== ''));
const out = [];
const flush = () => { process.stdout.write(out.join('\n') + '\n'); out.length = 0; };

if (mode === 'codepoints') {
  const unassigned = /^\p{Cn}$/u;
  const ranges = (tag, test) => {
    let start = -1;
    for (let cp = 0; cp <= 0x110000; cp++) {
      const inside = cp <= 0x10ffff && test(cp);
      if (inside && start < 0) start = cp;
      if (!inside && start >= 0) { out.push(`${tag} ${start}-${cp - 1}`); start = -1; }
    }
  };
  ranges('T', isTokenChar);
  ranges('U', (cp) => (cp < 0xd800 || cp > 0xdfff) && unassigned.test(String.fromCodePoint(cp)));
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const lower = lowerCodePoint(cp);
    if (lower !== cp) out.push(`L ${cp} ${lower}`);
  }
  flush();
} else {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (mode === 'stem') out.push(stem(line));
    else if (mode === 'parse') out.push(describe(line));
    else out.push(analyzeTokens(JSON.parse(line)).map((t) => `${t.position}:${t.term}`).join(' '));
    if (out.length >= 1000) flush();
  }
  flush();
}
