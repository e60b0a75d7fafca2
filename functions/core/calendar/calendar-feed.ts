// Core: a rep's private calendar feed (the iCalendar "secret address" text that adapters/feeds fetches)
// turned into the busy time availability must keep free of demos. ical.js parses the text and expands
// recurrences; wall-clock times it cannot place itself (floating, or a TZID without a VTIMEZONE) are
// placed with zoned-time.ts. Anyone who can invite the rep can put an event in the feed, so the work
// done per event and per feed is bounded.

import ICAL from "ical.js";
import type { Interval } from "../bookings/booking";
import { mergeIntervals } from "../time/intervals";
import { addDays, DAY_MS, isoDateOf, offsetAt, startOfLocalDay, zonedToUtc } from "../time/zoned-time";

/** The text is not an iCalendar feed, or one of its values cannot be read. */
export class CalendarFeedInvalid extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CalendarFeedInvalid";
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Occurrences asked of ical.js: per recurring event, and for the whole feed.
const MAX_ITERATIONS_PER_EVENT = 5_000;
const MAX_ITERATIONS_PER_FEED = 50_000;
const MAX_INTERVALS = 20_000;
// ical.js reads floating times as UTC; real offsets are within ±14 h, so two days cover any misreading.
const SLACK_MS = 2 * DAY_MS;
const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** How an event's end follows from the start of each of its occurrences. */
type EndRule =
  /** DTEND on a timed event: every occurrence lasts the first one's exact length (RFC 5545 3.8.5.3). */
  | { kind: "exact"; ms: number }
  /** DURATION on a timed event: days and weeks on the wall clock (nominal), hours and less exactly (RFC 5545 3.3.6). */
  | { kind: "nominal"; duration: ICAL.Duration }
  /** An all-day event: whole local days in the rep's zone. */
  | { kind: "days"; days: number };

interface EventShape {
  busy: boolean;
  startTzid: string | undefined;
  end: EndRule;
}

interface FeedExpansion {
  window: Interval;
  repTimeZone: string;
  iterationsLeft: number;
  intervals: Interval[];
  shapes: Map<ICAL.Event, EventShape>;
  /** TZID → whether the runtime knows it as an IANA zone; asked once per feed. */
  ianaZones: Map<string, boolean>;
}

interface UidGroup {
  masters: ICAL.Component[];
  overrides: ICAL.Component[];
}

/**
 * Busy intervals of the feed that overlap `window`, clipped to it, merged and sorted.
 * Free (TRANSP:TRANSPARENT) and cancelled events and occurrences block nothing; all-day events block
 * whole days in `repTimeZone`, and so do floating times and TZIDs that are neither defined in the feed
 * nor IANA names.
 */
export function busyFromCalendarFeed(icsText: string, window: Interval, repTimeZone: string): Interval[] {
  const expansion: FeedExpansion = {
    window,
    repTimeZone,
    iterationsLeft: MAX_ITERATIONS_PER_FEED,
    intervals: [],
    shapes: new Map(),
    ianaZones: new Map(),
  };
  for (const calendar of parseCalendars(icsText)) {
    for (const group of groupByUid(calendar.getAllSubcomponents("vevent"))) addGroup(group, expansion);
  }
  return mergeIntervals(expansion.intervals);
}

function parseCalendars(icsText: string): ICAL.Component[] {
  let jcal: unknown;
  try {
    // A byte-order mark (some exports start with one) is not a content line to ical.js.
    jcal = ICAL.parse(icsText.replace(/^\uFEFF/, ""));
  } catch (error) {
    // ical.js quotes the offending line; private event text stays out of the message (it is in `cause`).
    throw new CalendarFeedInvalid("the feed is not iCalendar text", { cause: error });
  }
  // Several top-level objects come back as an array of them.
  const roots = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal];
  const calendars = roots.filter(Array.isArray).map((root) => new ICAL.Component(root));
  const found = calendars.filter((component) => component.name === "vcalendar");
  if (found.length === 0) throw new CalendarFeedInvalid("the feed has no VCALENDAR");
  return found;
}

/** An event's series (RRULE/RDATE) and its overrides (RECURRENCE-ID) share a UID. */
function groupByUid(vevents: ICAL.Component[]): UidGroup[] {
  const byUid = new Map<string, UidGroup>();
  const groups: UidGroup[] = [];
  for (const vevent of vevents) {
    const uid = vevent.getFirstPropertyValue("uid");
    let group = typeof uid === "string" ? byUid.get(uid) : undefined;
    if (!group) {
      group = { masters: [], overrides: [] };
      groups.push(group);
      if (typeof uid === "string") byUid.set(uid, group);
    }
    if (vevent.hasProperty("recurrence-id")) group.overrides.push(vevent);
    else group.masters.push(vevent);
  }
  return groups;
}

