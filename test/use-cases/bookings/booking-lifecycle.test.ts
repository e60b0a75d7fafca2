// A booking's timers on the real engines: each fires once, in time, with the right e-mail; stale and
// duplicate deliveries do nothing.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { MANAGE_PURPOSE, manageSubject } from "../../../functions/core/bookings/booking-links";
import { OUTCOME_PURPOSE, outcomeSubject } from "../../../functions/core/bookings/lifecycle-links";
import { signToken } from "../../../functions/core/access/signed-token";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";
import { createLifecycle, mailsTo, parsedSentMail, tokenOf, type Lifecycle } from "../../support/lifecycle-harness";
import { defaultConfig, TEST_SIGNING_SECRET } from "../../support/test-api";

// Monday 06:00Z; Tuesday 17:00Z is Maya's (Chicago) alone.
const NOW = "2026-11-30T06:00:00Z";
const DEMO = "2026-12-01T17:00:00Z";

const MAYA = "maya.johnson@acme-analytics.example";
const REP_AUTH = { authorization: "Bearer local-token-maya" };

let counter = 0;
function prospect(extra: Record<string, unknown> = {}) {
  counter++;
  return { offering: "live-demo", start: DEMO, name: "Jane Doe", email: `jane.life${counter}.${Date.now()}@globex.example`, phone: "+1 312 555 0199", company: "Globex", timeZone: "Europe/Paris", consent: true, ...extra };
}

