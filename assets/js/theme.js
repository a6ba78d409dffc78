// Light/dark theme: follows the reader's system setting until they choose with the toggle; the choice is
// remembered per site. Loaded in <head> (not deferred) so the page never flashes in the wrong theme.
(() => {
  const KEY = "pmkb-theme";
  const root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY); } catch { return null; }
  }

  function apply(theme) {
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    else delete root.dataset.theme;
  }

  function current() {
    return root.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("theme-toggle");
    if (!button) return;
    const label = () => {
      const next = current() === "dark" ? "light" : "dark";
      button.setAttribute("aria-label", `Switch to ${next} theme`);
      button.title = `Switch to ${next} theme`;
      button.setAttribute("aria-pressed", String(current() === "dark"));
    };
    button.hidden = false;
    label();
    button.addEventListener("click", () => {
      const next = current() === "dark" ? "light" : "dark";
      apply(next);
      try { localStorage.setItem(KEY, next); } catch { /* private mode: the choice lasts for this page */ }
      label();
    });
  });
})();
