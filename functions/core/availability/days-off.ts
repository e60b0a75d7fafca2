// Core: a rep's days off (vacations, holidays) as written in config — "2026-12-24" or a range
// "2026-12-28..2027-01-01", inclusive, in the rep's own zone — and the set of local dates they cover.

import { addDays, localDateMs } from "../time/zoned-time";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 366;

function isRealDate(text: string): boolean {
  // Month 13 or day 32 do not parse at all; Feb 30 may parse as a day in March.
  const dateMs = DATE.test(text) ? localDateMs(text) : NaN;
  return Number.isFinite(dateMs) && new Date(dateMs).toISOString().startsWith(text);
}

/** An error message for a bad entry, or undefined when it is fine. */
export function daysOffProblem(entry: string): string | undefined {
  const [first, last, extra] = entry.split("..");
  if (extra !== undefined || !first || !isRealDate(first) || (last !== undefined && !isRealDate(last))) {
    return `"${entry}" is not a date like 2026-12-24 or a range like 2026-12-28..2027-01-01`;
  }
  if (last === undefined) return undefined;
  if (last < first) return `"${entry}" ends before it starts`;
  if ((localDateMs(last) - localDateMs(first)) / 86_400_000 >= MAX_RANGE_DAYS) return `"${entry}" spans more than a year`;
  return undefined;
}

/** Every local date the (valid) entries cover. */
export function daysOffSet(entries: readonly string[]): Set<string> {
  const dates = new Set<string>();
  for (const entry of entries) {
    const [first, last = first] = entry.split("..") as [string, string?];
    for (let date = first; date <= last!; date = addDays(date, 1)) dates.add(date);
  }
  return dates;
}
