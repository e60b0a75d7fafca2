// Core: insights as a reader sees them — which counter buckets a date range in the viewer's zone covers,
// which day or week a bucket belongs to there, and the figures (totals, rates, speed-to-lead percentiles)
// computed from summed counters. The names of the figures are the API's, written once here.

import { CONVERT_DAYS_CAP, COUNTER, convertCounter, parseCounterRowKey, sourceOfBucket, speedCounter, SPEED_BOUNDS_MINUTES, UNASSIGNED_REP, type CounterRows, type Counters } from "./insights";
import { addDays, isoWeekday, localDateAt, startOfLocalDay } from "../time/zoned-time";

export const INSIGHTS_GROUPINGS = ["day", "week", "rep", "offering", "source"] as const;
export type InsightsGroupBy = (typeof INSIGHTS_GROUPINGS)[number];

export interface InsightsFigures {
  contactRequests: number;
  bookings: number;
  /** Requests that booked within 7 days, of all requests. */
  requestsBookedWithin7Days: number;
  bookingRate: number | null;
  demosHeld: number;
  demosAttended: number;
  noShows: number;
  showRate: number | null;
  callAttempts: number;
  callsReached: number;
  voicemails: number;
  noAnswers: number;
  connectRate: number | null;
  voicemailShare: number | null;
  noAnswerShare: number | null;
  converted: number;
  leadsWithDemo: number;
  conversionRate: number | null;
  medianDaysToConvert: number | null;
  requestsReached: number;
  requestsNeverReached: number;
  /** Upper bound of the histogram bucket holding the median (see SPEED_BOUNDS_MINUTES). */
  speedToLeadMedianMinutes: number | null;
  speedToLeadP90Minutes: number | null;
  reachedWithin5MinutesShare: number | null;
  reachedWithin1HourShare: number | null;
  reachedWithin1DayShare: number | null;
  /** Webinars: people seated for a session (registrants and the colleagues they brought). */
  webinarRegistered: number;
  /** Registrations: the people who signed up themselves (webinarRegistered without colleagues). */
  webinarRegistrations: number;
  webinarColleagues: number;
  colleaguesPerRegistration: number | null;
  webinarAttended: number;
  webinarStayedEngaged: number;
  /** Attended of registered; stayed engaged of attended. */
  webinarAttendanceRate: number | null;
  webinarEngagedShare: number | null;
}

/** The figures in the order a CSV has them. */
export const FIGURE_NAMES: readonly (keyof InsightsFigures)[] = [
  "contactRequests", "bookings", "requestsBookedWithin7Days", "bookingRate", "demosHeld", "demosAttended", "noShows", "showRate",
  "callAttempts", "callsReached", "voicemails", "noAnswers", "connectRate", "voicemailShare", "noAnswerShare",
  "converted", "leadsWithDemo", "conversionRate", "medianDaysToConvert",
  "requestsReached", "requestsNeverReached", "speedToLeadMedianMinutes", "speedToLeadP90Minutes",
  "reachedWithin5MinutesShare", "reachedWithin1HourShare", "reachedWithin1DayShare",
  "webinarRegistered", "webinarRegistrations", "webinarColleagues", "colleaguesPerRegistration",
  "webinarAttended", "webinarStayedEngaged", "webinarAttendanceRate", "webinarEngagedShare",
];

/** The UTC buckets [fromBucket, toBucket) of the local days from..to (inclusive) in `zone`. */
export function bucketRange(from: string, to: string, zone: string): { fromBucket: string; toBucket: string } {
  const start = startOfLocalDay(zone, from);
  const end = startOfLocalDay(zone, addDays(to, 1));
  return { fromBucket: bucketText(start), toBucket: bucketText(end) };
}

const bucketText = (instant: number) => new Date(instant).toISOString().slice(0, 16);

/** The local day, or the Monday of the local ISO week, a bucket (or "<bucket>#<source>") falls in. */
export function periodOf(bucket: string, zone: string, groupBy: "day" | "week"): string {
  const date = localDateAt(zone, Date.parse(`${bucket.slice(0, 16)}:00Z`));
  return groupBy === "day" ? date : addDays(date, 1 - isoWeekday(date));
}

