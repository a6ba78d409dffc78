// The search page: state in the URL (?q=…&cause=…&impact=…&component=…&year=…), results as you type,
// facets, typo fallback, browsing by filter without words, keyboard navigation. The ranking and everything else
// lives in ../core.
import { SearchIndexData } from '../core/index.js';
import * as searching from '../core/search.js';
import { QueryError } from '../core/query.js';
import { queryMatchers, cutSnippet } from '../core/snippet.js';
import { analyzeTokens } from '../core/analyze.js';
import { fullText } from '../core/texts.js';
import { browse, allDocs, hasFilters } from '../core/browse.js';
import { el, resultItem, facetGroups, snippetParagraph } from './render.js';

/** Results shown at first, and added by each "Show more". */
const PAGE = 10;

/** [facet, URL parameter] pairs as the manifest names them (`impactCategory` is `impact`); set once it is open. */
let facetParams = [];

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [facet, param] of facetParams) {
    const values = params.getAll(param).filter((v) => v !== '');
    if (values.length > 0) filters[facet] = [...new Set(values)];
  }
  // typed=1: the reader asked for the words as typed, not a correction of them
  return { q: params.get('q') ?? '', filters, typed: params.get('typed') === '1' };
}

/**
 * A clause's label (analysed terms: "kubernet", "\"max connect\"") in the words the reader typed ("kubernetes",
 * "\"max connections\""): each term becomes the first typed word that analyses to it.
 */
function typedWords(query) {
  const words = new Map();
  for (const t of analyzeTokens(query)) if (!words.has(t.term)) words.set(t.term, query.slice(t.start, t.end));
  return (label) => label.replace(/[^\s"]+/g, (term) => words.get(term) ?? term);
}

function urlOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [facet, param] of facetParams) for (const v of state.filters[facet] ?? []) params.append(param, v);
  if (state.typed && state.q) params.set('typed', '1');
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '') + location.hash;
}

