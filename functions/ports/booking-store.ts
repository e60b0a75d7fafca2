// Port: where leads, bookings, slot locks, idempotency records and the mail outbox live. One adapter:
// DynamoDB (the real service in AWS, DynamoDB Local on a laptop and in tests).

import type { Booking, Interval, Lead, LeadEvent, ScheduledDemo, SmsConsent } from "../core/bookings/booking";
import type { OutboxItem } from "../core/messages/outbox-items";
import type { ProtectionWrite } from "../core/access/protection";

export interface IdempotencyRecord {
  key: string;
  /** Hash of the validated request: the same key with another body is refused. */
  requestHash: string;
  /** The first request's answer (its body: a booking is answered 201 either way). */
  response: unknown;
}

export type { ScheduledDemo };

/** The last good copy of a rep's calendar feed, expanded to busy intervals. */
export interface CachedFeed {
  /** Which feed this copy is of (a hash of its url or path): a changed feed is not served stale. */
  sourceKey: string;
  busy: Interval[];
  fetchedAt: number;
}

/** The last failed attempt to read a rep's feed, kept beside (never instead of) the last good copy. */
export interface FeedFailure {
  /** Which feed failed: a changed feed is tried at once. */
  sourceKey: string;
  failedAt: number;
}

/** A rep's schedule item: demos (with buffers), demos per local day, last assignment, cached feed. */
export interface RepSchedule {
  repId: string;
  demos: ScheduledDemo[];
  perDay: Map<string, number>;
  lastAssignedAt?: number;
  feed?: CachedFeed;
  feedFailure?: FeedFailure;
}

/** What a booking writes into one participating rep's schedule. */
export interface ScheduleClaim {
  repId: string;
  demo: ScheduledDemo;
  /** Lock cell instants covering demo.blocked (core/availability/slot-locks). */
  cells: number[];
  /** Refuse the booking if the rep already has this many demos that day. */
  dailyCap?: number;
  /**
   * Recorded as the rep's latest assignment (fair assignment's tie-break): the moment the rep got the demo.
   * Absent when the rep already had it (a reschedule that keeps the rep is no new assignment).
   */
  lastAssignedAt?: number;
  /** False when a reschedule keeps the demo on the rep's same day: it moves, the day's count stays. */
  countsDay?: boolean;
  /** A reschedule that moves the rep's demo to another day takes one off this day's count. */
  moveFromDay?: string;
  /** Entries old enough to drop from the schedule while we write it anyway. */
  prune: { demos: ScheduledDemo[]; days: string[] };
}

export interface NewBooking {
  booking: Booking;
  /** The rep, and for a two-pool offering the second participant. */
  claims: ScheduleClaim[];
  /** The person's lead (new, or theirs already: brought up to date); absent when it books a contact request by its id. */
  lead?: Lead;
  /** Booking a contact request by its id with the "Text me reminders" box ticked: the consent its lead keeps from now. */
  leadSmsConsent?: SmsConsent;
  /**
   * The lead is new: the transaction also makes it the address's one lead (so a first booking needs no
   * earlier write). When the address has another lead already, the write fails with PersonHasLead.
   */
  claimPerson?: { email: string };
  /** The invitations and the booking's timers, performed off the request path (the outbox function) and retried until done. */
  outbox: OutboxItem[];
  idempotency?: IdempotencyRecord;
  /** Abuse protection's items (a used solution, rate counters, the answered mark): a failed one is thrown as its refusal. */
  protection?: readonly ProtectionWrite[];
  /**
   * The booking joins its address's live bookings (abuse protection's limit per address), written only if
   * they are still as read (`revision`; else LiveBookingsChanged), dropping the ones over by now.
   */
  liveBooking?: { addressKey: string; end: number; revision: number; drop: readonly string[] };
}

/**
 * The bookings of one address (by its key) that were confirmed and not over when last written: their ends
 * (epoch ms) by booking id, and the revision a new booking's write is conditioned on.
 */
export interface LiveBookings {
  ends: Map<string, number>;
  revision: number;
}

/** A booking's change to its address's live bookings: its new end, or none (cancelled). */
export interface LiveBookingChange {
  addressKey: string;
  end?: number;
}

/** A rep's lock cells to free and schedule entry to drop, for a cancel or a reschedule away from them. */
export interface ScheduleRelease {
  repId: string;
  demo: ScheduledDemo;
  cells: number[];
}

