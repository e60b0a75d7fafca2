// Core: which start times an offering can be booked at, and by which reps. Pure: reps' hours, their busy
// time and `now` come in; slots come out. Rules live in each rep's own zone (09:00–17:00 stays local across
// DST; a skipped local time is not offered, a repeated one is offered once; days off and daily caps count
// local days); everything else is UTC. A slot is offered when at least one rep of the pool — and, for a
// two-pool offering, one of the second pool too — is free for the meeting and its buffers.

import type { Interval } from "../bookings/booking";
import { mergeIntervals } from "../time/intervals";
import type { WeeklyHours } from "./working-hours";
import { DAY_MS, isoDateOf, localDateAt, localDateMs, offsetsAround, wallTimeToUtc } from "../time/zoned-time";

const MINUTE = 60_000;

export interface AvailabilityRep {
  id: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Local dates ("YYYY-MM-DD", rep's zone) the rep is off. */
  daysOff?: ReadonlySet<string>;
}

export interface SlotRules {
  durationMinutes: number;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  /** At most this many demos per rep per local day. */
  dailyCapPerRep?: number;
}

export interface SlotQuery {
  reps: readonly AvailabilityRep[];
  /** A second required pool: each slot also needs one of these free. */
  secondReps?: readonly AvailabilityRep[];
  rules: SlotRules;
  /** Blocked time per rep id (bookings with their buffers, calendar events); any order, may overlap. */
  busy: ReadonlyMap<string, readonly Interval[]>;
  /** Demos per rep per local date, for the daily cap. */
  bookingsPerDay?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Offer slots that start in [from, to). */
  from: number;
  to: number;
  now: number;
}

export interface Slot {
  start: number;
  end: number;
  /** The reps free for this slot (in no particular order: assignment ranks them). */
  repIds: string[];
  /** For a two-pool offering: the free reps of the second pool. */
  secondRepIds?: string[];
}

/** The earliest and latest start the rules allow, given `now`. */
export function bookableWindow(rules: SlotRules, now: number): Interval {
  return { start: now + rules.minimumNoticeMinutes * MINUTE, end: now + rules.horizonDays * DAY_MS };
}

/** The time a meeting at `start` keeps free: the meeting and its buffers. */
export function blockedInterval(rules: SlotRules, start: number): Interval {
  return {
    start: start - (rules.bufferBeforeMinutes ?? 0) * MINUTE,
    end: start + (rules.durationMinutes + (rules.bufferAfterMinutes ?? 0)) * MINUTE,
  };
}

/** Free slots in the query window, sorted by start, each with its free reps (what booking needs). */
export function computeSlots(query: SlotQuery): Slot[] {
  const window = queryWindow(query);
  if (!window) return [];
  const primary = freeRepsByStart(query, query.reps, window);
  const second = query.secondReps ? freeRepsByStart(query, query.secondReps, window) : undefined;
  const duration = query.rules.durationMinutes * MINUTE;
  const slots: Slot[] = [];
  for (const [start, repIds] of primary) {
    if (!second) {
      slots.push({ start, end: start + duration, repIds });
      continue;
    }
    const secondRepIds = second.get(start);
    if (secondRepIds) slots.push({ start, end: start + duration, repIds, secondRepIds });
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** The starts of the free slots only, sorted — what a listing shows; no per-rep bookkeeping. */
export function computeSlotStarts(query: SlotQuery): number[] {
  const window = queryWindow(query);
  if (!window) return [];
  const primary = freeStartsOfPool(query, query.reps, window);
  if (!query.secondReps) return [...primary].sort((a, b) => a - b);
  const second = freeStartsOfPool(query, query.secondReps, window);
  return [...primary].filter((start) => second.has(start)).sort((a, b) => a - b);
}

/** The query's window cut to what notice and horizon allow; undefined when nothing is left. */
function queryWindow(query: SlotQuery): Interval | undefined {
  const allowed = bookableWindow(query.rules, query.now);
  const from = Math.max(query.from, allowed.start);
  const to = Math.min(query.to, allowed.end + 1);
  return from < to ? { start: from, end: to } : undefined;
}

/** A working grid shared by reps in one zone with the same hours and days off, as parallel arrays. */
interface Grid {
  starts: number[];
  dates: string[];
}

/** Each distinct grid once per call, and for each rep the grid it walks. */
function gridsFor(reps: readonly AvailabilityRep[], rules: SlotRules, window: Interval): Map<Grid, AvailabilityRep[]> {
  const byKey = new Map<string, Grid>();
  const repsByGrid = new Map<Grid, AvailabilityRep[]>();
  for (const rep of reps) {
    const key = gridKey(rep);
    let grid = byKey.get(key);
    if (!grid) {
      const starts = gridStarts(rep, rules, window.start, window.end);
      byKey.set(key, (grid = { starts: starts.map((g) => g.start), dates: starts.map((g) => g.date) }));
      repsByGrid.set(grid, []);
    }
    repsByGrid.get(grid)!.push(rep);
  }
  return repsByGrid;
}

function freeRepsByStart(query: SlotQuery, reps: readonly AvailabilityRep[], window: Interval): Map<number, string[]> {
  // Free reps are gathered per grid position, so the map is touched once per position, not per rep.
  const byStart = new Map<number, string[]>();
  for (const [grid, gridReps] of gridsFor(reps, query.rules, window)) {
    const repsAt: (string[] | undefined)[] = new Array(grid.starts.length);
    for (const rep of gridReps) forEachFreePosition(rep, grid, query, (position) => (repsAt[position] ??= []).push(rep.id));
    repsAt.forEach((ids, position) => {
      if (!ids) return;
      const start = grid.starts[position]!;
      const existing = byStart.get(start);
      if (existing) existing.push(...ids);
      else byStart.set(start, ids);
    });
  }
  return byStart;
}

function freeStartsOfPool(query: SlotQuery, reps: readonly AvailabilityRep[], window: Interval): Set<number> {
  const starts = new Set<number>();
  for (const [grid, gridReps] of gridsFor(reps, query.rules, window)) {
    const free = new Uint8Array(grid.starts.length);
    for (const rep of gridReps) forEachFreePosition(rep, grid, query, (position) => (free[position] = 1));
    free.forEach((isFree, position) => isFree && starts.add(grid.starts[position]!));
  }
  return starts;
}

const hoursKeys = new WeakMap<object, string>();

function gridKey(rep: AvailabilityRep): string {
  let hours = hoursKeys.get(rep.weeklyHours);
  if (hours === undefined) hoursKeys.set(rep.weeklyHours, (hours = JSON.stringify(rep.weeklyHours)));
  let off = rep.daysOff ? hoursKeys.get(rep.daysOff) : "";
  if (off === undefined) hoursKeys.set(rep.daysOff!, (off = [...rep.daysOff!].sort().join(",")));
  return `${rep.timeZone}|${hours}|${off}`;
}

/** Calls `visit` for each grid position whose meeting and buffers overlap none of the rep's busy time, under the cap. */
function forEachFreePosition(rep: AvailabilityRep, grid: Grid, query: SlotQuery, visit: (position: number) => void): void {
  const busy = mergeIntervals(query.busy.get(rep.id) ?? []);
  const perDay = query.bookingsPerDay?.get(rep.id);
  const cap = query.rules.dailyCapPerRep;
  const capped = cap !== undefined && perDay !== undefined && perDay.size > 0;
  const before = (query.rules.bufferBeforeMinutes ?? 0) * MINUTE;
  const after = (query.rules.durationMinutes + (query.rules.bufferAfterMinutes ?? 0)) * MINUTE;
  const { starts, dates } = grid;
  let cursor = 0;
  for (let position = 0; position < starts.length; position++) {
    const start = starts[position]!;
    if (capped && (perDay.get(dates[position]!) ?? 0) >= cap) continue;
    const blockedStart = start - before;
    while (cursor < busy.length && busy[cursor]!.end <= blockedStart) cursor++;
    if (cursor < busy.length && busy[cursor]!.start < start + after) continue;
    visit(position);
  }
}

export interface GridStart {
  start: number;
  /** The rep's local date of the start. */
  date: string;
}

/**
 * Every start time in [from, to), ascending, at which the rep's working hours hold the whole meeting on a
 * day the rep is not off: stepping by the slot interval in local wall-clock time from each range's start.
 */
export function gridStarts(rep: AvailabilityRep, rules: SlotRules, from: number, to: number): GridStart[] {
  const starts: GridStart[] = [];
  const duration = rules.durationMinutes * MINUTE;
  const step = rules.slotIntervalMinutes * MINUTE;
  const zone = rep.timeZone;
  // A day before and after: a local day overlapping the window may begin on the previous UTC date.
  const firstDay = localDateMs(localDateAt(zone, from)) - DAY_MS;
  const lastDay = localDateMs(localDateAt(zone, to)) + DAY_MS;
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const ranges = rep.weeklyHours[weekdayOf(day)];
    if (!ranges || ranges.length === 0) continue;
    const date = isoDateOf(day);
    if (rep.daysOff?.has(date)) continue;
    const { before, after } = offsetsAround(zone, day);
    for (const range of ranges) {
      const lastStartMinute = range.endMinute - rules.durationMinutes;
      if (before === after) {
        // No change this day: plain arithmetic, the hot path.
        const rangeEnd = day + range.endMinute * MINUTE - before;
        for (let start = day + range.startMinute * MINUTE - before; start <= rangeEnd - duration; start += step) {
          if (start < from || start >= to) continue;
          if (starts.length > 0 && start <= starts[starts.length - 1]!.start) continue;
          starts.push({ start, date });
        }
        continue;
      }
      const rangeEnd = firstExistingInstant(zone, day, range.endMinute);
      for (let minute = range.startMinute; minute <= lastStartMinute; minute += rules.slotIntervalMinutes) {
        const start = wallTimeToUtc(zone, day, minute);
        if (start === undefined || start < from || start >= to) continue;
        if (start + duration > rangeEnd) continue;
        if (starts.length > 0 && start <= starts[starts.length - 1]!.start) continue;
        starts.push({ start, date });
      }
    }
  }
  return starts;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a local day given as midnight-as-if-UTC. */
function weekdayOf(dayMs: number): number {
  const day = new Date(dayMs).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of a local time, or of the first local time after it when it was skipped by DST. */
function firstExistingInstant(zone: string, dayMs: number, minuteOfDay: number): number {
  for (let minute = minuteOfDay; ; minute += 5) {
    const instant = wallTimeToUtc(zone, dayMs, minute);
    if (instant !== undefined) return instant;
  }
}
