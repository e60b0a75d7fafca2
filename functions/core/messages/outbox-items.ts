// Core: what a change owes the outside world — an e-mail or a text composed and waiting, timers to create or
// delete, a schedule entry to release, a session change to fan out, seats to hand on — as plain data,
// written with the change and performed after it (ports/outbox.ts stores them, use-cases perform them).

import type { ScheduledDemo } from "../bookings/booking";
import type { TimerSpec } from "../bookings/timer-plan";
import type { PlainEmail } from "./message-parts";
import type { ShortLink } from "./short-links";

export interface OutboxOwner {
  /** `digest`: a manager's weekly digest (id: the manager's rep id). */
  /** `text`: the answer to an inbound text from a number no lead is known by (id: the inbound message's id). */
  kind: "booking" | "lead" | "session" | "registration" | "digest" | "text";
  id: string;
}

interface OutboxBase {
  owner: OutboxOwner;
  /** Unique per owner and deterministic, so a retried cause enqueues nothing twice. */
  key: string;
}

export interface OutboxMail extends OutboxBase {
  type: "mail";
  from: string;
  to: string;
  /** The composed message (MIME), fixed when the cause happened. */
  raw: string;
  /** The short links its text shows: stored before it is sent, so none leads nowhere. */
  links?: ShortLink[];
  /** Reminders and follow-ups stop for an address that unsubscribed; invitations and rep mail do not. */
  category: "transactional" | "engagement";
  /** What the lead's log records once it is sent (e.g. invite_sent, reminder_sent). */
  logAs?: { leadId: string; kind: string; data?: Record<string, unknown> };
}

/**
 * A text (SMS) composed and waiting. It leaves only to a number not opted out, outside the recipient's quiet
 * hours (it waits for 08:00 theirs), and — a reminder — not after its deadline.
 */
export interface OutboxText extends OutboxBase {
  type: "text";
  /** E.164. */
  to: string;
  body: string;
  /** The recipient's zone, for quiet hours. */
  timeZone: string;
  /** "help": the answer to their own HELP or START, sent at once (they just wrote); the rest keep quiet hours. */
  category: "reminder" | "follow-up" | "help";
  /** Epoch ms: not sent after this (a reminder after its meeting began). */
  notAfter?: number;
  /** What the lead's log records once it is sent; the number remembers the lead, so a reply finds it. */
  logAs?: { leadId: string; kind: string; data?: Record<string, unknown> };
}

export interface OutboxTimers extends OutboxBase {
  type: "timers";
  schedule: TimerSpec[];
  cancel: string[];
}

/** A demo to drop from a rep's schedule (a reschedule cannot add and delete in one update). */
export interface OutboxRelease extends OutboxBase {
  type: "release";
  repId: string;
  demo: ScheduledDemo;
}

/** A session changed (moved or cancelled): every attendee's update is still to be enqueued. */
export interface OutboxBroadcast extends OutboxBase {
  type: "broadcast";
  sessionId: string;
  sequence: number;
  change: "update" | "cancel";
  reason?: string;
}

/** Seats were freed: move waitlisted people up while there is room. */
export interface OutboxPromote extends OutboxBase {
  type: "promote";
  sessionId: string;
}

/** What an outbox mail takes from a composed message: its recipient, the message itself and its short links. */
export function composedMail(email: PlainEmail): Pick<OutboxMail, "to" | "raw" | "links"> {
  return { to: email.to, raw: email.raw, links: email.links };
}

export type OutboxItem = OutboxMail | OutboxText | OutboxTimers | OutboxRelease | OutboxBroadcast | OutboxPromote;
