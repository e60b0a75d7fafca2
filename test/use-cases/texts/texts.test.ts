// Texts (SMS) on the real engines, through the local sink: opt-in respected (no consent, no text), STOP
// honoured for every later text and ended by START/UNSTOP, consent kept by the lead for its later bookings,
// the session reminder text, quiet hours (a text held is deferred, not failed), the "sorry I missed you"
// after a voicemail outcome, the HELP answer, and a reply landing in the lead's history and the rep's inbox.
import { describe, expect, it } from "vitest";
import { LocalTextSink } from "../../../functions/adapters/local/text-sink.dynamodb";
import { createTextInboundHandler } from "../../../functions/handlers/text-inbound";
import { sweepOutbox } from "../../../functions/use-cases/messages/process-outbox";
import { recordOutcomeOnPrompt } from "../../../functions/use-cases/calls/record-outcome";
import { createLifecycle, mailsTo, tokenOf, type Lifecycle } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";
const MAYA = "maya.johnson@acme-analytics.example";
const PHONE = "+1 312 555 0142";
const E164 = "+13125550142";

let counter = 0;
const uniqueEmail = () => `texted${++counter}.${Date.now()}@initech.example`;

function textsOf(life: Lifecycle) {
  return new LocalTextSink(life.api.documents, life.api.tableName, life.clock).list();
}

/** None texted a minute before `at`; what is texted at `at`. */
async function firstTextsAt(life: Lifecycle, at: string) {
  life.clock.set(new Date(Date.parse(at) - 60_000).toISOString());
  await life.runner.drain();
  expect(await textsOf(life)).toEqual([]);
  life.clock.set(at);
  await life.runner.drain();
  return textsOf(life);
}

/** Books Tuesday 17:00Z with Maya; `smsConsent` ticks the "Text me reminders" box. */
async function book(life: Lifecycle, options: { smsConsent?: boolean; timeZone?: string; phone?: string; start?: string } = {}) {
  const email = uniqueEmail();
  const booked = await life.api.call("POST", "/api/bookings", {
    offering: "live-demo",
    start: options.start ?? "2026-12-01T17:00:00Z",
    name: "Pat Prospect",
    email,
    phone: options.phone ?? PHONE,
    timeZone: options.timeZone ?? "America/New_York",
    consent: true,
    ...(options.smsConsent === undefined ? {} : { smsConsent: options.smsConsent }),
  });
  expect(booked.status, booked.body).toBe(201);
  const person = await life.api.itemsWithPrefix(`PERSON#${email}`);
  return { email, leadId: String(person[0]!.leadId) };
}

async function reply(life: Lifecycle, from: string, body: string, id: string) {
  const handle = createTextInboundHandler(life.api.deps);
  const result = await handle({ Records: [{ EventSource: "aws:sns", Sns: { MessageId: `sns-${id}`, TopicArn: "arn:aws:sns:us-east-1:123456789012:inbound", Message: JSON.stringify({ originationNumber: from, destinationNumber: "+15555550100", messageBody: body, inboundMessageId: id }), Timestamp: life.clock.now().toISOString() } }] });
  await life.api.deliverOutbox();
  return result.outcomes[0];
}

/** Moves to the call-back prompt (17:35Z) and logs `outcome` from Maya's prompt e-mail. */
async function logOutcome(life: Lifecycle, email: string, outcome: "Voicemail" | "No answer" | "Reached") {
  life.clock.set("2026-12-01T17:35:00Z");
  await life.runner.drain();
  const prompt = (await mailsTo(MAYA, /^Call Pat Prospect now/)).find((mail) => mail.body.text?.includes(email))!;
  const link = [...(prompt.body.html ?? "").matchAll(/href="([^"]*outcome\.html[^"]*)"[^>]*>([^<]+)</g)].find((match) => match[2]!.trim() === outcome)![1]!.replaceAll("&amp;", "&");
  expect((await life.api.call("POST", "/api/outcomes", { token: tokenOf(link) })).status).toBe(200);
}