function addGroup(group: UidGroup, expansion: FeedExpansion): void {
  try {
    const overrides = group.overrides.map((component) => new ICAL.Event(component));
    const placed = new Set<ICAL.Event>();
    for (const master of group.masters) {
      expandSeries(new ICAL.Event(master, { exceptions: overrides }), placed, expansion);
    }
    // Overrides not met while expanding: moved in from outside the expanded range, or with no series here.
    for (const override of overrides) {
      if (!placed.has(override)) addOccurrence(override, override.startDate, expansion);
    }
  } catch (error) {
    if (error instanceof CalendarFeedInvalid) throw error;
    const uid = (group.masters[0] ?? group.overrides[0])?.getFirstPropertyValue("uid");
    const detail = error instanceof Error ? error.message : String(error);
    throw new CalendarFeedInvalid(`event ${JSON.stringify(uid ?? "without UID")} cannot be read: ${detail}`, {
      cause: error,
    });
  }
}

/** Adds the occurrences of one event (with its overrides) that can overlap the window. */
function expandSeries(event: ICAL.Event, placed: Set<ICAL.Event>, expansion: FeedExpansion): void {
  const shape = shapeOf(event, expansion);
  // A free or cancelled series blocks nothing; its overrides are judged on their own afterwards.
  if (!shape.busy) return;
  if (!event.isRecurring() || !rulesExpandable(event)) {
    addDetails(event, event.startDate, placed, expansion);
    return;
  }
  // ical.js yields RDATEs but not DTSTART when there is no RRULE; DTSTART is always an instance.
  if (!event.component.hasProperty("rrule")) addDetails(event, event.startDate, placed, expansion);
  if (seriesEndsBeforeWindow(event, shape, expansion)) return;
  const iterator = event.iterator(expansionStart(event, shape, expansion));
  const tooEarly = expansion.window.start - longestLength(shape) - SLACK_MS;
  for (let budget = MAX_ITERATIONS_PER_EVENT; budget > 0 && expansion.iterationsLeft > 0; budget--) {
    expansion.iterationsLeft--;
    const occurrence = nextOccurrence(iterator);
    if (!occurrence) return;
    // Original times decide: an override moved into the window from elsewhere is added afterwards.
    const originalStart = startOf(occurrence, shape, expansion);
    if (originalStart >= expansion.window.end) return;
    if (originalStart >= tooEarly) addDetails(event, occurrence, placed, expansion);
  }
}

function addDetails(event: ICAL.Event, occurrence: ICAL.Time, placed: Set<ICAL.Event>, expansion: FeedExpansion): void {
  const details = event.getOccurrenceDetails(occurrence);
  if (details.item !== event) placed.add(details.item);
  addOccurrence(details.item, details.startDate, expansion);
}

function nextOccurrence(iterator: ICAL.RecurExpansion): ICAL.Time | undefined {
  try {
    return iterator.next() ?? undefined;
  } catch {
    // ical.js gives up on rules it cannot satisfy ("max tries"); the series ends there.
    return undefined;
  }
}

function addOccurrence(item: ICAL.Event, start: ICAL.Time, expansion: FeedExpansion): void {
  const shape = shapeOf(item, expansion);
  if (!shape.busy || expansion.intervals.length >= MAX_INTERVALS) return;
  const interval = intervalOf(start, shape, expansion);
  const { window } = expansion;
  if (interval.end <= interval.start || interval.end <= window.start || interval.start >= window.end) return;
  expansion.intervals.push({ start: Math.max(interval.start, window.start), end: Math.min(interval.end, window.end) });
}

function intervalOf(start: ICAL.Time, shape: EventShape, expansion: FeedExpansion): Interval {
  const from = startOf(start, shape, expansion);
  const { end } = shape;
  if (end.kind === "days") return { start: from, end: startOfLocalDay(expansion.repTimeZone, addDays(dateOf(start), end.days)) };
  if (end.kind === "exact") return { start: from, end: from + end.ms };
  const { weeks, days, hours, minutes, seconds, isNegative } = end.duration;
  const sign = isNegative ? -1 : 1;
  const wallEnd = start.clone();
  wallEnd.adjust(sign * (weeks * 7 + days), 0, 0, 0);
  const exactMs = sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
  return { start: from, end: instantOf(wallEnd, shape.startTzid, expansion) + exactMs };
}

