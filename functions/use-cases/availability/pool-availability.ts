// Use cases: what the core needs to know about a pool's time — each rep's demos (with buffers) and demos
// per day from their schedule item, plus their calendar feed's busy events — read in one batch, whatever
// the number of days. The feed's busy events are the copy stored in the same item by the scheduled refresh
// (refresh-calendar-feeds.ts): no request fetches or parses a feed. A public booking reads its address's live
// bookings (abuse protection's limit) in the same batch.

import type { Interval } from "../../core/bookings/booking";
import type { LiveBookings, RepSchedule } from "../../ports/booking-store";
import { calendarBusyOf } from "./calendar-feed-copies";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface PoolAvailability {
  busy: Map<string, Interval[]>;
  perDay: Map<string, Map<string, number>>;
  schedules: Map<string, RepSchedule>;
  /** The address's live bookings, when asked for (read in the same batch). */
  live?: LiveBookings;
}

/** A booking to leave out, as if it did not exist: a reschedule may move onto or next to its own time. */
export interface IgnoredBooking {
  id: string;
  repDays: Record<string, string>;
}

export async function loadPoolAvailability(deps: UseCaseDependencies, repIds: readonly string[], ignore?: IgnoredBooking, liveBookingsOf?: string): Promise<PoolAvailability> {
  const unique = [...new Set(repIds)];
  const { schedules, live } = liveBookingsOf ? await deps.store.readSchedulesAndLiveBookings(unique, liveBookingsOf) : { schedules: await deps.store.readSchedules(unique), live: undefined };
  const busy = new Map<string, Interval[]>();
  const perDay = new Map<string, Map<string, number>>();
  for (const repId of unique) {
    const schedule = schedules.get(repId)!;
    const demos = schedule.demos.filter((demo) => demo.bookingId !== ignore?.id);
    busy.set(repId, [...demos.map((demo) => demo.blocked), ...calendarBusyOf(deps.catalogue.rep(repId), schedule)]);
    perDay.set(repId, countsWithout(schedule.perDay, ignore?.repDays[repId]));
  }
  return { busy, perDay, schedules, ...(live ? { live } : {}) };
}

function countsWithout(perDay: Map<string, number>, ignoredDay: string | undefined): Map<string, number> {
  if (!ignoredDay) return perDay;
  return new Map([...perDay, [ignoredDay, Math.max(0, (perDay.get(ignoredDay) ?? 1) - 1)]]);
}
