// Use case: the prospect's manage link — view, reschedule, cancel. The link's token names the booking's
// version, so after any change the old link is refused (403). A change is one transaction: booking, lock
// cells, schedules, invitations (REQUEST with SEQUENCE + 1, or CANCEL), the timers of the old version
// deleted and the new ones created, the lead's log — then the outbox performs it.

import { textReminderPlan } from "../texts/texts";
import type { DemoOfferingConfig } from "../../config/liveline-config";
import { blockedInterval, type SlotRules } from "../../core/availability/availability";
import type { Booking, Interval } from "../../core/bookings/booking";
import { MANAGE_PURPOSE, manageSubject } from "../../core/bookings/booking-links";
import { bookingPageUrl } from "../../core/bookings/link-language";
import { ConflictError, Forbidden, InvalidInput, NotFound, SlotTaken } from "../../core/errors";
import { rankByFairness } from "../../core/availability/fair-assignment";
import { addressKey } from "../../core/access/protection";
import { verifyToken } from "../../core/access/signed-token";
import { lockCells } from "../../core/availability/slot-locks";
import { bookingTimerNames, bookingTimerPlan } from "../../core/bookings/timer-plan";
import { localDateAt } from "../../core/time/zoned-time";
import { BookingChanged, RepUnavailable, type ScheduleClaim, type ScheduledDemo } from "../../ports/booking-store";
import type { OutboxItem } from "../../ports/outbox";
import { confirmedBooking, type ConfirmedBooking } from "./confirmed-booking";
import { invitationMails } from "./booking-mail";
import { listSlots, type SlotListing } from "../availability/list-slots";
import { markAnswered } from "../messages/mail-budget";
import { freeSlotAt, repLoad } from "../availability/free-slot";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Someone changed the booking between reading and writing it (a second tab, a double click). */
export class BookingChangedMeanwhile extends ConflictError {
  readonly code = "booking_changed";
  constructor() {
    super("This booking was just changed elsewhere. Reload the page to see its current state.");
    this.name = "BookingChangedMeanwhile";
  }
}

/**
 * The booking the token is for, at the version it was issued for; else 403 (or 404 for no such booking).
 * With `viewCancelled`, the token of the version that was cancelled still shows the booking (read only), so
 * reopening the link after a cancel says "cancelled" rather than "expired".
 */
export async function authorizedBooking(deps: UseCaseDependencies, bookingId: string, token: string, options: { viewCancelled?: boolean } = {}): Promise<Booking> {
  const claims = verifyToken(token, deps.signingSecret, MANAGE_PURPOSE, deps.clock.now());
  if (!claims || !claims.subject.startsWith(`${bookingId}@`)) throw new Forbidden();
  const booking = await deps.store.getBooking(bookingId);
  if (!booking) throw new NotFound("There is no such booking.");
  if (claims.subject === manageSubject(booking.id, booking.version)) return booking;
  if (options.viewCancelled && booking.status === "cancelled" && claims.subject === manageSubject(booking.id, booking.version - 1)) return booking;
  throw new Forbidden("This link was replaced by a newer one after a change. Please use the link in your most recent e-mail from us.");
}

/** Whether the booking can still be moved: confirmed and further ahead than the offering's minimum notice. */
export function canChange(deps: UseCaseDependencies, booking: Booking): boolean {
  const offering = deps.catalogue.offering(booking.offeringId);
  return booking.status === "confirmed" && Date.parse(booking.start) > deps.clock.now().getTime() + offering.minimumNoticeMinutes * MINUTE;
}

export async function viewBooking(deps: UseCaseDependencies, bookingId: string, token: string): Promise<{ confirmed: ConfirmedBooking; canChange: boolean }> {
  const booking = await authorizedBooking(deps, bookingId, token, { viewCancelled: true });
  // The prospect opened the link from our e-mail: they answered.
  await markAnswered(deps, booking.prospect.email);
  return { confirmed: confirmedBooking(deps, booking), canChange: canChange(deps, booking) };
}

/** Free times to move to: the lead's routed pool, the booking's own time counted as free. */
export async function rescheduleSlots(deps: UseCaseDependencies, bookingId: string, token: string, query: { timeZone: string; from?: string; to?: string; allTimes?: boolean }): Promise<SlotListing> {
  const booking = await authorizedBooking(deps, bookingId, token);
  if (!canChange(deps, booking)) return { offering: deps.catalogue.offering(booking.offeringId), timeZone: query.timeZone, slots: [] };
  const pool = await routedPool(deps, booking);
  return listSlots(deps, { offeringId: booking.offeringId, timeZone: query.timeZone, from: query.from, to: query.to, pool, ignoreBooking: booking, allTimes: query.allTimes });
}