describe("consent to texts", () => {
  it("is stored with the lead: the number, the time and the wording the prospect agreed to", async () => {
    const life = await createLifecycle(NOW);
    const { leadId } = await book(life, { smsConsent: true });
    const lead = await life.api.deps.store.getLead(leadId);
    expect(lead?.smsConsent).toEqual({ phone: E164, at: NOW.replace("Z", ".000Z"), wording: expect.stringMatching(/^Text me reminders .*Reply STOP to opt out\.$/) });
  });

  it("smsConsent: true without a phone is a 422 naming smsConsent, and nothing is stored", async () => {
    const life = await createLifecycle(NOW);
    const before = (await life.api.allItems()).length;
    for (const path of ["/api/bookings", "/api/contact-requests"]) {
      const answer = await life.api.call("POST", path, { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Pat", email: uniqueEmail(), timeZone: "America/New_York", consent: true, smsConsent: true });
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.json)).toContain("smsConsent");
    }
    expect((await life.api.allItems()).length).toBe(before);
  });
});

describe("the reminder text", () => {
  it("goes 60 minutes before the demo to a lead who agreed, ending with the opt-out line; no consent, no text", async () => {
    const life = await createLifecycle(NOW);
    await book(life, { smsConsent: true });
    await book(life, { phone: "+1 312 555 0199", start: "2026-12-01T15:00:00Z" });
    await book(life, { smsConsent: false, phone: "+1 312 555 0198", start: "2026-12-01T20:00:00Z" });
    const texts = await firstTextsAt(life, "2026-12-01T16:00:00Z");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: E164, at: "2026-12-01T16:00:00.000Z" });
    expect(texts[0]!.body).toMatch(/^Acme Analytics: your .+ with Maya starts in 1 hour\. Join: \S+\nReply STOP to opt out$/);
    // A second delivery of the timer sends nothing again.
    await life.fire({ kind: "text-reminder", bookingId: (await life.api.allItems()).find((item) => item.entity === "booking" && item.prospect.phone === E164)!.id, version: 1, minutesBefore: 60 });
    expect(await textsOf(life)).toHaveLength(1);
  });

  it("keeps quiet hours: due at 01:00 the recipient's time, it goes at 20:59 the evening before", async () => {
    const life = await createLifecycle(NOW);
    // 17:00Z is 02:00 in Tokyo; an hour before is 01:00 there. 20:59 Tokyo is 11:59Z.
    await book(life, { smsConsent: true, timeZone: "Asia/Tokyo" });
    life.clock.set("2026-12-01T11:58:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toEqual([]);
    life.clock.set("2026-12-01T11:59:00Z");
    await life.runner.drain();
    const texts = await textsOf(life);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain("is tomorrow at 2:00 AM");
    life.clock.set("2026-12-01T16:30:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toHaveLength(1);
  });
});