export async function start(app) {
  const root = app.dataset.root ?? '';
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const status = document.getElementById('search-status');
  const notice = document.getElementById('search-notice');
  const layout = app.querySelector('.search-layout');
  const main = document.getElementById('search-main');
  const results = document.getElementById('search-results');
  const partialBox = document.getElementById('search-partial');
  const partialList = document.getElementById('search-partial-results');
  const moreBox = document.getElementById('search-more');
  const facetsBox = document.getElementById('search-facets');
  document.getElementById('search-nojs')?.remove();
  app.hidden = false;

  const base = new URL(`${root}search/`, location.href);
  const load = async (path) => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };
  // the search page carries the manifest inline (one request fewer); fetch it when it does not
  const inline = document.getElementById('search-manifest');
  const opening = inline ? Promise.resolve().then(() => new SearchIndexData(JSON.parse(inline.textContent), load))
    : SearchIndexData.open(load);
  opening.catch(() => {});

  const baseTitle = document.title;
  try {
    facetParams = (await opening).facets.map((f) => [f.name, f.param]);
  } catch {
    // no filters without an index; run() says that it could not be loaded
  }
  let state = readUrl();
  let sequence = 0;
  let timer = 0;
  let shown = PAGE; // how many results to show; more after "Show more", back to a page when the search changes
  input.value = state.q;

  function commit(mode) {
    const url = urlOf(state);
    if (mode === 'push' && url !== location.pathname + location.search + location.hash) history.pushState(null, '', url);
    else if (mode) history.replaceState(null, '', url);
  }

  function showNotice(...parts) {
    notice.replaceChildren(...parts);
    notice.hidden = parts.length === 0;
  }

  /** Empties every part of the results; `message` goes in the status line. */
  function clear(message = '') {
    results.replaceChildren();
    partialList.replaceChildren();
    partialBox.hidden = true;
    moreBox.replaceChildren();
    facetsBox.replaceChildren();
    layout.classList.add('search-layout-single');
    main.querySelector('.search-empty')?.remove();
    showNotice();
    status.textContent = message;
  }

  /** What to try when nothing matches: shown where the results go, under the status line that says so. */
  function suggestions() {
    const tips = el('ul');
    if (hasFilters(state.filters)) {
      const button = el('button', { type: 'button', class: 'link-button', text: 'Remove all filters' });
      button.addEventListener('click', () => { state = { q: state.q, filters: {} }; shown = PAGE; run('push'); });
      tips.append(el('li', {}, button, state.q.trim() ? ' to search every incident.' : ' to see every incident.'));
    }
    if (state.q.trim()) {
      tips.append(el('li', { text: 'Check the spelling, or use fewer or more general words.' }));
    }
    tips.append(el('li', {}, 'Browse the ', el('a', { href: `${root}causes/index.html`, text: 'root causes' }), ' or ',
      el('a', { href: `${root}archive.html`, text: 'all incidents' }), '.'));
    return el('div', { class: 'search-empty' }, el('p', { class: 'search-empty-title', text: 'You could:' }), tips);
  }

  function onFacet(facet, value, checked) {
    const values = new Set(state.filters[facet] ?? []);
    if (checked) values.add(value); else values.delete(value);
    state = { q: state.q, filters: { ...state.filters, [facet]: [...values] }, typed: state.typed };
    if (values.size === 0) delete state.filters[facet];
    shown = PAGE;
    run('push');
  }

  function showMore(total) {
    moreBox.replaceChildren();
    if (total <= shown) return;
    const button = el('button', { type: 'button', class: 'search-more-button',
      text: `Show ${Math.min(PAGE, total - shown)} more` });
    button.addEventListener('click', () => {
      const first = shown;
      shown += PAGE;
      run(null).then(() => results.querySelectorAll('a.search-result-title')[first]?.focus()).catch((e) => console.warn(e));
    });
    moreBox.append(button);
  }

  function showFacets(index, docs, label) {
    const groups = facetGroups(searching.countFacets(index, docs, state.filters), onFacet, label);
    facetsBox.replaceChildren(...(groups.length ? [el('h2', { class: 'visually-hidden', text: 'Filters' }), ...groups] : []));
    layout.classList.toggle('search-layout-single', groups.length === 0);
  }

  /**
   * The results whose shard sentences hold none of the query's words get their snippet from their whole text,
   * loaded now that the results show (in parallel; a failed load keeps the snippet there is).
   */
  async function refineSnippets(index, mine, items, matchers) {
    if (matchers.length === 0) return;
    await Promise.all([...items].filter(([, item]) => !item.snippetMatched).map(async ([doc, item]) => {
      let text;
      try {
        text = await fullText(index, doc);
      } catch {
        return;
      }
      const snippet = cutSnippet(text, matchers);
      if (mine !== sequence || snippet.ranges.length === 0) return;
      const paragraph = snippetParagraph(snippet);
      const old = item.querySelector('.search-snippet');
      if (old) old.replaceWith(paragraph); else item.append(paragraph);
      item.snippetMatched = true;
    }));
  }

  async function run(mode) {
    const mine = ++sequence;
    commit(mode);
    const query = state.q;
    const browsing = !query.trim();
    if (browsing && !hasFilters(state.filters)) {
      document.title = baseTitle;
      clear();
      return;
    }
    let index;
    try {
      index = await opening;
    } catch (error) {
      status.textContent = `The search index could not be loaded (${error.message}). Try reloading the page.`;
      return;
    }
    const label = (facet, value) => index.label(facet, value);
    const filterText = Object.entries(state.filters)
      .map(([facet, values]) => values.map((v) => label(facet, v)).join(' or ')).join(', ');
    document.title = `${browsing ? filterText : query} – ${baseTitle}`;
    if (browsing) {
      const listed = await browse(index, state.filters);
      const docs = listed.docs.slice(0, shown);
      const data = await index.results(docs);
      if (mine !== sequence) return;
      clear();
      showFacets(index, allDocs(index), label);
      if (listed.total === 0) {
        status.textContent = `No incidents with ${filterText}.`;
        main.append(suggestions());
        return;
      }
      const count = listed.total === 1 ? '1 incident' : `${listed.total} incidents`;
      const part = listed.total > docs.length ? `, the newest ${docs.length} shown` : ', newest first';
      status.textContent = `${count} with ${filterText}${part}.`;
      results.replaceChildren(...docs.map((d) => resultItem(root, data.get(d), [], label)));
      showMore(listed.total);
      return;
    }
    let result;
    let corrected = null;
    try {
      const options = { prefixLastTerm: true, filters: state.filters, limit: shown };
      if (state.typed) {
        result = await searching.search(index, query, options); // the words as typed: no correction
      } else if (searching.find) {
        // the site's search (core/search.js find): correction, every-word hits, then partial matches
        result = await searching.find(index, query, options);
        corrected = result.corrected ?? null;
      } else {
        result = await searching.search(index, query, options);
        if (result.matched.length === 0) {
          const fix = await searching.correctQuery(index, query, { prefixLastTerm: true });
          const second = fix ? await searching.search(index, fix, options) : null;
          if (second && second.matched.length > 0) {
            result = second;
            corrected = fix;
          }
        }
      }
    } catch (error) {
      if (mine !== sequence) return;
      if (!(error instanceof QueryError)) throw error;
      clear(error.message);
      return;
    }
    const hits = result.hits.filter((h) => !h.partial);
    const partial = result.hits.filter((h) => h.partial);
    const data = await index.results([...hits, ...partial].map((h) => h.doc));
    if (mine !== sequence) return;
    clear();
    const words = corrected ?? query;
    if (corrected) {
      const asTyped = el('a', { href: urlOf({ q: query, filters: state.filters, typed: true }), text: query });
      asTyped.addEventListener('click', (event) => {
        event.preventDefault();
        state = { q: query, filters: state.filters, typed: true };
        shown = PAGE;
        run('push');
      });
      showNotice('Showing results for ', el('strong', { class: 'search-corrected', text: corrected }),
        '. Search instead for ', asTyped, '.');
    }
    const matchers = result.matchers ?? queryMatchers(result.parsed, result.terms);
    const items = new Map([...hits, ...partial].map((h) => [h.doc, resultItem(root, data.get(h.doc), matchers, label)]));
    results.replaceChildren(...hits.map((h) => items.get(h.doc)));
    const typed = typedWords(words);
    for (const h of partial) {
      if (h.missing?.length > 0) {
        const missing = h.missing.map(typed).join(', ');
        items.get(h.doc).append(el('p', { class: 'search-missing' }, 'Missing: ', el('s', { text: missing })));
      }
    }
    if (partial.length > 0) {
      partialList.replaceChildren(...partial.map((h) => items.get(h.doc)));
      partialBox.hidden = false;
    }
    refineSnippets(index, mine, items, matchers).catch((e) => console.warn(e));
    showFacets(index, result.matched, label);
    const total = result.total ?? hits.length;
    const partialTotal = result.partialTotal ?? partial.length;
    const filtered = filterText ? ` with ${filterText}` : '';
    if (hits.length === 0 && partial.length === 0) {
      status.textContent = `No incidents match “${words}”${filtered}.`;
      main.append(suggestions());
    } else if (hits.length === 0) {
      const some = partialTotal === 1 ? '1 matches some of them' : `${partialTotal} match some of them`;
      status.textContent = `No incident matches every word of “${words}”${filtered}; ${some}.`;
      showMore(partialTotal);
    } else {
      const count = total === 1 ? '1 incident matches' : `${total} incidents match`;
      const more = total > hits.length ? `, showing the best ${hits.length}` : '';
      status.textContent = `${count} “${words}”${filtered}${more}.`;
      showMore(total + partialTotal);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const first = !new URLSearchParams(location.search).get('q');
      state = { q: input.value, filters: state.filters };
      shown = PAGE;
      run(first ? 'push' : 'replace').catch((e) => console.warn(e));
    }, 60);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { q: input.value, filters: state.filters };
    shown = PAGE;
    run('push').catch((e) => console.warn(e));
  });
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    state = readUrl();
    shown = PAGE;
    input.value = state.q;
    run(null).catch((e) => console.warn(e));
  });

  // Arrow keys: from the box into the results and between them; Enter follows the focused link.
  const links = () => [...main.querySelectorAll('li a.search-result-title')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  main.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') all[Math.min(at + 1, all.length - 1)].focus();
    else if (at === 0) input.focus();
    else all[at - 1].focus();
  });

  app.dataset.state = 'ready'; // listeners attached (tests and the benchmark wait for this)
  await run(state.q || hasFilters(state.filters) ? 'replace' : null);
}
