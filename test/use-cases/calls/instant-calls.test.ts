// "Call me now" on the real engines: presence (expiry, working hours, demos), the fairest reachable rep
// rung first, the hand-off after the ring time through the timer runner and the test clock, nobody left
// (the prospect told, the speed-to-lead call-back standing), one claim only, and retries with one effect.
import { describe, expect, it } from "vitest";
import { configWithUniqueRepEmails } from "../../support/console-session";
import { createLifecycle, mailsTo, type Lifecycle } from "../../support/lifecycle-harness";

// Tuesday 15:00Z: 09:00 for Maya (Chicago) and 16:00 for Lukas (Berlin) are inside their hours; 20:30 for
// Priya (Kolkata) is not.
const NOW = "2026-12-01T15:00:00Z";
const bearer = (repId: string) => ({ authorization: `Bearer local-token-${repId}` });

let counter = 0;
function prospect(extra: Record<string, unknown> = {}) {
  counter++;
  return { offering: "live-demo", name: "Ina Instant", email: `instant${counter}.${Date.now()}@initech.example`, phone: "+1 212 555 0100", timeZone: "America/New_York", consent: true, ...extra };
}

async function start(now = NOW): Promise<Lifecycle> {
  return createLifecycle(now, { config: configWithUniqueRepEmails() });
}

const presence = (life: Lifecycle, repId: string, available: boolean) => life.api.call("PUT", "/api/console/presence", { available }, bearer(repId));
const queue = async (life: Lifecycle, repId: string) => (await life.api.call("GET", "/api/console/queue", undefined, bearer(repId))).json.items as any[];
const instantItems = async (life: Lifecycle, repId: string) => (await queue(life, repId)).filter((item) => item.kind === "instant");
const available = async (life: Lifecycle) => (await life.api.call("GET", "/api/instant-calls/availability?offering=live-demo")).json.available as boolean;
const status = async (life: Lifecycle, id: string) => (await life.api.call("GET", `/api/instant-calls/${id}`)).json.status as string;
const repEmail = (life: Lifecycle, repId: string) => life.api.deps.catalogue.rep(repId).email;

/** Books a demo at `start` and checks who got it. */
async function demoFor(life: Lifecycle, start: string, firstName: string) {
  const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start, name: "Dee Demo", email: `demo${++counter}.${Date.now()}@globex.example`, timeZone: "America/Chicago", consent: true });
  expect(booked.status).toBe(201);
  expect(booked.json.rep.firstName).toBe(firstName);
  return booked;
}

describe("presence", () => {
  it("lapses 30 minutes after the last heartbeat; a heartbeat keeps it; off at once when turned off", async () => {
    const life = await start();
    expect(await available(life)).toBe(false);
    const on = await presence(life, "maya", true);
    expect(on.status).toBe(200);
    expect(on.json).toEqual({ available: true, reachable: true, until: "2026-12-01T15:30:00.000Z" });
    expect(await available(life)).toBe(true);
    life.clock.advance(20);
    expect((await presence(life, "maya", true)).json.until).toBe("2026-12-01T15:50:00.000Z");
    life.clock.advance(29);
    expect(await available(life)).toBe(true);
    life.clock.advance(1);
    // 30 minutes without a heartbeat.
    expect((await life.api.call("GET", "/api/console/presence", undefined, bearer("maya"))).json).toEqual({ available: false, reachable: false, reason: "off" });
    expect(await available(life)).toBe(false);
    await presence(life, "maya", true);
    expect(await available(life)).toBe(true);
    expect((await presence(life, "maya", false)).json).toEqual({ available: false, reachable: false, reason: "off" });
    expect(await available(life)).toBe(false);
  });

  it("is not reachable outside the rep's working hours, and a request then finds nobody", async () => {
    const life = await start();
    // 20:30 in Kolkata.
    const priya = await presence(life, "priya", true);
    expect(priya.json).toMatchObject({ available: true, reachable: false, reason: "outside-hours" });
    expect(await available(life)).toBe(false);
    const request = await life.api.call("POST", "/api/instant-calls", prospect());
    expect(request.status).toBe(201);
    expect(request.json.status).toBe("unavailable");
    // The next morning in Kolkata (10:00 there is 04:30Z), the same switch rings her.
    life.clock.set("2026-12-02T04:30:00Z");
    await presence(life, "priya", true);
    expect(await available(life)).toBe(true);
  });

  it("is not reachable during one of the rep's demos", async () => {
    const life = await start();
    // Maya is the only rep inside her hours at 17:00Z.
    await demoFor(life, "2026-12-01T17:00:00Z", "Maya");
    life.clock.set("2026-12-01T17:10:00Z");
    expect((await presence(life, "maya", true)).json).toMatchObject({ available: true, reachable: false, reason: "in-demo" });
    expect(await available(life)).toBe(false);
    const request = await life.api.call("POST", "/api/instant-calls", prospect());
    expect(request.json.status).toBe("unavailable");
    expect(await instantItems(life, "maya")).toHaveLength(0);
    // After the demo (and its buffers) her heartbeat makes her reachable again.
    life.clock.set("2026-12-01T17:35:00Z");
    expect((await presence(life, "maya", true)).json).toMatchObject({ available: true, reachable: true });
    expect(await available(life)).toBe(true);
  });
});