describe("consent belongs to the lead", () => {
  it("given only on the contact request, it reaches the booking made from it and a later booking of the same address; STOP ends it for all", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const details = { name: "Pat Prospect", email, phone: PHONE, timeZone: "America/New_York", consent: true };
    const request = await life.api.call("POST", "/api/contact-requests", { ...details, smsConsent: true });
    expect(request.status, request.body).toBe(201);
    for (const [start, extra] of [["2026-12-01T17:00:00Z", { contactRequestId: request.json.id }], ["2026-12-02T17:00:00Z", {}], ["2026-12-03T17:00:00Z", {}]] as const) {
      const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start, ...details, ...extra });
      expect(booked.status, booked.body).toBe(201);
    }
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    life.clock.set("2026-12-02T16:00:00Z");
    await life.runner.drain();
    const texts = await textsOf(life);
    expect(texts.map((text) => text.at)).toEqual(["2026-12-01T16:00:00.000Z", "2026-12-02T16:00:00.000Z"]);
    expect(texts.every((text) => text.to === E164 && /starts in 1 hour/.test(text.body))).toBe(true);
    expect(await reply(life, E164, "STOP", "in-stop-all")).toBe("opted-out");
    life.clock.set("2026-12-03T16:00:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toHaveLength(2);
  });

  it("ticked on the booking of a contact request that had not, it is kept on the lead and the reminder is texted", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const details = { name: "Pat Prospect", email, phone: PHONE, timeZone: "America/New_York", consent: true };
    const request = await life.api.call("POST", "/api/contact-requests", details);
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", contactRequestId: request.json.id, ...details, smsConsent: true });
    expect(booked.status, booked.body).toBe(201);
    expect((await life.api.deps.store.getLead(request.json.id))?.smsConsent).toMatchObject({ phone: E164, at: NOW.replace("Z", ".000Z") });
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    expect((await textsOf(life)).map((text) => text.to)).toEqual([E164]);
  });

  it("a contact request booked by its id without consent anywhere gets no text", async () => {
    const life = await createLifecycle(NOW);
    const details = { name: "Pat Prospect", email: uniqueEmail(), phone: PHONE, timeZone: "America/New_York", consent: true };
    const request = await life.api.call("POST", "/api/contact-requests", details);
    expect((await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", contactRequestId: request.json.id, ...details })).status).toBe(201);
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toEqual([]);
  });
});

describe("the session reminder text", () => {
  const SESSION = "weekly-webinar-20261201T1600Z";
  const register = (life: Lifecycle, body: Record<string, unknown>) => life.api.call("POST", `/api/webinars/${SESSION}/registrations`, { name: "Rita Registrant", email: uniqueEmail(), consent: true, ...body });

  it("goes an hour before the session to registrants who agreed; none without consent; one in quiet hours is skipped, not sent at night or late", async () => {
    const life = await createLifecycle(NOW);
    expect((await register(life, { phone: PHONE, timeZone: "America/New_York", smsConsent: true })).status).toBe(202);
    expect((await register(life, { phone: "+1 312 555 0199", timeZone: "America/New_York" })).status).toBe(202);
    // 15:00Z is midnight in Tokyo.
    expect((await register(life, { phone: "+81 3 1234 5678", timeZone: "Asia/Tokyo", smsConsent: true })).status).toBe(202);
    const texts = await firstTextsAt(life, "2026-12-01T15:00:00Z");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: E164, at: "2026-12-01T15:00:00.000Z" });
    expect(texts[0]!.body).toMatch(/^Acme Analytics: .+ starts in 1 hour\. Join: \S+\nReply STOP to opt out$/);
    const tokyo = (await life.api.allItems()).find((item) => item.entity === "outbox" && item.type === "text" && item.item.to === "+81312345678")!;
    expect(tokyo).toMatchObject({ status: "skipped", detail: "quiet-hours" });
    // 08:00 in Tokyo: the session is long over, nothing goes.
    life.clock.set("2026-12-01T23:00:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toHaveLength(1);
  });
});

describe("the missed-call text", () => {
  it("follows a call logged as voicemail: 'Sorry I missed you - Maya from Acme Analytics', with the booking page", async () => {
    const life = await createLifecycle(NOW);
    const { email, leadId } = await book(life, { smsConsent: true });
    const before = (await textsOf(life)).length;
    await logOutcome(life, email, "Voicemail");
    const texts = (await textsOf(life)).slice(before);
    expect(texts.map((text) => text.body)).toEqual(["Sorry I missed you - Maya from Acme Analytics; reply or pick a time: http://liveline.test/\nReply STOP to opt out"]);
    expect(texts[0]!.to).toBe(E164);
    expect((await life.api.deps.leadLog.events(leadId)).some((event) => event.kind === "text_sent" && (event.data as { text?: string }).text === "missed-call")).toBe(true);
  });

  it("is not sent after a call that reached the lead, nor to a lead who did not agree", async () => {
    const life = await createLifecycle(NOW);
    const reached = await book(life, { smsConsent: true });
    await logOutcome(life, reached.email, "Reached");
    expect((await textsOf(life)).filter((text) => text.body.startsWith("Sorry"))).toEqual([]);
    const other = await createLifecycle(NOW);
    const unconsented = await book(other, { phone: "+1 312 555 0177" });
    await logOutcome(other, unconsented.email, "Voicemail");
    expect(await textsOf(other)).toEqual([]);
  });
});

