// Web: the pages' catalogues — the booking page's and each area's (lifecycle, webinars, availability, booking-progress, outcome, checks, slots, embed) — have exactly the
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
import { SHORT_LINK_TEXT } from "../../../web/src/page-text/short-link";
import { AVAILABILITY_TEXT } from "../../../web/src/page-text/availability";
import { BOOKING_PROGRESS_TEXT } from "../../../web/src/page-text/booking-progress";
import { OUTCOME_TEXT } from "../../../web/src/page-text/outcome";
import { CHECKS_TEXT } from "../../../web/src/page-text/checks";
import { SLOTS_TEXT } from "../../../web/src/page-text/slots";
import { EMBED_TEXT, embedText } from "../../../web/src/page-text/embed";
import { WEBINARS_TEXT } from "../../../web/src/page-text/webinars";

const KEYS = Object.keys(ENGLISH_PAGE_TEXT).sort();
const AREAS = { booking: PAGE_CATALOGUES, lifecycle: LIFECYCLE_TEXT, webinars: WEBINARS_TEXT, brand: BRAND_TEXT, shortLink: SHORT_LINK_TEXT, availability: AVAILABILITY_TEXT, bookingProgress: BOOKING_PROGRESS_TEXT, outcome: OUTCOME_TEXT, checks: CHECKS_TEXT, slots: SLOTS_TEXT, embed: EMBED_TEXT } as const;
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
    const { TEXT_WORDS } = await import("../../../functions/core/messages/catalogues/texts");
    for (const language of Object.keys(PAGE_CATALOGUES) as (keyof typeof PAGE_CATALOGUES)[]) {
      expect(PAGE_CATALOGUES[language]["form.smsConsent"], language).toBe(TEXT_WORDS[language]["text.consent"]);
    }
  });
});

describe("the forms' own checks and the answers a page writes itself speak the page's language", () => {
  it("in German: the booking form's and the webinar form's checks, a colleague's, the labels before an API message, a taken time, no answer at all", async () => {
    const { validateContact } = await import("../../../web/src/booking/contact-form");
    const { validateRegistration, registrationFieldMessage, sessionMessage } = await import("../../../web/src/webinars/registration-form");
    const { fieldMessage, slotMessage } = await import("../../../web/src/shared/field-errors");
    const { statusText } = await import("../../../web/src/booking/call-me-now");
    const { apiRequest } = await import("../../../web/src/api/api-client");
    try {
      applyPageLanguage("de", bareDocument());
      const contact = { name: "", email: "ann@", company: "", country: "", language: "de", phone: "", teamSize: "0", interest: "", timeZone: "", consent: false, smsConsent: true };
      expect(validateContact(contact).map((problem) => problem.message)).toEqual([
        "Bitte geben Sie Ihren Namen ein.",
        "Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@firma.de.",
        "Die Teamgröße muss mindestens 1 sein.",
        "Bitte wählen Sie Ihre Zeitzone.",
        "Bitte setzen Sie dieses Häkchen, damit wir Sie zu Ihrer Demo kontaktieren können.",
        "Für SMS brauchen wir Ihre Telefonnummer: Bitte geben Sie sie oben ein oder entfernen Sie dieses Häkchen.",
      ]);
      const registration = { name: "Ann", email: "", company: "", phone: "", timeZone: "Europe/Berlin", language: "de", consent: true, smsConsent: false, colleagues: [{ email: "", name: "Bo" }, { email: "x@y.example", name: "" }, { email: "x@y.example", name: "" }] };
      expect(validateRegistration(registration).map((problem) => problem.message)).toEqual([
        "Bitte geben Sie Ihre geschäftliche E-Mail-Adresse ein.",
        "Bitte geben Sie die geschäftliche E-Mail-Adresse von Bo ein oder entfernen Sie diese Person.",
        "Diese Adresse steht bereits in der Liste.",
      ]);
      expect(registrationFieldMessage({ field: "colleagues" }, "colleagues can list at most 10 colleagues.")).toBe("Sie können hier höchstens 10 Personen einladen.");
      expect(registrationFieldMessage({ field: "colleagues", index: 1, part: "email" }, "colleagues[1] is not a valid address.")).toBe("E-Mail is not a valid address.");
      expect(sessionMessage("")).toBe("Für diesen Termin ist keine Anmeldung möglich.");
      expect(fieldMessage("consent", "must be given")).toBe("Bitte setzen Sie dieses Häkchen, damit wir Sie zu Ihrer Demo kontaktieren können.");
      expect(fieldMessage("phone", "needs the country code")).toBe("Telefon needs the country code.");
      expect(slotMessage("is not an open slot")).toBe("Dieser Termin: is not an open slot. Bitte wählen Sie einen anderen Termin.");
      expect(statusText("claimed", "+49 30 1234")).toBe("Eine Fachperson hat Ihre Anfrage und ruft Sie jetzt unter +49 30 1234 an.");
      const unreachable = await apiRequest("/api/x", { fetchImpl: () => Promise.reject(new TypeError("offline")) });
      expect(!unreachable.ok && unreachable.error.message).toBe("Wir konnten unseren Buchungsdienst nicht erreichen. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.");
    } finally {
      applyPageLanguage("en", bareDocument());
    }
    expect(fieldMessage("phone", "needs the country code")).toBe("Phone needs the country code.");
  });
});
