// Abuse protection of the public writes, through the real handler on DynamoDB Local: a write needs an
// unused solution of a real challenge, sent no sooner than 2 s after its page's first challenge; the
// honeypot must stay empty; bearer tokens skip the challenge; LIVELINE_PROTECTION=off turns it off; every
// refusal stores nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { solvedPayload } from "../../support/proof-of-work";
import { TestClock } from "../../support/lifecycle-harness";
import { createTestApi, type TestApi } from "../../support/test-api";

const NOW = "2026-11-30T06:00:00Z";
const contact = () => ({ name: "Pat Lee", email: `pat.${randomUUID()}@globex.example`, timeZone: "Europe/Berlin", consent: true });

/** What a page does: its first challenge at load, the form sent `seconds` later with that challenge's solution. */
async function pageSolution(api: TestApi, clock: TestClock, seconds: number): Promise<string> {
  const challenge = await api.call("GET", "/api/challenge");
  expect(challenge.status).toBe(200);
  expect(challenge.headers["cache-control"]).toBe("no-store");
  clock.advance(seconds / 60);
  return solvedPayload(challenge.json);
}

async function setup(env: Record<string, string> = {}) {
  const clock = new TestClock(new Date(NOW));
  // Only the switch is changed, and only while the API is built (createTestApi sets the engines' variables).
  const saved = process.env.LIVELINE_PROTECTION;
  if (env.LIVELINE_PROTECTION !== undefined) process.env.LIVELINE_PROTECTION = env.LIVELINE_PROTECTION;
  try {
    return { clock, api: await createTestApi({ clock }) };
  } finally {
    if (saved === undefined) delete process.env.LIVELINE_PROTECTION;
    else process.env.LIVELINE_PROTECTION = saved;
  }
}

