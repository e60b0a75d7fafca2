// Abuse protection's rate limits, through the real handler on DynamoDB Local: 429 with Retry-After past a
// limit, nothing stored for the refused write — per client address (CloudFront-Viewer-Address; a booking
// counts inside its own transaction, and so does a webinar registration, which spends nothing when the
// session refuses it), per prospect address (live bookings, colleagues invited a day), per
// bearer token —
// and none of them with LIVELINE_PROTECTION=off.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LivelineConfig } from "../../../functions/config/liveline-config";
import { TestClock } from "../../support/lifecycle-harness";
import { solvedPayload } from "../../support/proof-of-work";
import { createTestApi, defaultConfig, type TestApi } from "../../support/test-api";

const NOW = "2026-11-30T06:00:00Z";
const contact = (email = `pat.${randomUUID()}@globex.example`) => ({ name: "Pat Lee", email, timeZone: "Europe/Berlin", consent: true });
const from = (address: string) => ({ "cloudfront-viewer-address": address });

function limited(change: (limits: LivelineConfig["protection"]["rateLimits"]) => void): LivelineConfig {
  // A copy: the default config's object is shared by every test of the file.
  const config = structuredClone(defaultConfig());
  change(config.protection.rateLimits);
  return config;
}

async function setup(config: LivelineConfig = defaultConfig()) {
  const clock = new TestClock(new Date(NOW));
  return { clock, api: await createTestApi({ clock, config, keepRateLimits: true }) };
}

const leadCount = async (api: TestApi) => (await api.allItems()).filter((item) => item.sk === "LEAD").length;

