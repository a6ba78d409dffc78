// pmkb search analysis: the exact twin of dev.pmkb.index.PmkbAnalyzer (Lucene 10).
// Dependency-free ES module. docs/search.md ("Analysis") describes each step; the JUnit test
// dev.pmkb.index.AnalyzerParityTest proves token-for-token equality on the corpus and on every code point.
//
//   1. tokens are runs of letters (\p{L}), combining marks (\p{M}) and decimal digits (\p{Nd}),
//      cut every 255 UTF-16 units (Lucene CharTokenizer);
//   2. each code point lower-cased like Java's Character.toLowerCase(int) (simple case mapping);
//   3. stop words dropped, their positions kept as gaps;
//   4. Lucene's Porter stemmer (PorterStemmer.java, ported line by line).

export const MAX_TOKEN_LENGTH = 255;

// The stop words come from the index (manifest "query.stopWords", written from PmkbAnalyzer.STOP_WORDS): the
// one list is Java's, and the client is configured with it before it analyses anything.
let STOP = new Set();

/** Sets the stop words (Lucene's English set plus the clitics, as the index's manifest lists them). */
export function setStopWords(words) {
  STOP = new Set(words);
}

const TOKEN_CHAR = /^[\p{L}\p{M}\p{Nd}]$/u;

/** True for a code point that belongs to a token: Java isLetterOrDigit, or a combining mark. */
export function isTokenChar(cp) {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return false; // unpaired surrogate
  return TOKEN_CHAR.test(String.fromCodePoint(cp));
}

// Java's Character.toLowerCase(int) uses the simple (1:1) mapping; JS toLowerCase uses the full one.
// They differ where the full mapping has more than one code point: U+0130 (İ → i̇ in JS, i in Java).
const LOWER_EXCEPTIONS = new Map([[0x130, 0x69]]);

/** Java's Character.toLowerCase(int). */
export function lowerCodePoint(cp) {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp >= 0xd800 && cp <= 0xdfff) return cp;
  const exception = LOWER_EXCEPTIONS.get(cp);
  if (exception !== undefined) return exception;
  const lower = String.fromCodePoint(cp).toLowerCase();
  const first = lower.codePointAt(0);
  return lower.length === (first > 0xffff ? 2 : 1) ? first : cp;
}

/** Lower-cases a string code point by code point, like Lucene's LowerCaseFilter. */
export function lowerCase(text) {
  let out = '';
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i);
    i += cp > 0xffff ? 2 : 1;
    out += String.fromCodePoint(lowerCodePoint(cp));
  }
  return out;
}

/**
 * Splits text into raw tokens (before lower-casing): [{text, start, end}], offsets in UTF-16 units.
 * Mirrors CharTokenizer: a token is cut once it reaches MAX_TOKEN_LENGTH units.
 */
export function tokenize(text) {
  const tokens = [];
  let start = -1;
  let length = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    const count = cp > 0xffff ? 2 : 1;
    if (isTokenChar(cp)) {
      if (length === 0) start = i;
      length += count;
      i += count;
      if (length >= MAX_TOKEN_LENGTH) {
        tokens.push({ text: text.slice(start, i), start, end: i });
        length = 0;
      }
    } else {
      if (length > 0) {
        tokens.push({ text: text.slice(start, i), start, end: i });
        length = 0;
      }
      i += count;
    }
  }
  if (length > 0) tokens.push({ text: text.slice(start, i), start, end: i });
  return tokens;
}

/** True when a lower-cased word is a stop word (dropped by the chain). */
export function isStopWord(word) {
  return STOP.has(word);
}

/**
 * Full chain with positions: [{term, position, start, end}]. Positions count dropped stop words, as
 * Lucene's position increments do, so phrase queries line up with the index.
 */
export function analyzeTokens(text) {
  const out = [];
  let position = -1;
  let gap = 1;
  for (const token of tokenize(text)) {
    const lower = lowerCase(token.text);
    if (STOP.has(lower)) {
      gap++;
      continue;
    }
    position += gap;
    gap = 1;
    out.push({ term: stem(lower), position, start: token.start, end: token.end });
  }
  return out;
}

/** The chain's terms, in order: `analyze("The server's connection-pool")` → ["server", "connect", "pool"]. */
export function analyze(text) {
  return analyzeTokens(text).map((t) => t.term);
}

// ---------------------------------------------------------------------------------------------
// Porter stemmer: org.apache.lucene.analysis.en.PorterStemmer, line by line. It works on UTF-16
// code units, like the Java char[]; every non-ASCII unit is a consonant.

