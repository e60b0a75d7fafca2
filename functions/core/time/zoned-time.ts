// Core: wall-clock time in IANA zones, exact across DST. Availability turns a rep's "09:00 on Monday in
// Europe/Berlin" into UTC instants here, and responses render instants with the asker's offset.
// Offsets come from Intl (the runtime's ICU data) and are cached per zone and local day, because slot
// computation asks for thousands of times in a handful of zones.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in milliseconds at an instant (wall clock minus UTC), to the minute. */
export function offsetAt(zone: string, instant: number): number {
  const parts = formatterFor(zone).formatToParts(instant);
  const field = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"));
  return wall - Math.floor(instant / MINUTE) * MINUTE;
}

/** A local calendar date, "YYYY-MM-DD", as epoch ms of its midnight read as if it were UTC. */
export function localDateMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

export function isoDateOf(dateMs: number): string {
  return new Date(dateMs).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoDateOf(localDateMs(isoDate) + days * DAY_MS);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a local date. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(localDateMs(isoDate)).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface DayOffsets {
  /** Offset in force just before the day could begin anywhere, and just after it could end. */
  before: number;
  after: number;
}

const dayOffsetsByZone = new Map<string, Map<number, DayOffsets>>();

/** The offsets around a local day (its midnight as if UTC); equal on the 363-odd days without a change. */
export function offsetsAround(zone: string, dateMs: number): DayOffsets {
  let byDay = dayOffsetsByZone.get(zone);
  if (!byDay) dayOffsetsByZone.set(zone, (byDay = new Map()));
  let offsets = byDay.get(dateMs);
  if (!offsets) {
    // Real offsets lie within -12h..+14h, so these instants bracket the whole local day.
    offsets = { before: offsetAt(zone, dateMs - 14 * HOUR), after: offsetAt(zone, dateMs + DAY_MS + 12 * HOUR) };
    byDay.set(dateMs, offsets);
  }
  return offsets;
}

/**
 * The UTC instant of a wall-clock time (minutes after local midnight of `isoDate`) in `zone`.
 * Returns undefined for a time that does not exist (skipped by a spring-forward change); for a time
 * that occurs twice (fall-back) returns the first occurrence.
 */
export function zonedToUtc(zone: string, isoDate: string, minuteOfDay: number): number | undefined {
  return wallTimeToUtc(zone, localDateMs(isoDate), minuteOfDay);
}

/** zonedToUtc for a local day given as its midnight-as-if-UTC epoch ms (no string parsing: hot path). */
export function wallTimeToUtc(zone: string, dateMs: number, minuteOfDay: number): number | undefined {
  const wall = dateMs + minuteOfDay * MINUTE;
  const { before, after } = offsetsAround(zone, dateMs);
  if (before === after) return wall - before;
  // A transition day: try both offsets and keep the candidates that really show this wall time.
  let first: number | undefined;
  for (const offset of [before, after]) {
    const candidate = wall - offset;
    if (offsetAt(zone, candidate) !== offset) continue;
    if (first === undefined || candidate < first) first = candidate;
  }
  return first;
}

/**
 * offsetAt, answered from the per-day cache when the UTC day around the instant has no change (the usual
 * case): rendering a month of slots would otherwise format thousands of dates through Intl.
 */
export function cachedOffsetAt(zone: string, instant: number): number {
  const { before, after } = offsetsAround(zone, Math.floor(instant / DAY_MS) * DAY_MS);
  return before === after ? before : offsetAt(zone, instant);
}

/** The local date ("YYYY-MM-DD") in `zone` at an instant. */
export function localDateAt(zone: string, instant: number): string {
  return isoDateOf(instant + cachedOffsetAt(zone, instant));
}

/**
 * Midnight at the start of a local date, as a UTC instant (the first existing minute if midnight is skipped).
 * A date the zone skipped whole (Pacific/Apia's 2011-12-30) starts where the next one does: an empty day.
 */
export function startOfLocalDay(zone: string, isoDate: string): number {
  for (let skipped = 0; skipped <= MAX_SKIPPED_DAYS; skipped++) {
    const date = addDays(isoDate, skipped);
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const instant = zonedToUtc(zone, date, minute);
      if (instant !== undefined) return instant;
    }
  }
  throw new Error(`no time exists on ${isoDate} in ${zone} or the ${MAX_SKIPPED_DAYS} days after it`);
}

/** The most whole days a zone has ever skipped at once (one: Samoa in 2011, the Marshall Islands in 1993). */
const MAX_SKIPPED_DAYS = 1;

/** ISO-8601 with the zone's offset at that instant: "2026-12-01T10:00:00.000-06:00". */
export function toZonedIso(instant: number, zone: string): string {
  const offset = cachedOffsetAt(zone, instant);
  const local = new Date(instant + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}
