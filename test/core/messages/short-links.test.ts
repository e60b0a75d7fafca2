// Unit: short links — a signed link of our site shown as <site>/l#<code>, the same code for the same link, the
// expiry its token names; other sites' links, unsigned ones and overlong expiries left whole; the HTML part
// showing a line's label instead of the address.
import { describe, expect, it } from "vitest";
import { signToken, tokenExpiry } from "../../../functions/core/access/signed-token";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";
import { renderHtml, renderText, withShortLinks, type BodyLine } from "../../../functions/core/messages/message-parts";
import { linkShortener, shortCode } from "../../../functions/core/messages/short-links";
import { SHORT_CODE } from "../../../functions/handlers/http/short-link-header";

const keys = singleKeyRing("short-link-test-secret");
const NOW = new Date("2026-12-01T08:00:00Z");
const expiresAt = Date.parse("2026-12-08T17:00:00Z") / 1000;
const token = signToken({ purpose: "manage", subject: "booking-1@0", expiresAt }, keys);
const manage = `https://demo.example.com/manage.html?booking=booking-1&lang=de#token=${token}`;
const ics = `https://demo.example.com/api/bookings/booking-1/invite.ics?token=${token}`;

describe("short links", () => {
  it("shows a signed link as <site>/l#<code> and remembers what it stands for, until its token expires", () => {
    const shortener = linkShortener("https://demo.example.com/", NOW);
    const text = shortener.shorten(`Manage: ${manage}`);
    expect(text).toMatch(/^Manage: https:\/\/demo\.example\.com\/l#[A-Za-z0-9_-]{16}$/);
    expect(text).not.toContain("token=");
    const [link] = shortener.links();
    expect(link).toEqual({ code: text.slice(-16), url: manage, expiresAt });
    expect(SHORT_CODE.test(link!.code)).toBe(true);
  });

  it("gives the same link the same code (a retried message stores the same item) and another link another", () => {
    const shortener = linkShortener("https://demo.example.com", NOW);
    expect(shortener.shorten(manage)).toBe(shortener.shorten(manage));
    expect(shortCode(manage)).not.toBe(shortCode(ics));
    shortener.shorten(ics);
    expect(shortener.links().map((link) => link.url)).toEqual([manage, ics]);
  });

  it("keeps a sentence's full stop outside the link", () => {
    const shortener = linkShortener("https://demo.example.com", NOW);
    expect(shortener.shorten(`Open ${ics}.`)).toMatch(/\/l#[A-Za-z0-9_-]{16}\.$/);
    expect(shortener.links()[0]!.url).toBe(ics);
  });

  it("shortens only our own site's links, and none that would outlive the longest-lived signed link", () => {
    // An address typed into a form (a booking's notes) is never shortened: a code would be a redirect on our
    // domain to wherever it points.
    const typed = `Notes: see https://evil.example/login?token=${token} and https://demo.example.com.evil.example/x?token=${token}`;
    const shortener = linkShortener("https://demo.example.com", NOW);
    expect(shortener.shorten(typed)).toBe(typed);
    const forever = signToken({ purpose: "manage", subject: "b@0", expiresAt: 9_999_999_999 }, keys);
    const ours = `https://demo.example.com/manage.html#token=${forever}`;
    expect(shortener.shorten(ours)).toBe(ours);
    expect(shortener.links()).toEqual([]);
  });

  it("leaves links without a token, and every link when there is no site address, whole", () => {
    const plain = "Join at https://meet.example.com/abc-defg-hij or https://demo.example.com/?lang=de";
    const shortener = linkShortener("https://demo.example.com", NOW);
    expect(shortener.shorten(plain)).toBe(plain);
    expect(linkShortener(undefined, NOW).shorten(manage)).toBe(manage);
    expect(shortener.links()).toEqual([]);
  });

  it("reads a token's expiry without trusting it, and nothing from a token that is not one", () => {
    expect(tokenExpiry(token)).toBe(expiresAt);
    expect(tokenExpiry("not-a-token")).toBeUndefined();
    expect(tokenExpiry("a.b.c.d")).toBeUndefined();
  });

  it("shows a signed link short in the text and as its label in the HTML, the link itself whole", () => {
    const lines: BodyLine[][] = [
      [{ label: "Reschedule or cancel", text: manage, href: manage, button: true }, { label: "Calendar file", text: ics, href: ics }, { text: `Or paste ${ics}`, href: ics }],
      [{ label: "Join", text: "https://meet.example.com/x", href: "https://meet.example.com/x" }],
    ];
    const shortener = linkShortener("https://demo.example.com", NOW);
    const shown = withShortLinks(lines, shortener);
    const [button, labelled, unlabelled] = shown[0]!;
    expect(button!.href).toBe(manage);
    expect(labelled!.href).toBe(ics);
    expect(unlabelled!.href).toMatch(/^https:\/\/demo\.example\.com\/l#[A-Za-z0-9_-]{16}$/);
    expect(shown[1]![0]).toBe(lines[1]![0]);
    const text = renderText(shown);
    expect(text).not.toContain("token=");
    expect(text).toContain(`Calendar file: https://demo.example.com/l#${shortCode(ics)}`);
    const html = renderHtml(shown);
    expect(html).toContain(`<a href="${ics.replaceAll("&", "&amp;")}">Calendar file</a>`);
    expect(html.replace(/href="[^"]*"/g, "")).not.toContain("token=");
  });
});