export interface CancelBooking {
  /** The booking as it will be: status cancelled, version and sequence raised. */
  booking: Booking;
  expectedVersion: number;
  releases: ScheduleRelease[];
  outbox: OutboxItem[];
  events: LeadEvent[];
  /** When the change is made (the use case's clock): the outbox items' time. */
  now: Date;
  liveBooking?: LiveBookingChange;
}

export interface RescheduleBooking {
  /** The booking at its new time (version and sequence raised). */
  booking: Booking;
  expectedVersion: number;
  /** New claims: for a rep that keeps the demo, only the cells it did not hold and no day counted twice. */
  claims: ScheduleClaim[];
  /** Reps the demo leaves (or, for a rep that keeps it, the cells it no longer needs: demo absent). */
  releases: (Omit<ScheduleRelease, "demo"> & { demo?: ScheduledDemo })[];
  outbox: OutboxItem[];
  events: LeadEvent[];
  /** When the change is made (the use case's clock): the outbox items' time. */
  now: Date;
  liveBooking?: LiveBookingChange;
}

/** Someone changed the booking since it was read (another reschedule or cancel). */
export class BookingChanged extends Error {
  constructor(readonly bookingId: string) {
    super(`booking ${bookingId} changed meanwhile`);
    this.name = "BookingChanged";
  }
}

/** A rep's lock cell or daily cap was taken by someone faster: try another rep. */
export class RepUnavailable extends Error {
  constructor(readonly repId: string) {
    super(`rep ${repId} is no longer free`);
    this.name = "RepUnavailable";
  }
}

/** The address already has a lead (another request of the same person was first): book onto that one. */
export class PersonHasLead extends Error {
  constructor() {
    super("the address has a lead already");
    this.name = "PersonHasLead";
  }
}

/** The lead a booking names (its contact request) does not exist. */
export class LeadMissing extends Error {
  constructor() {
    super("no lead has this id");
    this.name = "LeadMissing";
  }
}

/** Another booking of the same address was written since its live bookings were read: read them again. */
export class LiveBookingsChanged extends Error {
  constructor() {
    super("the address's live bookings changed since they were read");
    this.name = "LiveBookingsChanged";
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
  /**
   * The lead id of this e-mail address (case-insensitive): the one it has, else `candidateId`, which it now
   * has. One atomic write, so requests racing for a new address all get the same id.
   */
  claimLeadId(email: string, candidateId: string): Promise<string>;
  /**
   * Stores the lead — new, or the person's lead again with the request's details and open again — with its
   * "requested" event at `requestedAt` (default: the lead's createdAt) and outbox items (e.g. the call-back timer). Answers the outbox
   * items it enqueued: none when they were there already (the same request again).
   */
  saveLead(lead: Lead, outbox: readonly OutboxItem[], requestedAt?: string): Promise<OutboxItem[]>;
  getLead(id: string): Promise<Lead | undefined>;
  /** The schedules of these reps (one read for up to 50 reps, whatever the date range). */
  readSchedules(repIds: readonly string[]): Promise<Map<string, RepSchedule>>;
  /** The reps' schedules and, in the same batch read, the live bookings of an address (by its key). */
  readSchedulesAndLiveBookings(repIds: readonly string[], addressKey: string): Promise<{ schedules: Map<string, RepSchedule>; live: LiveBookings }>;
  /** Keeps a good copy and forgets any earlier failure. */
  saveFeedCopy(repId: string, feed: CachedFeed): Promise<void>;
  /** Notes a failed attempt (one write), leaving the last good copy as it is. */
  saveFeedFailure(repId: string, failure: FeedFailure): Promise<void>;
  /**
   * Writes the booking atomically. Throws RepUnavailable when a claimed cell or daily cap is taken,
   * IdempotencyRecordExists when the key was used concurrently, InvalidInput(contactRequestId) when the
   * existing lead is unknown.
   */
  createBooking(input: NewBooking): Promise<void>;
  getBooking(id: string): Promise<Booking | undefined>;
  getIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined>;
  /** One transaction; throws BookingChanged when the version moved on. */
  cancelBooking(change: CancelBooking): Promise<void>;
  /** One transaction; throws BookingChanged, or RepUnavailable when a new cell or cap is taken. */
  rescheduleBooking(change: RescheduleBooking): Promise<void>;
  /** Drops one demo from a rep's schedule (the day's count is the caller's); idempotent. */
  releaseScheduleEntry(repId: string, demo: ScheduledDemo): Promise<void>;
}