function startOf(start: ICAL.Time, shape: EventShape, expansion: FeedExpansion): number {
  return instantOf(start, shape.startTzid, expansion);
}

// --- One event's busy-ness, zone and length, read once ---

function shapeOf(event: ICAL.Event, expansion: FeedExpansion): EventShape {
  let shape = expansion.shapes.get(event);
  if (!shape) {
    shape = readShape(event.component, expansion);
    expansion.shapes.set(event, shape);
  }
  return shape;
}

function readShape(component: ICAL.Component, expansion: FeedExpansion): EventShape {
  const start = component.getFirstPropertyValue("dtstart");
  if (!(start instanceof ICAL.Time)) throw new Error("no DTSTART");
  const startTzid = tzidOf(component, "dtstart");
  return { busy: isBusy(component), startTzid, end: endRuleOf(component, start, startTzid, expansion) };
}

function isBusy(component: ICAL.Component): boolean {
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
  return status !== "CANCELLED" && transparency !== "TRANSPARENT";
}

function endRuleOf(component: ICAL.Component, start: ICAL.Time, startTzid: string | undefined, expansion: FeedExpansion): EndRule {
  const end = component.getFirstPropertyValue("dtend");
  const duration = component.getFirstPropertyValue("duration");
  if (start.isDate) return { kind: "days", days: allDayLength(start, end, duration) };
  if (end instanceof ICAL.Time) {
    const ms = instantOf(end, tzidOf(component, "dtend"), expansion) - instantOf(start, startTzid, expansion);
    return { kind: "exact", ms };
  }
  if (duration instanceof ICAL.Duration) return { kind: "nominal", duration };
  // A timed event with neither ends where it starts (RFC 5545 3.6.1): it blocks nothing.
  return { kind: "exact", ms: 0 };
}

/** Whole days: DTEND is exclusive; no DTEND and no DURATION means one day. */
function allDayLength(start: ICAL.Time, end: unknown, duration: unknown): number {
  let days = 1;
  if (end instanceof ICAL.Time) days = Math.round((Date.parse(dateOf(end)) - Date.parse(dateOf(start))) / DAY_MS);
  else if (duration instanceof ICAL.Duration) days = Math.ceil(duration.toSeconds() / (DAY_MS / 1000));
  return Math.max(1, days);
}

function tzidOf(component: ICAL.Component, property: string): string | undefined {
  const tzid = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : undefined;
}

// --- Placing wall-clock times ---

/** Epoch ms of an ical.js time: UTC and VTIMEZONE times by ical.js, the rest on the wall clock of a zone. */
function instantOf(time: ICAL.Time, tzid: string | undefined, expansion: FeedExpansion): number {
  if (time.isDate) return startOfLocalDay(expansion.repTimeZone, dateOf(time));
  const zone = time.zone;
  if (zone === ICAL.Timezone.utcTimezone || (zone && zone !== ICAL.Timezone.localTimezone && zone.component)) {
    return time.toUnixTime() * 1000;
  }
  return wallClockToUtc(ianaZone(tzid, expansion) ?? expansion.repTimeZone, time);
}

function wallClockToUtc(zone: string, time: ICAL.Time): number {
  // Date.UTC also normalises fields ical.js may leave out of range after arithmetic.
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  const minuteOfDay = Math.floor((wall - dayStart) / MINUTE);
  const seconds = wall - dayStart - minuteOfDay * MINUTE;
  const instant = zonedToUtc(zone, isoDateOf(dayStart), minuteOfDay);
  if (instant !== undefined) return instant + seconds;
  // Skipped by a spring-forward change: read with the offset before it (RFC 5545 3.3.5). Sixteen
  // hours back is before any gap of up to two hours, in every real offset.
  return wall - offsetAt(zone, wall - 16 * HOUR);
}

function ianaZone(tzid: string | undefined, expansion: FeedExpansion): string | undefined {
  if (!tzid) return undefined;
  let known = expansion.ianaZones.get(tzid);
  if (known === undefined) {
    known = isIanaZone(tzid);
    expansion.ianaZones.set(tzid, known);
  }
  return known ? tzid : undefined;
}

function isIanaZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

function dateOf(time: ICAL.Time): string {
  return isoDateOf(Date.UTC(time.year, time.month - 1, time.day));
}

// --- Bounding the expansion ---

/**
 * Whether ical.js can expand every RRULE in bounded time. Its iterator steps one period at a time until
 * the BY-filters match, forever if they never do; sub-daily rules are refused outright (no meeting
 * series needs them). A refused series counts at its DTSTART only.
 */
