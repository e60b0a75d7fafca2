// Port: the outbox — side effects written in the same transaction as the state change that causes them
// (an e-mail composed and waiting, timers to create or delete, a schedule entry to release), performed
// right after, and retried by the sweep until done. A duplicate enqueue (same owner and key) is a no-op.

import type { TimerSpec } from "../core/timer-plan";
import type { ScheduledDemo } from "./booking-store";

export interface OutboxOwner {
  kind: "booking" | "lead" | "session" | "registration";
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
  /** Reminders and follow-ups stop for an address that unsubscribed; invitations and rep mail do not. */
  category: "transactional" | "engagement";
  /** What the lead's log records once it is sent (e.g. invite_sent, reminder_sent). */
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

export type OutboxItem = OutboxMail | OutboxTimers | OutboxRelease | OutboxBroadcast | OutboxPromote;

/** An item as stored: how often it was tried. */
export interface StoredOutboxItem {
  item: OutboxItem;
  attempts: number;
}

export type OutboxResult =
  | { status: "done"; messageId?: string }
  /** Not sent because the address is suppressed (bounce, complaint, unsubscribe): final. */
  | { status: "skipped"; reason: string }
  /** Refused for good (e.g. SES MessageRejected): final, logged. */
  | { status: "rejected"; error: string }
  | { status: "failed"; error: string; nextAttemptAt: Date };

export interface Outbox {
  /** Puts each item unless one with its owner and key exists; returns the ones it put. */
  enqueue(items: readonly OutboxItem[], now: Date): Promise<OutboxItem[]>;
  /** Items due at `now` (failed ones whose retry time came, pending ones past their grace time). */
  due(now: Date, limit: number): Promise<StoredOutboxItem[]>;
  /** Takes an item for `leaseMs` so a concurrent sweep leaves it alone; false when someone else has it. */
  claim(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean>;
  /** Records the results (and the log events of sent mail) in one write. */
  complete(results: readonly { item: OutboxItem; result: OutboxResult }[], now: Date): Promise<void>;
}
