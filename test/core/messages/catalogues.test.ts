// Core: every catalogue area has, in every language, exactly the English keys with the same placeholders; no key
// is in two areas; a lookup reads only its own areas; and the language is chosen from the form, then the browser,
// then English.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CatalogueArea, chooseLanguage, LANGUAGES, messagesIn, placeholdersOf } from "../../../functions/core/messages/catalogue";
import { COMMON_WORDS, countOf } from "../../../functions/core/messages/catalogues/common";
import { LIFECYCLE_WORDS } from "../../../functions/core/messages/catalogues/lifecycle";
import { WEBINAR_WORDS } from "../../../functions/core/messages/catalogues/webinars";

/** Every area in the folder, so one added later is checked without being listed here. */
const AREAS_FOLDER = join(import.meta.dirname, "../../../functions/core/messages/catalogues");
const AREAS: [string, CatalogueArea][] = await Promise.all(
  readdirSync(AREAS_FOLDER).map(async (name) => {
    const module = (await import(join(AREAS_FOLDER, name, "index.ts"))) as Record<string, unknown>;
    const area = Object.values(module).find((value) => typeof value === "object" && value !== null && "en" in value) as CatalogueArea;
    return [name, area] as [string, CatalogueArea];
  }),
);

describe("the message catalogues", () => {
  it("are English, German, French and Spanish, in areas", () => {
    expect(LANGUAGES).toEqual(["en", "de", "fr", "es"]);
    expect(AREAS.map(([name]) => name).sort()).toEqual(["api", "common", "digest", "invitations", "lifecycle", "sign-in", "texts", "webinars"]);
  });

  describe.each(AREAS)("area %s", (_name, area) => {
    const englishKeys = Object.keys(area.en).sort();

    describe.each(LANGUAGES.filter((language) => language !== "en"))("%s", (language) => {
      const words: Readonly<Record<string, string>> = area[language];

      it("has every English key and no other", () => {
        expect(Object.keys(words).sort()).toEqual(englishKeys);
      });

      it.each(englishKeys)("%s: the same placeholders as English, and a real translation", (key) => {
        expect(words[key], `${language} lacks ${key}`).toBeTypeOf("string");
        expect(placeholdersOf(words[key]!)).toEqual(placeholdersOf(area.en[key]!));
        expect(words[key]!.trim()).not.toBe("");
      });
    });
  });

  it("has each key in one area only, so a lookup over several areas never has two words for it", () => {
    const keys = AREAS.flatMap(([, area]) => Object.keys(area.en));
    expect(keys.length).toBeGreaterThan(200);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("finds a missing key and a changed placeholder (the check above is not empty)", () => {
    const broken: Record<string, string> = { ...LIFECYCLE_WORDS.de, "rebook.subject": "Eine weitere Demo mit {person} buchen" };
    delete broken["rep.ago"];
    expect(Object.keys(broken).sort()).not.toEqual(Object.keys(LIFECYCLE_WORDS.en).sort());
    expect(placeholdersOf(broken["rebook.subject"]!)).not.toEqual(placeholdersOf(LIFECYCLE_WORDS.en["rebook.subject"]));
  });

  it("fills the placeholders, and refuses to send a message with one left empty", () => {
    const message = messagesIn(COMMON_WORDS, LIFECYCLE_WORDS);
    expect(message("de", "hello.named", { name: "Jana" })).toBe("Hallo Jana,");
    expect(message("es", "rebook.subject", { rep: "Maya" })).toBe("Reserve otra demo con Maya");
    expect(() => message("fr", "hello.named")).toThrow(/\{name\}/);
  });

  it("looks a key up only in the lookup's own areas", () => {
    const message = messagesIn(COMMON_WORDS) as (language: "en", key: string) => string;
    expect(message("en", "hello.anonymous")).toBe("Hi there,");
    expect(() => message("en", "webinar.manageOwn")).toThrow(/webinar\.manageOwn \(en\) is in none of this lookup's areas/);
    expect(messagesIn(WEBINAR_WORDS)("en", "webinar.manageOwn")).toBe("Manage your registration");
  });

  it("counts in each language's plural", () => {
    expect([countOf("en", "hour", 1), countOf("en", "hour", 2), countOf("en", "minute", 0)]).toEqual(["1 hour", "2 hours", "0 minutes"]);
    expect([countOf("de", "minute", 1), countOf("de", "minute", 15)]).toEqual(["1 Minute", "15 Minuten"]);
    // French counts 0 and 1 as singular.
    expect([countOf("fr", "hour", 0), countOf("fr", "hour", 1), countOf("fr", "hour", 2)]).toEqual(["0 heure", "1 heure", "2 heures"]);
    expect(countOf("es", "day", 3)).toBe("3 días");
  });
});

describe("chooseLanguage", () => {
  it.each([
    ["the form's choice over the browser's", "es", "de-DE,de;q=0.9,en;q=0.8", "es"],
    ["a regional form choice by its language", "de-AT", undefined, "de"],
    ["the browser's when the form names none", undefined, "de-DE,de;q=0.9,en;q=0.8", "de"],
    ["the browser's when the form's is one Liveline does not write", "pt-br", "fr-CH, fr;q=0.9", "fr"],
    ["the best supported by q, not the first", undefined, "pt-BR,ja;q=0.9,es;q=0.5,fr;q=0.7", "fr"],
    ["the first of equal q", undefined, "it, es, de", "es"],
    ["nothing refused with q=0", undefined, "de;q=0, fr;q=0.1", "fr"],
    ["English when nothing matches", undefined, "ja-JP,zh;q=0.5,*;q=0.1", "en"],
    ["English without a header", undefined, undefined, "en"],
    ["English for a garbled header", undefined, ";;q=x,,", "en"],
  ])("takes %s", (_label, chosen, header, expected) => {
    expect(chooseLanguage(chosen, header)).toBe(expected);
  });
});
