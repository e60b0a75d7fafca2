// Core: a webinar's sessions — its one-off dates and its recurrence (an iCalendar RRULE expanded on local
// dates in the webinar's zone) — each with an id made of its UTC start, which registrations store and
// links carry. The rule is walked on local dates, period by period (INTERVAL days, weeks from WKST, or
// months, from the start date's), and each period's days are filtered by the BY-parts (RFC 5545 3.3.10),
// so "every Tuesday 16:00 London" stays 16:00 in London across DST; zoned-time.ts places each local
// date-time. (ical.js once did the walking; it got some filters wrong and is not needed on this path.)

import type { Interval } from "../bookings/booking";
import { addDays, DAY_MS, isoDateOf, localDateMs, zonedToUtc } from "../time/zoned-time";

/**
 * What the core needs of a webinar offering: its dates and their defaults. The config's webinar offering
 * (config/liveline-config.ts) has this shape; the core names it here so it imports nothing outside itself.
 */
export interface WebinarSchedule {
  id: string;
  durationMinutes: number;
  capacity: number;
  hosts: readonly string[];
  /** "{sessionId}" is replaced. */
  joinUrl: string;
  /** One-off sessions: the local start ("2026-12-08T16:00") and what differs from the offering. */
  sessions: readonly { start: string; timeZone?: string; capacity?: number; hosts?: readonly string[]; joinUrl?: string }[];
  recurrence?: { rule: string; time: string; timeZone?: string; startDate: string; until?: string };
}

