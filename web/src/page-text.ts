// Web: the pages' words in the reader's language — the language chosen from the address (?lang=) or the
// browser's languages (the first one Liveline writes), the page's data-text elements filled from its catalogue,
// and text() for the words a script writes. English is the source (page-text/en.ts); adding a language is
// adding its file and naming it in PAGE_CATALOGUES.

import { de } from "./page-text/de";
import { en, type PageCatalogue } from "./page-text/en";
import { es } from "./page-text/es";
import { fr } from "./page-text/fr";

export const PAGE_CATALOGUES = { en, de, fr, es } as const satisfies Record<string, PageCatalogue>;
export type PageLanguage = keyof typeof PAGE_CATALOGUES;
export type PageTextKey = keyof PageCatalogue;

function isPageLanguage(value: string | undefined): value is PageLanguage {
  return value !== undefined && Object.hasOwn(PAGE_CATALOGUES, value);
}

/** ?lang=de first (a link may name it), then the browser's languages in their order; English otherwise. */
export function choosePageLanguage(requested: string | null | undefined, browserLanguages: readonly string[]): PageLanguage {
  for (const tag of [requested ?? "", ...browserLanguages]) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isPageLanguage(primary)) return primary;
  }
  return "en";
}

let current: PageLanguage = "en";

export function pageLanguage(): PageLanguage {
  return current;
}

/** A page text in the page's language with its {placeholders} filled. */
export function text(key: PageTextKey, values: Readonly<Record<string, string | number>> = {}): string {
  return PAGE_CATALOGUES[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** Sets the page's language (html lang) and writes every data-text element's words in it. */
export function applyPageLanguage(language: PageLanguage, root: Document = document): void {
  current = language;
  root.documentElement.lang = language;
  for (const element of root.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = element.dataset.text as PageTextKey;
    if (Object.hasOwn(PAGE_CATALOGUES[language], key)) element.textContent = PAGE_CATALOGUES[language][key];
  }
}

/** At a page's start: its language from the address and the browser. */
export function startPageLanguage(): PageLanguage {
  const language = choosePageLanguage(new URLSearchParams(location.search).get("lang"), navigator.languages ?? [navigator.language]);
  applyPageLanguage(language);
  return language;
}
