// GET /api/short-links on DynamoDB Local and the SES emulator: the e-mails' text shows short links
// (<site>/l#<code>), each code gives back the signed link it stands for; an unknown, malformed or expired code
// is a clear 4xx; the outbox stores a message's codes before it sends it, so a failed store sends nothing until
// they are there; and a stored link to another site is never handed out.
import { describe, expect, it } from "vitest";
import type { ShortLinks } from "../../../functions/ports/short-links";
import { createLifecycle, linksIn, mailsTo } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";
let counter = 0;
const booking = () => {
  counter++;
  return { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Lena Kurz", email: `lena${counter}.${Date.now()}@initech.example`, timeZone: "Europe/Berlin", consent: true };
};
const SHORT = /http:\/\/liveline\.test\/l#([A-Za-z0-9_-]{16})/g;
const codesIn = (text: string) => [...new Set([...text.matchAll(SHORT)].map((match) => match[1]!))];

describe("short links", () => {
  it("an invitation's text shows short links, each code giving back the signed link it stands for", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    const booked = await life.api.call("POST", "/api/bookings", body);
    expect(booked.status).toBe(201);
    const [invitation] = await mailsTo(body.email);
    const text = invitation!.body.text!;
    expect(text).not.toContain("token=");
    const codes = codesIn(text);
    expect(codes.length).toBeGreaterThanOrEqual(1);

    const targets = [];
    for (const code of codes) {
      const answer = await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": code });
      expect(answer.status, code).toBe(200);
      expect(answer.headers["cache-control"]).toBe("no-store");
      targets.push(answer.json.url);
    }
    // The manage link the confirmation gave, and the token links of the HTML part, are what they stand for.
    expect(targets).toContain(booked.json.manageUrl);
    const hrefs = linksIn(invitation!).filter((href) => href.includes("token="));
    expect(hrefs.length).toBeGreaterThanOrEqual(1);
    for (const href of hrefs) expect(targets).toContain(href);
    // The HTML part shows no address with a token either: its lines show their labels.
    expect(invitation!.body.html!.replace(/href="[^"]*"/g, "")).not.toContain("token=");
  });

  it("answers an unknown or expired code 404 and a missing or malformed one 400 naming the header", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    await life.api.call("POST", "/api/bookings", body);
    const [invitation] = await mailsTo(body.email);
    const [code] = codesIn(invitation!.body.text!);

    const unknown = await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": "AAAAAAAAAAAAAAAA" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: "not_found", message: expect.any(String) });
    const badHeaders: Record<string, string>[] = [{}, { "liveline-link": "not-a-code" }];
    for (const sent of badHeaders) {
      const refused = await life.api.call("GET", "/api/short-links", undefined, sent);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: "invalid_link", field: "Liveline-Link" });
    }

    // The manage link lasts a week after the demo (Tuesday 17:30Z): after that, its code is gone too.
    expect((await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": code! })).status).toBe(200);
    life.clock.advance(8 * 24 * 60 + 12 * 60);
    expect((await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": code! })).status).toBe(404);
  });

  it("is in the OpenAPI document with its header and code pattern", async () => {
    const life = await createLifecycle(NOW);
    const document = (await life.api.call("GET", "/api/openapi.json")).json;
    const [parameter] = document.paths["/api/short-links"].get.parameters;
    expect(parameter).toMatchObject({ name: "Liveline-Link", in: "header", required: true, schema: { pattern: "^[A-Za-z0-9_-]{16}$" } });
  });

  it("never hands out a stored link to another site", async () => {
    const life = await createLifecycle(NOW);
    const expiresAt = Math.floor(Date.parse(NOW) / 1000) + 3600;
    await life.api.deps.shortLinks.save([{ code: "BBBBBBBBBBBBBBBB", url: "https://evil.example/?token=x", expiresAt }]);
    expect((await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": "BBBBBBBBBBBBBBBB" })).status).toBe(404);
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
    for (const code of codesIn(invitation!.body.text!)) expect((await life.api.call("GET", "/api/short-links", undefined, { "liveline-link": code })).status).toBe(200);
  });

  it("leaves the .ics download's links whole: its codes would be stored by no message", async () => {
    const life = await createLifecycle(NOW);
    const booked = await life.api.call("POST", "/api/bookings", booking());
    const ics = await life.api.call("GET", new URL(booked.json.icsUrl).pathname + new URL(booked.json.icsUrl).search);
    expect(ics.status).toBe(200);
    expect(ics.body.replace(/\r\n[ \t]/g, "")).not.toMatch(/\/l#/);
  });
});
