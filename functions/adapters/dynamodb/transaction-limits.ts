// Storage: how many items the store's transactions write, against DynamoDB's limit of 100 items per
// TransactWriteItems. The counts follow what booking-store.dynamodb.ts and webinar-store.dynamodb.ts put
// in one transaction (test/adapters/dynamodb/transaction-limits.test.ts holds them to it); the config
// check reads them, so an offering whose transactions could not be written is refused at start instead of
// failing with a 5xx when someone books it.

import { LOCK_CELL_MINUTES, lockCells } from "../../core/availability/slot-locks";

/** A DynamoDB transaction takes at most 100 items. */
export const MAX_TRANSACTION_ITEMS = 100;

const MINUTE = 60_000;

/** What decides the size of a demo's transactions. */
export interface DemoTransactionShape {
  /** The meeting with its buffers: bufferBefore + duration + bufferAfter, in minutes. */
  blockedMinutes: number;
  /** Reps per demo: 1, or 2 for an offering with a second pool. */
  participants: number;
  /** The offering's maxColleagues: each gets their own invitation. */
  colleagues: number;
}

/**
 * The most lock cells one rep's demo claims: one per 5-minute cell it touches, and one more when it starts
 * off the cell grid (working hours may start at any minute).
 */
export function maxLockCells(blockedMinutes: number): number {
  const offGrid = MINUTE; // one minute past a cell boundary
  return lockCells({ start: offGrid, end: offGrid + blockedMinutes * MINUTE }).length;
}

/**
 * Items of createBooking: per rep its lock cells and its schedule entry; the booking, the lead (new or
 * updated), the address's claim on a new lead, the "booked" log event and the idempotency record; an
 * invitation to the prospect, each rep and each colleague; the timers item; abuse protection's items
 * (PROTECTION_ITEMS).
 */
export function demoBookingItems(demo: DemoTransactionShape): number {
  const perRep = maxLockCells(demo.blockedMinutes) + 1;
  const invitations = 1 + demo.participants + demo.colleagues;
  return demo.participants * perRep + 5 + invitations + 1 + PROTECTION_ITEMS;
}

/**
 * Abuse protection's items in a public booking's transaction (handlers/http/protection.ts): the solution's
 * used mark, the client's write counter, the address's colleagues counter, its answered mark, and its live
 * bookings item (which a reschedule and a cancel change too: LIVE_BOOKINGS_ITEM).
 */
export const PROTECTION_ITEMS = 5;
export const LIVE_BOOKINGS_ITEM = 1;

/**
 * Items of rescheduleBooking at its largest — the demo moves to other reps, far from its old time: per rep
 * the new rep's cells and schedule entry, the old rep's cells and schedule entry, the newcomer's invitation
 * and the leaver's cancellation; the booking and the "rescheduled" log event; the update to the prospect and
 * each colleague; the timers item; the address's live bookings. (A rep who keeps the demo writes fewer: no schedule release, one update.)
 */
export function demoRescheduleItems(demo: DemoTransactionShape): number {
  const perRep = 2 * (maxLockCells(demo.blockedMinutes) + 1) + 2;
  return demo.participants * perRep + 2 + (1 + demo.colleagues) + 1 + LIVE_BOOKINGS_ITEM;
}

/** Items of cancelBooking: per rep its cells and schedule entry; the booking and the log event; the cancellations; the timers item; the address's live bookings. */
export function demoCancelItems(demo: DemoTransactionShape): number {
  const perRep = maxLockCells(demo.blockedMinutes) + 1;
  return demo.participants * perRep + 2 + (1 + demo.participants + demo.colleagues) + 1 + LIVE_BOOKINGS_ITEM;
}

/** The largest transaction a demo offering of this shape writes (a reschedule, as it moves both cells and reps). */
export function demoTransactionItems(demo: DemoTransactionShape): number {
  return Math.max(demoBookingItems(demo), demoRescheduleItems(demo), demoCancelItems(demo));
}

/** The longest meeting with buffers (a multiple of the cell) whose transactions fit; 0 when none does. */
export function maxDemoBlockedMinutes(demo: Omit<DemoTransactionShape, "blockedMinutes">): number {
  let minutes = 0;
  while (demoTransactionItems({ ...demo, blockedMinutes: minutes + LOCK_CELL_MINUTES }) <= MAX_TRANSACTION_ITEMS) minutes += LOCK_CELL_MINUTES;
  return minutes;
}

/** The most colleagues a demo of this length fits (each adds one item to every transaction); negative when even none fit. */
export function maxDemoColleagues(demo: Omit<DemoTransactionShape, "colleagues">): number {
  return MAX_TRANSACTION_ITEMS - demoTransactionItems({ ...demo, colleagues: 0 });
}

/** A webinar registration writes, per person (registrant or colleague): the seat, the lead, the log event, the invitation. */
export const REGISTRATION_ITEMS_PER_PERSON = 4;
/**
 * …and once: the session's seat counter, the registration, the session's timers (first registration), and
 * abuse protection's items of a public registration (handlers/http/protection.ts: the solution's used mark,
 * the client's write counter, the address's colleagues counter).
 */
export const REGISTRATION_ITEMS_PER_REGISTRATION = 3 + 3;

/** Items of a webinar registration (or of adding this many people to one) for this many people. */
export function registrationItems(people: number): number {
  return people * REGISTRATION_ITEMS_PER_PERSON + REGISTRATION_ITEMS_PER_REGISTRATION;
}

/** The most colleagues a webinar registrant can bring so the registration fits one transaction. */
export const MAX_WEBINAR_COLLEAGUES = Math.floor((MAX_TRANSACTION_ITEMS - REGISTRATION_ITEMS_PER_REGISTRATION) / REGISTRATION_ITEMS_PER_PERSON) - 1;