/** Every local day from..to, or the Monday of every ISO week they touch. */
export function periodsOf(from: string, to: string, groupBy: "day" | "week"): string[] {
  const first = groupBy === "day" ? from : addDays(from, 1 - isoWeekday(from));
  const step = groupBy === "day" ? 1 : 7;
  const periods: string[] = [];
  for (let date = first; date <= to; date = addDays(date, step)) periods.push(date);
  return periods;
}

export function sumCounters(into: Counters, more: Counters): Counters {
  for (const [name, value] of Object.entries(more)) into[name] = (into[name] ?? 0) + value;
  return into;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function insightsFigures(counters: Counters): InsightsFigures {
  const get = (name: string) => counters[name] ?? 0;
  const requests = get(COUNTER.requests);
  const reached = get(COUNTER.reached);
  const demosHeld = get(COUNTER.demosAttended) + get(COUNTER.noShows);
  const calls = get(COUNTER.calls);
  const speeds = SPEED_BOUNDS_MINUTES.map((_, index) => get(speedCounter(index))).concat(get(speedCounter(SPEED_BOUNDS_MINUTES.length)));
  const speedAt = (p: number) => {
    const index = percentileIndex(speeds, p);
    return index === undefined ? null : SPEED_BOUNDS_MINUTES[Math.min(index, SPEED_BOUNDS_MINUTES.length - 1)]!;
  };
  const registered = get(COUNTER.webinarRegistered);
  const colleagues = get(COUNTER.webinarColleagues);
  const attended = get(COUNTER.webinarAttended);
  const convertDays = Array.from({ length: CONVERT_DAYS_CAP + 1 }, (_, days) => get(convertCounter(days)));
  return {
    contactRequests: requests,
    bookings: get(COUNTER.bookings),
    requestsBookedWithin7Days: get(COUNTER.booked7d),
    bookingRate: ratio(get(COUNTER.booked7d), requests),
    demosHeld,
    demosAttended: get(COUNTER.demosAttended),
    noShows: get(COUNTER.noShows),
    showRate: ratio(get(COUNTER.demosAttended), demosHeld),
    callAttempts: calls,
    callsReached: get(COUNTER.callsReached),
    voicemails: get(COUNTER.voicemails),
    noAnswers: get(COUNTER.noAnswers),
    connectRate: ratio(get(COUNTER.callsReached), calls),
    voicemailShare: ratio(get(COUNTER.voicemails), calls),
    noAnswerShare: ratio(get(COUNTER.noAnswers), calls),
    converted: get(COUNTER.converted),
    leadsWithDemo: get(COUNTER.demoLeads),
    conversionRate: ratio(get(COUNTER.converted), get(COUNTER.demoLeads)),
    medianDaysToConvert: percentileIndex(convertDays, 0.5) ?? null,
    requestsReached: reached,
    requestsNeverReached: requests - reached,
    speedToLeadMedianMinutes: speedAt(0.5),
    speedToLeadP90Minutes: speedAt(0.9),
    reachedWithin5MinutesShare: ratio(get(COUNTER.within5m), requests),
    reachedWithin1HourShare: ratio(get(COUNTER.within1h), requests),
    reachedWithin1DayShare: ratio(get(COUNTER.within1d), requests),
    webinarRegistered: registered,
    webinarRegistrations: registered - colleagues,
    webinarColleagues: colleagues,
    colleaguesPerRegistration: ratio(colleagues, registered - colleagues),
    webinarAttended: attended,
    webinarStayedEngaged: get(COUNTER.webinarStayed),
    webinarAttendanceRate: ratio(attended, registered),
    webinarEngagedShare: ratio(get(COUNTER.webinarStayed), attended),
  };
}

/** The index of the histogram bucket holding the value of rank ceil(p·n) (nearest rank), or none when empty. */
function percentileIndex(histogram: readonly number[], p: number): number | undefined {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let index = 0; index < histogram.length; index++) {
    seen += histogram[index]!;
    if (seen >= rank) return index;
  }
  return histogram.length - 1;
}

