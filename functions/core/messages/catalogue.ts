// Core, message catalogue: the languages a prospect is written to in, one file each (en.ts is the source),
// the message lookup with its {placeholders}, and the choice of language from a form's and a browser's wishes.
// Adding a language is adding its file beside en.ts and naming it in CATALOGUES below (README "Languages").

import { de } from "./de";
import { en, type Catalogue } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export type { Catalogue } from "./en";

export const CATALOGUES = { en, de, fr, es } as const satisfies Record<string, Catalogue>;

/** A language Liveline writes in: a key of CATALOGUES ("en", "de", "fr", "es"). */
export type Language = keyof typeof CATALOGUES;
export type MessageKey = keyof Catalogue;
export type MessageValues = Readonly<Record<string, string | number>>;

export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
export const DEFAULT_LANGUAGE: Language = "en";

const PLACEHOLDER = /\{(\w+)\}/g;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(CATALOGUES, value);
}

/** The message in the language with its placeholders filled; a placeholder without a value is a bug, not a blank. */
export function message(language: Language, key: MessageKey, values: MessageValues = {}): string {
  return CATALOGUES[language][key].replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`message ${key} (${language}) needs a value for {${name}}`);
    return String(value);
  });
}

/** The placeholder names of a template, sorted: a translation must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]!))].sort();
}

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
  return message(language, `unit.${unit}.${form}`, { count });
}

/**
 * The language to write in: the form's choice when Liveline writes that language (its primary subtag: "de-AT"
 * is German), else the best of the browser's Accept-Language (by q, then order), else English.
 */
export function chooseLanguage(chosen: string | undefined, acceptLanguage: string | undefined): Language {
  const fromForm = chosen === undefined ? undefined : supported(chosen);
  return fromForm ?? bestAccepted(acceptLanguage ?? "") ?? DEFAULT_LANGUAGE;
}

function supported(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

function bestAccepted(header: string): Language | undefined {
  const ranked = header
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...params] = entry.split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const entry of ranked) {
    const language = supported(entry.tag);
    if (language) return language;
  }
  return undefined;
}
