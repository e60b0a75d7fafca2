// Core: every language's catalogue has exactly the English keys with the same placeholders, and the language
// is chosen from the form, then the browser, then English.
import { describe, expect, it } from "vitest";
import { CATALOGUES, chooseLanguage, countOf, LANGUAGES, message, placeholdersOf, type MessageKey } from "../../../functions/core/messages/catalogue";
import { en } from "../../../functions/core/messages/en";

const ENGLISH_KEYS = Object.keys(en).sort() as MessageKey[];

describe("the message catalogues", () => {
  it("are English, German, French and Spanish", () => {
    expect(LANGUAGES).toEqual(["en", "de", "fr", "es"]);
  });

  describe.each(LANGUAGES.filter((language) => language !== "en"))("%s", (language) => {
    const catalogue: Record<string, string> = CATALOGUES[language];

    it("has every English key and no other", () => {
      expect(Object.keys(catalogue).sort()).toEqual(ENGLISH_KEYS);
    });

    it.each(ENGLISH_KEYS)("%s: the same placeholders as English, and a real translation", (key) => {
      expect(catalogue[key], `${language} lacks ${key}`).toBeTypeOf("string");
      expect(placeholdersOf(catalogue[key]!)).toEqual(placeholdersOf(en[key]));
      expect(catalogue[key]!.trim()).not.toBe("");
    });
  });

  it("finds a missing key and a changed placeholder (the check above is not empty)", () => {
    const broken: Record<string, string> = { ...CATALOGUES.de, "rebook.subject": "Eine weitere Demo mit {person} buchen" };
    delete broken["hello.named"];
    expect(Object.keys(broken).sort()).not.toEqual(ENGLISH_KEYS);
    expect(placeholdersOf(broken["rebook.subject"]!)).not.toEqual(placeholdersOf(en["rebook.subject"]));
  });

  it("fills the placeholders, and refuses to send a message with one left empty", () => {
    expect(message("de", "hello.named", { name: "Jana" })).toBe("Hallo Jana,");
    expect(message("es", "rebook.subject", { rep: "Maya" })).toBe("Reserve otra demo con Maya");
    expect(() => message("fr", "hello.named")).toThrow(/\{name\}/);
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