/** Stems one lower-cased word exactly like Lucene's PorterStemFilter. */
export function stem(word) {
  const b = word.split('');
  let k = b.length - 1;
  const k0 = 0;
  let j = 0;
  if (!(k > k0 + 1)) return word;

  const cons = (i) => {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u':
        return false;
      case 'y':
        return i === k0 ? true : !cons(i - 1);
      default:
        return true;
    }
  };
  const m = () => {
    let n = 0;
    let i = k0;
    while (true) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    while (true) {
      while (true) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      while (true) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelinstem = () => {
    for (let i = k0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doublec = (jj) => {
    if (jj < k0 + 1) return false;
    if (b[jj] !== b[jj - 1]) return false;
    return cons(jj);
  };
  const cvc = (i) => {
    if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const ch = b[i];
    return !(ch === 'w' || ch === 'x' || ch === 'y');
  };
  const ends = (s) => {
    const l = s.length;
    const o = k - l + 1;
    if (o < k0) return false;
    for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
    j = k - l;
    return true;
  };
  const setto = (s) => {
    const l = s.length;
    const o = j + 1;
    for (let i = 0; i < l; i++) b[o + i] = s[i];
    k = j + l;
  };
  const r = (s) => {
    if (m() > 0) setto(s);
  };

  // step1: plurals and -ed or -ing
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setto('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelinstem()) {
    k = j;
    if (ends('at')) setto('ate');
    else if (ends('bl')) setto('ble');
    else if (ends('iz')) setto('ize');
    else if (doublec(k)) {
      const ch = b[k--];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setto('e');
  }

  // step2: terminal y to i when there is another vowel in the stem
  if (ends('y') && vowelinstem()) b[k] = 'i';

  // step3: double suffixes to single ones
  step3: if (k !== k0) {
    switch (b[k - 1]) {
      case 'a':
        if (ends('ational')) { r('ate'); break; }
        if (ends('tional')) { r('tion'); break; }
        break;
      case 'c':
        if (ends('enci')) { r('ence'); break; }
        if (ends('anci')) { r('ance'); break; }
        break;
      case 'e':
        if (ends('izer')) { r('ize'); break; }
        break;
      case 'l':
        if (ends('bli')) { r('ble'); break; }
        if (ends('alli')) { r('al'); break; }
        if (ends('entli')) { r('ent'); break; }
        if (ends('eli')) { r('e'); break; }
        if (ends('ousli')) { r('ous'); break; }
        break;
      case 'o':
        if (ends('ization')) { r('ize'); break; }
        if (ends('ation')) { r('ate'); break; }
        if (ends('ator')) { r('ate'); break; }
        break;
      case 's':
        if (ends('alism')) { r('al'); break; }
        if (ends('iveness')) { r('ive'); break; }
        if (ends('fulness')) { r('ful'); break; }
        if (ends('ousness')) { r('ous'); break; }
        break;
      case 't':
        if (ends('aliti')) { r('al'); break; }
        if (ends('iviti')) { r('ive'); break; }
        if (ends('biliti')) { r('ble'); break; }
        break;
      case 'g':
        if (ends('logi')) { r('log'); break; }
        break;
      default:
        break step3;
    }
  }

  // step4: -ic-, -full, -ness etc.
  switch (b[k]) {
    case 'e':
      if (ends('icate')) { r('ic'); break; }
      if (ends('ative')) { r(''); break; }
      if (ends('alize')) { r('al'); break; }
      break;
    case 'i':
      if (ends('iciti')) { r('ic'); break; }
      break;
    case 'l':
      if (ends('ical')) { r('ic'); break; }
      if (ends('ful')) { r(''); break; }
      break;
    case 's':
      if (ends('ness')) { r(''); break; }
      break;
    default:
      break;
  }

  // step5: -ant, -ence etc. in context <c>vcvc<v>
  step5: if (k !== k0) {
    switch (b[k - 1]) {
      case 'a':
        if (ends('al')) break;
        break step5;
      case 'c':
        if (ends('ance')) break;
        if (ends('ence')) break;
        break step5;
      case 'e':
        if (ends('er')) break;
        break step5;
      case 'i':
        if (ends('ic')) break;
        break step5;
      case 'l':
        if (ends('able')) break;
        if (ends('ible')) break;
        break step5;
      case 'n':
        if (ends('ant')) break;
        if (ends('ement')) break;
        if (ends('ment')) break;
        if (ends('ent')) break;
        break step5;
      case 'o':
        if (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) break;
        if (ends('ou')) break;
        break step5;
      case 's':
        if (ends('ism')) break;
        break step5;
      case 't':
        if (ends('ate')) break;
        if (ends('iti')) break;
        break step5;
      case 'u':
        if (ends('ous')) break;
        break step5;
      case 'v':
        if (ends('ive')) break;
        break step5;
      case 'z':
        if (ends('ize')) break;
        break step5;
      default:
        break step5;
    }
    if (m() > 1) k = j;
  }

  // step6: final -e if m() > 1, and -ll
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doublec(k) && m() > 1) k--;

  return b.slice(0, k + 1).join('');
}