export async function rescheduleBooking(deps: UseCaseDependencies, bookingId: string, token: string, start: number): Promise<ConfirmedBooking> {
  const current = await authorizedBooking(deps, bookingId, token);
  if (!canChange(deps, current)) throw new InvalidInput("start", "can no longer be changed: the demo starts too soon or is over.", "too_late_to_change");
  if (start === Date.parse(current.start)) throw new InvalidInput("start", "is the demo's current time.", "same_time");
  const offering = deps.catalogue.offering(current.offeringId);
  const rules = deps.catalogue.rules(offering);
  const now = deps.clock.now();
  const { free, availability } = await freeSlotAt(deps, { offering, rules, pool: await routedPool(deps, current), start, now: now.getTime(), alsoRead: participantsOf(current), ignore: current });
  // The prospect keeps the rep they know when that rep is free; otherwise the fairest free one.
  const window = now.getTime() - offering.fairnessWindowDays * DAY;
  const ranked = (ids: readonly string[], keep?: string) => {
    const order = rankByFairness(ids.map((id) => repLoad(deps, availability.schedules.get(id)!, window)));
    return keep && order.includes(keep) ? [keep, ...order.filter((id) => id !== keep)] : order;
  };
  const primary = ranked(free.repIds, current.repId);
  const second = free.secondRepIds && ranked(free.secondRepIds, current.secondRepId);
  const excluded = new Set<string>();
  for (;;) {
    const repId = primary.find((id) => !excluded.has(id));
    const secondRepId = second?.find((id) => !excluded.has(id));
    if (!repId || (second && !secondRepId)) throw new SlotTaken();
    const next = movedBooking(deps, current, offering, rules, { start, repId, secondRepId });
    try {
      await writeReschedule(deps, current, next, offering, now);
      deps.log("info", "demo rescheduled", { bookingId, from: current.start, to: next.start, repId, version: next.version });
      return confirmedBooking(deps, next);
    } catch (error) {
      if (error instanceof RepUnavailable) {
        excluded.add(error.repId);
        continue;
      }
      if (error instanceof BookingChanged) throw new BookingChangedMeanwhile();
      throw error;
    }
  }
}

export async function cancelBooking(deps: UseCaseDependencies, bookingId: string, token: string, reason?: string): Promise<Booking> {
  const current = await authorizedBooking(deps, bookingId, token);
  if (current.status !== "confirmed") throw new Forbidden();
  const offering = deps.catalogue.offering(current.offeringId);
  const now = deps.clock.now();
  const cancelled: Booking = {
    ...current,
    status: "cancelled",
    version: current.version + 1,
    sequence: current.sequence + 1,
    cancelledAt: now.toISOString(),
    ...(reason ? { cancelReason: reason } : {}),
  };
  const outbox: OutboxItem[] = [
    ...invitationMails(deps, confirmedBooking(deps, cancelled), "cancel", now, { cancelReason: reason, rebookUrl: bookingPageUrl(deps.publicUrl, cancelled.prospect.locale) }),
    timersChange(current, offering, []),
  ];
  try {
    await deps.store.cancelBooking({
      booking: cancelled,
      expectedVersion: current.version,
      releases: participantsOf(current).map((repId) => ({ repId, demo: scheduledDemo(current, repId), cells: lockCells(blockedOf(current)) })),
      outbox,
      events: [{ leadId: current.leadId, at: now.toISOString(), kind: "cancelled", ref: current.id, data: { bookingId: current.id, ...(reason ? { reason } : {}) } }],
      now,
      // No longer one of the address's live bookings (abuse protection's limit per address).
      liveBooking: { addressKey: addressKey(current.prospect.email) },
    });
  } catch (error) {
    if (error instanceof BookingChanged) throw new BookingChangedMeanwhile();
    throw error;
  }
  deps.log("info", "demo cancelled", { bookingId, version: cancelled.version });
  return cancelled;
}

/** The reps the lead was routed to (for an old lead without routing, the offering's pool). */
async function routedPool(deps: UseCaseDependencies, booking: Booking): Promise<string[]> {
  const lead = await deps.store.getLead(booking.leadId);
  const offering = deps.catalogue.offering(booking.offeringId);
  return lead?.routing?.pool ?? deps.catalogue.poolIds(offering);
}

function movedBooking(deps: UseCaseDependencies, current: Booking, offering: DemoOfferingConfig, rules: SlotRules, to: { start: number; repId: string; secondRepId?: string }): Booking {
  const blocked = blockedInterval(rules, to.start);
  const participants = [to.repId, ...(to.secondRepId ? [to.secondRepId] : [])];
  const { secondRepId: _previousSecond, ...rest } = current;
  return {
    ...rest,
    repId: to.repId,
    ...(to.secondRepId ? { secondRepId: to.secondRepId } : {}),
    start: new Date(to.start).toISOString(),
    end: new Date(to.start + offering.durationMinutes * MINUTE).toISOString(),
    blocked: { start: new Date(blocked.start).toISOString(), end: new Date(blocked.end).toISOString() },
    repDays: Object.fromEntries(participants.map((id) => [id, localDateAt(deps.catalogue.rep(id).timeZone, to.start)])),
    joinUrl: deps.catalogue.joinUrl(offering, to.repId, current.id),
    version: current.version + 1,
    sequence: current.sequence + 1,
  };
}

