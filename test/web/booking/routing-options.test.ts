// Tests: web/src/booking/routing-options — the Country and language choices, named and preset from the browser.

import { describe, expect, it } from "vitest";
import {
  LANGUAGES,
  countryCodes,
  countryOptions,
  defaultCountry,
  defaultLanguage,
  regionNames,
  regionOfLocale,
  safeLocale,
} from "../../../web/src/booking/routing-options";

describe("country codes", () => {
  it("are unique two-letter codes the runtime can name", () => {
    const codes = countryCodes();
    expect(codes.length).toBeGreaterThan(240);
    expect(new Set(codes).size).toBe(codes.length);
    const names = regionNames("en")!;
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(names.of(code), code).not.toBe(code);
    }
    expect(codes).toEqual(expect.arrayContaining(["DE", "US", "IN", "BR", "JP", "GB"]));
  });
});

describe("countryOptions", () => {
  it("labels with the browser's names and sorts by them", () => {
    const options = countryOptions(regionNames("en"), "en", ["DE", "US", "AT", "GB"]);
    expect(options).toEqual([
      { value: "AT", label: "Austria" },
      { value: "DE", label: "Germany" },
      { value: "GB", label: "United Kingdom" },
      { value: "US", label: "United States" },
    ]);
  });

  it("names and sorts in the browser's language", () => {
    const options = countryOptions(regionNames("de"), "de", ["DE", "AT", "EG"]);
    expect(options.map((o) => o.label)).toEqual(["Ägypten", "Deutschland", "Österreich"]);
  });

  it("shows the codes when the browser cannot name countries", () => {
    expect(countryOptions(undefined, "en", ["US", "DE"])).toEqual([
      { value: "DE", label: "DE" },
      { value: "US", label: "US" },
    ]);
  });
});

describe("presets from the browser", () => {
  const options = countryOptions(undefined, "en");

  it("reads the region of a locale", () => {
    expect(regionOfLocale("en-US")).toBe("US");
    expect(regionOfLocale("zh-Hant-TW")).toBe("TW");
    expect(regionOfLocale("de-de")).toBe("DE");
    expect(regionOfLocale("en")).toBe("");
    expect(regionOfLocale("es-419")).toBe("");
    expect(regionOfLocale(undefined)).toBe("");
  });

  it("preselects the browser's country when listed, else Choose…", () => {
    expect(defaultCountry("en-US", options)).toBe("US");
    expect(defaultCountry("pt-BR", options)).toBe("BR");
    expect(defaultCountry("en", options)).toBe("");
    expect(defaultCountry("en-ZZ", options)).toBe("");
  });

  it("preselects the browser's language when reps speak it, else English", () => {
    expect(defaultLanguage("de-AT")).toBe("de");
    expect(defaultLanguage("pt-BR")).toBe("pt");
    expect(defaultLanguage("JA")).toBe("ja");
    expect(defaultLanguage("sv-SE")).toBe("en");
    expect(defaultLanguage(undefined)).toBe("en");
    expect(LANGUAGES.map((l) => l.value)).toEqual(["en", "de", "fr", "es", "pt", "it", "nl", "hi", "ja"]);
  });

  it("falls back to English for a locale Intl refuses", () => {
    expect(safeLocale("de-AT")).toBe("de-AT");
    expect(safeLocale("not a locale!")).toBe("en");
    expect(safeLocale("")).toBe("en");
  });
});
