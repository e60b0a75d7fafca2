// Web: the forms' language select and the page — picking a language Liveline writes rewrites the page in it
// (page-text.ts), and the body's `language` takes the same choice to the e-mails, so what the person reads
// here and in their inbox agree. The booking form's select also routes the lead (routing-options.ts: reps'
// languages, more than the pages have); the webinar form's offers the pages' languages only.

import { LANGUAGES, type ChoiceOption } from "../booking/routing-options";
import { applyPageLanguage, isPageLanguage, pageLanguage, type PageLanguage } from "./page-text";

/** Rewrites the page when the select names a page language; `then` redraws what scripts wrote. */
export function followLanguageChoice(select: HTMLSelectElement, then?: (language: PageLanguage) => void): void {
  select.addEventListener("change", () => {
    const chosen = select.value;
    if (!isPageLanguage(chosen) || chosen === pageLanguage()) return;
    applyPageLanguage(chosen);
    then?.(chosen);
  });
}

/** The pages' languages, each named in itself (a reader finds their own), preset to the page's. */
export function fillPageLanguages(select: HTMLSelectElement): void {
  select.replaceChildren(...LANGUAGES.filter((option) => isPageLanguage(option.value)).map(languageOption));
  select.value = pageLanguage();
}

/** A language's <option>, named in itself and marked as such (screen readers say "Deutsch" in German). */
export function languageOption(option: ChoiceOption): HTMLOptionElement {
  const element = new Option(option.label, option.value);
  element.lang = option.value;
  return element;
}
