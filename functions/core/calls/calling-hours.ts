// Core: when a rep may be asked to call a lead — inside the lead's calling hours (by default 09:00–19:00,
// Monday to Friday, in the lead's own zone; US telemarketing rules forbid calls before 8 a.m. or after
// 9 p.m. local time). Every call-back (after a demo or a webinar, speed to lead, cadence retries) is due
// at the first moment inside those hours, never at 2 a.m. theirs. Pure: the instant and zone come in.

import { parseMinuteRange, toWeeklyHours, type MinuteRange, type Weekday, type WeeklyHours } from "../availability/working-hours";
import { addDays, cachedOffsetAt, isoWeekday, localDateAt, localDateMs, wallTimeToUtc } from "../time/zoned-time";

const MINUTE = 60_000;

/** The default calling hours, as written in config. */
export const DEFAULT_CALLING_HOURS: Readonly<Partial<Record<Weekday, string[]>>> = {
  mon: ["09:00-19:00"],
  tue: ["09:00-19:00"],
  wed: ["09:00-19:00"],
  thu: ["09:00-19:00"],
  fri: ["09:00-19:00"],
};

export const DEFAULT_WEEKLY_CALLING_HOURS: WeeklyHours = toWeeklyHours(DEFAULT_CALLING_HOURS);

/** The minute of the local day (0–1439) and the local date at an instant in `zone`. */
export function localMinuteAt(zone: string, instant: number): { date: string; minute: number } {
  const wall = instant + cachedOffsetAt(zone, instant);
  const date = localDateAt(zone, instant);
  return { date, minute: Math.floor((wall - localDateMs(date)) / MINUTE) };
}

/** True when the instant is inside the calling hours, read in `zone`. */
export function insideCallingHours(instant: number, zone: string, hours: WeeklyHours): boolean {
  const { date, minute } = localMinuteAt(zone, instant);
  return (hours[isoWeekday(date)] ?? []).some((range) => minute >= range.startMinute && minute < range.endMinute);
}

/**
 * The first instant at or after `instant` inside the calling hours in `zone`: the instant itself when it is
 * inside, else the start of the next window. Windows are wall-clock times: a start skipped by a
 * spring-forward change begins at the first existing minute after it.
 */
export function nextCallingTime(instant: number, zone: string, hours: WeeklyHours): number {
  if (insideCallingHours(instant, zone, hours)) return instant;
  const today = localDateAt(zone, instant);
  for (let day = 0; day <= 8; day++) {
    const date = addDays(today, day);
    for (const range of hours[isoWeekday(date)] ?? []) {
      const start = firstExistingInstant(zone, date, range);
      if (start !== undefined && start >= instant) return start;
      // The window began before `instant` (same local day) and `instant` is not inside: it has ended.
    }
  }
  throw new Error("calling hours have no window within a week");
}

/** The UTC instant of a range's start, or of the first minute of it that exists on that local day. */
function firstExistingInstant(zone: string, date: string, range: MinuteRange): number | undefined {
  const dateMs = localDateMs(date);
  for (let minute = range.startMinute; minute < range.endMinute; minute += 5) {
    const instant = wallTimeToUtc(zone, dateMs, minute);
    if (instant !== undefined) return instant;
  }
  return undefined;
}

/** Parses validated config text ("09:00-19:00") per weekday into weekly hours; the default when absent. */
export function callingHoursOf(byDay: Partial<Record<Weekday, string[]>> | undefined): WeeklyHours {
  return byDay ? toWeeklyHours(byDay) : DEFAULT_WEEKLY_CALLING_HOURS;
}

/** Whether a weekly schedule has any hour at all (config refuses calling hours with none). */
export function hasAnyHour(byDay: Partial<Record<Weekday, string[]>>): boolean {
  return Object.values(byDay).some((ranges) => (ranges ?? []).some((text) => typeof parseMinuteRange(text) !== "string"));
}