function rulesExpandable(event: ICAL.Event): boolean {
  return event.component.getAllProperties("rrule").every((property) => ruleExpandable(property.getFirstValue() as ICAL.Recur));
}

function ruleExpandable(rule: ICAL.Recur): boolean {
  // ical.js gives up by itself on monthly and yearly rules that stop matching.
  if (rule.freq === "MONTHLY" || rule.freq === "YEARLY") return true;
  if (rule.freq !== "DAILY" && rule.freq !== "WEEKLY") return false;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const allowed = new Set(["BYDAY", "BYMONTH", "BYMONTHDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "BYSETPOS"]);
  if (Object.keys(parts).some((part) => parts[part]?.length && !allowed.has(part))) return false;
  const byDay = parts.BYDAY as string[] | undefined;
  if (byDay?.some((day) => !WEEKDAY_CODES.includes(day))) return false;
  // Every weekday falls in every month, so only a daily rule's month and month-day filters can fail.
  if (rule.freq === "WEEKLY" || (!parts.BYMONTH && !parts.BYMONTHDAY)) return true;
  return someDayMatches(parts.BYMONTH as number[] | undefined, parts.BYMONTHDAY as number[] | undefined, byDay ?? WEEKDAY_CODES);
}

/** Whether any day of a 28-year cycle (every weekday on every date, leap days included) passes the filters. */
function someDayMatches(months: number[] | undefined, monthDays: number[] | undefined, weekdays: string[]): boolean {
  for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY_MS) {
    const date = new Date(day);
    if (months && !months.includes(date.getUTCMonth() + 1)) continue;
    if (monthDays && !matchesMonthDay(date, monthDays)) continue;
    if (weekdays.includes(WEEKDAY_CODES[date.getUTCDay()]!)) return true;
  }
  return false;
}

function matchesMonthDay(date: Date, monthDays: number[]): boolean {
  const length = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const day = date.getUTCDate();
  return monthDays.includes(day) || monthDays.includes(day - length - 1);
}

/** No occurrence can reach the window: every RRULE ends (UNTIL) well before it and there are no RDATEs. */
function seriesEndsBeforeWindow(event: ICAL.Event, shape: EventShape, expansion: FeedExpansion): boolean {
  if (event.component.hasProperty("rdate")) return false;
  const rules = event.component.getAllProperties("rrule").map((property) => property.getFirstValue() as ICAL.Recur);
  const latestStart = expansion.window.start - longestLength(shape) - SLACK_MS;
  return rules.length > 0 && rules.every((rule) => rule.until !== null && rule.until.toUnixTime() * 1000 < latestStart);
}

/**
 * A later DTSTART that yields the same occurrences from the window on, so a daily series begun years ago
 * does not spend the iteration cap before reaching it. Only for a single RRULE without COUNT (a later
 * start would restart the count) that repeats every INTERVAL days or weeks. ical.js yields DTSTART even
 * when the rule's BYDAY excludes it; the shifted one ends before the window, so that is harmless.
 */
function expansionStart(event: ICAL.Event, shape: EventShape, expansion: FeedExpansion): ICAL.Time {
  const start = event.startDate;
  const rules = event.component.getAllProperties("rrule");
  if (rules.length !== 1) return start;
  const rule = rules[0]!.getFirstValue() as ICAL.Recur;
  const periodDays = repeatDays(rule);
  if (periodDays === undefined) return start;
  const target = expansion.window.start - longestLength(shape) - SLACK_MS;
  const periods = Math.floor((target - start.toUnixTime() * 1000) / (periodDays * DAY_MS));
  if (periods < 1) return start;
  const later = start.clone();
  later.adjust(periods * periodDays, 0, 0, 0);
  if (rule.until && later.compare(rule.until) > 0) return start;
  return later;
}

/** Days by which DTSTART can move without changing the rule's later occurrences (simple daily and weekly rules). */
function repeatDays(rule: ICAL.Recur): number | undefined {
  if (rule.count) return undefined;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  if (Object.keys(parts).some((part) => parts[part]?.length && part !== "BYDAY")) return undefined;
  const interval = Math.max(1, rule.interval);
  if (rule.freq === "WEEKLY") return 7 * interval;
  if (rule.freq === "DAILY") return interval;
  return undefined;
}

function longestLength(shape: EventShape): number {
  const { end } = shape;
  if (end.kind === "days") return end.days * DAY_MS;
  if (end.kind === "exact") return Math.max(0, end.ms);
  return Math.max(0, end.duration.toSeconds() * 1000);
}
