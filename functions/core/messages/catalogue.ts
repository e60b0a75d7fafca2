// Core, message catalogue: the languages Liveline writes in, the message lookup with its {placeholders}, and the
// choice of language from a form's and a browser's wishes. The words themselves are in areas (catalogues/<area>/,
// one file per language, en.ts the source): a composer looks up through messagesIn over the areas it writes with,
// so a function's bundle carries only the words of the messages it composes. Adding a language is adding its file
// to every area and naming it in LANGUAGES below (README "Languages").

/** The languages Liveline writes in; every catalogue area has each of them (CatalogueArea). */
export const LANGUAGES = ["en", "de", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export type MessageValues = Readonly<Record<string, string | number>>;

/** One area's words in every language: each language a template per key of the English source. */
export type CatalogueArea<Key extends string = string> = { readonly [Each in Language]: { readonly [K in Key]: string } };

/** The keys of a catalogue area. */
export type KeyOf<Area> = Area extends { readonly en: infer English } ? Extract<keyof English, string> : never;

/** A message lookup over some areas: the message in the language with its placeholders filled. */
export type Messages<Key extends string> = (language: Language, key: Key, values?: MessageValues) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The lookup over these areas (a key of any of them). A placeholder without a value is a bug, not a blank.
 * Each language's words are merged on its first message.
 */
export function messagesIn<const Areas extends readonly CatalogueArea[]>(...areas: Areas): Messages<KeyOf<Areas[number]>> {
  const merged = new Map<Language, Readonly<Record<string, string>>>();
  const wordsOf = (language: Language) => {
    let words = merged.get(language);
    if (!words) {
      words = Object.assign({}, ...areas.map((area) => area[language])) as Record<string, string>;
      merged.set(language, words);
    }
    return words;
  };
  return (language, key, values = {}) => {
    const template = wordsOf(language)[key];
    if (template === undefined) throw new Error(`message ${key} (${language}) is in none of this lookup's areas`);
    return template.replace(PLACEHOLDER, (_whole, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`message ${key} (${language}) needs a value for {${name}}`);
      return String(value);
    });
  };
}

/** The placeholder names of a template, sorted: a translation must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]!))].sort();
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