/** One CSV line per row: RFC 4180 quoting, empty for a rate with nothing to divide. */
export function insightsCsv(keyName: string, rows: readonly ({ key: string } & InsightsFigures)[]): string {
  const cell = (value: string | number | null) => {
    if (value === null) return "";
    // A key can come from what a prospect typed (a utm_source, kept to a-z 0-9 . _ - by sourceKey): one that
    // starts like a formula ("-2-3") is marked as text (a leading apostrophe), so a spreadsheet neither computes
    // it nor runs anything should keys ever allow more. A lone "-" (no rep) is no formula.
    const text = typeof value === "string" && value !== UNASSIGNED_REP && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [[keyName, ...FIGURE_NAMES].join(",")];
  for (const row of rows) lines.push([cell(row.key), ...FIGURE_NAMES.map((name) => cell(row[name]))].join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The figures a lead can be "behind", and the counters that make it: a lead is behind a figure when what it
 * added to these counters over the range, less what it added to `less`, is above zero — so the leads behind
 * a figure are exactly those whose counters sum up to it. A rate links to the leads of its denominator.
 */
export const LEAD_FIGURES = {
  contactRequests: { counters: [COUNTER.requests] },
  bookings: { counters: [COUNTER.bookings] },
  requestsBookedWithin7Days: { counters: [COUNTER.booked7d] },
  demosHeld: { counters: [COUNTER.demosAttended, COUNTER.noShows] },
  demosAttended: { counters: [COUNTER.demosAttended] },
  noShows: { counters: [COUNTER.noShows] },
  callAttempts: { counters: [COUNTER.calls] },
  callsReached: { counters: [COUNTER.callsReached] },
  voicemails: { counters: [COUNTER.voicemails] },
  noAnswers: { counters: [COUNTER.noAnswers] },
  converted: { counters: [COUNTER.converted] },
  leadsWithDemo: { counters: [COUNTER.demoLeads] },
  requestsReached: { counters: [COUNTER.reached] },
  requestsNeverReached: { counters: [COUNTER.requests], less: [COUNTER.reached] },
  webinarRegistered: { counters: [COUNTER.webinarRegistered] },
  webinarRegistrations: { counters: [COUNTER.webinarRegistered], less: [COUNTER.webinarColleagues] },
  webinarColleagues: { counters: [COUNTER.webinarColleagues] },
  webinarAttended: { counters: [COUNTER.webinarAttended] },
  webinarStayedEngaged: { counters: [COUNTER.webinarStayed] },
} as const satisfies Partial<Record<keyof InsightsFigures, { counters: readonly string[]; less?: readonly string[] }>>;
export type LeadFigure = keyof typeof LEAD_FIGURES;
export const LEAD_FIGURE_NAMES = Object.keys(LEAD_FIGURES) as LeadFigure[];

export interface FigureFilter {
  figure: LeadFigure;
  /** The rollup read (core/insights/insights.ts scopeFor: split by source when `source` is set). */
  scope: string;
  source?: string;
  fromBucket: string;
  toBucket: string;
}

/**
 * What one lead's rows (its insights snapshot) add to a figure over a range, and the last bucket they add
 * in (to list the most recent first); undefined when the lead is not behind the figure.
 */
export function leadPartOf(rows: CounterRows, filter: FigureFilter): { value: number; last: string } | undefined {
  const { counters, less = [] } = LEAD_FIGURES[filter.figure] as { counters: readonly string[]; less?: readonly string[] };
  let value = 0;
  let last = "";
  for (const [key, row] of Object.entries(rows)) {
    const { scope, bucket } = parseCounterRowKey(key);
    const time = bucket.slice(0, 16);
    if (scope !== filter.scope || time < filter.fromBucket || time >= filter.toBucket) continue;
    if (filter.source !== undefined && sourceOfBucket(bucket) !== filter.source) continue;
    const added = counters.reduce((sum, name) => sum + (row[name] ?? 0), 0);
    value += added - less.reduce((sum, name) => sum + (row[name] ?? 0), 0);
    if (added > 0 && time > last) last = time;
  }
  return value > 0 ? { value, last } : undefined;
}