describe("an instant call", () => {
  it("rings the fairest reachable rep, moves to the next after 2 minutes unclaimed, and with nobody left tells the prospect while the call-back stands", async () => {
    const life = await start();
    // Lukas has a demo tomorrow (10:00 in Berlin, 03:00 in Chicago), Maya none: Maya is the fairer.
    await demoFor(life, "2026-12-02T09:00:00Z", "Lukas");
    await presence(life, "maya", true);
    await presence(life, "lukas", true);
    await presence(life, "priya", true); // outside her hours: never rung
    const body = prospect({ company: "Initech" });
    const request = await life.api.call("POST", "/api/instant-calls", body);
    expect(request.status).toBe(201);
    expect(request.json).toEqual({ id: expect.any(String), status: "ringing" });
    const id = request.json.id as string;

    const [ringing] = await instantItems(life, "maya");
    expect(ringing).toMatchObject({ kind: "instant", repId: "maya", attempt: 1, lead: { name: "Ina Instant", company: "Initech", phone: "+12125550100" }, instant: { callId: id, ringUntil: "2026-12-01T15:02:00.000Z" } });
    expect(await instantItems(life, "lukas")).toHaveLength(0);
    const alert = await mailsTo(repEmail(life, "maya"), /^Call me now: Ina Instant/);
    expect(alert).toHaveLength(1);
    expect(alert[0]!.body.text).toContain("/console");

    // 1 minute in: still Maya's.
    life.clock.advance(1);
    await life.runner.drain();
    expect(await instantItems(life, "maya")).toHaveLength(1);
    await life.advance(1);
    expect(await instantItems(life, "maya")).toHaveLength(0);
    const [handed] = await instantItems(life, "lukas");
    expect(handed).toMatchObject({ id: ringing.id, repId: "lukas", instant: { callId: id, ringUntil: "2026-12-01T15:04:00.000Z" } });
    expect(await mailsTo(repEmail(life, "lukas"), /^Call me now: Ina Instant/)).toHaveLength(1);
    expect(await status(life, id)).toBe("ringing");

    // Nobody else is reachable: the prospect is told, and the queue item goes.
    await life.advance(2);
    expect(await status(life, id)).toBe("unavailable");
    expect(await instantItems(life, "maya")).toHaveLength(0);
    expect(await instantItems(life, "lukas")).toHaveLength(0);

    // The speed-to-lead call-back stands: 15 minutes after the request it prompts the routed rep.
    await life.advance(11);
    const everyone = [...(await queue(life, "maya")), ...(await queue(life, "lukas")), ...(await queue(life, "priya"))];
    expect(everyone.filter((item) => item.lead.id === ringing.lead.id).map((item) => item.kind)).toEqual(["unbooked-request"]);

    // It is all on the one lead's history.
    const page = await life.api.call("GET", `/api/leads/${ringing.lead.id}`, undefined, bearer("lukas"));
    const kinds = page.json.events.map((event: { kind: string }) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(["requested", "instant_requested", "call_prompted", "instant_handed_off", "instant_unanswered"]));
    expect(page.json.events.find((event: { kind: string }) => event.kind === "instant_handed_off").data).toMatchObject({ callId: id, fromRepId: "maya", repId: "lukas", ring: 2 });
  });

  it("answers unavailable at once when no rep of the pool is reachable; the call-back stands", async () => {
    const life = await start();
    const request = await life.api.call("POST", "/api/instant-calls", prospect());
    expect(request.status).toBe(201);
    expect(request.json.status).toBe("unavailable");
    expect(await status(life, request.json.id)).toBe("unavailable");
    expect((await life.timerNames()).some((name) => name.startsWith("ld-") && name.includes("-cb-"))).toBe(true);
    expect((await life.timerNames()).some((name) => name.startsWith("ic-"))).toBe(false);
  });

  it("is claimed once: a second claim is a 409, another rep gets 403, and the ring timer then changes nothing", async () => {
    const life = await start();
    await presence(life, "maya", true);
    const request = await life.api.call("POST", "/api/instant-calls", prospect());
    const [item] = await instantItems(life, "maya");
    // Its outcome waits for the claim (until then it may move on).
    const early = await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "reached" }, bearer("maya"));
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("instant_call_not_claimed");
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, bearer("lukas"))).status).toBe(403);

    const [first, second] = await Promise.all([
      life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, bearer("maya")),
      life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, bearer("maya")),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const claimed = first.status === 200 ? first : second;
    expect(claimed.json).toMatchObject({ id: item.id, callId: request.json.id, status: "claimed", claimedAt: NOW.replace("Z", ".000Z") });
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, bearer("maya"))).json.error.code).toBe("instant_call_taken");
    expect(await status(life, request.json.id)).toBe("claimed");

    await life.advance(3);
    const [still] = await instantItems(life, "maya");
    expect(still).toMatchObject({ id: item.id, instant: { claimedAt: "2026-12-01T15:00:00.000Z" } });
    expect(still.instant.ringUntil).toBeUndefined();
    expect(await status(life, request.json.id)).toBe("claimed");
    const reached = await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "reached", note: "Booked a trial" }, bearer("maya"));
    expect(reached.status).toBe(200);
    expect(await instantItems(life, "maya")).toHaveLength(0);
    const events = (await life.api.call("GET", `/api/leads/${item.lead.id}`, undefined, bearer("maya"))).json.events.map((event: { kind: string }) => event.kind);
    expect(events).toEqual(expect.arrayContaining(["instant_requested", "call_prompted", "instant_claimed", "call_attempt"]));
    expect(events.filter((kind: string) => kind === "instant_claimed")).toHaveLength(1);
    // Reached through the instant call: the request's speed-to-lead call-back is not needed.
    await life.advance(15);
    const everyone = [...(await queue(life, "maya")), ...(await queue(life, "lukas")), ...(await queue(life, "priya"))];
    expect(everyone.filter((each) => each.lead.id === item.lead.id)).toEqual([]);
  });

  it("has one effect however often it is sent: the same Idempotency-Key, or the same person while it rings", async () => {
    const life = await start();
    await presence(life, "maya", true);
    await presence(life, "lukas", true);
    const body = prospect();
    const headers = { "idempotency-key": `retry-${Date.now()}` };
    const sent = await Promise.all([1, 2, 3].map(() => life.api.call("POST", "/api/instant-calls", body, headers)));
    expect(sent.map((each) => each.status)).toEqual([201, 201, 201]);
    const ids = new Set(sent.map((each) => each.json.id));
    expect(ids.size).toBe(1);
    // Without the key, the same person (any case) while the call rings: the same call.
    const again = await life.api.call("POST", "/api/instant-calls", { ...body, email: body.email.toUpperCase() });
    expect(again.json.id).toBe(sent[0]!.json.id);
    const items = [...(await instantItems(life, "maya")), ...(await instantItems(life, "lukas"))];
    expect(items).toHaveLength(1);
    const mails = [...(await mailsTo(repEmail(life, "maya"), /^Call me now/)), ...(await mailsTo(repEmail(life, "lukas"), /^Call me now/))];
    expect(mails).toHaveLength(1);
    const events = (await life.api.call("GET", `/api/leads/${items[0].lead.id}`, undefined, bearer("lukas"))).json.events;
    expect(events.filter((event: { kind: string }) => event.kind === "instant_requested")).toHaveLength(1);
    expect(events.filter((event: { kind: string }) => event.kind === "call_prompted")).toHaveLength(1);
    // The same key with another body is refused.
    const other = await life.api.call("POST", "/api/instant-calls", { ...body, name: "Someone Else" }, headers);
    expect(other.status).toBe(422);
    expect(other.json.error.field).toBe("Idempotency-Key");
    // A timer delivered twice hands on once.
    await life.advance(2);
    const ringTimer = { kind: "instant-ring" as const, callId: sent[0]!.json.id, ring: 1 };
    expect(await life.fire(ringTimer)).toBe("stale");
    expect([...(await instantItems(life, "maya")), ...(await instantItems(life, "lukas"))]).toHaveLength(1);
  });
});