describe("a booking's timers", () => {
  it("are created with the booking and each fires once, in time, with its e-mail", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const booked = await life.api.call("POST", "/api/bookings", body);
    expect(booked.status).toBe(201);
    const id = booked.json.id;
    expect(await life.timerNames()).toEqual([`bk-${id}-callback-v1`, `bk-${id}-feedback-v1`, `bk-${id}-prep-v1`, `bk-${id}-r1440-v1`, `bk-${id}-r60-v1`]);

    // The 24-hour reminder is due at Monday 17:00Z: not a minute early.
    expect(await life.advance(10 * 60 + 59)).toBe(0);
    expect(await mailsTo(body.email, /^Tomorrow/)).toHaveLength(0);
    expect(await life.advance(1)).toBe(1);
    const [reminder] = await mailsTo(body.email, /^Tomorrow at 6:00 PM: Live product demo with Maya/);
    expect(reminder, "24-hour reminder").toBeDefined();
    expect(reminder!.body.text).toContain(`https://meet.jit.si/acme-demo-${id}`);
    const headers = (await parsedSentMail(life, body.email, /^Tomorrow/)).headers;
    expect(headers.find((h) => h.key === "list-unsubscribe")?.value).toMatch(/^<http:\/\/liveline\.test\/api\/unsubscribe\?token=[\w.-]+>$/);
    expect(headers.find((h) => h.key === "list-unsubscribe-post")?.value).toBe("List-Unsubscribe=One-Click");

    // Tuesday: 16:00 reminder, 16:45 prep note, 17:35 call-back prompt, 19:30 feedback request.
    await life.advance(23 * 60);
    expect(await mailsTo(body.email, /^In 1 hour: Live product demo with Maya/)).toHaveLength(1);
    await life.advance(45);
    const prep = (await mailsTo("maya.johnson@acme-analytics.example", /^In 15 minutes/)).filter((m) => m.body.text?.includes(body.email));
    expect(prep).toHaveLength(1);
    expect(prep[0]!.body.html).toContain('href="tel:+13125550199"');
    await life.advance(50);
    const prompt = (await mailsTo("maya.johnson@acme-analytics.example", /^Call Jane Doe now/)).filter((m) => m.body.text?.includes(body.email));
    expect(prompt).toHaveLength(1);
    await life.advance(115);
    const feedback = await mailsTo(body.email, /How was your demo with Maya/);
    expect(feedback).toHaveLength(1);
    // The token rides in the fragment, which browsers never send: it stays out of CDN and proxy logs.
    expect(feedback[0]!.body.html!.match(/feedback\.html\?rating=[1-5](&amp;lang=\w+)?#token=[\w.-]+/g)).toHaveLength(5);
    expect(feedback[0]!.body.html!).not.toMatch(/\.html\?[^"#]*token=/);
    // Every timer fired once and is gone — the prompt's escalation too: nobody acted on it within 30 minutes.
    expect(await life.timerNames()).toEqual([]);
    const escalations = (await mailsTo("sales-manager@acme-analytics.example", /^Not acted on: call Jane Doe/)).filter((m) => m.body.text?.includes(body.email));
    expect(escalations).toHaveLength(1);

    const manageToken = tokenOf(booked.json.manageUrl);
    const timeline = await life.api.call("GET", `/api/bookings/${id}/timeline?token=${manageToken}`);
    expect(timeline.status).toBe(200);
    const kinds = timeline.json.events.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === "reminder_sent")).toHaveLength(2);
    expect(kinds).toEqual(expect.arrayContaining(["booked", "invite_sent", "prep_sent", "call_prompted", "feedback_requested"]));
    expect(timeline.json.events.map((e: { at: string }) => e.at)).toEqual([...timeline.json.events.map((e: { at: string }) => e.at)].sort());
  });

  it("writes the most reminders an offering may have (10) with the booking, each a timer of its own", async () => {
    const config = defaultConfig();
    const reminders = [1800, 1440, 720, 360, 180, 120, 60, 30, 15, 5];
    config.offerings[0] = { ...config.offerings[0]!, lifecycle: { ...(config.offerings[0] as { lifecycle: object }).lifecycle, remindersMinutesBefore: reminders } } as (typeof config.offerings)[number];
    const life = await createLifecycle(NOW, { config });
    const booked = await life.api.call("POST", "/api/bookings", prospect());
    expect(booked.status).toBe(201);
    await life.runner.drain();
    expect((await life.timerNames()).filter((name) => /-r\d+-v1$/.test(name))).toHaveLength(reminders.length);
  });

  it("skips a reminder that is already past at booking", async () => {
    const life = await createLifecycle("2026-12-01T13:30:00Z");
    const booked = await life.api.call("POST", "/api/bookings", prospect());
    expect(booked.status).toBe(201);
    const names = await life.timerNames();
    expect(names.some((name) => name.endsWith("-r1440-v1"))).toBe(false);
    expect(names.some((name) => name.endsWith("-r60-v1"))).toBe(true);
  });

  it("sends one e-mail however often, and however concurrently, a timer is delivered", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const { json } = await life.api.call("POST", "/api/bookings", body);
    life.clock.set("2026-12-01T16:00:00Z");
    const payload = { kind: "reminder" as const, bookingId: json.id, version: 1, minutesBefore: 60 };
    const outcomes = await Promise.all([life.fire(payload), life.fire(payload), life.fire(payload)]);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(2);
    expect(await life.fire(payload)).toBe("duplicate");
    expect(await mailsTo(body.email, /^In 1 hour/)).toHaveLength(1);
  });

  it("has one effect per timer when every timer is delivered twice, out of order; late ones are skipped once", async () => {
    const life = await createLifecycle(NOW);
    // In New York 19:30Z is 14:30, inside the calling hours: the call-back is prompted, not deferred.
    const body = prospect({ timeZone: "America/New_York" });
    const { json } = await life.api.call("POST", "/api/bookings", body);
    const items = (await life.api.allItems()).filter((item) => item.entity === "timer");
    const payloads = items.map((item) => item.payload);
    expect(payloads.map((p: { kind: string }) => p.kind).sort()).toEqual(["call-back", "feedback", "reminder", "reminder", "rep-prep"]);
    // After the demo: all are due. Latest first, each twice, the second time concurrently with the first.
    life.clock.set("2026-12-01T19:30:00Z");
    const reversed = [...items].sort((a, b) => b.fireAt - a.fireAt).map((item) => item.payload);
    const outcomes = new Map<string, string[]>();
    for (const payload of reversed) outcomes.set(`${payload.kind}${payload.minutesBefore ?? ""}`, (await Promise.all([life.fire(payload), life.fire(payload)])).sort());
    // Past their deadlines, the reminders and the prep note have no effect: the feedback and the call-back do.
    expect(Object.fromEntries(outcomes)).toEqual({
      feedback: ["duplicate", "sent"],
      "call-back": ["duplicate", "prompted"],
      "rep-prep": ["skipped", "skipped"],
      reminder60: ["skipped", "skipped"],
      reminder1440: ["skipped", "skipped"],
    });
    const prospectMail = (await mailsTo(body.email)).map((m) => m.subject.split(":")[0]!);
    expect(prospectMail.sort()).toEqual(["Confirmed", "How was your demo with Maya?"]);
    const repMail = (await mailsTo("maya.johnson@acme-analytics.example")).filter((m) => m.body.text?.includes(body.email)).map((m) => m.subject.split(" ")[0]);
    expect(repMail.sort()).toEqual(["Call", "New"].sort());
    const prompts = (await life.api.allItems()).filter((item) => item.entity === "prompt" && item.bookingId === json.id);
    expect(prompts).toHaveLength(1);
    // Each skipped timer is in the lead's history once, as skipped.
    const events = (await life.api.call("GET", `/api/bookings/${json.id}/timeline`, undefined, REP_AUTH)).json.events;
    const skipped = events.filter((e: { kind: string }) => e.kind === "timer_skipped").map((e: { data: { timer: string; minutesBefore?: number } }) => `${e.data.timer}${e.data.minutesBefore ?? ""}`);
    expect(skipped.sort()).toEqual(["reminder1440", "reminder60", "rep-prep"]);
  });

  it("the local clock jumping from a day before to five minutes before the demo sends neither reminder", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const { json } = await life.api.call("POST", "/api/bookings", body);
    // Monday 16:00Z, a day and an hour before: nothing due yet. Then one jump to 16:55Z on Tuesday.
    life.clock.set("2026-11-30T16:00:00Z");
    expect(await life.runner.drain()).toBe(0);
    life.clock.set("2026-12-01T16:55:00Z");
    expect(await life.runner.drain()).toBe(3);
    expect(await mailsTo(body.email, /^(Tomorrow|Today|In 1 hour)/)).toHaveLength(0);
    // The prep note (15 minutes before) is still in time for the rep.
    expect((await mailsTo(MAYA, /^In 5 minutes: Jane Doe/)).filter((m) => m.body.text?.includes(body.email))).toHaveLength(1);
    const events = (await life.api.call("GET", `/api/bookings/${json.id}/timeline`, undefined, REP_AUTH)).json.events;
    expect(events.filter((e: { kind: string }) => e.kind === "timer_skipped").map((e: { at: string; data: Record<string, unknown> }) => ({ at: e.at, ...e.data }))).toEqual([
      { at: "2026-12-01T15:00:00.000Z", timer: "reminder", minutesBefore: 1440, deadline: "2026-12-01T15:00:00.000Z", deliveredAt: "2026-12-01T16:55:00.000Z" },
      { at: "2026-12-01T16:45:00.000Z", timer: "reminder", minutesBefore: 60, deadline: "2026-12-01T16:45:00.000Z", deliveredAt: "2026-12-01T16:55:00.000Z" },
    ]);
    expect(events.some((e: { kind: string }) => e.kind === "reminder_sent")).toBe(false);
  });

  it("does nothing when a timer of an older version, or of a cancelled booking, fires late", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const { json } = await life.api.call("POST", "/api/bookings", body);
    const token = tokenOf(json.manageUrl);
    expect((await life.api.call("POST", `/api/bookings/${json.id}/cancel`, { token })).status).toBe(200);
    life.clock.set("2026-12-01T19:30:00Z");
    for (const payload of [
      { kind: "reminder" as const, bookingId: json.id, version: 1, minutesBefore: 60 },
      { kind: "rep-prep" as const, bookingId: json.id, version: 1 },
      { kind: "call-back" as const, bookingId: json.id, version: 1 },
      { kind: "feedback" as const, bookingId: json.id, version: 1 },
      { kind: "reminder" as const, bookingId: json.id, version: 2, minutesBefore: 60 },
    ]) {
      expect(await life.fire(payload), payload.kind).toBe("stale");
    }
    expect((await mailsTo(body.email)).map((m) => m.subject.split(":")[0])).toEqual(["Confirmed", "Cancelled"]);
  });
});

