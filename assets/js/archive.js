// The archive's table, made sortable and filterable. The page is complete without this script (a plain table
// grouped by year); with it, column headers sort, the filters narrow the rows without a search query, and both
// are kept in the URL (?cause=dns&year=2024&sort=duration&dir=desc) so a filtered view can be shared or bookmarked.

const FILTERS = ['cause', 'year', 'component', 'organisation'];
/** Which way a column sorts on its first click: numbers and dates biggest first, words from A. */
const FIRST_DIRECTION = { date: 'desc', title: 'asc', duration: 'desc', share: 'desc', cause: 'asc', organisation: 'asc' };
const DEFAULT_SORT = { key: 'date', dir: 'desc' };
/** Rows a sorted or filtered view shows at once: laying out 10,000 rows takes a browser seconds, 250 do not. */
const PAGE = 250;

const table = document.getElementById('incident-table');
if (table) archive(table);

function archive(table) {
  const form = document.getElementById('archive-filters');
  const status = document.getElementById('archive-status');
  const groups = [...table.tBodies];
  const rows = groups.flatMap((group) => [...group.rows].filter((row) => !row.classList.contains('year-row')));
  const order = new Map(rows.map((row, index) => [row, index]));
  const yearOf = new Map(rows.map((row) => [row, row.parentElement.dataset.year]));
  const selects = FILTERS.map((name) => form?.elements.namedItem(name)).filter((select) => select instanceof HTMLSelectElement);
  const headers = [...table.tHead.rows[0].cells].filter((cell) => cell.dataset.sort);
  const yearIndex = document.querySelector('.year-index');
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'archive-more';
  more.hidden = true;
  table.after(more);
  // A sorted or filtered view: the matching rows in order, of which the first `limit` are moved into `view`,
  // each leaving a placeholder where the page had it, so the page's own order comes back exactly.
  let view = null;
  let matching = [];
  let limit = PAGE;
  const placeholders = new Map();

  const state = readUrl();
  for (const select of selects) {
    // A value no option offers (an old link) would select nothing and hide every row: it is dropped instead.
    if (![...select.options].some((option) => option.value === state.filters[select.name])) delete state.filters[select.name];
    select.value = state.filters[select.name] ?? '';
    select.addEventListener('change', () => {
      if (select.value) state.filters[select.name] = select.value;
      else delete state.filters[select.name];
      update();
    });
  }
  if (form) {
    form.hidden = false;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('reset', () => {
      state.filters = {};
      // The form's own reset runs after this handler: the selects are cleared by it.
      setTimeout(update);
    });
  }
  for (const header of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...header.childNodes);
    const arrow = document.createElement('span');
    arrow.className = 'sort-arrow';
    arrow.setAttribute('aria-hidden', 'true');
    button.append(arrow);
    header.append(button);
    button.addEventListener('click', () => {
      const key = header.dataset.sort;
      const dir = state.sort.key === key ? (state.sort.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key] ?? 'asc';
      state.sort = { key, dir };
      update();
    });
  }
  more.addEventListener('click', () => {
    limit += PAGE;
    show();
  });
  apply();

  function update() {
    apply();
    history.replaceState(history.state, '', urlOf(state));
  }

  function apply() {
    const filtered = Object.keys(state.filters).length > 0;
    const byDefault = state.sort.key === DEFAULT_SORT.key && state.sort.dir === DEFAULT_SORT.dir;
    restore();
    limit = PAGE;
    if (filtered || !byDefault) {
      matching = rows.filter((row) => matches(row, state.filters, yearOf));
      if (!byDefault) matching.sort(comparator(state.sort.key, state.sort.dir, order));
      view = document.createElement('tbody');
      view.className = 'sorted-rows';
      table.append(view);
      table.classList.add('is-sorted');
      show();
    } else {
      matching = rows;
      more.hidden = true;
      if (status) status.textContent = '';
    }
    // Sorted or filtered, the rows leave their years: the links to the years would lead nowhere.
    if (yearIndex) yearIndex.hidden = view !== null;
    for (const header of headers) {
      if (header.dataset.sort === state.sort.key) header.setAttribute('aria-sort', state.sort.dir === 'asc' ? 'ascending' : 'descending');
      else header.removeAttribute('aria-sort');
    }
  }

  /** Moves the next matching rows into the view, up to the limit, and says how many there are. */
  function show() {
    const shown = Math.min(limit, matching.length);
    const moved = [];
    for (let i = view.rows.length; i < shown; i++) {
      const row = matching[i];
      const placeholder = document.createComment('');
      row.replaceWith(placeholder);
      placeholders.set(row, placeholder);
      moved.push(row);
    }
    view.append(...moved);
    const total = rows.length.toLocaleString('en');
    const count = matching.length.toLocaleString('en');
    const filtered = Object.keys(state.filters).length > 0;
    more.hidden = shown >= matching.length;
    more.textContent = `Show ${Math.min(PAGE, matching.length - shown).toLocaleString('en')} more`;
    if (!status) return;
    if (matching.length === 0) status.textContent = 'No incident matches these filters.';
    else if (shown < matching.length) status.textContent = `Showing the first ${shown.toLocaleString('en')} of ${count} incidents${filtered ? ` (${total} in all)` : ''}.`;
    else status.textContent = filtered ? `Showing ${count} of ${total} incidents.` : '';
  }

  /** Puts every moved row back where the page had it. */
  function restore() {
    if (view === null) return;
    for (const [row, placeholder] of placeholders) placeholder.replaceWith(row);
    placeholders.clear();
    view.remove();
    view = null;
    table.classList.remove('is-sorted');
  }
}

function matches(row, filters, yearOf) {
  for (const [name, value] of Object.entries(filters)) {
    const values = name === 'year' ? yearOf.get(row) : row.dataset[name] ?? '';
    if (!values.split(' ').includes(value)) return false;
  }
  return true;
}

/** Rows without the value (no duration stated, undated) go last whichever way; ties keep the page's order. */
function comparator(key, dir, order) {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const value = (row) => {
    switch (key) {
      case 'duration': case 'share': return row.dataset[key] ? Number(row.dataset[key]) : null;
      case 'date': return row.querySelector('time')?.getAttribute('datetime') || null;
      // "🚨 Postmortem" sorts under P: emoji and quotes before a title are no part of its order.
      case 'title': return row.querySelector('.cell-title a')?.textContent.replace(/^[^\p{L}\p{N}]+/u, '') || null;
      case 'cause': return row.querySelector('.cell-causes')?.textContent.trim() || null;
      case 'organisation': return row.querySelector('.cell-organisation')?.textContent.trim() || null;
      default: return null;
    }
  };
  const values = new Map();
  const of = (row) => {
    if (!values.has(row)) values.set(row, value(row));
    return values.get(row);
  };
  return (a, b) => {
    const x = of(a), y = of(b);
    if (x === null || y === null) return x === y ? order.get(a) - order.get(b) : x === null ? 1 : -1;
    const c = typeof x === 'number' ? x - y : collator.compare(x, y);
    return c !== 0 ? sign * c : order.get(a) - order.get(b);
  };
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const key = params.get('sort');
  const sort = key && key in FIRST_DIRECTION
    ? { key, dir: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : FIRST_DIRECTION[key] }
    : { ...DEFAULT_SORT };
  return { filters, sort };
}

function urlOf(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.sort.key !== DEFAULT_SORT.key || state.sort.dir !== DEFAULT_SORT.dir) {
    params.set('sort', state.sort.key);
    params.set('dir', state.sort.dir);
  }
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '') + location.hash;
}
