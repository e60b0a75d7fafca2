// One person is one lead, on the real engines: contact requests, direct bookings and webinar registrations
// of the same address (any case) land on one lead, whose page shows the whole history — also when the
// requests race or are retried; a repeat request gets its own call-back unless the lead is in a queue.
import { describe, expect, it } from "vitest";
import { createLifecycle, mailsTo, type Lifecycle } from "../../support/lifecycle-harness";

// Monday; the seeded weekly webinar runs Tuesdays 16:00 London (16:00Z in winter).
const NOW = "2026-11-30T06:00:00Z";
const WEBINAR = "weekly-webinar-20261201T1600Z";
const MANAGER = { authorization: "Bearer local-token-lukas" };

let counter = 0;
const uniqueEmail = (label: string) => `${label}${++counter}.${Date.now()}@samefolk.example`;

const contact = (life: Lifecycle, email: string, extra: Record<string, unknown> = {}) =>
  life.api.call("POST", "/api/contact-requests", { name: "Sam Same", email, phone: "+1 415 555 0111", company: "SameCo", timeZone: "America/Los_Angeles", consent: true, ...extra });

async function leadItems(life: Lifecycle, email: string) {
  return (await life.api.allItems()).filter((item) => item.entity === "lead" && String(item.prospect?.email).toLowerCase() === email.toLowerCase());
}

async function leadPage(life: Lifecycle, leadId: string) {
  const page = await life.api.call("GET", `/api/leads/${leadId}`, undefined, MANAGER);
  expect(page.status).toBe(200);
  return page.json as { lead: { id: string; name: string; phone?: string; company?: string }; events: { kind: string }[] };
}

async function queueItemsOf(life: Lifecycle, leadId: string) {
  const queue = await life.api.call("GET", "/api/console/queue?rep=all", undefined, MANAGER);
  expect(queue.status).toBe(200);
  return (queue.json.items as { id: string; lead: { id: string } }[]).filter((item) => item.lead.id === leadId);
}

