// Nothing lost, nothing twice: failing SES and Scheduler, unsubscribes, bounces and complaints, feedback.
import { describe, expect, it } from "vitest";
import { suppressionFrom } from "../../../functions/handlers/ses-event";
import { MailRefused, type Mailer } from "../../../functions/ports/mailer";
import type { Timers } from "../../../functions/ports/timers";
import { suppressFromMailEvent } from "../../../functions/use-cases/messages/suppress-addresses";
import { createLifecycle, mailsTo, parsedSentMail, tokenOf } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";
let counter = 0;
const booking = (extra: Record<string, unknown> = {}) => {
  counter++;
  return { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Sam Sender", email: `sam${counter}.${Date.now()}@hooli.example`, timeZone: "UTC", consent: true, ...extra };
};

/** A mailer that fails (throttling) while `down` is true, then delivers through the real one. */
function flakyMailer(state: { down: boolean }) {
  return (real: Mailer): Mailer => ({
    send: async (email) => {
      if (state.down) throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "TooManyRequestsException" });
      return real.send(email);
    },
  });
}

describe("when SES fails", () => {
  it("the booking stands; the invitations are retried with backoff until sent, and sent once", async () => {
    const ses = { down: true };
    const life = await createLifecycle(NOW, { wrapMailer: flakyMailer(ses) });
    const body = booking();
    expect((await life.api.call("POST", "/api/bookings", body)).status).toBe(201);
    expect(await mailsTo(body.email)).toHaveLength(0);
    // Still down at the first retry (1 minute): the second waits 2 minutes more.
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    const retrying = (await life.api.allItems()).find((i) => i.sk === "OUTBOX#invitation-prospect-s0")!;
    expect(retrying).toMatchObject({ status: "failed", attempts: 2 });
    expect(retrying.dueAt).toBe("2026-11-30T06:03:00.000Z");
    // A retry needs the composed message: it stays, with no expiry.
    expect(retrying.item.raw).toMatch(/^From: .+\r\n/);
    expect(retrying.expiresAt).toBeUndefined();

    ses.down = false;
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(body.email)).toHaveLength(0); // not due yet
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    await Promise.all([life.fire({ kind: "outbox-sweep" }), life.fire({ kind: "outbox-sweep" })]);
    life.clock.advance(60);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(body.email)).toHaveLength(1);
    expect((await mailsTo("maya.johnson@acme-analytics.example")).filter((m) => m.body.text?.includes(body.email))).toHaveLength(1);
    const finished = (await life.api.allItems()).filter((i) => i.entity === "outbox");
    expect(finished.every((i) => i.status === "done")).toBe(true);
    // Once sent, nothing of the message (its links hold live tokens) is kept; DynamoDB's TTL removes the rest in 30 days.
    const [earliest, latest] = [Date.parse(NOW) / 1000, life.clock.now().getTime() / 1000];
    for (const item of finished) {
      expect(item.item.raw, item.sk).toBeUndefined();
      expect(JSON.stringify(item), item.sk).not.toMatch(/token=/);
      expect(item.expiresAt, item.sk).toBeGreaterThanOrEqual(earliest + 30 * 86_400);
      expect(item.expiresAt, item.sk).toBeLessThanOrEqual(latest + 30 * 86_400);
    }
    // The key stays until then: the same item enqueued again (a retried cause) sends nothing.
    expect(await life.api.deps.outbox.enqueue([finished[0]!.item], life.clock.now())).toEqual([]);
  });

  it("a message the mail service refuses for good is recorded as rejected and never retried", async () => {
    const refused = new Set<string>();
    const refusing = (real: Mailer): Mailer => ({
      send: async (email) => {
        if (email.to === refusedAddress) {
          refused.add(email.to);
          throw new MailRefused("MessageRejected: Email address is not verified.");
        }
        return real.send(email);
      },
    });
    const refusedAddress = `refused.${Date.now()}@hooli.example`;
    const life = await createLifecycle(NOW, { wrapMailer: refusing });
    expect((await life.api.call("POST", "/api/bookings", booking({ email: refusedAddress }))).status).toBe(201);
    const item = (await life.api.allItems()).find((i) => i.sk === "OUTBOX#invitation-prospect-s0" && i.item?.to === refusedAddress)!;
    expect(item).toMatchObject({ status: "rejected" });
    refused.clear();
    life.clock.advance(120);
    await life.fire({ kind: "outbox-sweep" });
    expect(refused.size).toBe(0);
  });

  it("a reminder whose send fails is retried too, and still arrives once", async () => {
    const ses = { down: false };
    const life = await createLifecycle(NOW, { wrapMailer: flakyMailer(ses) });
    const body = booking();
    await life.api.call("POST", "/api/bookings", body);
    ses.down = true;
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    expect(await mailsTo(body.email, /^In 1 hour/)).toHaveLength(0);
    ses.down = false;
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(body.email, /^In 1 hour/)).toHaveLength(1);
  });
});

describe("when the scheduler fails", () => {
  it("the booking stands and its timers are created once it recovers", async () => {
    const scheduler = { down: true };
    const life = await createLifecycle(NOW, {
      wrapTimers: (real: Timers): Timers => ({
        schedule: async (timers) => {
          if (scheduler.down) throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
          return real.schedule(timers);
        },
        cancel: (names) => real.cancel(names),
      }),
    });
    const booked = await life.api.call("POST", "/api/bookings", booking());
    expect(booked.status).toBe(201);
    expect(await life.timerNames()).toEqual([]);
    expect((await life.api.allItems()).find((i) => i.sk === "OUTBOX#timers-v1")).toMatchObject({ status: "failed", type: "timers" });
    scheduler.down = false;
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    expect(await life.timerNames()).toHaveLength(5);
  });
});

