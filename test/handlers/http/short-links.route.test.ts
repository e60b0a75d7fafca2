// GET /l/{code} on DynamoDB Local and the SES emulator: the e-mails' text shows short links, each redirects
// to the signed link it stands for; an unknown or expired code is a page in the reader's language (a JSON
// error for a client that asks for no page); the outbox
// stores a message's links before it sends it, so a failed store sends nothing until they are there.
import { describe, expect, it } from "vitest";
import type { ShortLinks } from "../../../functions/ports/short-links";
import { createLifecycle, linksIn, mailsTo } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";
let counter = 0;
const booking = () => {
  counter++;
  return { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Lena Kurz", email: `lena${counter}.${Date.now()}@initech.example`, timeZone: "Europe/Berlin", consent: true };
};
const SHORT = /http:\/\/liveline\.test\/l\/[A-Za-z0-9_-]{16}/g;

describe("short links", () => {
  it("an invitation's text shows short links, each redirecting to the signed link it stands for", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    const booked = await life.api.call("POST", "/api/bookings", body);
    expect(booked.status).toBe(201);
    const [invitation] = await mailsTo(body.email);
    const text = invitation!.body.text!;
    expect(text).not.toContain("token=");
    const shortLinks = [...new Set(text.match(SHORT))];
    expect(shortLinks.length).toBeGreaterThanOrEqual(1);

    const targets = [];
    for (const link of shortLinks) {
      const answer = await life.api.call("GET", new URL(link).pathname);
      expect(answer.status, link).toBe(302);
      expect(answer.headers["cache-control"]).toBe("no-store");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      targets.push(answer.headers.location);
    }
    // The manage link the confirmation gave, and the buttons of the HTML part, are where they lead.
    expect(targets).toContain(booked.json.manageUrl);
    const buttons = linksIn(invitation!).filter((href) => href.includes("token="));
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    for (const href of buttons) expect(targets).toContain(href);
    // The HTML part shows no token either: its links that show their address are short too.
    expect(invitation!.body.html!.replace(/href="[^"]*"/g, "")).not.toContain("token=");
  });

  it("answers an unknown, malformed or expired code with a page in the reader's language, not a redirect", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    await life.api.call("POST", "/api/bookings", body);
    const [invitation] = await mailsTo(body.email);
    const path = new URL(invitation!.body.text!.match(SHORT)![0]).pathname;

    const browser = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    const unknown = await life.api.call("GET", "/l/AAAAAAAAAAAAAAAA", undefined, { ...browser, "accept-language": "de-DE,de;q=0.9" });
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(unknown.body).toContain('<html lang="de">');
    expect(unknown.body).toContain("Dieser Link funktioniert nicht mehr");
    expect(unknown.body).toContain('href="http://liveline.test/?lang=de"');
    expect((await life.api.call("GET", "/l/not-a-code", undefined, browser)).status).toBe(404);
    // Another client gets the API's JSON error.
    const json = await life.api.call("GET", "/l/AAAAAAAAAAAAAAAA");
    expect(json.status).toBe(404);
    expect(json.json.error).toMatchObject({ code: "not_found", message: expect.any(String) });

    // The manage link lasts a week after the demo (Tuesday 17:30Z): a second later, its short link is gone too.
    expect((await life.api.call("GET", path)).status).toBe(302);
    life.clock.advance(8 * 24 * 60 + 12 * 60);
    const expired = await life.api.call("GET", path, undefined, { ...browser, "accept-language": "fr" });
    expect(expired.status).toBe(404);
    expect(expired.body).toContain("Ce lien ne fonctionne plus");
  });

  it("stores a message's links before sending it: a failed store sends nothing until the retry stores them", async () => {
    const life = await createLifecycle(NOW);
    const real = life.api.deps.shortLinks;
    const failing: ShortLinks = { save: async () => Promise.reject(new Error("ProvisionedThroughputExceededException")), find: (code, now) => real.find(code, now) };
    life.api.deps.shortLinks = failing;
    const body = booking();
    expect((await life.api.call("POST", "/api/bookings", body)).status).toBe(201);
    expect(await mailsTo(body.email)).toHaveLength(0);

    life.api.deps.shortLinks = real;
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    const [invitation] = await mailsTo(body.email);
    expect(invitation).toBeDefined();
    for (const link of new Set(invitation!.body.text!.match(SHORT))) expect((await life.api.call("GET", new URL(link).pathname)).status).toBe(302);
  });
});