describe("quiet hours at sending", () => {
  it("a missed-call text for a call logged at 21:30 the lead's time waits for 08:00 theirs", async () => {
    const life = await createLifecycle(NOW);
    const { leadId } = await book(life, { smsConsent: true, timeZone: "Asia/Tokyo" });
    // The call-back waits for the lead's calling hours: 09:00 Wednesday in Tokyo is 00:00Z.
    life.clock.set("2026-12-02T00:00:00Z");
    await life.runner.drain();
    const [prompt] = await life.api.deps.leadLog.openPromptsOf(leadId);
    expect(prompt).toBeDefined();
    const before = (await textsOf(life)).length;
    life.clock.set("2026-12-02T12:30:00Z"); // 21:30 in Tokyo
    await recordOutcomeOnPrompt(life.api.deps, prompt!, "voicemail");
    await life.api.deliverOutbox();
    expect((await textsOf(life)).length).toBe(before);
    // Held on purpose, not failed: no error, no attempt counted, due at 08:00 Tokyo.
    const held = (await life.api.allItems()).find((item) => item.entity === "outbox" && String(item.sk).startsWith("OUTBOX#text-missed-"))!;
    expect(held).toMatchObject({ status: "deferred", deferredReason: "quiet-hours", attempts: 0, dueAt: "2026-12-02T23:00:00.000Z" });
    expect(held.lastError).toBeUndefined();
    life.clock.set("2026-12-02T22:59:00Z");
    await sweepOutbox(life.api.deps);
    expect((await textsOf(life)).length).toBe(before);
    life.clock.set("2026-12-02T23:00:00Z"); // 08:00 Thursday in Tokyo
    await sweepOutbox(life.api.deps);
    const texts = (await textsOf(life)).slice(before);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: E164, at: "2026-12-02T23:00:00.000Z" });
    expect(texts[0]!.body).toMatch(/^Sorry I missed you - /);
  });
});