describe("rate limits of the public writes", () => {
  it("answers the 21st write from one client address in 10 minutes with 429 and Retry-After, stores nothing for it, and lets other addresses and the next window through", async () => {
    const { api, clock } = await setup();
    clock.set("2026-11-30T06:03:00Z");
    for (let write = 1; write <= 20; write++) {
      expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:50000"))).status, `write ${write}`).toBe(201);
    }
    const leads = await leadCount(api);
    // Another port of the same address is the same client.
    const refused = await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:50001"));
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    // The window is 06:00-06:10: seven minutes left.
    expect(refused.headers["retry-after"]).toBe("420");
    expect(await leadCount(api)).toBe(leads);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("198.51.100.9:443"))).status).toBe(201);
    clock.set("2026-11-30T06:10:00Z");
    expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:50000"))).status).toBe(201);
  }, 60_000);

  it("counts an IPv6 client by its /64, and the socket's address when no viewer address came", async () => {
    const { api } = await setup(limited((limits) => (limits.writesPerIp = { max: 1, windowMinutes: 10 })));
    expect((await api.call("POST", "/api/contact-requests", contact(), from("2001:db8:1:2:aaaa::1:40000"))).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("2001:db8:1:2:bbbb::9:40001"))).status).toBe(429);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("2001:db8:1:3::1:40000"))).status).toBe(201);
    // Without the header: the event's sourceIp (127.0.0.1 in tests).
    expect((await api.call("POST", "/api/contact-requests", contact())).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact())).status).toBe(429);
  });

  it("counts a booking in its own transaction: past the client's limit 429 with Retry-After and nothing of the booking stored", async () => {
    const { api } = await setup(limited((limits) => (limits.writesPerIp = { max: 2, windowMinutes: 10 })));
    const listing = await api.call("POST", "/api/contact-requests", contact(), from("198.51.100.9:1"));
    const slots: { start: string }[] = listing.json.slots;
    const book = (start: string) => api.call("POST", "/api/bookings", { ...contact(), offering: "live-demo", start }, from("203.0.113.7:1"));
    expect((await book(slots[0]!.start)).status).toBe(201);
    expect((await book(slots[10]!.start)).status).toBe(201);
    const before = await api.everyItem();
    const refused = await book(slots[20]!.start);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(refused.headers["retry-after"]).toBe("600");
    // Not even the solution's mark: the transaction that would have written it was refused whole.
    expect((await api.everyItem()).length).toBe(before.length);
  }, 60_000);

  it("refuses a 4th live booking of one address (429 naming email, Retry-After until the first is over, nothing stored), and counts a cancelled one no more", async () => {
    const { api } = await setup();
    const email = `many.${randomUUID()}@globex.example`;
    const listing = await api.call("POST", "/api/contact-requests", contact(email));
    const slots: { start: string }[] = listing.json.slots;
    const book = (start: string) => api.call("POST", "/api/bookings", { ...contact(email), offering: "live-demo", start });
    const booked = [];
    for (const slot of [slots[0]!, slots[10]!, slots[20]!]) {
      const response = await book(slot.start);
      expect(response.status).toBe(201);
      booked.push(response.json);
    }
    const before = await api.everyItem();
    const fourth = await book(slots[30]!.start);
    expect(fourth.status).toBe(429);
    expect(fourth.json.error).toMatchObject({ code: "rate_limited", field: "email" });
    expect(Number(fourth.headers["retry-after"])).toBe((Date.parse(booked[0].end) - Date.parse(NOW)) / 1000);
    // Refused on the batch read: not even the solution's mark or the client's count.
    expect((await api.everyItem()).length).toBe(before.length);
    // A bearer token (an integration) is not held to it.
    expect((await api.call("POST", "/api/bookings", { ...contact(email), offering: "live-demo", start: slots[40]!.start }, { authorization: "Bearer local-token-maya" })).status).toBe(201);
    // Cancelled, one is not live any more: the fourth goes through.
    const token = new URL(booked[1].manageUrl).hash.replace("#token=", "");
    expect((await api.call("POST", `/api/bookings/${booked[1].id}/cancel`, { token })).status).toBe(200);
    expect((await book(slots[30]!.start)).status).toBe(201);
    expect((await book(slots[50]!.start)).status).toBe(429);
  }, 60_000);

  it("counts a booking as live until it is over: once the first ends there is room again", async () => {
    const { api, clock } = await setup(limited((limits) => (limits.liveBookingsPerAddress = 1)));
    const email = `once.${randomUUID()}@globex.example`;
    const slots: { start: string }[] = (await api.call("POST", "/api/contact-requests", contact(email))).json.slots;
    const book = (start: string) => api.call("POST", "/api/bookings", { ...contact(email), offering: "live-demo", start });
    const first = await book(slots[0]!.start);
    expect(first.status).toBe(201);
    expect((await book(slots[20]!.start)).status).toBe(429);
    clock.set(first.json.end);
    expect((await book(slots[20]!.start)).status).toBe(201);
  }, 60_000);

  it("lets one address invite at most 10 colleagues a day (429 naming colleagues), bookings and registrations together", async () => {
    const { api, clock } = await setup();
    const email = `host.${randomUUID()}@globex.example`;
    const sessions = (await api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions;
    const colleagues = (n: number) => Array.from({ length: n }, (_, i) => `c${i}.${randomUUID()}@globex.example`);
    const register = (session: string, count: number) => api.call("POST", `/api/webinars/${session}/registrations`, { ...contact(email), colleagues: colleagues(count) });
    expect((await register(sessions[0].id, 6)).status).toBe(202);
    const refused = await register(sessions[1].id, 5);
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ code: "rate_limited", field: "colleagues" });
    expect(Number(refused.headers["retry-after"])).toBe(18 * 3600);
    expect((await api.allItems()).some((item) => item.sk === "REGISTRATION" && item.sessionId === sessions[1].id)).toBe(false);
    expect((await register(sessions[1].id, 4)).status).toBe(202);
    clock.set("2026-12-01T00:00:00Z");
    expect((await register(sessions[2].id, 5)).status).toBe(202);
  }, 60_000);

  it("spends nothing on a registration the session refuses (full): no colleagues, no client count, not the solution — all ride in the registration's transaction", async () => {
    const config = limited((limits) => (limits.writesPerIp = { max: 3, windowMinutes: 10 }));
    const webinar = config.offerings.find((offering) => offering.kind === "webinar")!;
    if (webinar.kind !== "webinar") throw new Error("the default config has a webinar");
    webinar.capacity = 11;
    const { api, clock } = await setup(config);
    const email = `host.${randomUUID()}@globex.example`;
    const sessions = (await api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions;
    const colleagues = (n: number) => Array.from({ length: n }, (_, i) => `c${i}.${randomUUID()}@globex.example`);
    expect((await api.call("POST", `/api/webinars/${sessions[0].id}/registrations`, { ...contact(), colleagues: colleagues(1) }, from("198.51.100.9:1"))).status).toBe(202);
    // The page's solution, sent a few seconds after its challenge.
    const challenge = await api.call("GET", "/api/challenge");
    clock.advance(0.1);
    const altcha = await solvedPayload(challenge.json);
    const before = await api.everyItem();
    const full = await api.call("POST", `/api/webinars/${sessions[0].id}/registrations`, { ...contact(email), colleagues: colleagues(10), altcha }, from("203.0.113.7:1"));
    expect(full.status).toBe(409);
    expect(full.json.error.code).toBe("session_full");
    // Nothing stored: not the solution's mark, not the client's count, not the ten colleagues.
    expect((await api.everyItem()).length).toBe(before.length);
    // So the same solution still works, and the address may still invite its ten colleagues today.
    expect((await api.call("POST", `/api/webinars/${sessions[1].id}/registrations`, { ...contact(email), colleagues: colleagues(10), altcha }, from("203.0.113.7:1"))).status).toBe(202);
    // The client's count holds the one registration (and two more writes), not the refused one.
    expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:2"))).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:3"))).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:4"))).status).toBe(429);
  }, 60_000);

  it("counts a registration's used solution and counters when the answer is the asker's earlier registration (as a new one's)", async () => {
    const { api } = await setup(limited((limits) => (limits.writesPerIp = { max: 2, windowMinutes: 10 })));
    const sessions = (await api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions;
    const person = contact();
    const register = () => api.call("POST", `/api/webinars/${sessions[0].id}/registrations`, person, from("203.0.113.7:1"));
    expect((await register()).status).toBe(202);
    expect((await register()).status).toBe(202);
    expect((await register()).status).toBe(429);
  }, 60_000);

  it("gives bearer-token writes their own limit, apart from the client address's", async () => {
    const { api } = await setup(limited((limits) => (limits.writesPerToken = { max: 2, windowMinutes: 10 })));
    const maya = { authorization: "Bearer local-token-maya", ...from("203.0.113.7:1") };
    expect((await api.call("POST", "/api/contact-requests", contact(), maya)).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact(), maya)).status).toBe(201);
    const third = await api.call("POST", "/api/contact-requests", contact(), maya);
    expect(third.status).toBe(429);
    expect(third.headers["retry-after"]).toBe("600");
    // Another rep's token, and the same address without a token, have room.
    expect((await api.call("POST", "/api/contact-requests", contact(), { authorization: "Bearer local-token-priya" })).status).toBe(201);
    expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:1"))).status).toBe(201);
  });

  it("has no rate limits with LIVELINE_PROTECTION=off", async () => {
    const saved = process.env.LIVELINE_PROTECTION;
    process.env.LIVELINE_PROTECTION = "off";
    try {
      const { api } = await setup(limited((limits) => (limits.writesPerIp = { max: 1, windowMinutes: 10 })));
      for (let write = 0; write < 3; write++) expect((await api.call("POST", "/api/contact-requests", contact(), from("203.0.113.7:1"))).status).toBe(201);
    } finally {
      if (saved === undefined) delete process.env.LIVELINE_PROTECTION;
      else process.env.LIVELINE_PROTECTION = saved;
    }
  });
});
