// Port: where leads, bookings, slot locks, idempotency records and the mail outbox live. One adapter:
// DynamoDB (the real service in AWS, DynamoDB Local on a laptop and in tests).

import type { Booking, Interval, Lead } from "../core/booking";

/** An e-mail a booking owes someone; written with the booking, marked when SES accepted it. */
export interface OutboxMessage {
  /** Unique per booking, e.g. "invitation-prospect-0" (kind, recipient, SEQUENCE). */
  key: string;
  kind: "invitation";
  recipient: "prospect" | "rep" | "second-rep";
}

export interface IdempotencyRecord {
  key: string;
  /** Hash of the validated request: the same key with another body is refused. */
  requestHash: string;
  statusCode: number;
  response: unknown;
}

/** One demo in a rep's schedule: what availability and fair assignment read. */
export interface ScheduledDemo {
  bookingId: string;
  /** The meeting with its buffers. */
  blocked: Interval;
  /** When it was assigned (epoch ms): the fairness window counts these. */
  assignedAt: number;
  /** The rep's local date of the start: the daily cap counts these. */
  day: string;
}

/** The last good copy of a rep's calendar feed, expanded to busy intervals. */
export interface CachedFeed {
  /** Which feed this copy is of (a hash of its url or path): a changed feed is not served stale. */
  sourceKey: string;
  busy: Interval[];
  fetchedAt: number;
}

/** A rep's schedule item: demos (with buffers), demos per local day, last assignment, cached feed. */
export interface RepSchedule {
  repId: string;
  demos: ScheduledDemo[];
  perDay: Map<string, number>;
  lastAssignedAt?: number;
  feed?: CachedFeed;
}

/** What a booking writes into one participating rep's schedule. */
export interface ScheduleClaim {
  repId: string;
  demo: ScheduledDemo;
  /** Lock cell instants covering demo.blocked (core/slot-locks). */
  cells: number[];
  /** Refuse the booking if the rep already has this many demos that day. */
  dailyCap?: number;
  /** Entries old enough to drop from the schedule while we write it anyway. */
  prune: { demos: ScheduledDemo[]; days: string[] };
}

export interface NewBooking {
  booking: Booking;
  /** The rep, and for a two-pool offering the second participant. */
  claims: ScheduleClaim[];
  /** Present when the booking starts a new lead; absent when it books an existing contact request. */
  newLead?: Lead;
  outbox: OutboxMessage[];
  idempotency?: IdempotencyRecord;
}

export interface MailOutcome {
  bookingId: string;
  key: string;
  at: Date;
  /** Set when SES accepted the message. */
  messageId?: string;
  /** Set when sending failed; the message waits in the outbox until nextAttemptAt. */
  error?: string;
  nextAttemptAt?: Date;
}

/** A rep's lock cell or daily cap was taken by someone faster: try another rep. */
export class RepUnavailable extends Error {
  constructor(readonly repId: string) {
    super(`rep ${repId} is no longer free`);
    this.name = "RepUnavailable";
  }
}

/** Another request with the same Idempotency-Key committed first. */
export class IdempotencyRecordExists extends Error {
  constructor(readonly key: string) {
    super(`idempotency record ${key} exists`);
    this.name = "IdempotencyRecordExists";
  }
}

export interface BookingStore {
  saveLead(lead: Lead): Promise<void>;
  getLead(id: string): Promise<Lead | undefined>;
  /** The schedules of these reps (one read for up to 50 reps, whatever the date range). */
  readSchedules(repIds: readonly string[]): Promise<Map<string, RepSchedule>>;
  saveFeedCopy(repId: string, feed: CachedFeed): Promise<void>;
  /**
   * Writes the booking atomically. Throws RepUnavailable when a claimed cell or daily cap is taken,
   * IdempotencyRecordExists when the key was used concurrently, InvalidInput(contactRequestId) when the
   * existing lead is unknown.
   */
  createBooking(input: NewBooking): Promise<void>;
  getBooking(id: string): Promise<Booking | undefined>;
  getIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined>;
  /** Marks sent or failed messages, all in one write. */
  recordMailOutcomes(outcomes: readonly MailOutcome[]): Promise<void>;
}
