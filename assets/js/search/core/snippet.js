// Snippets and highlights as text ranges (never HTML): the UI turns ranges into <mark> elements with DOM APIs.
// Pure: no DOM.
import { analyzeTokens } from './analyze.js';

/** Ranges [start, end) of the words in `text` whose analysed term is in `terms` (a Set). */
export function highlightRanges(text, terms) {
  const out = [];
  for (const t of analyzeTokens(text)) if (terms.has(t.term)) out.push([t.start, t.end]);
  return out;
}

/**
 * A window of about `length` UTF-16 units of `text` around the query's words: the window that holds the most
 * distinct matched terms, starting at a word. Returns {text, ranges, before, after}: `before`/`after` say
 * whether text was cut there (the UI shows an ellipsis).
 */
export function cutSnippet(text, terms, length = 180) {
  const tokens = analyzeTokens(text);
  const matches = tokens.filter((t) => terms.has(t.term));
  if (text.length <= length) {
    return { text, ranges: matches.map((m) => [m.start, m.end]), before: false, after: false };
  }
  let start = 0;
  if (matches.length > 0) {
    let best = -1;
    for (const m of matches) {
      const from = Math.max(0, m.start - 40);
      const distinct = new Set(matches.filter((x) => x.start >= from && x.end <= from + length).map((x) => x.term));
      if (distinct.size > best) {
        best = distinct.size;
        start = from;
      }
    }
    if (start > 0) {
      const word = tokens.find((t) => t.start >= start) ?? tokens[tokens.length - 1];
      start = Math.min(word.start, text.length);
    }
    if (text.length - start < length) {
      const back = tokens.find((t) => t.start >= Math.max(0, text.length - length));
      start = Math.min(start, back ? back.start : 0);
    }
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  const ranges = matches.filter((m) => m.start >= start && m.end <= end).map((m) => [m.start - start, m.end - start]);
  return { text: text.slice(start, end), ranges, before: start > 0, after: end < text.length };
}
