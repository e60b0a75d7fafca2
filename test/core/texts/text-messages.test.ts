// Tests: every text in every language fits 2 segments with realistic long values and ends with the
// opt-out line; long values are shortened rather than the text sent long; the reminder's "when".
import { describe, expect, it } from "vitest";
import { type KeyOf, LANGUAGES, messagesIn } from "../../../functions/core/messages/catalogue";
import { COMMON_WORDS } from "../../../functions/core/messages/catalogues/common";
import { TEXT_WORDS } from "../../../functions/core/messages/catalogues/texts";
import { countSegments } from "../../../functions/core/texts/sms-segments";
import { composeDemoReminderText, composeHelpText, composeMissedCallText, fitText } from "../../../functions/core/texts/text-messages";
import { LONG, longTexts } from "../../support/long-texts";

const now = new Date("2026-12-08T14:00:00Z");
const start = new Date("2026-12-08T15:00:00Z");

const message = messagesIn(COMMON_WORDS, TEXT_WORDS);
const TEXT_KEYS = Object.keys(TEXT_WORDS.en).filter((key) => key.startsWith("text.") && key !== "text.optOut" && key !== "text.consent") as KeyOf<typeof TEXT_WORDS>[];

describe.each(LANGUAGES)("texts in %s", (language) => {
  const texts = longTexts(language);

  it.each(Object.entries(texts))("%s fits 2 segments and ends with the opt-out line", (_name, text) => {
    expect(countSegments(text).segments).toBeGreaterThanOrEqual(1);
    expect(countSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text.endsWith(`\n${message(language, "text.optOut")}`)).toBe(true);
    expect(text).toContain("STOP");
  });

  it.each(TEXT_KEYS)("the template %s itself, filled with long values, fits 2 segments", (key) => {
    const values = { company: LONG.company, offering: LONG.offeringTitle, rep: "Maximiliana", title: LONG.title, when: message(language, "when.sentence.tomorrow", { time: "10:30 AM" }), joinUrl: LONG.joinUrl, link: LONG.bookingPageUrl, contact: LONG.contact };
    const text = fitText(language, [key], values, ["offering", "title", "company", "rep"]);
    expect(countSegments(text).segments).toBeLessThanOrEqual(2);
  });

  it("the missed-call text names the rep's first name, the company and the booking page in full", () => {
    const text = composeMissedCallText({ language, repName: "Maya Lopez", company: "Acme", bookingPageUrl: "https://acme.example/" });
    expect(text).toContain("Maya");
    expect(text).not.toContain("Lopez");
    expect(text).toContain("Acme");
    expect(text).toContain("https://acme.example/");
  });
});

describe("fitting", () => {
  it("keeps short values as they are (the English missed-call text of the issue, GSM-7)", () => {
    const text = composeMissedCallText({ language: "en", repName: "Maya Lopez", company: "Acme", bookingPageUrl: "https://acme.example/" });
    expect(text).toBe("Sorry I missed you - Maya from Acme; reply or pick a time: https://acme.example/\nReply STOP to opt out");
    expect(countSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("shortens the offering and company before dropping the join link, and never cuts the link", () => {
    const text = composeDemoReminderText(now, { language: "en", timeZone: "UTC", start, minutesBefore: 60, company: "C".repeat(100), joinUrl: LONG.joinUrl, offeringTitle: "O".repeat(150), repName: "Maya" });
    expect(text).toContain(LONG.joinUrl);
    expect(text).toContain("...");
    expect(text).toContain("starts in 1 hour");
  });

  it("drops the join link for the variant without it when the link alone is too long", () => {
    const joinUrl = `https://meet.example.com/${"x".repeat(320)}`;
    const text = composeDemoReminderText(now, { language: "en", timeZone: "UTC", start, minutesBefore: 60, company: "Acme", joinUrl, offeringTitle: "Demo", repName: "Maya" });
    expect(text).toBe("Acme: your Demo with Maya starts in 1 hour. The join link is in your e-mail.\nReply STOP to opt out");
  });

  it("cuts the text to fit as a last resort (a 400-character contact), keeping the opt-out line", () => {
    const text = composeHelpText({ language: "de", company: "Acme", contact: "x".repeat(400) });
    expect(countSegments(text).segments).toBe(2);
    expect(text.endsWith("\nAntworten Sie STOP zum Abmelden")).toBe(true);
  });

  it("a reminder moved out of quiet hours names the day and time instead of a countdown", () => {
    // Sent 20:59 the evening before an 08:30 demo in Los Angeles.
    const text = composeDemoReminderText(new Date("2026-12-09T04:59:00Z"), { language: "en", timeZone: "America/Los_Angeles", start: new Date("2026-12-09T16:30:00Z"), minutesBefore: 691, company: "Acme", joinUrl: "https://meet.example/x", offeringTitle: "Demo", repName: "Maya" });
    expect(text).toContain("is tomorrow at 8:30 AM");
  });
});
