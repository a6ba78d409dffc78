// The search page: state in the URL (?q=…&cause=…&impact=…&component=…&year=…), results as you type,
// facets, typo fallback, keyboard navigation. The ranking and everything else lives in ../core.
import { SearchIndexData } from '../core/index.js';
import { search, correctQuery, countFacets } from '../core/search.js';
import { QueryError } from '../core/query.js';
import { el, resultItem, facetGroups } from './render.js';

/** Facet name → URL parameter. */
const PARAMS = { cause: 'cause', impactCategory: 'impact', component: 'component', year: 'year' };
const LIMIT = 10;

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [facet, param] of Object.entries(PARAMS)) {
    const values = params.getAll(param).filter((v) => v !== '');
    if (values.length > 0) filters[facet] = [...new Set(values)];
  }
  return { q: params.get('q') ?? '', filters };
}

function urlOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [facet, param] of Object.entries(PARAMS)) for (const v of state.filters[facet] ?? []) params.append(param, v);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '') + location.hash;
}

function hasFilters(state) {
  return Object.values(state.filters).some((v) => v.length > 0);
}

export async function start(app) {
  const root = app.dataset.root ?? '';
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const status = document.getElementById('search-status');
  const notice = document.getElementById('search-notice');
  const results = document.getElementById('search-results');
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
  let state = readUrl();
  let sequence = 0;
  let timer = 0;
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

  function noResults(query) {
    const box = el('div', { class: 'search-empty' }, el('p', { class: 'search-empty-title', text: `No incidents match “${query}”.` }));
    const tips = el('ul');
    if (hasFilters(state)) {
      const clear = el('button', { type: 'button', class: 'link-button', text: 'Remove all filters' });
      clear.addEventListener('click', () => { state = { q: state.q, filters: {} }; run('push'); });
      tips.append(el('li', {}, clear, ' to search every incident.'));
    }
    tips.append(el('li', { text: 'Check the spelling, or use fewer or more general words (all words must match).' }));
    tips.append(el('li', {}, 'Browse the ', el('a', { href: `${root}causes/index.html`, text: 'root causes' }), ' or ',
      el('a', { href: `${root}archive.html`, text: 'all incidents' }), '.'));
    box.append(tips);
    return box;
  }

  function onFacet(facet, value, checked) {
    const values = new Set(state.filters[facet] ?? []);
    if (checked) values.add(value); else values.delete(value);
    state = { q: state.q, filters: { ...state.filters, [facet]: [...values] } };
    if (values.size === 0) delete state.filters[facet];
    run('push');
  }

  async function run(mode) {
    const mine = ++sequence;
    commit(mode);
    const query = state.q;
    document.title = query ? `${query} – ${baseTitle}` : baseTitle;
    if (!query.trim()) {
      results.replaceChildren();
      facetsBox.replaceChildren();
      showNotice();
      status.textContent = '';
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
    let result;
    let shown = query;
    try {
      const options = { prefixLastTerm: true, filters: state.filters, limit: LIMIT };
      result = await search(index, query, options);
      if (result.matched.length === 0) {
        const corrected = await correctQuery(index, query, { prefixLastTerm: true });
        if (corrected) {
          const second = await search(index, corrected, options);
          if (second.matched.length > 0) {
            result = second;
            shown = corrected;
          }
        }
      }
    } catch (error) {
      if (mine !== sequence) return;
      if (!(error instanceof QueryError)) throw error;
      results.replaceChildren();
      facetsBox.replaceChildren();
      showNotice();
      status.textContent = error.message;
      return;
    }
    const data = await index.results(result.hits.map((h) => h.doc));
    if (mine !== sequence) return;
    if (shown !== query) {
      showNotice('Showing results for ', el('strong', { class: 'search-corrected', text: shown }),
        '. No incidents match ', el('em', { text: query }), '.');
    } else {
      showNotice();
    }
    results.replaceChildren(...result.hits.map((h) => resultItem(root, data.get(h.doc), result.terms, label)));
    const facets = countFacets(index, result.matched, state.filters);
    const groups = facetGroups(facets, onFacet, label);
    facetsBox.replaceChildren(...(groups.length ? [el('h2', { class: 'visually-hidden', text: 'Filters' }), ...groups] : []));
    const filterText = Object.entries(state.filters)
      .map(([facet, values]) => values.map((v) => label(facet, v)).join(' or ')).join(', ');
    if (result.total === 0) {
      status.textContent = `No incidents match “${shown}”${filterText ? ` with ${filterText}` : ''}.`;
      results.replaceChildren();
      facetsBox.replaceChildren(...groups);
      app.querySelector('.search-empty')?.remove();
      results.after(noResults(shown));
    } else {
      app.querySelector('.search-empty')?.remove();
      const count = result.total === 1 ? '1 incident matches' : `${result.total} incidents match`;
      const more = result.total > result.hits.length ? `, showing the best ${result.hits.length}` : '';
      status.textContent = `${count} “${shown}”${filterText ? ` with ${filterText}` : ''}${more}.`;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const first = !new URLSearchParams(location.search).get('q');
      state = { q: input.value, filters: state.filters };
      run(first ? 'push' : 'replace').catch((e) => console.warn(e));
    }, 60);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { q: input.value, filters: state.filters };
    run('push').catch((e) => console.warn(e));
  });
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    state = readUrl();
    input.value = state.q;
    run(null).catch((e) => console.warn(e));
  });

  // Arrow keys: from the box into the results and between them; Enter follows the focused link.
  const links = () => [...results.querySelectorAll('li a.search-result-title')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  results.addEventListener('keydown', (event) => {
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
  await run(state.q ? 'replace' : null);
}