describe("unsubscribe and suppression", () => {
  it("one-click unsubscribe stops reminders and follow-ups, not invitations for new bookings", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    await life.api.call("POST", "/api/bookings", body);
    life.clock.set("2026-11-30T17:00:00Z");
    await life.runner.drain();
    expect(await mailsTo(body.email, /^Tomorrow/)).toHaveLength(1);
    const header = (await parsedSentMail(life, body.email, /^Tomorrow/)).headers.find((h) => h.key === "list-unsubscribe")!.value;
    const url = new URL(header.slice(1, -1));
    // What a mail client does (RFC 8058): POST "List-Unsubscribe=One-Click" to that URL.
    const done = await life.api.call("POST", `${url.pathname}${url.search}`, "List-Unsubscribe=One-Click", { "content-type": "application/x-www-form-urlencoded" });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ unsubscribed: true });
    life.clock.set("2026-12-01T16:00:00Z");
    await life.runner.drain();
    expect(await mailsTo(body.email, /^In 1 hour/)).toHaveLength(0);
    expect((await life.api.allItems()).find((i) => i.sk === "OUTBOX#reminder-60-v1")).toMatchObject({ status: "skipped", detail: "unsubscribe" });
    // A new booking's invitation is transactional: it still arrives.
    expect((await life.api.call("POST", "/api/bookings", { ...body, start: "2026-12-02T16:00:00Z" })).status).toBe(201);
    expect(await mailsTo(body.email, /^Confirmed/)).toHaveLength(2);
    expect((await life.api.call("POST", "/api/unsubscribe?token=forged.token")).status).toBe(403);
  });

  it("a hard bounce or a complaint from SES stops every e-mail to that address; a soft bounce does not", async () => {
    const life = await createLifecycle(NOW);
    const bounced = booking();
    const complained = booking();
    const soft = booking();
    const event = (eventType: string, detail: Record<string, unknown>) => ({ "detail-type": eventType === "Bounce" ? "Email Bounced" : "Email Complaint Received", source: "aws.ses", detail: { eventType, ...detail } });
    for (const [e, expected] of [
      [event("Bounce", { bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: bounced.email }] } }), { emails: [bounced.email], reason: "bounce" }],
      [event("Complaint", { complaint: { complainedRecipients: [{ emailAddress: complained.email }] } }), { emails: [complained.email], reason: "complaint" }],
      [event("Bounce", { bounce: { bounceType: "Transient", bouncedRecipients: [{ emailAddress: soft.email }] } }), undefined],
    ] as const) {
      const suppression = suppressionFrom(e as never);
      expect(suppression).toEqual(expected);
      if (suppression) await suppressFromMailEvent(life.api.deps, suppression.emails, suppression.reason);
    }
    for (const body of [bounced, complained, soft]) expect((await life.api.call("POST", "/api/bookings", { ...body, start: ["2026-12-01T17:00:00Z", "2026-12-01T17:30:00Z", "2026-12-02T16:00:00Z"][[bounced, complained, soft].indexOf(body)] })).status).toBe(201);
    expect(await mailsTo(bounced.email)).toHaveLength(0);
    expect(await mailsTo(complained.email)).toHaveLength(0);
    expect(await mailsTo(soft.email)).toHaveLength(1);
  });
});

describe("feedback", () => {
  it("takes a rating once; a low one alerts the rep as a complaint to handle", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    await life.api.call("POST", "/api/bookings", body);
    life.clock.set("2026-12-01T19:30:00Z");
    await life.runner.drain();
    const [request] = await mailsTo(body.email, /How was your demo/);
    const link = (request!.body.html ?? "").match(/href="([^"]*feedback\.html\?rating=2(?:&amp;lang=\w+)?#token=[^"&]+)"/)![1]!.replaceAll("&amp;", "&");
    const token = tokenOf(link);
    expect((await life.api.call("POST", "/api/feedback", { token, rating: 6 })).json.error.field).toBe("rating");
    const sent = await life.api.call("POST", "/api/feedback", { token, rating: 2, comment: "The sound kept dropping." });
    expect(sent.status).toBe(200);
    const alerts = (await mailsTo("maya.johnson@acme-analytics.example", /^Complaint to handle/)).filter((m) => m.body.text?.includes(body.email));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body.text).toContain("The sound kept dropping.");
    expect((await life.api.call("POST", "/api/feedback", { token, rating: 5 })).status).toBe(409);
  });

  it("a good rating is logged without alerting anyone", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    const booked = await life.api.call("POST", "/api/bookings", body);
    life.clock.set("2026-12-01T19:30:00Z");
    await life.runner.drain();
    const [request] = await mailsTo(body.email, /How was your demo/);
    const token = tokenOf((request!.body.html ?? "").match(/href="([^"]*feedback\.html[^"]*)"/)![1]!.replaceAll("&amp;", "&"));
    expect((await life.api.call("POST", "/api/feedback", { token, rating: 5 })).status).toBe(200);
    expect((await mailsTo("maya.johnson@acme-analytics.example", /^Complaint/)).filter((m) => m.body.text?.includes(body.email))).toHaveLength(0);
    const manage = tokenOf(booked.json.manageUrl);
    const timeline = await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${manage}`);
    expect(timeline.json.events.find((e: { kind: string }) => e.kind === "feedback").data).toEqual({ rating: 5 });
  });
});
