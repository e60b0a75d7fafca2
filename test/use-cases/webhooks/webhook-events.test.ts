// The webhook event catalogue: every log event kind the stream filter names makes an event that passes its
// schema (the one the OpenAPI document publishes), and so does every documented example.
import { describe, expect, it } from "vitest";
import type { Lead, LeadEvent } from "../../../functions/core/bookings/booking";
import { sourceKey, WEBHOOK_LEAD_EVENT_KINDS, webhookEventOf } from "../../../functions/use-cases/webhooks/webhook-events";
import { WEBHOOK_EVENT_EXAMPLES, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from "../../../functions/validation/webhook-events";

const lead: Lead = {
  id: "lead-1",
  prospect: { name: "Ada Park", email: "ada@example.com", company: "Example Corp" },
  timeZone: "America/Chicago",
  offeringId: "live-demo",
  routing: {} as Lead["routing"],
  source: { utmSource: "google" },
  consentAt: "2026-12-07T15:04:05.000Z",
  createdAt: "2026-12-07T15:04:05.000Z",
};
const at = "2026-12-07T16:00:00.000Z";
const event = (kind: string, data: Record<string, unknown>, ref?: string): LeadEvent => ({ leadId: lead.id, at, kind, data, ...(ref ? { ref } : {}) });

/** A log event of each kind as the use cases write it, and the webhook event it makes. */
const CASES: [LeadEvent, string][] = [
  [event("booked", { bookingId: "b1", repId: "maya", start: "2026-12-08T17:00:00.000Z", offeringId: "live-demo" }, "b1"), "booking.confirmed"],
  [event("rescheduled", { bookingId: "b1", from: "2026-12-08T17:00:00.000Z", to: "2026-12-09T17:00:00.000Z", repId: "omar" }, "b1-v2"), "booking.rescheduled"],
  [event("cancelled", { bookingId: "b1", reason: "Travelling" }, "b1"), "booking.cancelled"],
  [event("attended", { bookingId: "b1", note: "Keen" }, "b1"), "demo.attended"],
  [event("no_show", { bookingId: "b1" }, "b1"), "demo.no_show"],
  [event("call_attempt", { outcome: "voicemail", attempt: 1, promptId: "p1", repId: "maya", note: "Left a message" }, "p1"), "call.logged"],
  [event("feedback", { rating: 4, comment: "Good" }, "b1"), "feedback.received"],
  [event("converted", {}, "p1"), "lead.converted"],
  [event("unreachable", { attempts: 3 }, "p1"), "lead.unreachable"],
  [event("registered", { sessionId: "s1", registrationId: "r1", invitedBy: "boss@example.com" }, "s1"), "webinar.registered"],
  [event("promoted_from_waitlist", { sessionId: "s1" }, "s1"), "webinar.registered"],
  [event("attended", { sessionId: "s1", minutes: 40, stayed: true }, "s1"), "webinar.attended"],
];

describe("webhook events", () => {
  it("map every log event kind the stream filter names, each passing its schema", () => {
    expect(new Set(CASES.map(([source]) => source.kind))).toEqual(new Set(WEBHOOK_LEAD_EVENT_KINDS));
    for (const [source, type] of CASES) {
      const made = webhookEventOf({ kind: "lead-event", event: source }, lead);
      expect(made?.type, source.kind).toBe(type);
      expect(made?.timestamp).toBe(at);
      const parsed = WEBHOOK_EVENTS[made!.type].schema.safeParse(made);
      expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const created = webhookEventOf({ kind: "lead-created", lead }, lead)!;
    expect(created).toEqual({ type: "lead.created", timestamp: lead.createdAt, data: { lead: { id: "lead-1", name: "Ada Park", email: "ada@example.com", company: "Example Corp", timeZone: "America/Chicago" }, offeringId: "live-demo", source: { utmSource: "google" } } });
    expect(WEBHOOK_EVENTS["lead.created"].schema.safeParse(created).success).toBe(true);
  });

  it("carry the call's outcome and note, and leave out what the catalogue does not name", () => {
    const call = webhookEventOf({ kind: "lead-event", event: CASES[5]![0] }, lead);
    expect(call?.data).toMatchObject({ call: { outcome: "voicemail", note: "Left a message", attempt: 1, repId: "maya" } });
    expect(webhookEventOf({ kind: "lead-event", event: event("no_show", { sessionId: "s1" }, "s1") }, lead)).toBeUndefined();
    expect(webhookEventOf({ kind: "lead-event", event: event("invite_sent", {}) }, lead)).toBeUndefined();
  });

  it("key each change apart and the same on every redelivery", () => {
    const keys = CASES.map(([source]) => sourceKey({ kind: "lead-event", event: source }));
    expect(new Set(keys).size).toBe(keys.length);
    expect(sourceKey({ kind: "lead-event", event: { ...CASES[0]![0] } })).toBe(keys[0]);
  });

  it("have a valid example for every type", () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(WEBHOOK_EVENT_EXAMPLES[type].type).toBe(type);
      expect(WEBHOOK_EVENTS[type].schema.safeParse(WEBHOOK_EVENT_EXAMPLES[type]).success, type).toBe(true);
    }
  });
});
