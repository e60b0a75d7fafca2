// Use case: the insights of a date range — totals and a series by day, week, rep or offering — read from
// the counters with one Query per series (the store pages a Query past 1 MB), whatever the number of leads.
// Who may see what is decided by the caller (handlers): this takes the reps it is allowed to show.

import { insightsFigures, periodOf, periodsOf, sumCounters, type InsightsFigures, type InsightsGroupBy } from "../core/insights-report";
import { UNASSIGNED_REP, type Counters } from "../core/insights";
import type { InsightsStore } from "../ports/insights-store";

export interface InsightsRequest {
  from: string;
  to: string;
  timeZone: string;
  /** One rep, or the whole team when absent. */
  rep?: string;
  offering?: string;
  groupBy: InsightsGroupBy;
  /** Every rep and offering of the config: the rows of a series by rep or offering. */
  repIds: readonly string[];
  offeringIds: readonly string[];
}

export type InsightsRow = { key: string } & InsightsFigures;

export interface InsightsReport {
  totals: InsightsFigures;
  series: InsightsRow[];
}

/** The counter rollup for a rep and offering filter (see core/insights.ts scopesOf). */
export function scopeFor(rep: string | undefined, offering: string | undefined): string {
  if (rep && offering) return `REP#${rep}#OFFERING#${offering}`;
  if (rep) return `REP#${rep}`;
  if (offering) return `OFFERING#${offering}`;
  return "ALL";
}

export async function insightsReport(store: InsightsStore, request: InsightsRequest, range: { fromBucket: string; toBucket: string }): Promise<InsightsReport> {
  const sum = async (scope: string): Promise<Counters> => {
    const total: Counters = {};
    for (const row of await store.counterRows(scope, range.fromBucket, range.toBucket)) sumCounters(total, row.counters);
    return total;
  };
  if (request.groupBy === "day" || request.groupBy === "week") {
    const byPeriod = new Map<string, Counters>();
    const total: Counters = {};
    for (const row of await store.counterRows(scopeFor(request.rep, request.offering), range.fromBucket, range.toBucket)) {
      const period = periodOf(row.bucket, request.timeZone, request.groupBy);
      sumCounters((byPeriod.get(period) ?? byPeriod.set(period, {}).get(period))!, row.counters);
      sumCounters(total, row.counters);
    }
    // Every day or week of the range, also those with nothing in them (a chart's axis).
    const periods = periodsOf(request.from, request.to, request.groupBy);
    return { totals: insightsFigures(total), series: periods.map((key) => ({ key, ...insightsFigures(byPeriod.get(key) ?? {}) })) };
  }
  const keys = request.groupBy === "rep" ? (request.rep ? [request.rep] : [...request.repIds, UNASSIGNED_REP]) : request.offering ? [request.offering] : request.offeringIds;
  const sums = await Promise.all(keys.map((key) => (request.groupBy === "rep" ? sum(scopeFor(key, request.offering)) : sum(scopeFor(request.rep, key)))));
  const total: Counters = {};
  const series: InsightsRow[] = [];
  sums.forEach((counters, index) => {
    sumCounters(total, counters);
    // The not-yet-assigned row only when it holds something.
    if (keys[index] === UNASSIGNED_REP && Object.values(counters).every((value) => value === 0)) return;
    series.push({ key: keys[index]!, ...insightsFigures(counters) });
  });
  return { totals: insightsFigures(total), series };
}