describe("abuse protection of the public writes", () => {
  it("refuses each public write without a solution: 400 challenge_required naming altcha, nothing stored", async () => {
    const { api } = await setup();
    const writes: [string, Record<string, unknown>][] = [
      ["/api/contact-requests", contact()],
      ["/api/bookings", { ...contact(), offering: "live-demo", start: "2026-12-01T17:00:00Z" }],
      ["/api/instant-calls", { ...contact(), offering: "live-demo", phone: "+49 30 1234567" }],
      ["/api/auth/sign-in", { email: "maya.johnson@acme-analytics.example" }],
    ];
    const sessions = await api.call("GET", "/api/webinars?timeZone=UTC");
    writes.push([`/api/webinars/${sessions.json.sessions[0].id}/registrations`, contact()]);
    for (const [path, body] of writes) {
      const response = await api.call("POST", path, { ...body, altcha: "" });
      expect(response.status, path).toBe(400);
      expect(response.json.error, path).toMatchObject({ code: "challenge_required", field: "altcha" });
      expect(response.json.error.message, path).toContain("GET /api/challenge");
    }
    expect(await api.everyItem()).toEqual([]);
  });

  it("takes a solution sent 2 s after the page, once: the same solution again is refused (challenge_used)", async () => {
    const { api, clock } = await setup();
    const altcha = await pageSolution(api, clock, 3);
    const first = await api.call("POST", "/api/contact-requests", { ...contact(), altcha });
    expect(first.status).toBe(201);
    const leads = (await api.allItems()).length;
    const replay = await api.call("POST", "/api/contact-requests", { ...contact(), altcha });
    expect(replay.status).toBe(400);
    expect(replay.json.error).toMatchObject({ code: "challenge_used", field: "altcha" });
    expect((await api.allItems()).length).toBe(leads);
  });

  it("refuses a booking sending a used solution (challenge_used): its transaction, the mark in it, stores nothing", async () => {
    const { api, clock } = await setup();
    const altcha = await pageSolution(api, clock, 3);
    const listing = await api.call("POST", "/api/contact-requests", { ...contact(), altcha });
    expect(listing.status).toBe(201);
    const before = await api.everyItem();
    const replay = await api.call("POST", "/api/bookings", { ...contact(), offering: "live-demo", start: listing.json.slots[0].start, altcha });
    expect(replay.status).toBe(400);
    expect(replay.json.error).toMatchObject({ code: "challenge_used", field: "altcha" });
    expect((await api.everyItem()).length).toBe(before.length);
  });

  it("lets exactly one of two requests racing with the same solution through", async () => {
    const { api, clock } = await setup();
    const altcha = await pageSolution(api, clock, 3);
    const answers = await Promise.all([1, 2].map(() => api.call("POST", "/api/contact-requests", { ...contact(), altcha })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400]);
  });

  it("refuses a form sent under 2 s after its page's first challenge (too_fast), and later challenges of the page keep that moment", async () => {
    const { api, clock } = await setup();
    const hasty = await pageSolution(api, clock, 1);
    const refused = await api.call("POST", "/api/contact-requests", { ...contact(), altcha: hasty });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "too_fast", field: "altcha" });
    expect(await api.everyItem()).toEqual([]);

    // The page's next challenge passes its stamp on: the moment counts from the first one.
    const first = await api.call("GET", "/api/challenge");
    clock.advance(1.5 / 60);
    const next = await api.call("GET", `/api/challenge?stamp=${encodeURIComponent(first.json.parameters.data.stamp)}`);
    clock.advance(1 / 60);
    expect((await api.call("POST", "/api/contact-requests", { ...contact(), altcha: await solvedPayload(next.json) })).status).toBe(201);
    // A forged stamp counts as none: the page starts now.
    const forged = await api.call("GET", `/api/challenge?stamp=${encodeURIComponent(first.json.parameters.data.stamp.replace(/^\d+/, "1"))}`);
    clock.advance(1 / 60);
    const tooFast = await api.call("POST", "/api/contact-requests", { ...contact(), altcha: await solvedPayload(forged.json) });
    expect(tooFast.json.error.code).toBe("too_fast");
  });

  it("refuses a forged, wrongly solved or expired solution", async () => {
    const { api, clock } = await setup();
    const challenge = (await api.call("GET", "/api/challenge")).json;
    clock.advance(3 / 60);
    const good = JSON.parse(Buffer.from(await solvedPayload(challenge), "base64").toString("utf8"));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
    const variants = [
      "not base64 json",
      encode({ ...good, solution: { ...good.solution, derivedKey: good.solution.derivedKey.replace(/^./, (c: string) => (c === "0" ? "1" : "0")) } }),
      encode({ ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, data: { ...good.challenge.parameters.data, expires: Date.parse(NOW) + 10 * 60 * 60_000 } } } }),
    ];
    for (const altcha of variants) {
      const response = await api.call("POST", "/api/contact-requests", { ...contact(), altcha });
      expect(response.status, altcha.slice(0, 20)).toBe(400);
      expect(response.json.error.code).toBe("challenge_required");
    }
    clock.advance(31);
    const expired = await api.call("POST", "/api/contact-requests", { ...contact(), altcha: encode(good) });
    expect(expired.json.error).toMatchObject({ code: "challenge_required", field: "altcha" });
    expect(expired.json.error.message).toContain("expired");
    expect(await api.everyItem()).toEqual([]);
  });

  it("refuses a filled-in honeypot, even with a valid solution or a bearer token, and stores nothing", async () => {
    const { api, clock } = await setup();
    const altcha = await pageSolution(api, clock, 3);
    const response = await api.call("POST", "/api/contact-requests", { ...contact(), altcha, website: "https://spam.example" });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: "honeypot", field: "website" });
    const withToken = await api.call("POST", "/api/contact-requests", { ...contact(), website: "x" }, { authorization: "Bearer local-token-maya" });
    expect(withToken.json.error.code).toBe("honeypot");
    expect(await api.everyItem()).toEqual([]);
    // Empty, as the page sends it, is fine.
    expect((await api.call("POST", "/api/contact-requests", { ...contact(), website: "" })).status).toBe(201);
  });

  it("checks the body first: a 422 uses up no solution", async () => {
    const { api, clock } = await setup();
    const altcha = await pageSolution(api, clock, 3);
    const bad = await api.call("POST", "/api/contact-requests", { ...contact(), email: "nope", altcha });
    expect(bad.status).toBe(422);
    expect(await api.everyItem()).toEqual([]);
    expect((await api.call("POST", "/api/contact-requests", { ...contact(), altcha })).status).toBe(201);
  });

  it("lets a rep's bearer token (an integration) write without a challenge, but not a made-up token", async () => {
    const { api } = await setup();
    const withToken = await api.call("POST", "/api/contact-requests", contact(), { authorization: "Bearer local-token-maya" });
    expect(withToken.status).toBe(201);
    const madeUp = await api.call("POST", "/api/contact-requests", contact(), { authorization: "Bearer not-a-token" });
    expect(madeUp.json.error.code).toBe("challenge_required");
  });

  it("is off only with LIVELINE_PROTECTION=off, and any other value stops the start", async () => {
    const { api } = await setup({ LIVELINE_PROTECTION: "off" });
    expect(api.deps.protection.mode).toBe("off");
    expect((await api.call("POST", "/api/contact-requests", { ...contact(), altcha: "" })).status).toBe(201);
    // The honeypot still holds.
    expect((await api.call("POST", "/api/contact-requests", { ...contact(), website: "x" })).json.error.code).toBe("honeypot");
    await expect(setup({ LIVELINE_PROTECTION: "false" })).rejects.toThrow(/LIVELINE_PROTECTION/);
    expect((await setup()).api.deps.protection.mode).toBe("on");
  });
});
