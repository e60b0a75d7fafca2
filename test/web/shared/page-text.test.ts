// Web: the pages' catalogues — the booking page's and each area's (lifecycle, webinars, availability, booking-progress, outcome, embed) — have exactly the
// English keys and placeholders; every data-text element of a page names an English key and is empty in
// static/ (the build writes the English in); the page language is the address's, else the browser's first that
// Liveline writes, else English; a page's words come in its language once it is applied.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGLISH_PAGE_TEXT, withEnglishText } from "../../../web/build";
import { applyPageLanguage, choosePageLanguage, PAGE_CATALOGUES, text } from "../../../web/src/shared/page-text";
import { LIFECYCLE_TEXT } from "../../../web/src/page-text/lifecycle";
import { BRAND_TEXT } from "../../../web/src/page-text/brand";
import { AVAILABILITY_TEXT } from "../../../web/src/page-text/availability";
import { BOOKING_PROGRESS_TEXT } from "../../../web/src/page-text/booking-progress";
import { OUTCOME_TEXT } from "../../../web/src/page-text/outcome";
import { EMBED_TEXT, embedText } from "../../../web/src/page-text/embed";
import { WEBINARS_TEXT } from "../../../web/src/page-text/webinars";

const KEYS = Object.keys(ENGLISH_PAGE_TEXT).sort();
const AREAS = { booking: PAGE_CATALOGUES, lifecycle: LIFECYCLE_TEXT, webinars: WEBINARS_TEXT, brand: BRAND_TEXT, availability: AVAILABILITY_TEXT, bookingProgress: BOOKING_PROGRESS_TEXT, outcome: OUTCOME_TEXT, embed: EMBED_TEXT } as const;
/** A page's document as applyPageLanguage sees it, without a browser: its html element and no data-text elements. */
const bareDocument = () => ({ documentElement: { lang: "en" }, querySelectorAll: () => [] }) as unknown as Document;
const placeholders = (template: string) => [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (match) => match[1]))].sort();
const STATIC = join(__dirname, "../../../web/static");
const PAGES = readdirSync(STATIC, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));

describe("the page catalogues", () => {
  it("are English, German, French and Spanish, the languages of the e-mails", () => {
    expect(Object.keys(PAGE_CATALOGUES)).toEqual(["en", "de", "fr", "es"]);
  });

  it("each area names the same languages", () => {
    for (const area of Object.values(AREAS)) expect(Object.keys(area)).toEqual(["en", "de", "fr", "es"]);
  });

  it("no key is in two areas (a page's words have one source)", () => {
    const all = Object.values(AREAS).flatMap((area) => Object.keys(area.en));
    expect(all.length).toBe(new Set(all).size);
    expect(all.sort()).toEqual(KEYS);
  });

  describe.each(Object.keys(AREAS) as (keyof typeof AREAS)[])("area %s", (name) => {
    const english: Record<string, string> = AREAS[name].en;
    const keys = Object.keys(english).sort();
    describe.each(["de", "fr", "es"] as const)("%s", (language) => {
      const catalogue: Record<string, string> = AREAS[name][language];
      it("has every English key and no other", () => {
        expect(Object.keys(catalogue).sort()).toEqual(keys);
      });
      it.each(keys)("%s: the same placeholders as English", (key) => {
        expect(catalogue[key]?.trim(), `${language} lacks ${key}`).toBeTruthy();
        expect(placeholders(catalogue[key]!)).toEqual(placeholders(english[key]!));
      });
    });
  });

  it("fills a script's text in the page's language (English until a page chooses)", () => {
    expect(text("booking.booked", { when: "Tuesday, December 1 at 10:00 AM", who: "Maya" })).toBe("You're booked: Tuesday, December 1 at 10:00 AM with Maya.");
  });

  it("speaks the applied language, an imported area's words too, and sets the html lang", () => {
    const page = bareDocument();
    try {
      applyPageLanguage("de", page);
      expect(page.documentElement.lang).toBe("de");
      expect(text("manage.moved", { when: "Dienstag, 1. Dezember um 10:00" })).toBe("Verschoben auf Dienstag, 1. Dezember um 10:00. Wir haben Ihnen eine aktualisierte Einladung per E-Mail geschickt.");
      expect(text("webinars.seats.other", { count: 3 })).toBe("Noch 3 Plätze frei");
      applyPageLanguage("es", page);
      expect(text("feedback.thanksHeading")).toBe("Gracias");
    } finally {
      applyPageLanguage("en", page);
    }
    expect(text("feedback.thanksHeading")).toBe("Thank you");
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
    // An area's words are filled in too.
    expect(withEnglishText('<h1 data-text="manage.heading"></h1>', "t.html")).toBe('<h1 data-text="manage.heading">Reschedule or cancel</h1>');
  });

  it.each([
    ["manage.html", 20],
    ["feedback.html", 12],
    ["unsubscribe.html", 6],
    ["webinars.html", 20],
    ["registration.html", 15],
    ["outcome.html", 6],
  ])("%s is written from the catalogues, no English of its own in its visible text", (page, least) => {
    const html = readFileSync(join(STATIC, page), "utf8");
    expect(html.match(/data-text="/g)?.length).toBeGreaterThan(least);
    // Between tags, outside <noscript> (for browsers that run no script, and so no language), only data-text
    // elements carry words: the rest is markup, punctuation or symbols.
    const body = html.slice(html.indexOf("<body>")).replace(/<noscript>[\s\S]*?<\/noscript>/g, "").replace(/<label for="website">[^<]*<\/label>/, "");
    const words = [...body.matchAll(/>([^<]*[A-Za-z]{2,}[^<]*)</g)].map((match) => match[1]!.trim());
    expect(words).toEqual([]);
  });

  it("the booking page is written from the catalogue", () => {
    const html = readFileSync(join(STATIC, "index.html"), "utf8");
    expect(html.match(/data-text="/g)?.length).toBeGreaterThan(35);
    expect(withEnglishText(html, "index.html")).toContain('<h1 data-text="booking.heading">Talk to us live</h1>');
  });
});

describe("embedText (embed.js's own words on the host page)", () => {
  it.each([
    ["de", "Einen Termin mit uns buchen", "Schließen"],
    ["de-AT", "Einen Termin mit uns buchen", "Schließen"],
    ["ES", "Reserve una cita con nosotros", "Cerrar"],
    ["fr", "Réserver un créneau avec nous", "Fermer"],
    ["pt-BR", "Book a time with us", "Close"],
    [undefined, "Book a time with us", "Close"],
  ])("%s: the frame's title and the close button", (language, title, close) => {
    expect(embedText(language)).toEqual({ "embed.frameTitle": title, "embed.close": close });
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
    const { CATALOGUES } = await import("../../../functions/core/messages/catalogue");
    for (const language of Object.keys(PAGE_CATALOGUES) as (keyof typeof PAGE_CATALOGUES)[]) {
      expect(PAGE_CATALOGUES[language]["form.smsConsent"], language).toBe(CATALOGUES[language]["text.consent"]);
    }
  });
});
