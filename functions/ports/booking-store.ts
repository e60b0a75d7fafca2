// Port: where leads, bookings, slot locks, idempotency records and the mail outbox live. One adapter:
// DynamoDB (the real service in AWS, DynamoDB Local on a laptop and in tests).

import type { Booking, Interval, Lead } from "../core/booking";

/** An e-mail a booking owes someone; written with the booking, marked when SES accepted it. */
export interface OutboxMessage {
  /** Unique per booking, e.g. "invitation-prospect-0" (kind, recipient, SEQUENCE). */
  key: string;
  kind: "invitation";
  recipient: "prospect" | "rep";
}

export interface IdempotencyRecord {
  key: string;
  /** Hash of the validated request: the same key with another body is refused. */
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export interface NewBooking {
  booking: Booking;
  /** Lock cell instants for booking.repId, from core/slot-locks. */
  lockCells: number[];
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
  /** Busy intervals per rep over [from, to), from the lock cells. */
  listBusy(repIds: readonly string[], window: Interval): Promise<Map<string, Interval[]>>;
  /** The reps among `repIds` that hold any of these cells. */
  repsHoldingAnyCell(repIds: readonly string[], cells: readonly number[]): Promise<Set<string>>;
  /**
   * Writes the booking atomically. Throws SlotTaken when a cell is held, IdempotencyRecordExists when the
   * key was used concurrently, InvalidInput(contactRequestId) when the existing lead is unknown.
   */
  createBooking(input: NewBooking): Promise<void>;
  getBooking(id: string): Promise<Booking | undefined>;
  getIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined>;
  /** Marks sent or failed messages, all in one write. */
  recordMailOutcomes(outcomes: readonly MailOutcome[]): Promise<void>;
}
