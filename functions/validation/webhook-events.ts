// Validation: the webhook event catalogue — every event a webhook endpoint can receive, as one zod/mini
// schema each: the types the deliverer builds (use-cases/webhooks/webhook-events.ts), the OpenAPI document's
// `webhooks` section and the tests' checks of what a receiver got all come from here. Version 1: a field
// may be added, none removed or changed in meaning without a new type name.

import * as z from "zod/mini";

/** The person the event is about, as the lead holds them when the change happened. */
const webhookLead = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  timeZone: z.string(),
});

const bookingRef = z.object({ id: z.string() });

function event<const T extends string, D extends z.ZodMiniType>(type: T, data: D, description: string) {
  return { description, schema: z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data }) };
}

export const WEBHOOK_EVENTS = {
  "lead.created": event(
    "lead.created",
    z.object({ lead: webhookLead, offeringId: z.string(), source: z.optional(z.record(z.string(), z.string())) }),
    "A person asked for the first time (a contact request, a booking or a webinar registration made their lead).",
  ),
  "booking.confirmed": event(
    "booking.confirmed",
    z.object({ lead: webhookLead, booking: z.object({ id: z.string(), offeringId: z.string(), repId: z.string(), start: z.iso.datetime() }) }),
    "A demo was booked.",
  ),
  "booking.rescheduled": event(
    "booking.rescheduled",
    z.object({ lead: webhookLead, booking: z.object({ id: z.string(), repId: z.string(), start: z.iso.datetime(), previousStart: z.iso.datetime() }) }),
    "A booked demo moved to another time (possibly another rep).",
  ),
  "booking.cancelled": event(
    "booking.cancelled",
    z.object({ lead: webhookLead, booking: bookingRef, reason: z.optional(z.string()) }),
    "A booked demo was cancelled.",
  ),
  "demo.attended": event("demo.attended", z.object({ lead: webhookLead, booking: bookingRef, note: z.optional(z.string()) }), "The rep recorded that the prospect attended the demo."),
  "demo.no_show": event("demo.no_show", z.object({ lead: webhookLead, booking: bookingRef, note: z.optional(z.string()) }), "The rep recorded that the prospect did not come to the demo."),
  "call.logged": event(
    "call.logged",
    z.object({
      lead: webhookLead,
      call: z.object({ outcome: z.string(), note: z.optional(z.string()), attempt: z.number(), repId: z.string() }),
    }),
    "A rep logged a call: its outcome (reached, voicemail, no_answer, converted, not_interested, wrong_number, wants_another_demo) and note.",
  ),
  "feedback.received": event(
    "feedback.received",
    z.object({ lead: webhookLead, rating: z.number(), comment: z.optional(z.string()), subject: z.string() }),
    "A prospect rated a demo or a webinar session (1–5). subject: the booking id, or w:<registrationId>:<index> for a webinar attendee.",
  ),
  "lead.converted": event("lead.converted", z.object({ lead: webhookLead }), "A rep logged the lead as converted."),
  "lead.unreachable": event("lead.unreachable", z.object({ lead: webhookLead, attempts: z.number() }), "The call cadence ended without reaching the person."),
  "webinar.registered": event(
    "webinar.registered",
    z.object({ lead: webhookLead, session: z.object({ id: z.string() }), registrationId: z.optional(z.string()), invitedBy: z.optional(z.string()) }),
    "A person got a seat at a webinar session, on registering or moved up from the waitlist (invitedBy: the registrant who brought them as a colleague).",
  ),
  "webinar.attended": event(
    "webinar.attended",
    z.object({ lead: webhookLead, session: z.object({ id: z.string() }), minutes: z.number(), stayed: z.boolean() }),
    "A host recorded that the person attended a webinar session (minutes present; stayed: engaged to the end).",
  ),
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];
export type WebhookEventOf<T extends WebhookEventType> = z.output<(typeof WEBHOOK_EVENTS)[T]["schema"]>;
export type WebhookEvent = { [T in WebhookEventType]: WebhookEventOf<T> }[WebhookEventType];
export type WebhookLead = z.output<typeof webhookLead>;

const exampleLead: WebhookLead = { id: "5b0f6f3e-8d1c-4c57-9a53-0e8f1b6e2a10", name: "Ada Park", email: "ada@example.com", phone: "+13125550142", company: "Example Corp", timeZone: "America/Chicago" };
const exampleBooking = "7d2c9a4e-3b61-4f0e-b8a5-1c2d3e4f5a6b";

/** One example per event: the README and the OpenAPI document show these, and a test checks each against its schema. */
export const WEBHOOK_EVENT_EXAMPLES: { [T in WebhookEventType]: WebhookEventOf<T> } = {
  "lead.created": { type: "lead.created", timestamp: "2026-12-07T15:04:05.000Z", data: { lead: exampleLead, offeringId: "product-demo", source: { utmSource: "google", utmCampaign: "winter" } } },
  "booking.confirmed": {
    type: "booking.confirmed",
    timestamp: "2026-12-07T15:06:00.000Z",
    data: { lead: exampleLead, booking: { id: exampleBooking, offeringId: "product-demo", repId: "alice", start: "2026-12-09T16:00:00.000Z" } },
  },
  "booking.rescheduled": {
    type: "booking.rescheduled",
    timestamp: "2026-12-08T09:30:00.000Z",
    data: { lead: exampleLead, booking: { id: exampleBooking, repId: "bob", start: "2026-12-10T17:00:00.000Z", previousStart: "2026-12-09T16:00:00.000Z" } },
  },
  "booking.cancelled": { type: "booking.cancelled", timestamp: "2026-12-08T10:00:00.000Z", data: { lead: exampleLead, booking: { id: exampleBooking }, reason: "Travelling that week" } },
  "demo.attended": { type: "demo.attended", timestamp: "2026-12-10T17:35:00.000Z", data: { lead: exampleLead, booking: { id: exampleBooking }, note: "Wants pricing for 40 seats" } },
  "demo.no_show": { type: "demo.no_show", timestamp: "2026-12-10T17:35:00.000Z", data: { lead: exampleLead, booking: { id: exampleBooking } } },
  "call.logged": { type: "call.logged", timestamp: "2026-12-10T18:02:00.000Z", data: { lead: exampleLead, call: { outcome: "voicemail", note: "Left a message", attempt: 1, repId: "bob" } } },
  "feedback.received": { type: "feedback.received", timestamp: "2026-12-10T19:40:00.000Z", data: { lead: exampleLead, rating: 5, comment: "Clear and to the point", subject: exampleBooking } },
  "lead.converted": { type: "lead.converted", timestamp: "2026-12-14T15:00:00.000Z", data: { lead: exampleLead } },
  "lead.unreachable": { type: "lead.unreachable", timestamp: "2026-12-14T15:00:00.000Z", data: { lead: exampleLead, attempts: 3 } },
  "webinar.registered": {
    type: "webinar.registered",
    timestamp: "2026-12-07T15:04:05.000Z",
    data: { lead: exampleLead, session: { id: "monthly-product-tour-2026-12-15" }, registrationId: "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b" },
  },
  "webinar.attended": { type: "webinar.attended", timestamp: "2026-12-15T17:05:00.000Z", data: { lead: exampleLead, session: { id: "monthly-product-tour-2026-12-15" }, minutes: 52, stayed: true } },
};
