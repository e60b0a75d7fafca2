// Web: the DOM helpers every page's entry point starts with: find an element its HTML must have, and
// switch the page from its no-JavaScript fallback to the scripted version.

/** The element with `id`; throws when the HTML lacks it, so a renamed id fails loudly in tests. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from ${location.pathname}`);
  return el as T;
}

/** The script is running: show the parts marked .needs-js (hidden by CSS while <html> has .no-js). */
export function scriptReady(): void {
  document.documentElement.classList.remove("no-js");
}
