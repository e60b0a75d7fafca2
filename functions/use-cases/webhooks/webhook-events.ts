// Use case: which webhook event a change is — a new lead item, or one of the lead's log events (written in
// the same transaction as the change that caused it) — and its body, in the catalogue's shapes
// (validation/webhook-events.ts). Log events no webhook carries (mail sent, prompts…) map to nothing.

import type { Lead, LeadEvent } from "../../core/bookings/booking";
import type { WebhookEvent, WebhookLead } from "../../validation/webhook-events";

/** The lead log's event kinds some webhook event is made of (the stack's stream filter names them too). */
export const WEBHOOK_LEAD_EVENT_KINDS = ["booked", "rescheduled", "cancelled", "attended", "no_show", "call_attempt", "feedback", "converted", "unreachable", "registered", "promoted_from_waitlist"] as const;

/** A change the table's stream reported that may be a webhook event. */
export type WebhookSource = { kind: "lead-created"; lead: Lead } | { kind: "lead-event"; event: LeadEvent };

/** Unique per change and stable across redeliveries: with the endpoint, it makes the delivery's id. */
export function sourceKey(source: WebhookSource): string {
  if (source.kind === "lead-created") return `lead|${source.lead.id}`;
  const { leadId, at, kind, ref } = source.event;
  return `event|${leadId}|${at}|${kind}|${ref ?? ""}`;
}

/** When the change happened. */
export function sourceTime(source: WebhookSource): string {
  return source.kind === "lead-created" ? source.lead.createdAt : source.event.at;
}

export function webhookLead(lead: Lead): WebhookLead {
  const { name, email, phone, company } = lead.prospect;
  return { id: lead.id, name, email, ...(phone ? { phone } : {}), ...(company ? { company } : {}), timeZone: lead.timeZone };
}

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === "string" ? (data[key] as string) : undefined);
const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });

/** The event a change is, with `lead` as it is now; undefined when no webhook carries it. */
export function webhookEventOf(source: WebhookSource, lead: Lead): WebhookEvent | undefined {
  const person = webhookLead(lead);
  if (source.kind === "lead-created") {
    return { type: "lead.created", timestamp: lead.createdAt, data: { lead: person, offeringId: lead.offeringId, ...optional("source", sourceOf(lead)) } };
  }
  const { kind, at: timestamp, ref } = source.event;
  const data: Data = source.event.data ?? {};
  const bookingId = text(data, "bookingId");
  const sessionId = text(data, "sessionId");
  switch (kind) {
    case "booked":
      return { type: "booking.confirmed", timestamp, data: { lead: person, booking: { id: bookingId!, offeringId: text(data, "offeringId")!, repId: text(data, "repId")!, start: text(data, "start")! } } };
    case "rescheduled":
      return { type: "booking.rescheduled", timestamp, data: { lead: person, booking: { id: bookingId!, repId: text(data, "repId")!, start: text(data, "to")!, previousStart: text(data, "from")! } } };
    case "cancelled":
      return { type: "booking.cancelled", timestamp, data: { lead: person, booking: { id: bookingId! }, ...optional("reason", text(data, "reason")) } };
    case "attended":
      if (bookingId) return { type: "demo.attended", timestamp, data: { lead: person, booking: { id: bookingId }, ...optional("note", text(data, "note")) } };
      if (sessionId) return { type: "webinar.attended", timestamp, data: { lead: person, session: { id: sessionId }, minutes: Number(data.minutes ?? 0), stayed: data.stayed === true } };
      return undefined;
    case "no_show":
      // A webinar's no-show is not an event of the catalogue: only a demo's.
      return bookingId ? { type: "demo.no_show", timestamp, data: { lead: person, booking: { id: bookingId }, ...optional("note", text(data, "note")) } } : undefined;
    case "call_attempt":
      return {
        type: "call.logged",
        timestamp,
        data: { lead: person, call: { outcome: text(data, "outcome")!, ...optional("note", text(data, "note")), attempt: Number(data.attempt ?? 1), repId: text(data, "repId")! } },
      };
    case "feedback":
      return { type: "feedback.received", timestamp, data: { lead: person, rating: Number(data.rating), ...optional("comment", text(data, "comment")), subject: ref ?? "" } };
    case "converted":
      return { type: "lead.converted", timestamp, data: { lead: person } };
    case "unreachable":
      return { type: "lead.unreachable", timestamp, data: { lead: person, attempts: Number(data.attempts ?? 0) } };
    case "registered":
    case "promoted_from_waitlist":
      return {
        type: "webinar.registered",
        timestamp,
        data: { lead: person, session: { id: sessionId ?? ref ?? "" }, ...optional("registrationId", text(data, "registrationId")), ...optional("invitedBy", text(data, "invitedBy")) },
      };
    default:
      return undefined;
  }
}

function sourceOf(lead: Lead): Record<string, string> | undefined {
  if (!lead.source) return undefined;
  const entries = Object.entries(lead.source).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
