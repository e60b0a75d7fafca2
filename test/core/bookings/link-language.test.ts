// Tests: core/bookings/link-language and the page links that carry it — a link to a prospect's page names the stored
// language (?lang=de) outside its signed token, so the page reads in the e-mail's language and the token,
// which signs only purpose, subject and expiry, still verifies; a link without a language is as before.

import { describe, expect, it } from "vitest";
import { bookingLinks } from "../../../functions/core/bookings/booking-links";
import { bookingPageUrl, pageQuery } from "../../../functions/core/bookings/link-language";
import { FEEDBACK_PURPOSE, feedbackUrl, OUTCOME_PURPOSE, outcomeUrl, registrationManageUrl, unsubscribeUrls, UNSUBSCRIBE_PURPOSE } from "../../../functions/core/bookings/lifecycle-links";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";
import { verifyToken } from "../../../functions/core/access/signed-token";

const KEYS = singleKeyRing("test-secret-0123456789abcdef0123456789abcdef");
const NOW = new Date("2026-12-01T09:00:00Z");
const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, "");

describe("pageQuery", () => {
  it("adds lang after the page's own parameters, and nothing without a language", () => {
    expect(pageQuery([["booking", "b 1"]], "de")).toBe("?booking=b%201&lang=de");
    expect(pageQuery([["rating", "4"]], undefined)).toBe("?rating=4");
    expect(pageQuery([], "es")).toBe("?lang=es");
    expect(pageQuery([], undefined)).toBe("");
  });
});

describe("the links to a prospect's pages", () => {
  it("name the prospect's language in the query, the token untouched in the fragment", () => {
    const german = bookingLinks("https://demo.example/", "b-1", 2, new Date("2026-12-02T10:00:00Z"), KEYS, "de");
    const plain = bookingLinks("https://demo.example/", "b-1", 2, new Date("2026-12-02T10:00:00Z"), KEYS);
    expect(german.manageUrl).toMatch(/^https:\/\/demo\.example\/manage\.html\?booking=b-1&lang=de#token=/);
    expect(plain.manageUrl).toMatch(/^https:\/\/demo\.example\/manage\.html\?booking=b-1#token=/);
    expect(tokenOf(german.manageUrl)).toBe(tokenOf(plain.manageUrl));
    // The calendar download is not a page: no language.
    expect(german.icsUrl).toBe(plain.icsUrl);

    const feedback = feedbackUrl("https://demo.example", KEYS, NOW, "b-1", 4, "fr");
    expect(feedback).toMatch(/\/feedback\.html\?rating=4&lang=fr#token=/);
    expect(verifyToken(tokenOf(feedback), KEYS, FEEDBACK_PURPOSE, NOW)).toMatchObject({ subject: "b-1" });

    const unsubscribe = unsubscribeUrls("https://demo.example", KEYS, NOW, "Lena@Sprachen.example", "es");
    expect(unsubscribe.page).toMatch(/\/unsubscribe\.html\?lang=es#token=/);
    expect(unsubscribe.oneClick).not.toContain("lang=");
    expect(verifyToken(tokenOf(unsubscribe.page), KEYS, UNSUBSCRIBE_PURPOSE, NOW)).toMatchObject({ subject: "lena@sprachen.example" });

    expect(registrationManageUrl("https://demo.example", KEYS, "r-9", Date.parse("2026-12-03T17:00:00Z"), "de")).toMatch(/\/registration\.html\?registration=r-9&lang=de#token=/);
    expect(bookingPageUrl("https://demo.example/", "fr")).toBe("https://demo.example/?lang=fr");
    expect(bookingPageUrl("https://demo.example", undefined)).toBe("https://demo.example/");
  });

  it("a rep's outcome link names the rep's language the same way; none without one", () => {
    const german = outcomeUrl("https://demo.example", KEYS, NOW, { leadId: "l-1", promptId: "p-1", repId: "maya", outcome: "voicemail" }, "de");
    expect(german).toMatch(/^https:\/\/demo\.example\/outcome\.html\?lang=de#token=/);
    expect(verifyToken(tokenOf(german), KEYS, OUTCOME_PURPOSE, NOW)).toMatchObject({ subject: "l-1|p-1|voicemail|maya" });
    expect(outcomeUrl("https://demo.example", KEYS, NOW, { leadId: "l-1", promptId: "p-1", repId: "maya", outcome: "voicemail" })).toMatch(/^https:\/\/demo\.example\/outcome\.html#token=/);
  });
});
