// Port: webinar sessions' seats, waitlists and registrations. Seats are counted atomically: a counter with
// a capacity condition and one seat item per address, in one transaction — a rush of registrations can
// never sell more seats than the session has, and one address holds one seat.

import type { Lead, LeadEvent } from "../core/bookings/booking";
import type { Language } from "../core/messages/catalogue";
import type { OutboxItem } from "../core/messages/outbox-items";
import type { ProtectionWrite } from "../core/access/protection";

export interface SessionState {
  sessionId: string;
  seatsTaken: number;
  /** Raised on every change of time (and on cancel): invitations' SEQUENCE, timers' staleness. */
  sequence: number;
  status: "scheduled" | "cancelled";
  /** Set when a host moved the session away from its configured time. */
  start?: number;
  end?: number;
  /** The sequence whose timers (reminders, host list, feedback) are already asked for. */
  timersSequence?: number;
}

export type MemberStatus = "confirmed" | "waitlisted" | "cancelled";

export interface RegistrationMember {
  email: string;
  name?: string;
  leadId: string;
  status: MemberStatus;
  /** This person's invitation UID (their own event, with themselves as the only attendee). */
  uid: string;
  /** Raised by a cancel of this member, so a later CANCEL outranks the REQUEST. */
  sequenceOffset: number;
  waitlistedAt?: string;
}

export interface Registration {
  id: string;
  sessionId: string;
  offeringId: string;
  timeZone: string;
  /** The language the group is written to in: the registrant's (from their form or browser); English when absent. */
  locale?: Language;
  /** The registrant is members[0]. */
  members: RegistrationMember[];
  version: number;
  createdAt: string;
}

export interface SeatHolder {
  sessionId: string;
  email: string;
  registrationId: string;
  status: "confirmed" | "waitlisted";
  waitlistedAt?: string;
}

export interface NewRegistration {
  registration: Registration;
  sessionCapacity: number;
  /**
   * The session's sequence the invitations were composed for (its time, their SEQUENCE): the write fails
   * with SessionFull when a host moved or cancelled the session since, so no invitation with an old time goes out.
   */
  expectedSequence: number;
  /** Seats the counter gains (the confirmed members). */
  seats: number;
  /** Set when this registration asks for the session's timers: recorded on the session so later ones don't. */
  timersSequence?: number;
  leads: Lead[];
  events: LeadEvent[];
  outbox: OutboxItem[];
  /** Abuse protection's items (a used solution, rate counters), written in the registration's transaction: a failed one is thrown as its refusal. */
  protection?: readonly ProtectionWrite[];
}

export interface MemberChange {
  registration: Registration;
  expectedVersion: number;
  /** Set when the change's invitations or cancellations carry the session's time: the write fails with SessionFull if it moved since. */
  expectedSequence?: number;
  /** Confirmed seats given back. */
  seatsFreed: number;
  /** Members whose seat items go (cancelled ones). */
  removed: RegistrationMember[];
  /** Colleagues added, seated (counted under the capacity) or waitlisted, with their new leads. */
  added?: { members: RegistrationMember[]; seats: number; capacity: number; leads: Lead[] };
  events: LeadEvent[];
  outbox: OutboxItem[];
  /** When the change is made (the use case's clock): the outbox items' time. */
  now: Date;
}

export interface SessionChange {
  sessionId: string;
  expectedSequence: number;
  state: SessionState;
  outbox: OutboxItem[];
  /** When the change is made (the use case's clock): the outbox items' time. */
  now: Date;
}

/** The session has not enough seats left for the confirmed members, was cancelled, or changed (moved) since it was read. */
export class SessionFull extends Error {
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} has no room`);
    this.name = "SessionFull";
  }
}

/** One of these addresses already holds a seat (confirmed or waitlisted) in the session. */
export class SeatAlreadyHeld extends Error {
  constructor(readonly emails: string[]) {
    super(`seat already held by ${emails.join(", ")}`);
    this.name = "SeatAlreadyHeld";
  }
}

export interface WebinarStore {
  sessionStates(sessionIds: readonly string[]): Promise<Map<string, SessionState>>;
  /** Who holds a seat (or a waitlist place) among these addresses. */
  seatHolders(sessionId: string, emails: readonly string[]): Promise<Map<string, SeatHolder>>;
  /** Every seat and waitlist place of the session; waitlisted ones in the order they came. */
  seats(sessionId: string): Promise<SeatHolder[]>;
  getRegistration(id: string): Promise<Registration | undefined>;
  register(write: NewRegistration): Promise<void>;
  changeMembers(write: MemberChange): Promise<void>;
  /**
   * Moves one waitlisted member to a seat if the session has room and is still at `expectedSequence` (its
   * invitation carries that version's time); false when it has no room, moved meanwhile, or they left.
   */
  promote(
    session: { id: string; capacity: number; expectedSequence: number },
    holder: SeatHolder,
    outbox: (registration: Registration, member: RegistrationMember) => OutboxItem[],
    now: Date,
  ): Promise<boolean>;
  changeSession(write: SessionChange): Promise<void>;
}