describe("one person, one lead", () => {
  it("a repeat request, a direct booking and a webinar registration from the same address in any case join the first lead and its history", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail("sam");
    const first = await contact(life, email);
    expect(first.status).toBe(201);
    const leadId = first.json.id as string;

    life.clock.advance(60);
    const again = await contact(life, email.toUpperCase(), { name: "Sam Same-Again", phone: undefined });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(leadId);

    const slot = again.json.slots[0].start;
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: slot, name: "Sam Same", email: `  ${email.replace(/^s/, "S")}`.trim(), timeZone: "America/Los_Angeles", consent: true });
    expect(booked.status).toBe(201);
    const registered = await life.api.call("POST", `/api/webinars/${WEBINAR}/registrations`, { name: "Sam Same", email: email.toUpperCase(), timeZone: "America/Los_Angeles", consent: true });
    expect(registered.status).toBe(202);

    expect(await leadItems(life, email)).toHaveLength(1);
    const booking = (await life.api.allItems()).find((item) => item.entity === "booking" && item.id === booked.json.id);
    expect(booking?.leadId).toBe(leadId);
    const page = await leadPage(life, leadId);
    const kinds = page.events.map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "requested")).toHaveLength(2);
    expect(kinds).toContain("booked");
    expect(kinds).toContain("registered");
    // The latest request's details, keeping the phone it left out.
    expect(page.lead).toMatchObject({ name: "Sam Same", phone: "+14155550111", company: "SameCo" });
  });

  it("simultaneous requests from one new address (contact requests and a booking, different cases) make one lead", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail("race");
    const probe = await contact(life, uniqueEmail("probe"));
    const slot = probe.json.slots[0].start;
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, index) => contact(life, index % 2 === 0 ? email : email.toUpperCase())),
      life.api.call("POST", "/api/bookings", { offering: "live-demo", start: slot, name: "Race Runner", email: email.toUpperCase(), timeZone: "UTC", consent: true }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([...Array(8).fill(201), 201]);
    const ids = new Set(answers.slice(0, 8).map((answer) => answer.json.id));
    expect(ids.size).toBe(1);
    const [leadId] = [...ids];
    const booking = (await life.api.allItems()).find((item) => item.entity === "booking" && item.id === answers[8]!.json.id);
    expect(booking?.leadId).toBe(leadId);
    expect(await leadItems(life, email)).toHaveLength(1);
    expect((await life.api.allItems()).filter((item) => item.entity === "person" && String(item.pk).includes(email.toLowerCase()))).toHaveLength(1);
    expect((await leadPage(life, leadId)).events.map((event) => event.kind)).toContain("booked");
    // Eight requests in one second are one request to call back: one timer (the booking then stops it).
    expect((await life.timerNames()).filter((name) => name.startsWith(`ld-${leadId}-`))).toHaveLength(1);
  });

  it("a colleague brought to a webinar who is a lead already joins their lead without losing their own details", async () => {
    const life = await createLifecycle(NOW);
    const colleague = uniqueEmail("colleague");
    const own = await contact(life, colleague, { name: "Cole Colleague", company: "OwnCo" });
    const registered = await life.api.call("POST", `/api/webinars/${WEBINAR}/registrations`, { name: "Ria Registrant", email: uniqueEmail("ria"), company: "RiaCo", timeZone: "Europe/Berlin", consent: true, colleagues: [colleague.toUpperCase()] });
    expect(registered.status).toBe(202);
    expect(await leadItems(life, colleague)).toHaveLength(1);
    const page = await leadPage(life, own.json.id);
    expect(page.lead).toMatchObject({ name: "Cole Colleague", company: "OwnCo" });
    expect(page.events.map((event) => event.kind)).toEqual(expect.arrayContaining(["requested", "registered"]));
  });

  it("a repeat request gets a call-back of its own once the first is done, none while one is open, and reopens a closed lead", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail("repeat");
    const first = await contact(life, email, { timeZone: "Asia/Kolkata" });
    const leadId = first.json.id as string;
    const prompts = async () => (await mailsTo("@acme-analytics.example", /^Call Sam Same now/)).filter((m) => m.body.text?.toLowerCase().includes(email));
    await life.advance(15);
    expect(await prompts()).toHaveLength(1);
    const [open] = await queueItemsOf(life, leadId);
    expect(open).toBeDefined();

    // Asked again while the call-back is in a rep's queue: one history entry more, no second call-back.
    await life.advance(5);
    expect((await contact(life, email, { timeZone: "Asia/Kolkata" })).json.id).toBe(leadId);
    await life.advance(20);
    expect(await prompts()).toHaveLength(1);
    expect(await queueItemsOf(life, leadId)).toHaveLength(1);

    // Not interested closes the lead; a new request the next day opens it again, with a new call-back.
    const outcome = await life.api.call("POST", `/api/console/queue/${open!.id}/outcome`, { outcome: "not_interested" }, MANAGER);
    expect(outcome.status).toBe(200);
    expect((await life.api.allItems()).find((item) => item.entity === "lead" && item.id === leadId)?.closedAt).toBeDefined();
    life.clock.set("2026-12-01T05:00:00Z");
    expect((await contact(life, email.toUpperCase(), { timeZone: "Asia/Kolkata" })).json.id).toBe(leadId);
    expect((await life.api.allItems()).find((item) => item.entity === "lead" && item.id === leadId)?.closedAt).toBeUndefined();
    await life.advance(15);
    expect(await prompts()).toHaveLength(2);
    expect(await queueItemsOf(life, leadId)).toHaveLength(1);
    const kinds = (await leadPage(life, leadId)).events.map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "requested")).toHaveLength(3);
    expect(kinds.filter((kind) => kind === "call_prompted")).toHaveLength(2);
  });

  it("a request after an earlier booking is still called back: only a booking since the request stops it", async () => {
    const life = await createLifecycle("2026-11-30T10:00:00Z");
    const email = uniqueEmail("booked");
    const first = await contact(life, email, { timeZone: "UTC" });
    const slot = first.json.slots[0].start;
    expect((await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: slot, name: "Sam Same", email, timeZone: "UTC", consent: true, contactRequestId: first.json.id })).status).toBe(201);
    expect(await life.fire({ kind: "lead-call-back", leadId: first.json.id, requestedAt: Date.parse("2026-11-30T10:00:00Z") })).toBe("not-needed");
    life.clock.advance(30);
    const again = await contact(life, email, { timeZone: "UTC" });
    expect(again.json.id).toBe(first.json.id);
    const timers = (await life.api.allItems()).filter((item) => item.entity === "timer" && String(item.name).startsWith(`ld-${first.json.id}-cb-`));
    // The first request's own timer is moot (booked since); the repeat's is due.
    expect(timers).toHaveLength(2);
    const timer = timers.find((item) => item.payload.requestedAt === Date.parse("2026-11-30T10:30:00Z"));
    expect(timer).toBeDefined();
    life.clock.advance(15);
    expect(await life.fire(timer!.payload)).toBe("prompted");
    expect(await life.fire(timer!.payload)).toBe("duplicate");
  });

  it("erasing a person forgets which lead their address was: a later request starts a new lead", async () => {
    const life = await createLifecycle("2026-11-30T10:00:00Z");
    const email = uniqueEmail("erased");
    const first = await contact(life, email);
    expect((await life.api.call("POST", "/api/privacy/erase", { email: email.toUpperCase() }, MANAGER)).status).toBe(200);
    expect((await life.api.allItems()).filter((item) => String(item.pk).toLowerCase().includes(email))).toEqual([]);
    const again = await contact(life, email);
    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(first.json.id);
    expect(await leadItems(life, email)).toHaveLength(1);
  });
});
