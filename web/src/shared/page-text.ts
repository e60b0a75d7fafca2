// Web: the pages' words in the reader's language — the language chosen from the address (?lang=) or the
// browser's languages (the first one Liveline writes), the page's data-text elements filled from its catalogue,
// and text() for the words a script writes. English is the source (page-text/en.ts); adding a language is
// adding its file and naming it in PAGE_CATALOGUES (and in each area's index.ts). The booking page's words
// (and those every page shares) are always here; the words of other areas — page-text/lifecycle/ (the e-mail
// links' pages), page-text/webinars/, page-text/brand/ (the console's brand page), page-text/availability/ (the console's availability page), page-text/booking-progress/ (the booking page's announcements), page-text/outcome/ (the reps' outcome page), page-text/checks/ (the forms' own checks and the answers a page writes itself), page-text/slots/ (picking a time), page-text/short-link/ (the link page) — join when a module that uses them imports the area, so a page carries
// the four languages of its own words only.

import { de } from "../page-text/de";
import { en, type PageCatalogue } from "../page-text/en";
import { es } from "../page-text/es";
import { fr } from "../page-text/fr";
import { setRetryLabel } from "./notices";
import type { en as availabilityEnglish } from "../page-text/availability/en";
import type { en as bookingProgressEnglish } from "../page-text/booking-progress/en";
import type { en as checksEnglish } from "../page-text/checks/en";
import type { en as slotsEnglish } from "../page-text/slots/en";
import type { en as outcomeEnglish } from "../page-text/outcome/en";
import type { en as lifecycleEnglish } from "../page-text/lifecycle/en";
import type { en as webinarsEnglish } from "../page-text/webinars/en";
import type { en as brandEnglish } from "../page-text/brand/en";
import type { en as shortLinkEnglish } from "../page-text/short-link/en";

export const PAGE_CATALOGUES = { en, de, fr, es } as const satisfies Record<string, PageCatalogue>;
export type PageLanguage = keyof typeof PAGE_CATALOGUES;
export type PageTextKey = keyof PageCatalogue | keyof typeof lifecycleEnglish | keyof typeof webinarsEnglish | keyof typeof availabilityEnglish | keyof typeof bookingProgressEnglish | keyof typeof outcomeEnglish | keyof typeof checksEnglish | keyof typeof slotsEnglish | keyof typeof brandEnglish | keyof typeof shortLinkEnglish;
/** An area's words in every page language. */
export type PageTextArea = { readonly [Language in PageLanguage]: Readonly<Record<string, string>> };

/** What the page can say: the booking page's words, and the areas the page's modules added. */
const loaded: Record<PageLanguage, Record<string, string>> = { en: { ...en }, de: { ...de }, fr: { ...fr }, es: { ...es } };

/** Adds an area's words (its index.ts calls this when imported). */
export function addPageText(area: PageTextArea): void {
  for (const language of Object.keys(loaded) as PageLanguage[]) Object.assign(loaded[language], area[language]);
}

export function isPageLanguage(value: string | undefined): value is PageLanguage {
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
  const template = loaded[current][key];
  if (template === undefined) {
    // A module used an area it did not import: loud in the console (the browser tests fail on it), never blank.
    console.error(`page text ${key} is not loaded: import its area (web/src/page-text/*/index.ts)`);
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** Sets the page's language (html lang) and writes every data-text element's words in it. */
export function applyPageLanguage(language: PageLanguage, root: Document = document): void {
  current = language;
  root.documentElement.lang = language;
  setRetryLabel(text("notice.tryAgain"));
  for (const element of root.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = element.dataset.text ?? "";
    const words = loaded[language][key];
    if (words !== undefined) element.textContent = words;
  }
}

/** At a page's start: its language from the address and the browser. */
export function startPageLanguage(): PageLanguage {
  const language = choosePageLanguage(new URLSearchParams(location.search).get("lang"), navigator.languages ?? [navigator.language]);
  applyPageLanguage(language);
  return language;
}