describe("replies", () => {
  it("STOP opts the number out of every later text at once: no reminder, no missed-call text", async () => {
    const life = await createLifecycle(NOW);
    const { email, leadId } = await book(life, { smsConsent: true });
    expect(await reply(life, E164, " stop ", "in-1")).toBe("opted-out");
    expect(await reply(life, E164, "QUIT", "in-2")).toBe("already-opted-out");
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    await logOutcome(life, email, "No answer");
    expect(await textsOf(life)).toEqual([]);
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBe(NOW.replace("Z", ".000Z"));
    // The number was not texted yet, so no lead is known by it: the opt-out still holds.
    expect((await life.api.deps.leadLog.events(leadId)).some((event) => event.kind === "text_sent")).toBe(false);
  });

  it("START ends the opt-out with a short confirmation, and later texts go out again; UNSTOP does the same", async () => {
    const life = await createLifecycle(NOW);
    await book(life, { smsConsent: true });
    expect(await reply(life, E164, "STOP", "in-stop")).toBe("opted-out");
    expect(await reply(life, E164, "Start", "in-start")).toBe("opted-in");
    expect(await textsOf(life)).toEqual([{ to: E164, body: "Acme Analytics: you will get our texts again. Msg & data rates may apply.\nReply STOP to opt out", at: NOW.replace("Z", ".000Z") }]);
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBeUndefined();
    // A redelivered message is answered once.
    await reply(life, E164, "Start", "in-start");
    expect(await textsOf(life)).toHaveLength(1);
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    const texts = await textsOf(life);
    expect(texts).toHaveLength(2);
    expect(texts[1]!.body).toMatch(/^Acme Analytics: your .+ with Maya starts in 1 hour\./);
    // Out again, and back in by the carriers' keyword.
    expect(await reply(life, E164, "quit", "in-stop-2")).toBe("opted-out");
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBe("2026-12-01T16:00:00.000Z");
    expect(await reply(life, E164, "UNSTOP", "in-unstop")).toBe("opted-in");
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBeUndefined();
    expect(await textsOf(life)).toHaveLength(3);
  });

  it("a STOP or START delivered after a later one (a retry, a late delivery) changes nothing and answers nothing", async () => {
    const life = await createLifecycle(NOW);
    await book(life, { smsConsent: true });
    expect(await reply(life, E164, "STOP", "in-stop")).toBe("opted-out");
    life.clock.set("2026-11-30T06:10:00Z");
    expect(await reply(life, E164, "START", "in-start")).toBe("opted-in");
    const answered = await textsOf(life);
    // A STOP sent at 06:05, delivered now: the START sent after it stands.
    life.clock.set("2026-11-30T06:05:00Z");
    expect(await reply(life, E164, "Stop", "in-stop-late")).toBe("superseded");
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBeUndefined();
    // Out again at 06:20; a START sent at 06:15 and delivered late neither opts back in nor says texts come again.
    life.clock.set("2026-11-30T06:20:00Z");
    expect(await reply(life, E164, "STOP", "in-stop-2")).toBe("opted-out");
    life.clock.set("2026-11-30T06:15:00Z");
    expect(await reply(life, E164, "Start", "in-start-late")).toBe("superseded");
    expect((await life.api.deps.texts.numbers.get(E164)).optedOutAt).toBe("2026-11-30T06:20:00.000Z");
    expect(await textsOf(life)).toEqual(answered);
  });

  it("HELP is answered with the company's name and contact", async () => {
    const life = await createLifecycle(NOW);
    expect(await reply(life, "+44 20 7946 0958", "Help", "in-help")).toBe("help");
    const texts = await textsOf(life);
    expect(texts).toEqual([{ to: "+442079460958", body: "Acme Analytics: texts about your demo with us. Help: demos@acme-analytics.example. Msg & data rates may apply.\nReply STOP to opt out", at: NOW.replace("Z", ".000Z") }]);
    // A redelivered message is answered once.
    await reply(life, "+44 20 7946 0958", "Help", "in-help");
    expect(await textsOf(life)).toHaveLength(1);
  });

  it("any other reply lands in the lead's history and, by e-mail, with the rep", async () => {
    const life = await createLifecycle(NOW);
    const { email, leadId } = await book(life, { smsConsent: true });
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    expect(await textsOf(life)).toHaveLength(1);
    expect(await reply(life, E164, "Running 5 min late, sorry!", "in-late")).toBe("forwarded");
    const events = await life.api.deps.leadLog.events(leadId);
    expect(events.filter((event) => event.kind === "text_reply")).toEqual([expect.objectContaining({ ref: "in-late", data: { body: "Running 5 min late, sorry!" } })]);
    const notices = await mailsTo(MAYA, /^Text from Pat Prospect: Running 5 min late/);
    expect(notices.filter((mail) => mail.body.text?.includes(email))).toHaveLength(1);
    // Redelivered: one event, one e-mail.
    await reply(life, E164, "Running 5 min late, sorry!", "in-late");
    expect((await life.api.deps.leadLog.events(leadId)).filter((event) => event.kind === "text_reply")).toHaveLength(1);
  });

  it("a reply from a number never texted is not forwarded", async () => {
    const life = await createLifecycle(NOW);
    expect(await reply(life, "+1 415 555 0100", "who is this?", "in-unknown")).toBe("unknown-number");
  });
});
