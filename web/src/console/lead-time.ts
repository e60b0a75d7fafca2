// Web: times on the console always say whose zone they are in — the lead's first, named, then the rep's
// own: "9:05 AM Dana's time (America/New_York) · 3:05 PM yours". The same wording as the rep-facing times
// of the e-mails and prompts (functions/core/calls/rep-facing-time.ts), written here because pages import no
// server code; test/web/console/lead-time.test.ts checks both give the same text. Nobody should call at 3 a.m. theirs
// by reading a time as their own.

export interface ZonedPerson {
  name: string;
  timeZone: string;
}

interface WallTime {
  weekday: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  dayPeriod: string;
  /** "Dec 2": tells whether two zones are on the same day (they are never a year apart). */
  date: string;
  hour24: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h12" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time in `timeZone`; an unknown zone reads as UTC (the API validates zones, so this is a last resort). */
function wallTime(date: Date, timeZone: string): WallTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(date);
  } catch {
    parts = formatterFor("UTC").formatToParts(date);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = part("hour");
  const dayPeriod = part("dayPeriod").toUpperCase();
  const hour12 = Number(hour) % 12;
  return {
    weekday: part("weekday"),
    month: part("month"),
    day: part("day"),
    hour,
    minute: part("minute"),
    dayPeriod,
    date: `${part("month")} ${part("day")}`,
    hour24: dayPeriod === "PM" ? hour12 + 12 : hour12,
  };
}

const clock = (wall: WallTime) => `${wall.hour}:${wall.minute} ${wall.dayPeriod}`;
const dayAndClock = (wall: WallTime) => `${wall.weekday}, ${wall.month} ${wall.day}, ${clock(wall)}`;

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** "Dana's time (America/New_York)". */
export function zoneOwner(lead: ZonedPerson): string {
  return `${firstName(lead.name) || lead.name}'s time (${lead.timeZone})`;
}

/**
 * The instant in the lead's zone (named) and in the rep's. With `withDay`, the lead's side names the day;
 * the rep's side names its day whenever it differs from the lead's ("Wed, Dec 2, 12:05 AM yours").
 */
export function timeForRep(date: Date, lead: ZonedPerson, repTimeZone: string, options: { withDay?: boolean } = {}): string {
  const theirs = wallTime(date, lead.timeZone);
  const theirText = options.withDay ? dayAndClock(theirs) : clock(theirs);
  if (lead.timeZone === repTimeZone) return `${theirText} ${zoneOwner(lead)}, yours too`;
  const yours = wallTime(date, repTimeZone);
  const yourText = yours.date === theirs.date ? clock(yours) : dayAndClock(yours);
  return `${theirText} ${zoneOwner(lead)} · ${yourText} yours`;
}

/** Calls are welcome from 8 a.m. to 9 p.m. the lead's time; outside that the console warns. */
const CALLABLE_FROM_HOUR = 8;
const CALLABLE_UNTIL_HOUR = 21;

/** The lead's clock right now ("4:12 PM Pat's time (Europe/Paris)"), and whether it is too early or late to call. */
export function leadTimeNow(now: Date, lead: ZonedPerson): { text: string; unsociable: boolean } {
  const wall = wallTime(now, lead.timeZone);
  return { text: `${clock(wall)} ${zoneOwner(lead)}`, unsociable: wall.hour24 < CALLABLE_FROM_HOUR || wall.hour24 >= CALLABLE_UNTIL_HOUR };
}

/** The reader's own zone, as the browser knows it. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
