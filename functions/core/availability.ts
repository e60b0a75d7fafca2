// Core: which start times an offering can be booked at, and by which reps. Pure: reps' hours, their busy
// time and `now` come in; slots come out. Rules live in each rep's own zone (09:00–17:00 stays local across
// DST; a skipped local time is not offered, a repeated one is offered once); everything else is UTC.

import type { Interval } from "./booking";
import { mergeIntervals } from "./intervals";
import type { WeeklyHours } from "./working-hours";
import { DAY_MS, addDays, isoWeekday, localDateAt, zonedToUtc } from "./zoned-time";

const MINUTE = 60_000;

export interface AvailabilityRep {
  id: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
}

export interface SlotRules {
  durationMinutes: number;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
}

export interface SlotQuery {
  reps: readonly AvailabilityRep[];
  rules: SlotRules;
  /** Busy time per rep id (bookings, later calendar events); any order, may overlap. */
  busy: ReadonlyMap<string, readonly Interval[]>;
  /** Offer slots that start in [from, to). */
  from: number;
  to: number;
  now: number;
}

export interface Slot {
  start: number;
  end: number;
  /** The reps free for this slot, in the order of `reps`. */
  repIds: string[];
}

/** The earliest and latest start the rules allow, given `now`. */
export function bookableWindow(rules: SlotRules, now: number): Interval {
  return { start: now + rules.minimumNoticeMinutes * MINUTE, end: now + rules.horizonDays * DAY_MS };
}

/** Free slots in the query window, sorted by start. */
export function computeSlots(query: SlotQuery): Slot[] {
  const allowed = bookableWindow(query.rules, query.now);
  const from = Math.max(query.from, allowed.start);
  const to = Math.min(query.to, allowed.end + 1);
  if (from >= to) return [];
  const repsByStart = new Map<number, string[]>();
  for (const rep of query.reps) {
    const busy = mergeIntervals(query.busy.get(rep.id) ?? []);
    for (const start of freeStarts(rep, busy, query.rules, from, to)) {
      const reps = repsByStart.get(start);
      if (reps) reps.push(rep.id);
      else repsByStart.set(start, [rep.id]);
    }
  }
  const duration = query.rules.durationMinutes * MINUTE;
  return [...repsByStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, repIds]) => ({ start, end: start + duration, repIds }));
}

/** Starts in [from, to) on the rep's working grid that overlap none of the (merged, sorted) busy intervals. */
function freeStarts(rep: AvailabilityRep, busy: Interval[], rules: SlotRules, from: number, to: number): number[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const start of gridStarts(rep, rules, from, to)) {
    const end = start + rules.durationMinutes * MINUTE;
    while (cursor < busy.length && busy[cursor]!.end <= start) cursor++;
    const next = busy[cursor];
    if (next && next.start < end) continue;
    starts.push(start);
  }
  return starts;
}

/**
 * Every start time in [from, to), ascending, at which the rep's working hours hold the whole meeting:
 * stepping by the slot interval in local wall-clock time from the start of each working range.
 */
export function gridStarts(rep: AvailabilityRep, rules: SlotRules, from: number, to: number): number[] {
  const starts: number[] = [];
  const duration = rules.durationMinutes * MINUTE;
  // A day before and after: a local day overlapping the window may begin on the previous UTC date.
  const lastDate = addDays(localDateAt(rep.timeZone, to), 1);
  for (let date = addDays(localDateAt(rep.timeZone, from), -1); date <= lastDate; date = addDays(date, 1)) {
    for (const range of rep.weeklyHours[isoWeekday(date)] ?? []) {
      const rangeEnd = firstExistingInstant(rep.timeZone, date, range.endMinute);
      for (let minute = range.startMinute; minute + rules.durationMinutes <= range.endMinute; minute += rules.slotIntervalMinutes) {
        const start = zonedToUtc(rep.timeZone, date, minute);
        if (start === undefined || start < from || start >= to) continue;
        if (start + duration > rangeEnd) continue;
        if (starts.length > 0 && start <= starts[starts.length - 1]!) continue;
        starts.push(start);
      }
    }
  }
  return starts;
}

/** The instant of a local time, or of the first local time after it when it was skipped by DST. */
function firstExistingInstant(zone: string, date: string, minuteOfDay: number): number {
  for (let minute = minuteOfDay; ; minute += 5) {
    const instant = zonedToUtc(zone, date, minute);
    if (instant !== undefined) return instant;
  }
}
