// Search entry point, loaded on every page (type="module", no inline script: the CSP allows 'self' only).
// Every page: "/" focuses the search box. The search page (#search-app): loads the app, which loads the index.
const app = document.getElementById('search-app');

function searchBox() {
  return document.getElementById('search-input') || document.getElementById('site-search-input');
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = searchBox();
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (app) {
  import('./ui/app.js').then((m) => m.start(app)).catch((error) => {
    const status = document.getElementById('search-status');
    app.hidden = false;
    if (status) status.textContent = `Search could not start: ${error.message}`;
    console.warn(error);
  });
}
