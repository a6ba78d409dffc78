// pmkb serve's live reload. pmkb serve adds this script to the pages it serves (never to the baked files) and
// answers its requests itself: reload.js?v=<the site's version when the page was served>, and version beside it.
// A module from the site's own origin, so the pages' Content-Security-Policy (script-src 'self') allows it.
const script = new URL(import.meta.url);
const shown = script.searchParams.get("v");
const version = new URL("version", script);

async function poll() {
  try {
    const response = await fetch(version, {cache: "no-store"});
    if (response.ok && (await response.text()).trim() !== shown) {
      location.reload();
      return;
    }
  } catch {
    // serve stopped or restarts: keep asking, the page reloads once it answers with a new version
  }
  setTimeout(poll, 1000);
}

setTimeout(poll, 1000);