describe("reschedule and cancel", () => {
  const calendarOf = (email: { attachments: { contentType: string; content: string }[] }) => {
    const part = email.attachments.find((a) => /text\/calendar/.test(a.contentType))!;
    return new ICAL.Component(ICAL.parse(Buffer.from(part.content, "base64").toString("utf8")));
  };

  it("reschedule: same UID, SEQUENCE + 1, REQUEST to prospect and rep, timers replaced, old slot freed, old link refused", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const booked = await life.api.call("POST", "/api/bookings", body);
    const { id, manageUrl } = booked.json;
    const token = tokenOf(manageUrl);

    const view = await life.api.call("GET", `/api/bookings/${id}?token=${token}`);
    expect(view.json).toMatchObject({ id, status: "confirmed", start: "2026-12-01T18:00:00.000+01:00", rep: { firstName: "Maya" }, canChange: true });
    const options = await life.api.call("GET", `/api/bookings/${id}/slots?token=${token}&timeZone=UTC&from=2026-12-01&to=2026-12-02`);
    const starts = options.json.slots.map((s: { start: string }) => s.start);
    expect(starts).toContain("2026-12-01T17:00:00.000+00:00"); // its own time counts as free
    expect(starts).toContain("2026-12-02T16:00:00.000+00:00");

    const moved = await life.api.call("POST", `/api/bookings/${id}/reschedule`, { token, start: "2026-12-02T16:00:00Z" });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ id, status: "confirmed", start: "2026-12-02T17:00:00.000+01:00", rep: { firstName: "Maya" } });
    expect(moved.json.manageUrl).not.toBe(manageUrl);

    const [update] = await mailsTo(body.email, /^Updated:/);
    const event = calendarOf(update!).getFirstSubcomponent("vevent")!;
    expect(calendarOf(update!).getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe(`${id}@acme-analytics.example`);
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-02T16:00:00Z");
    expect((await mailsTo("maya.johnson@acme-analytics.example", /^Updated:/)).filter((m) => calendarOf(m).getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid") === `${id}@acme-analytics.example`)).toHaveLength(1);

    const names = await life.timerNames();
    expect(names.filter((n) => n.endsWith("-v1"))).toEqual([]);
    expect(names.filter((n) => n.endsWith("-v2"))).toHaveLength(5);
    const slots = await life.api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-02&timeZone=UTC");
    expect(slots.json.slots.map((s: { start: string }) => s.start)).toContain("2026-12-01T17:00:00.000+00:00");
    expect(slots.json.slots.map((s: { start: string }) => s.start)).not.toContain("2026-12-02T16:00:00.000+00:00");
    // The old link stops working; the new one works.
    expect((await life.api.call("GET", `/api/bookings/${id}?token=${token}`)).status).toBe(403);
    expect((await life.api.call("POST", `/api/bookings/${id}/cancel`, { token })).status).toBe(403);
    const newToken = tokenOf(moved.json.manageUrl);
    expect((await life.api.call("GET", `/api/bookings/${id}?token=${newToken}`)).json.start).toBe("2026-12-02T17:00:00.000+01:00");
    // The old version's reminder, delivered late, is stale.
    expect(await life.fire({ kind: "reminder", bookingId: id, version: 1, minutesBefore: 60 })).toBe("stale");
  });

  it("cancel: CANCEL with STATUS:CANCELLED, SEQUENCE + 1 and no alarm to both, timers deleted, slot freed, link used up", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const booked = await life.api.call("POST", "/api/bookings", body);
    const { id } = booked.json;
    const token = tokenOf(booked.json.manageUrl);
    const cancelled = await life.api.call("POST", `/api/bookings/${id}/cancel`, { token, reason: "Our budget froze; next quarter?" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({ id, status: "cancelled" });

    const [mail] = await mailsTo(body.email, /^Cancelled:/);
    const calendar = calendarOf(mail!);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(event.getFirstPropertyValue("uid")).toBe(`${id}@acme-analytics.example`);
    expect(event.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(mail!.body.text).toContain("Our budget froze");
    expect((await mailsTo("maya.johnson@acme-analytics.example", /^Cancelled:/)).filter((m) => calendarOf(m).getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid") === `${id}@acme-analytics.example`)).toHaveLength(1);

    expect(await life.timerNames()).toEqual([]);
    const slots = await life.api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC");
    expect(slots.json.slots.map((s: { start: string }) => s.start)).toContain("2026-12-01T17:00:00.000+00:00");
    expect((await life.api.call("POST", `/api/bookings/${id}/cancel`, { token })).status).toBe(403);
    expect((await life.api.call("POST", `/api/bookings/${id}/reschedule`, { token, start: "2026-12-02T16:00:00Z" })).status).toBe(403);
    // Reopening the link shows the booking as cancelled, read only.
    expect((await life.api.call("GET", `/api/bookings/${id}?token=${token}`)).json).toMatchObject({ status: "cancelled", canChange: false });
    const [schedule] = (await life.api.itemsWithPrefix("REP#maya")).filter((item) => item.sk === "SCHEDULE");
    expect(schedule!.demos ?? new Set()).not.toContain(expect.stringContaining(id));
    expect(schedule!["d_2026-12-01"]).toBe(0);
  });

  it("moves the demo to another rep when its rep is not free then: CANCEL to the old rep, REQUEST to the new", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const booked = await life.api.call("POST", "/api/bookings", body);
    const token = tokenOf(booked.json.manageUrl);
    // Tuesday 09:00Z: Lukas (Berlin 10:00) and Priya (Kolkata 14:30) work, Maya does not.
    const moved = await life.api.call("POST", `/api/bookings/${booked.json.id}/reschedule`, { token, start: "2026-12-01T09:00:00Z" });
    expect(moved.status).toBe(200);
    expect(["Lukas", "Priya"]).toContain(moved.json.rep.firstName);
    const mayaCancel = (await mailsTo("maya.johnson@acme-analytics.example", /^Cancelled:/)).filter((m) => m.body.text?.includes(body.email) || m.subject.includes("Jane Doe"));
    expect(mayaCancel.length).toBeGreaterThanOrEqual(1);
    const newRep = moved.json.rep.firstName === "Lukas" ? "lukas.becker@acme-analytics.example" : "priya.raman@acme-analytics.example";
    expect((await mailsTo(newRep, /^New demo: Jane Doe/)).length).toBeGreaterThanOrEqual(1);
    const locks = (await life.api.allItems()).filter((i) => i.entity === "slot-lock" && i.bookingId === booked.json.id);
    expect(new Set(locks.map((l) => l.pk))).toEqual(new Set([`REP#${moved.json.rep.firstName.toLowerCase()}`]));
  });

  it("refuses a reschedule to a taken time, to a time that is no slot, and with a forged token", async () => {
    const life = await createLifecycle(NOW);
    const first = await life.api.call("POST", "/api/bookings", prospect());
    const second = await life.api.call("POST", "/api/bookings", prospect({ start: "2026-12-01T17:30:00Z" }));
    const token = tokenOf(first.json.manageUrl);
    expect((await life.api.call("POST", `/api/bookings/${first.json.id}/reschedule`, { token, start: "2026-12-01T17:30:00Z" })).status).toBe(409);
    expect((await life.api.call("POST", `/api/bookings/${first.json.id}/reschedule`, { token, start: "2026-12-01T17:07:00Z" })).json.error.code).toBe("not_a_slot");
    expect((await life.api.call("POST", `/api/bookings/${first.json.id}/reschedule`, { token: `${token}x`, start: "2026-12-02T16:00:00Z" })).status).toBe(403);
    const otherToken = tokenOf(second.json.manageUrl);
    expect((await life.api.call("GET", `/api/bookings/${first.json.id}?token=${otherToken}`)).status).toBe(403);
  });
});

describe("not a minute early", () => {
  it("the prep note, the call-back prompt and the feedback request each wait for their minute", async () => {
    const life = await createLifecycle(NOW);
    const body = prospect();
    const { json } = await life.api.call("POST", "/api/bookings", body);
    const mine = async (to: string, subject: RegExp) => (await mailsTo(to, subject)).filter((m) => to === body.email || m.body.text?.includes(body.email));
    const pending = async (kind: string) => (await life.timerNames()).includes(`bk-${json.id}-${kind}-v1`);

    // Prep note: 15 minutes before the 17:00Z start.
    life.clock.set("2026-12-01T16:44:00Z");
    await life.runner.drain();
    expect(await mine(MAYA, /^In 15 minutes/)).toHaveLength(0);
    expect(await pending("prep")).toBe(true);
    expect(await life.advance(1)).toBe(1);
    expect(await mine(MAYA, /^In 15 minutes/)).toHaveLength(1);

    // Call-back prompt: 5 minutes after the 17:30Z end.
    life.clock.set("2026-12-01T17:34:00Z");
    expect(await life.runner.drain()).toBe(0);
    expect(await mine(MAYA, /^Call Jane Doe now/)).toHaveLength(0);
    expect(await pending("callback")).toBe(true);
    expect(await life.advance(1)).toBe(1);
    expect(await mine(MAYA, /^Call Jane Doe now/)).toHaveLength(1);

    // Feedback request: 2 hours after the end (the prompt's escalation fires on the way, at 18:05Z).
    life.clock.set("2026-12-01T19:29:00Z");
    await life.runner.drain();
    expect(await mine(body.email, /How was your demo/)).toHaveLength(0);
    expect(await pending("feedback")).toBe(true);
    expect(await life.advance(1)).toBe(1);
    expect(await mine(body.email, /How was your demo/)).toHaveLength(1);
  });
});

describe("the timeline", () => {
  it("shows a reschedule and a cancel, to the prospect's latest link and to the rep", async () => {
    const life = await createLifecycle(NOW);
    const booked = await life.api.call("POST", "/api/bookings", prospect());
    const { id } = booked.json;
    const moved = await life.api.call("POST", `/api/bookings/${id}/reschedule`, { token: tokenOf(booked.json.manageUrl), start: "2026-12-02T16:00:00Z" });
    expect(moved.status).toBe(200);
    const token = tokenOf(moved.json.manageUrl);
    const afterMove = await life.api.call("GET", `/api/bookings/${id}/timeline?token=${token}`);
    expect(afterMove.status).toBe(200);
    expect(afterMove.json.events.find((e: { kind: string }) => e.kind === "rescheduled")).toMatchObject({
      data: { bookingId: id, from: "2026-12-01T17:00:00.000Z", to: "2026-12-02T16:00:00.000Z", repId: "maya" },
    });
    expect(kindsOf(afterMove.json.events)).not.toContain("cancelled");

    life.clock.advance(5);
    expect((await life.api.call("POST", `/api/bookings/${id}/cancel`, { token, reason: "Found another tool." })).status).toBe(200);
    for (const [who, query, headers] of [
      ["prospect", `?token=${token}`, {}],
      ["rep", "", REP_AUTH],
    ] as const) {
      const timeline = await life.api.call("GET", `/api/bookings/${id}/timeline${query}`, undefined, headers);
      expect(timeline.status, who).toBe(200);
      const kinds = kindsOf(timeline.json.events);
      expect(kinds.filter((k) => ["booked", "rescheduled", "cancelled"].includes(k)), who).toEqual(["booked", "rescheduled", "cancelled"]);
      expect(timeline.json.events.find((e: { kind: string }) => e.kind === "cancelled").data, who).toEqual({ bookingId: id, reason: "Found another tool." });
    }
  });

  it("shows attendance and a conversion logged from the rep's e-mail", async () => {
    const life = await createLifecycle(NOW);
    const janeBody = prospect();
    // John is in New York: his call-back at 18:05Z is 13:05 there, inside his calling hours.
    const johnBody = prospect({ start: "2026-12-01T17:30:00Z", name: "John Roe", timeZone: "America/New_York" });
    const attended = await life.api.call("POST", "/api/bookings", janeBody);
    const noShow = await life.api.call("POST", "/api/bookings", johnBody);
    // The prompts: 17:35Z for Jane, 18:05Z for John; the outcomes are logged a minute later, one by one.
    life.clock.set("2026-12-01T17:35:00Z");
    await life.runner.drain();
    life.clock.set("2026-12-01T18:05:00Z");
    await life.runner.drain();
    life.clock.advance(1);
    const linksOf = async (name: string, email: string) => outcomeLinks((await mailsTo(MAYA, new RegExp(`^Call ${name} now`))).find((m) => m.body.text?.includes(email))!);
    const janeLinks = await linksOf("Jane Doe", janeBody.email);
    const johnLinks = await linksOf("John Roe", johnBody.email);

    expect((await logOutcome(life, janeLinks["Attended"]!)).status).toBe(200);
    life.clock.advance(1);
    expect((await logOutcome(life, janeLinks["Converted"]!)).json).toMatchObject({ outcome: "converted", closed: "converted" });
    expect((await logOutcome(life, johnLinks["No-show"]!)).status).toBe(200);

    const timeline = async (id: string) => (await life.api.call("GET", `/api/bookings/${id}/timeline`, undefined, REP_AUTH)).json.events;
    const jane = await timeline(attended.json.id);
    expect(jane.find((e: { kind: string }) => e.kind === "attended")).toMatchObject({ data: { bookingId: attended.json.id } });
    expect(kindsOf(jane).filter((k) => ["call_prompted", "attended", "call_attempt", "converted"].includes(k))).toEqual(["call_prompted", "attended", "call_attempt", "converted"]);
    expect(kindsOf(jane)).not.toContain("no_show");
    const john = await timeline(noShow.json.id);
    expect(john.find((e: { kind: string }) => e.kind === "no_show")).toMatchObject({ data: { bookingId: noShow.json.id } });
    expect(kindsOf(john)).not.toContain("attended");
    expect(kindsOf(john)).not.toContain("converted");
  });

  it("shows the prospect none of the team's own events and words (notes, hand-overs, escalations); the rep sees them", async () => {
    const life = await createLifecycle(NOW);
    const booked = await life.api.call("POST", "/api/bookings", prospect());
    const { id } = booked.json;
    life.clock.set("2026-12-01T17:35:00Z");
    await life.runner.drain();
    const [callBack] = (await life.api.call("GET", "/api/console/queue", undefined, REP_AUTH)).json.items;
    expect((await life.api.call("POST", `/api/console/queue/${callBack.id}/outcome`, { outcome: "voicemail", note: "Sounded like a tough budget talk" }, REP_AUTH)).status).toBe(200);
    expect((await life.api.call("POST", `/api/leads/${callBack.lead.id}/notes`, { text: "Gatekeeper is the CFO's assistant" }, REP_AUTH)).status).toBe(201);
    // The next attempt handed to Priya by the manager, and left undone long enough to be escalated.
    life.clock.set("2026-12-02T08:00:00Z");
    await life.runner.drain();
    const [retry] = (await life.api.call("GET", "/api/console/queue", undefined, REP_AUTH)).json.items;
    expect((await life.api.call("POST", `/api/console/queue/${retry.id}/assign`, { repId: "priya" }, { authorization: "Bearer local-token-lukas" })).status).toBe(200);
    await life.advance(60);

    const prospects = await life.api.call("GET", `/api/bookings/${id}/timeline?token=${tokenOf(booked.json.manageUrl)}`);
    expect(prospects.status).toBe(200);
    expect(kindsOf(prospects.json.events)).toEqual(expect.arrayContaining(["booked", "call_attempt"]));
    for (const teamOnly of ["note", "reassigned", "escalated"]) expect(kindsOf(prospects.json.events)).not.toContain(teamOnly);
    // Which rep called, or was prompted to, is the team's: a hand-over would show in it.
    const calls = prospects.json.events.filter((e: { kind: string }) => e.kind.startsWith("call_"));
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call.data ?? {}).not.toHaveProperty("repId");
    expect(prospects.json.events.find((e: { kind: string }) => e.kind === "call_attempt").data).toMatchObject({ outcome: "voicemail" });
    expect(JSON.stringify(prospects.json)).not.toMatch(/budget talk|Gatekeeper/);

    const reps = (await life.api.call("GET", `/api/bookings/${id}/timeline`, undefined, REP_AUTH)).json;
    expect(JSON.stringify(reps)).toContain("Sounded like a tough budget talk");
    expect(JSON.stringify(reps)).toContain("Gatekeeper is the CFO's assistant");
    expect(kindsOf(reps.events)).toEqual(expect.arrayContaining(["note", "reassigned", "escalated"]));
    expect(reps.events.find((e: { kind: string }) => e.kind === "call_attempt").data).toMatchObject({ repId: "maya", note: "Sounded like a tough budget talk" });
  });
});

describe("expired links", () => {
  const past = (life: Lifecycle) => Math.floor(life.clock.now().getTime() / 1000) - 60;
  const future = (life: Lifecycle) => Math.floor(life.clock.now().getTime() / 1000) + 3600;

  it("an expired manage token gets 403 on every route, and changes nothing", async () => {
    const life = await createLifecycle(NOW);
    const { json } = await life.api.call("POST", "/api/bookings", prospect());
    const signed = (expiresAt: number) => signToken({ purpose: MANAGE_PURPOSE, subject: manageSubject(json.id, 1), expiresAt }, singleKeyRing(TEST_SIGNING_SECRET));
    const expired = signed(past(life));
    expect((await life.api.call("GET", `/api/bookings/${json.id}?token=${expired}`)).status).toBe(403);
    expect((await life.api.call("GET", `/api/bookings/${json.id}/slots?token=${expired}&timeZone=UTC`)).status).toBe(403);
    expect((await life.api.call("GET", `/api/bookings/${json.id}/timeline?token=${expired}`)).status).toBe(403);
    expect((await life.api.call("POST", `/api/bookings/${json.id}/reschedule`, { token: expired, start: "2026-12-02T16:00:00Z" })).status).toBe(403);
    expect((await life.api.call("POST", `/api/bookings/${json.id}/cancel`, { token: expired })).status).toBe(403);
    // The same claims, unexpired, are accepted: it was the expiry that was refused. Nothing changed meanwhile.
    const view = await life.api.call("GET", `/api/bookings/${json.id}?token=${signed(future(life))}`);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ status: "confirmed", start: "2026-12-01T18:00:00.000+01:00" });
  });

  it("an expired outcome token gets 403 and logs nothing", async () => {
    const life = await createLifecycle(NOW);
    const { json } = await life.api.call("POST", "/api/bookings", prospect());
    life.clock.set("2026-12-01T17:35:00Z");
    await life.runner.drain();
    const prompt = (await life.api.allItems()).find((i) => i.entity === "prompt" && i.bookingId === json.id)!;
    const signed = (expiresAt: number) => signToken({ purpose: OUTCOME_PURPOSE, subject: outcomeSubject({ leadId: prompt.leadId, promptId: prompt.promptId, repId: prompt.repId, outcome: "reached" }), expiresAt }, singleKeyRing(TEST_SIGNING_SECRET));
    const refused = await life.api.call("POST", "/api/outcomes", { token: signed(past(life)) });
    expect(refused.status).toBe(403);
    const events = (await life.api.call("GET", `/api/bookings/${json.id}/timeline`, undefined, REP_AUTH)).json.events;
    expect(kindsOf(events)).not.toContain("call_attempt");
    expect((await life.api.allItems()).find((i) => i.entity === "prompt" && i.bookingId === json.id)).toMatchObject({ status: "open" });
    expect((await life.api.call("POST", "/api/outcomes", { token: signed(future(life)) })).json).toMatchObject({ outcome: "reached", attempt: 1 });
  });
});

function kindsOf(events: { kind: string }[]): string[] {
  return events.map((e) => e.kind);
}

/** The one-click outcome links of a call prompt, by label. */
function outcomeLinks(mail: { body: { html?: string } }): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [, href, label] of (mail.body.html ?? "").matchAll(/href="([^"]*outcome\.html[^"]*)"[^>]*>([^<]+)</g)) links[label!.trim()] = href!.replaceAll("&amp;", "&");
  return links;
}

function logOutcome(life: Lifecycle, link: string) {
  return life.api.call("POST", "/api/outcomes", { token: tokenOf(link) });
}