/** Builds and writes the reschedule: the booking, the reps' schedules, and its mail and timers in the outbox. */
async function writeReschedule(deps: UseCaseDependencies, current: Booking, next: Booking, offering: DemoOfferingConfig, now: Date): Promise<void> {
  const before = new Set(participantsOf(current));
  const after = participantsOf(next);
  const oldCells = new Set(lockCells(blockedOf(current)));
  const newCells = lockCells(blockedOf(next));
  const claims: ScheduleClaim[] = after.map((repId) => {
    const stays = before.has(repId);
    const demo = scheduledDemo(next, repId);
    return {
      repId,
      demo,
      // A rep who keeps the demo already holds the cells it still covers.
      cells: stays ? newCells.filter((cell) => !oldCells.has(cell)) : newCells,
      dailyCap: deps.catalogue.rules(offering).dailyCapPerRep,
      // A rep who takes the demo over is assigned it now; one who keeps it is not assigned anything new.
      ...(stays ? {} : { lastAssignedAt: now.getTime() }),
      countsDay: !stays || current.repDays[repId] !== demo.day,
      moveFromDay: stays ? current.repDays[repId] : undefined,
      prune: { demos: [], days: [] },
    };
  });
  const keptCells = new Set(newCells);
  const releases = [...before].map((repId) =>
    after.includes(repId)
      ? { repId, cells: [...oldCells].filter((cell) => !keptCells.has(cell)) }
      : { repId, cells: [...oldCells], demo: scheduledDemo(current, repId) },
  );
  const confirmedNext = confirmedBooking(deps, next);
  const stayed = (recipient: "rep" | "second-rep") => (recipient === "rep" ? before.has(next.repId) : next.secondRepId !== undefined && before.has(next.secondRepId));
  const updates = invitationMails(deps, confirmedNext, "update", now, { recipients: ["prospect", ...(["rep", "second-rep"] as const).filter((r) => (r === "rep" || next.secondRepId) && stayed(r))], colleagues: true });
  const newcomers = invitationMails(deps, confirmedNext, "new", now, { recipients: (["rep", "second-rep"] as const).filter((r) => (r === "rep" || next.secondRepId) && !stayed(r)) });
  const leavers = [...before].filter((repId) => !after.includes(repId));
  const goodbyes = leavers.flatMap((repId) => {
    const asBefore = confirmedBooking(deps, { ...current, version: next.version, sequence: next.sequence });
    const recipient = repId === current.repId ? ("rep" as const) : ("second-rep" as const);
    return invitationMails(deps, asBefore, "cancel", now, { recipients: [recipient] }).map((mail) => ({ ...mail, key: `${mail.key}-left` }));
  });
  const outbox: OutboxItem[] = [
    ...updates,
    ...newcomers,
    ...goodbyes,
    timersChange(current, offering, bookingTimerPlan({ id: next.id, start: Date.parse(next.start), end: Date.parse(next.end), version: next.version }, offering.lifecycle, now.getTime(), { timeZone: next.timeZone, hours: deps.catalogue.callingHours(offering.id) }, textReminderPlan(deps, next))),
    // The old schedule entry of a rep who keeps the demo (DynamoDB cannot add and delete it in one update).
    ...after.filter((repId) => before.has(repId)).map((repId) => ({ type: "release" as const, owner: { kind: "booking" as const, id: next.id }, key: `release-${repId}-v${current.version}`, repId, demo: scheduledDemo(current, repId) })),
  ];
  await deps.store.rescheduleBooking({
    booking: next,
    expectedVersion: current.version,
    claims,
    releases,
    outbox,
    events: [{ leadId: current.leadId, at: now.toISOString(), kind: "rescheduled", ref: `${current.id}-v${next.version}`, data: { bookingId: current.id, from: current.start, to: next.start, repId: next.repId } }],
    now,
    // Live until its new end (abuse protection's limit per address).
    liveBooking: { addressKey: addressKey(current.prospect.email), end: Date.parse(next.end) },
  });
}

/** Deletes the old version's timers and creates the new ones (none for a cancel). */
function timersChange(current: Booking, offering: DemoOfferingConfig, schedule: ReturnType<typeof bookingTimerPlan>): OutboxItem {
  return {
    type: "timers",
    owner: { kind: "booking", id: current.id },
    key: `timers-v${current.version + 1}`,
    schedule,
    cancel: bookingTimerNames(current.id, current.version, offering.lifecycle, current.textReminder),
  };
}

function participantsOf(booking: Booking): string[] {
  return [booking.repId, ...(booking.secondRepId ? [booking.secondRepId] : [])];
}

function blockedOf(booking: Booking): Interval {
  return { start: Date.parse(booking.blocked.start), end: Date.parse(booking.blocked.end) };
}

/** The schedule entry the booking wrote for this rep (assigned when first booked, so fairness is unchanged). */
function scheduledDemo(booking: Booking, repId: string): ScheduledDemo {
  return { bookingId: booking.id, blocked: blockedOf(booking), assignedAt: Date.parse(booking.createdAt), day: booking.repDays[repId]! };
}
