// Web: the pages' catalogues have exactly the English keys and placeholders; every data-text element of a
// page names an English key and is empty in static/ (the build writes the English in); the page language is
// the address's, else the browser's first that Liveline writes, else English.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withEnglishText } from "../../web/build";
import { choosePageLanguage, PAGE_CATALOGUES, text } from "../../web/src/page-text";
import { en } from "../../web/src/page-text/en";

const KEYS = Object.keys(en).sort();
const placeholders = (template: string) => [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (match) => match[1]))].sort();
const STATIC = join(__dirname, "../../web/static");
const PAGES = readdirSync(STATIC, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));

describe("the page catalogues", () => {
  it("are English, German, French and Spanish, the languages of the e-mails", () => {
    expect(Object.keys(PAGE_CATALOGUES)).toEqual(["en", "de", "fr", "es"]);
  });

  describe.each(["de", "fr", "es"] as const)("%s", (language) => {
    const catalogue: Record<string, string> = PAGE_CATALOGUES[language];
    it("has every English key and no other", () => {
      expect(Object.keys(catalogue).sort()).toEqual(KEYS);
    });
    it.each(KEYS)("%s: the same placeholders as English", (key) => {
      expect(catalogue[key]?.trim(), `${language} lacks ${key}`).toBeTruthy();
      expect(placeholders(catalogue[key]!)).toEqual(placeholders(en[key as keyof typeof en]));
    });
  });

  it("fills a script's text in the page's language (English until a page chooses)", () => {
    expect(text("booking.booked", { when: "Tuesday, December 1 at 10:00 AM", who: "Maya" })).toBe("You're booked: Tuesday, December 1 at 10:00 AM with Maya.");
  });
});

describe("the pages' data-text elements", () => {
  it.each(PAGES)("%s names English keys only, each element empty in static/", (page) => {
    const html = readFileSync(join(STATIC, page), "utf8");
    for (const [, key] of html.matchAll(/data-text="([^"]+)"/g)) expect(KEYS, `${page}: ${key}`).toContain(key);
    // The build refuses what would break: an element with words of its own, or an unknown key.
    expect(() => withEnglishText(html, page)).not.toThrow();
  });

  it("the build writes the English words in, escaped", () => {
    expect(withEnglishText('<h1 class="x" data-text="booking.heading"></h1>', "t.html")).toBe('<h1 class="x" data-text="booking.heading">Talk to us live</h1>');
    expect(withEnglishText('<button data-text="review.book" type="button"></button>', "t.html")).toBe('<button data-text="review.book" type="button">Book</button>');
    expect(withEnglishText('<p data-text="form.consent"></p>', "t.html")).toBe("<p data-text=\"form.consent\">I agree to be contacted about my request (phone and e-mail).</p>");
    expect(() => withEnglishText('<p data-text="booking.heading">Hi</p>', "t.html")).toThrow(/must be empty/);
    expect(() => withEnglishText('<p data-text="no.such.key"></p>', "t.html")).toThrow(/not in web\/src\/page-text\/en\.ts/);
  });

  it("the booking page is written from the catalogue", () => {
    const html = readFileSync(join(STATIC, "index.html"), "utf8");
    expect(html.match(/data-text="/g)?.length).toBeGreaterThan(35);
    expect(withEnglishText(html, "index.html")).toContain('<h1 data-text="booking.heading">Talk to us live</h1>');
  });
});

describe("choosePageLanguage", () => {
  it.each([
    ["a German browser", null, ["de-DE", "de", "en-US"], "de"],
    ["the first browser language Liveline writes", null, ["ja-JP", "es-MX", "de"], "es"],
    ["the address over the browser", "fr", ["de-DE"], "fr"],
    ["the browser when the address names another", "pt", ["es-ES"], "es"],
    ["English otherwise", null, ["ja-JP"], "en"],
    ["English without languages", undefined, [], "en"],
  ])("takes %s", (_label, requested, browser, expected) => {
    expect(choosePageLanguage(requested, browser)).toBe(expected);
  });
});

describe("the 'Text me reminders' box", () => {
  it("shows, in each language, the very wording the lead's consent stores (core message text.consent)", async () => {
    const { CATALOGUES } = await import("../../functions/core/messages/catalogue");
    for (const language of Object.keys(PAGE_CATALOGUES) as (keyof typeof PAGE_CATALOGUES)[]) {
      expect(PAGE_CATALOGUES[language]["form.smsConsent"], language).toBe(CATALOGUES[language]["text.consent"]);
    }
  });
});