export interface WebinarSession {
  /** Deterministic and URL-safe: `${offeringId}-${YYYYMMDD}T${HHMM}Z` of the UTC start, e.g. "weekly-webinar-20261208T1600Z". */
  id: string;
  offeringId: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** The zone the session's local time is kept in. */
  timeZone: string;
  capacity: number;
  hosts: string[];
  /** The template with {sessionId} replaced. */
  joinUrl: string;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
// The longest COUNT; and periods walked per expansion at most (rules without COUNT start near the window,
// see expansionStartDate, so only a COUNT rule asked about a window far from its start walks many).
const MAX_COUNT = 5_000;
const MAX_PERIODS = 50_000;
// The calendar (weekdays, month lengths, leap days) repeats every 28 years between 1901 and 2099: a rule
// that matches no day within that many of its periods never matches.
const CYCLE_PERIODS = { DAILY: 10_227, WEEKLY: 1_461, MONTHLY: 336 } as const;
const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const RULE_PARTS = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"];
const TIME_PARTS = ["BYHOUR", "BYMINUTE", "BYSECOND"];

/** Sessions of the webinar starting in [window.start, window.end), sorted, one per start. */
export function expandSessions(
  webinar: WebinarSchedule,
  hostZone: (repId: string) => string,
  window: Interval,
): WebinarSession[] {
  const byStart = new Map<number, WebinarSession>();
  // One-offs first: on an instant the recurrence also yields, the one-off's settings win.
  for (const session of oneOffSessions(webinar, hostZone)) {
    if (session.start >= window.start && session.start < window.end && !byStart.has(session.start)) {
      byStart.set(session.start, session);
    }
  }
  for (const session of recurringSessions(webinar, hostZone, window)) {
    if (!byStart.has(session.start)) byStart.set(session.start, session);
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** The session with this id (if the webinar really has one at that instant), past or future. */
export function sessionById(
  webinar: WebinarSchedule,
  hostZone: (repId: string) => string,
  sessionId: string,
): WebinarSession | undefined {
  const start = startOfId(webinar.id, sessionId);
  if (start === undefined) return undefined;
  return expandSessions(webinar, hostZone, { start, end: start + MINUTE }).find((session) => session.id === sessionId);
}

/**
 * A message for an RRULE that cannot be used, or undefined (config validation will call it). Given the
 * recurrence's startDate, it also refuses a rule whose INTERVAL steps over every day it could match.
 */
export function recurrenceProblem(rule: string, startDate?: string): string | undefined {
  const parsed = parseRule(rule);
  if (typeof parsed === "string") return parsed;
  if (!hasOccurrence({ ...parsed, interval: 1 }, "2000-01-01")) return "matches no day at all (check BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS)";
  if (startDate !== undefined && !hasOccurrence(parsed, startDate)) {
    return `matches no day from ${startDate} on: INTERVAL=${parsed.interval} steps over every day it could match`;
  }
  return undefined;
}

// --- Sessions ---

interface SessionSettings {
  capacity?: number;
  hosts?: readonly string[];
  joinUrl?: string;
}

function sessionAt(webinar: WebinarSchedule, start: number, timeZone: string, settings: SessionSettings): WebinarSession {
  const id = sessionIdOf(webinar.id, start);
  return {
    id,
    offeringId: webinar.id,
    start,
    end: start + webinar.durationMinutes * MINUTE,
    timeZone,
    capacity: settings.capacity ?? webinar.capacity,
    hosts: [...(settings.hosts ?? webinar.hosts)],
    joinUrl: (settings.joinUrl ?? webinar.joinUrl).replaceAll("{sessionId}", id),
  };
}

function oneOffSessions(webinar: WebinarSchedule, hostZone: (repId: string) => string): WebinarSession[] {
  return webinar.sessions.map((session) => {
    const zone = session.timeZone ?? hostZone(session.hosts?.[0] ?? webinar.hosts[0]!);
    const [date, time] = session.start.split("T") as [string, string];
    return sessionAt(webinar, startAt(zone, date, minuteOfDay(time)), zone, session);
  });
}

function recurringSessions(webinar: WebinarSchedule, hostZone: (repId: string) => string, window: Interval): WebinarSession[] {
  const recurrence = webinar.recurrence;
  if (!recurrence) return [];
  const rule = parseRule(recurrence.rule);
  // Config validation refuses such a rule; expanding it anyway would not mean what it says.
  if (typeof rule === "string") throw new Error(`webinar "${webinar.id}": recurrence.rule ${rule}`);
  const zone = recurrence.timeZone ?? hostZone(webinar.hosts[0]!);
  const plan: Expansion = { rule, startDate: recurrence.startDate, until: recurrence.until, minute: minuteOfDay(recurrence.time), zone, window };
  return recurringStarts(plan).map((start) => sessionAt(webinar, start, zone, {}));
}

/** The UTC instant of a local date and time; a time skipped by a spring-forward change moves to the first one after it. */
function startAt(zone: string, date: string, minute: number): number {
  for (let later = minute; later < minute + DAY_MINUTES; later++) {
    const instant = zonedToUtc(zone, addDays(date, Math.floor(later / DAY_MINUTES)), later % DAY_MINUTES);
    if (instant !== undefined) return instant;
  }
  throw new Error(`no local time exists after ${date} minute ${minute} in ${zone}`);
}

function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

function sessionIdOf(offeringId: string, start: number): string {
  const iso = new Date(start).toISOString();
  return `${offeringId}-${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** The start a session id names (sessionIdOf's "-20261201T1600Z" ending), or undefined for any other text. */
export function sessionStartOf(sessionId: string): number | undefined {
  const match = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/.exec(sessionId);
  if (!match) return undefined;
  const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  // Date.UTC rolls "20271332" over into another date; only the canonical spelling names a session.
  return sessionId.endsWith(sessionIdOf("", start)) ? start : undefined;
}

/** The start of this offering's session named by the id, or undefined when the id is not one of its sessions'. */
function startOfId(offeringId: string, sessionId: string): number | undefined {
  const start = sessionStartOf(sessionId);
  return start !== undefined && sessionIdOf(offeringId, start) === sessionId ? start : undefined;
}

// --- The recurrence, walked on local dates ---

interface Expansion {
  rule: Rule;
  startDate: string;
  /** The config's last date, inclusive. */
  until: string | undefined;
  minute: number;
  zone: string;
  window: Interval;
}

function recurringStarts(plan: Expansion): number[] {
  const { rule, window } = plan;
  if (!hasOccurrence(rule, plan.startDate)) return [];
  const firstDay = localDateMs(plan.startDate);
  // Two days after the window's UTC date is after its local date in every zone: no later period has a start in it.
  const lastPeriod = localDateMs(isoDateOf(window.end)) + 2 * DAY_MS;
  let period = periodStart(rule, localDateMs(expansionStartDate(plan)));
  // COUNT is of real sessions from the start date (expansionStartDate keeps the start date when it is given).
  let left = rule.count ?? Number.POSITIVE_INFINITY;
  const starts: number[] = [];
  for (let budget = MAX_PERIODS; budget > 0 && period <= lastPeriod; budget--) {
    for (const day of matchingDays(rule, plan.startDate, period)) {
      if (day < firstDay) continue;
      if (left-- <= 0) return starts;
      const date = isoDateOf(day);
      if (pastLocalUntil(plan, date)) return starts;
      const start = startAt(plan.zone, date, plan.minute);
      // The same local time on later dates: instants only grow, so the first one past the end ends the walk.
      if (start >= window.end || (rule.until?.kind === "instant" && start > rule.until.instant)) return starts;
      if (start >= window.start) starts.push(start);
    }
    period = nextPeriod(rule, period);
  }
  return starts;
}

function pastLocalUntil(plan: Expansion, date: string): boolean {
  if (plan.until !== undefined && date > plan.until) return true;
  const until = plan.rule.until;
  if (until?.kind === "date") return date > until.date;
  if (until?.kind === "local") return `${date}T${clockOf(plan.minute)}` > until.local;
  return false;
}

/**
 * A later start date with the same dates from the window on, so a series begun years ago does not spend
 * the period cap before reaching it: whole periods later (its weekday and INTERVAL phase kept), for
 * rules without COUNT (a later start would restart the count). A monthly one moves to the 1st of its
 * month: the walk visits whole months, and the start's day only matters as the real start date's default.
 */
function expansionStartDate(plan: Expansion): string {
  const { rule, startDate } = plan;
  if (rule.count !== undefined) return startDate;
  // Two days before the window's UTC date is before its local date in every zone.
  const target = localDateMs(isoDateOf(plan.window.start)) - 2 * DAY_MS;
  const start = localDateMs(startDate);
  if (rule.freq === "MONTHLY") return laterMonthStart(start, target, rule.interval) ?? startDate;
  const periodMs = (rule.freq === "DAILY" ? 1 : 7) * rule.interval * DAY_MS;
  const periods = Math.floor((target - start) / periodMs);
  return periods < 1 ? startDate : isoDateOf(start + periods * periodMs);
}

function laterMonthStart(start: number, target: number, interval: number): string | undefined {
  const from = new Date(start);
  const to = new Date(target);
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const periods = Math.floor(months / interval);
  if (periods < 1) return undefined;
  return isoDateOf(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + periods * interval, 1));
}

function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

// --- The rule, read and checked ---

type Frequency = keyof typeof CYCLE_PERIODS;

interface WeekdayRule {
  /** 0: every such weekday; 2: the second of the month; -1: the last. */
  nth: number;
  /** 0 Sunday … 6 Saturday, as Date#getUTCDay. */
  weekday: number;
}

/** UNTIL as written: a date (inclusive), a local date-time, or a UTC instant. */
type RuleUntil = { kind: "date"; date: string } | { kind: "local"; local: string } | { kind: "instant"; instant: number };

interface Rule {
  freq: Frequency;
  interval: number;
  count: number | undefined;
  until: RuleUntil | undefined;
  byDay: WeekdayRule[] | undefined;
  byMonthDay: number[] | undefined;
  byMonth: number[] | undefined;
  bySetPos: number[] | undefined;
  wkst: number;
  /** All parts, upper-cased: the rule's identity. */
  text: string;
}

/** A part of the rule that cannot be used; parseRule turns it into the message. */
class RuleProblem extends Error {}

function parseRule(text: string): Rule | string {
  try {
    const rule = readRule(ruleParts(text));
    const problem = combinationProblem(rule);
    if (problem) return problem;
    return rule;
  } catch (error) {
    if (error instanceof RuleProblem) return error.message;
    return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** NAME=VALUE pairs, upper-cased, each name once and known. */
function ruleParts(text: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of text.trim().replace(/^RRULE:/i, "").split(";")) {
    const match = /^([A-Za-z]+)=([^=]+)$/.exec(part.trim());
    if (!match) throw new RuleProblem(`"${part}" is not a NAME=VALUE part (like "FREQ=WEEKLY;BYDAY=TU")`);
    const name = match[1]!.toUpperCase();
    if (TIME_PARTS.includes(name)) throw new RuleProblem(`${name} is not supported: the time of day is recurrence.time`);
    if (!RULE_PARTS.includes(name)) throw new RuleProblem(`${name} is not supported (use ${RULE_PARTS.join(", ")})`);
    if (parts.has(name)) throw new RuleProblem(`${name} is given twice`);
    parts.set(name, match[2]!.trim().toUpperCase());
  }
  return parts;
}

function readRule(parts: Map<string, string>): Rule {
  const freq = parts.get("FREQ");
  if (freq === undefined) throw new RuleProblem("needs FREQ (DAILY, WEEKLY or MONTHLY)");
  if (!(freq in CYCLE_PERIODS)) throw new RuleProblem(`FREQ=${freq} is not supported: sessions repeat DAILY, WEEKLY or MONTHLY`);
  const wkst = WEEKDAY_CODES.indexOf(parts.get("WKST") ?? "MO");
  if (wkst < 0) throw new RuleProblem(`WKST=${parts.get("WKST")} is not a weekday (MO, TU, …)`);
  const list = (name: string, max: number, signed: boolean) =>
    optional(parts, name, (text) => text.split(",").map((item) => integerIn(name, item, max, signed)));
  return {
    freq: freq as Frequency,
    interval: optional(parts, "INTERVAL", (text) => integerIn("INTERVAL", text, 1_000, false)) ?? 1,
    count: optional(parts, "COUNT", (text) => integerIn("COUNT", text, MAX_COUNT, false)),
    until: optional(parts, "UNTIL", untilOf),
    byDay: optional(parts, "BYDAY", (text) => text.split(",").map((item) => weekdayOf(text, item))),
    byMonthDay: list("BYMONTHDAY", 31, true),
    byMonth: list("BYMONTH", 12, false),
    bySetPos: list("BYSETPOS", 31, true),
    wkst,
    text: [...parts].map(([name, value]) => `${name}=${value}`).join(";"),
  };
}

function optional<T>(parts: Map<string, string>, name: string, read: (text: string) => T): T | undefined {
  const text = parts.get(name);
  return text === undefined ? undefined : read(text);
}

/** 1…max, or with `signed` also -max…-1. */
function integerIn(name: string, text: string, max: number, signed: boolean): number {
  const value = /^[+-]?\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (value >= 1 && value <= max) return value;
  if (signed && value <= -1 && value >= -max) return value;
  throw new RuleProblem(`${name}: "${text}" must be ${signed ? `1…${max} or -${max}…-1` : `1…${max}`}`);
}

function weekdayOf(list: string, item: string): WeekdayRule {
  const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item);
  const nth = Number(match?.[1] ?? 0);
  if (!match || Math.abs(nth) > 5 || (match[1] !== undefined && nth === 0)) {
    throw new RuleProblem(`BYDAY=${list}: "${item}" must be a weekday (MO, TU, …), or in a monthly rule its place in the month (2TU, -1FR)`);
  }
  return { nth, weekday: WEEKDAY_CODES.indexOf(match[2]!) };
}

function untilOf(text: string): RuleUntil {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : "";
  const dateMs = localDateMs(date);
  const valid = match && !Number.isNaN(dateMs) && isoDateOf(dateMs) === date && Number(match[4] ?? 0) < 24 && Number(match[5] ?? 0) < 60;
  if (!valid) throw new RuleProblem(`UNTIL=${text} must be a date like 20270630 (or a UTC time like 20270630T235900Z)`);
  if (match[4] === undefined) return { kind: "date", date };
  const local = `${date}T${match[4]}:${match[5]}`;
  if (match[7] === "Z") return { kind: "instant", instant: Date.parse(`${local}:${match[6]}Z`) };
  return { kind: "local", local };
}

/** Combinations RFC 5545 forbids (or that mean nothing): refused, so a rule means what it says or is an error. */
function combinationProblem(rule: Rule): string | undefined {
  if (rule.count !== undefined && rule.until !== undefined) return "cannot have both COUNT and UNTIL";
  if (rule.freq !== "MONTHLY" && rule.byDay?.some((day) => day.nth !== 0)) {
    return "BYDAY with a place in the month (2TU, -1FR) needs FREQ=MONTHLY";
  }
  if (rule.freq === "WEEKLY" && rule.byMonthDay) return "BYMONTHDAY does not go with FREQ=WEEKLY";
  if (rule.bySetPos && (rule.freq === "DAILY" || !(rule.byDay || rule.byMonthDay || rule.byMonth))) {
    return "BYSETPOS needs FREQ=WEEKLY or MONTHLY and a BYDAY, BYMONTHDAY or BYMONTH to pick from";
  }
  return undefined;
}

// --- Which local dates the rule matches ---

const occurrenceChecks = new Map<string, boolean>();

/** Whether the rule yields any date on or after startDate (memoised: asked on every expansion). */
function hasOccurrence(rule: Rule, startDate: string): boolean {
  const key = `${rule.text}|${rule.interval}|${startDate}`;
  let found = occurrenceChecks.get(key);
  if (found === undefined) {
    found = searchOccurrence(rule, startDate);
    if (occurrenceChecks.size >= 1_000) occurrenceChecks.clear();
    occurrenceChecks.set(key, found);
  }
  return found;
}

function searchOccurrence(rule: Rule, startDate: string): boolean {
  const start = localDateMs(startDate);
  let period = periodStart(rule, start);
  for (let step = 0; step <= CYCLE_PERIODS[rule.freq]; step++) {
    if (matchingDays(rule, startDate, period).some((day) => day >= start)) return true;
    period = nextPeriod(rule, period);
  }
  return false;
}

function periodStart(rule: Rule, day: number): number {
  const date = new Date(day);
  if (rule.freq === "DAILY") return day;
  if (rule.freq === "WEEKLY") return day - ((date.getUTCDay() - rule.wkst + 7) % 7) * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextPeriod(rule: Rule, period: number): number {
  if (rule.freq === "DAILY") return period + rule.interval * DAY_MS;
  if (rule.freq === "WEEKLY") return period + 7 * rule.interval * DAY_MS;
  const date = new Date(period);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + rule.interval, 1);
}

/** The period's days that pass every BY-filter, sorted, then BYSETPOS's picks among them (RFC 5545 3.3.10). */
function matchingDays(rule: Rule, startDate: string, period: number): number[] {
  const length = rule.freq === "DAILY" ? 1 : rule.freq === "WEEKLY" ? 7 : monthLength(period);
  const days: number[] = [];
  for (let index = 0; index < length; index++) {
    const day = period + index * DAY_MS;
    if (dayMatches(rule, startDate, day)) days.push(day);
  }
  if (!rule.bySetPos) return days;
  const picked = rule.bySetPos.map((position) => days[position > 0 ? position - 1 : days.length + position]);
  return [...new Set(picked.filter((day): day is number => day !== undefined))].sort((a, b) => a - b);
}

function dayMatches(rule: Rule, startDate: string, day: number): boolean {
  const date = new Date(day);
  const monthDay = date.getUTCDate();
  const length = monthLength(day);
  if (rule.byMonth && !rule.byMonth.includes(date.getUTCMonth() + 1)) return false;
  // Without BYDAY a weekly rule repeats its start's weekday; without BYDAY and BYMONTHDAY a monthly one its day.
  const start = new Date(localDateMs(startDate));
  const byDay = rule.byDay ?? (rule.freq === "WEEKLY" ? [{ nth: 0, weekday: start.getUTCDay() }] : undefined);
  const byMonthDay = rule.byMonthDay ?? (rule.freq === "MONTHLY" && !rule.byDay ? [start.getUTCDate()] : undefined);
  if (byMonthDay && !byMonthDay.some((wanted) => wanted === monthDay || wanted === monthDay - length - 1)) return false;
  return !byDay || byDay.some((wanted) => wanted.weekday === date.getUTCDay() && isNth(wanted.nth, monthDay, length));
}

function isNth(nth: number, monthDay: number, length: number): boolean {
  if (nth > 0) return Math.ceil(monthDay / 7) === nth;
  if (nth < 0) return Math.ceil((length - monthDay + 1) / 7) === -nth;
  return true;
}

function monthLength(day: number): number {
  const date = new Date(day);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}
