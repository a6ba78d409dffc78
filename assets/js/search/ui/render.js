// DOM building for the search page. Everything from the index or the query goes in through textContent or
// attributes set with DOM APIs, never through innerHTML: a title or query holding markup shows as text.
import { cutSnippet, highlightRanges } from '../core/snippet.js';

export const FACET_LABELS = { cause: 'Root cause', impactCategory: 'Impact', component: 'Component', year: 'Year' };

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/** Appends `text` to `parent` with <mark> around `ranges` ([start, end) pairs, ascending). */
export function appendMarked(parent, text, ranges) {
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
    parent.append(el('mark', { text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-06-10" as the lists say it, "Jun 10, 2023" (Display.date); anything else as it is. */
export function displayDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && m[2] >= 1 && m[2] <= 12 ? `${MONTHS[m[2] - 1]} ${Number(m[3])}, ${m[1]}` : iso;
}

/**
 * One result: its title and snippet with what `matchers` match marked (core/snippet.js; none when browsing), its
 * date and root causes. `label(facet, value)` names a facet value as a reader sees it (root cause names).
 */
export function resultItem(root, data, matchers, label) {
  const link = el('a', { href: root + data.url, class: 'search-result-title' });
  appendMarked(link, data.title, highlightRanges(data.title, matchers));
  const meta = el('div', { class: 'meta' });
  if (data.date) meta.append(el('time', { datetime: data.date, text: displayDate(data.date) }));
  const chips = el('ul', { class: 'chips' });
  for (const cause of data.causes) {
    const name = label('cause', cause);
    // a cause the query names (the index searches cause names too): the reason the result is here
    const named = highlightRanges(name, matchers).length > 0;
    chips.append(el('li', {}, el('span', {
      class: `chip chip-cause chip-${cause.replace(/[^a-z0-9-]/g, '')}${named ? ' chip-matched' : ''}`, text: name,
    })));
  }
  const item = el('li', { class: 'search-result' }, link, meta);
  if (data.causes.length > 0) item.append(chips);
  const s = cutSnippet(data.text ?? '', matchers);
  if (s.text) item.append(snippetParagraph(s));
  // no query word in the shard's sentences: the app may look in the whole text (core/texts.js)
  item.snippetMatched = s.ranges.length > 0;
  return item;
}

/** A snippet (core/snippet.js cutSnippet) as a paragraph, its matches marked. */
export function snippetParagraph(snippet) {
  const p = el('p', { class: 'search-snippet' });
  if (snippet.before) p.append('… ');
  appendMarked(p, snippet.text, snippet.ranges);
  if (snippet.after && !snippet.text.endsWith('…')) p.append(' …');
  return p;
}

/** Checkbox groups with counts; `onChange(facet, value, checked)`; `label(facet, value)` names the values. */
export function facetGroups(facets, onChange, label) {
  const out = [];
  for (const facet of facets) {
    if (facet.values.length === 0) continue;
    const fieldset = el('fieldset', { class: 'search-facet' }, el('legend', { text: FACET_LABELS[facet.name] ?? facet.name }));
    const list = el('ul');
    facet.values.forEach((v, i) => {
      const id = `facet-${facet.name}-${i}`;
      const box = el('input', { type: 'checkbox', id, name: facet.name, value: v.value, checked: v.selected });
      box.checked = v.selected;
      box.addEventListener('change', () => onChange(facet.name, v.value, box.checked));
      const text = el('label', { for: id }, label(facet.name, v.value) + ' ', el('span', { class: 'count', text: `(${v.count})` }));
      list.append(el('li', {}, box, text));
    });
    fieldset.append(list);
    out.push(fieldset);
  }
  return out;
}
