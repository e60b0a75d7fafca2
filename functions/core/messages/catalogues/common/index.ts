// Core, message catalogue area "common": the words several kinds of message share (greetings, line labels, the
// "when" of a reminder, durations, the labels of the mail to reps), in every language Liveline writes. The composers
// that write them look them up through messagesIn (catalogue.ts) with their own area, so a function carries only the
// areas its messages use; countOf (durations) is here too.

import { type CatalogueArea, type Language, messagesIn } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const COMMON_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;

/** The lookup of the common words alone: the composers that write nothing else share this one. */
export const commonMessage = messagesIn(COMMON_WORDS);
const pluralRules = new Map<Language, Intl.PluralRules>();

/** "1 hour", "2 Stunden": the count with its unit, singular or plural as the language's rules say. */
export function countOf(language: Language, unit: "minute" | "hour" | "day", count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  // The catalogues carry "one" and "other"; French's "many" (a million) reads as the plural.
  const form = rules.select(count) === "one" ? "one" : "other";
  return commonMessage(language, `unit.${unit}.${form}`, { count });
}
