// Web: what the insights page (/console/insights) shows, as plain data — the default date range (the last
// twelve weeks in the viewer's zone), the figures' labels and how each is written, the funnel's steps, the
// columns of the per-rep and per-offering tables and the weekly charts. No DOM: unit-tested on its own.

import { routeHash, type FigureLeads } from "./console-route";
import type { InsightsFigures, LeadFigure } from "../api/console-types";

export interface InsightsParams {
  from: string;
  to: string;
  timeZone: string;
  /** One rep (a manager's filter, or the rep themself); the whole team when absent. */
  rep?: string;
}

const DAY_MS = 86_400_000;
/** Weeks shown when the address names no range. */
export const DEFAULT_WEEKS = 12;

/** Today's date ("2026-12-06") in `timeZone`. */
export function localToday(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** `date` plus `days` (calendar arithmetic on the date alone). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last DEFAULT_WEEKS ISO weeks up to today: from a Monday to today. */
export function defaultRange(today: string): { from: string; to: string } {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { from: addDays(today, -weekday - 7 * (DEFAULT_WEEKS - 1)), to: today };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range and rep the address asks for (?from=&to=&rep=), else the default range. */
export function paramsFrom(search: string, timeZone: string, now: number): InsightsParams {
  const query = new URLSearchParams(search);
  const fallback = defaultRange(localToday(timeZone, now));
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const rep = query.get("rep") ?? "";
  return { from: DATE.test(from) ? from : fallback.from, to: DATE.test(to) ? to : fallback.to, timeZone, ...(rep ? { rep } : {}) };
}

/** The API's query for these params, grouped as asked. */
export function insightsQuery(params: InsightsParams, groupBy: "day" | "week" | "rep" | "offering" | "source"): string {
  const query = new URLSearchParams({ from: params.from, to: params.to, timeZone: params.timeZone, groupBy });
  if (params.rep) query.set("rep", params.rep);
  return query.toString();
}

/** The page's own address for these params (what a reload or a shared link opens). */
export function pageSearch(params: InsightsParams): string {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.rep) query.set("rep", params.rep);
  return `?${query}`;
}

const NONE = "n/a";

/** A source as the table names it: "direct" (no campaign, no other site) in words, else as counted. */
export function sourceName(key: string): string {
  return key === "direct" ? "Direct (no campaign or referring site)" : key;
}

export function formatRate(value: number | null): string {
  return value === null ? NONE : `${Math.round(value * 100)}%`;
}

/** A speed to lead is its bucket's upper bound: "≤ 20 min", "≤ 1.5 h", "≤ 2 d". */
export function formatSpeed(minutes: number | null): string {
  if (minutes === null) return NONE;
  if (minutes < 60) return `≤ ${minutes} min`;
  if (minutes < 1440) return `≤ ${trim(minutes / 60)} h`;
  return `≤ ${trim(minutes / 1440)} d`;
}

export function formatDays(days: number | null): string {
  return days === null ? NONE : `${days} ${days === 1 ? "day" : "days"}`;
}

const trim = (value: number) => String(Math.round(value * 10) / 10);

/** "Nov 30" for the week of 2026-11-30: the Monday a weekly row is keyed by. */
export function weekLabel(monday: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(Date.parse(`${monday}T12:00:00Z`));
}

/** "Sep 8 – Dec 6, 2026" */
export function rangeLabel(from: string, to: string): string {
  const format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return format.formatRange(Date.parse(`${from}T12:00:00Z`), Date.parse(`${to}T12:00:00Z`));
}

export interface Figure {
  label: string;
  value: (figures: InsightsFigures) => string;
  /** The figure whose leads the value links to (a rate: its denominator's); none when no set of leads is it. */
  leads?: LeadFigure;
}

/** The console's lead search listing the leads behind a figure, for the page's range and rep and a row's own rep, offering or source. */
export function leadsHref(params: InsightsParams, figure: LeadFigure, row: Pick<FigureLeads, "rep" | "offering" | "source"> = {}): string {
  const behind: FigureLeads = { figure, from: params.from, to: params.to, timeZone: params.timeZone, ...(params.rep ? { rep: params.rep } : {}), ...row };
  return `/console${routeHash({ view: "search", query: "", behind })}`;
}

const count = (name: keyof InsightsFigures) => (figures: InsightsFigures) => String(figures[name] ?? 0);

/** The totals, in the order a manager asks: how many came in and booked, how fast we reach them, who shows, who picks up, who buys. */
export const TOTALS: readonly Figure[] = [
  { label: "Contact requests", value: count("contactRequests"), leads: "contactRequests" },
  { label: "Bookings", value: count("bookings"), leads: "bookings" },
  { label: "Booked within 7 days", value: (f) => `${formatRate(f.bookingRate)} (${f.requestsBookedWithin7Days})`, leads: "requestsBookedWithin7Days" },
  { label: "Speed to lead, median", value: (f) => formatSpeed(f.speedToLeadMedianMinutes), leads: "requestsReached" },
  { label: "Speed to lead, 90th percentile", value: (f) => formatSpeed(f.speedToLeadP90Minutes), leads: "requestsReached" },
  { label: "Reached within 5 minutes", value: (f) => formatRate(f.reachedWithin5MinutesShare) },
  { label: "Reached within 1 hour", value: (f) => formatRate(f.reachedWithin1HourShare) },
  { label: "Reached within 1 day", value: (f) => formatRate(f.reachedWithin1DayShare) },
  { label: "Never reached", value: count("requestsNeverReached"), leads: "requestsNeverReached" },
  { label: "Show rate", value: (f) => `${formatRate(f.showRate)} (${f.demosAttended} of ${f.demosHeld})`, leads: "demosHeld" },
  { label: "No-shows", value: count("noShows"), leads: "noShows" },
  { label: "Connect rate", value: (f) => `${formatRate(f.connectRate)} (${f.callsReached} of ${f.callAttempts})`, leads: "callAttempts" },
  { label: "Voicemail", value: (f) => formatRate(f.voicemailShare), leads: "voicemails" },
  { label: "No answer", value: (f) => formatRate(f.noAnswerShare), leads: "noAnswers" },
  { label: "Converted", value: (f) => `${f.converted} (${formatRate(f.conversionRate)} of leads with a demo)`, leads: "converted" },
  { label: "Median time to convert", value: (f) => formatDays(f.medianDaysToConvert), leads: "converted" },
];

/** Webinars: registered → attended → stayed engaged, and how many colleagues each registration brought. */
export const WEBINAR_FIGURES: readonly Figure[] = [
  { label: "Registered", value: (f) => `${f.webinarRegistered} (${f.webinarRegistrations} registrations, ${f.webinarColleagues} colleagues)`, leads: "webinarRegistered" },
  { label: "Attended", value: (f) => `${f.webinarAttended} (${formatRate(f.webinarAttendanceRate)} of registered)`, leads: "webinarAttended" },
  { label: "Stayed engaged", value: (f) => `${f.webinarStayedEngaged} (${formatRate(f.webinarEngagedShare)} of attended)`, leads: "webinarStayedEngaged" },
  { label: "Colleagues per registration", value: (f) => (f.colleaguesPerRegistration === null ? NONE : trim(f.colleaguesPerRegistration)), leads: "webinarColleagues" },
];

export interface FunnelStep {
  label: string;
  value: number;
  /** Of the contact requests; null when there were none. */
  share: number | null;
}

/** Requests → booked → attended → reached → converted. */
export function funnelSteps(figures: InsightsFigures): FunnelStep[] {
  const requests = figures.contactRequests;
  const steps: [string, number][] = [
    ["Contact requests", requests],
    ["Booked a demo", figures.bookings],
    ["Attended a demo", figures.demosAttended],
    ["Reached live", figures.requestsReached],
    ["Converted", figures.converted],
  ];
  return steps.map(([label, value]) => ({ label, value, share: requests > 0 ? value / requests : null }));
}

/** The columns of the per-rep and per-offering tables. */
export const TABLE_COLUMNS: readonly Figure[] = [
  { label: "Requests", value: count("contactRequests"), leads: "contactRequests" },
  { label: "Bookings", value: count("bookings"), leads: "bookings" },
  { label: "Speed to lead (median)", value: (f) => formatSpeed(f.speedToLeadMedianMinutes), leads: "requestsReached" },
  { label: "Show rate", value: (f) => formatRate(f.showRate), leads: "demosHeld" },
  { label: "Calls", value: count("callAttempts"), leads: "callAttempts" },
  { label: "Connect rate", value: (f) => formatRate(f.connectRate), leads: "callAttempts" },
  { label: "Converted", value: count("converted"), leads: "converted" },
];

export interface WeeklyChart {
  id: string;
  title: string;
  /** The value drawn (null: nothing that week). */
  value: (figures: InsightsFigures) => number | null;
  /** How the axis and the table write it. */
  format: (value: number | null) => string;
  axis: (value: number) => string;
  /** The top of the scale when fixed (percentages); else it follows the data. */
  max?: number;
}

/** The three weekly lines: speed to lead (median minutes), show rate and connect rate (percent). */
export const WEEKLY_CHARTS: readonly WeeklyChart[] = [
  { id: "speed", title: "Speed to lead, median", value: (f) => f.speedToLeadMedianMinutes, format: formatSpeed, axis: (minutes) => formatSpeed(minutes).replace("≤ ", "") },
  { id: "show", title: "Show rate", value: (f) => (f.showRate === null ? null : f.showRate * 100), format: (v) => (v === null ? NONE : `${Math.round(v)}%`), axis: (v) => `${Math.round(v)}%`, max: 100 },
  { id: "connect", title: "Connect rate", value: (f) => (f.connectRate === null ? null : f.connectRate * 100), format: (v) => (v === null ? NONE : `${Math.round(v)}%`), axis: (v) => `${Math.round(v)}%`, max: 100 },
];
