// Use case: the insights of a date range — totals and a series by day, week, rep, offering or source — read
// from the counters with one Query per series (the store pages a Query past 1 MB), whatever the number of
// leads. Who may see what is decided by the caller (handlers): this takes the reps it is allowed to show.

import { insightsFigures, periodOf, periodsOf, sumCounters, type InsightsFigures, type InsightsGroupBy } from "../../core/insights/insights-report";
import { scopeFor, sourceOfBucket, UNASSIGNED_REP, type Counters } from "../../core/insights/insights";
import type { CounterRow, InsightsStore } from "../../ports/insights-store";

export interface InsightsRequest {
  from: string;
  to: string;
  timeZone: string;
  /** One rep, or the whole team when absent. */
  rep?: string;
  offering?: string;
  /** One source (core/insights/insights.ts sourceKey), or all when absent. */
  source?: string;
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

type Range = { fromBucket: string; toBucket: string };

/**
 * One rollup's rows over the range, kept to one source when asked: a source filter reads the rollup split by
 * source (one Query; its rows are each source's, so the cost grows with the sources seen, not the leads).
 */
async function rollupRows(store: InsightsStore, rep: string | undefined, offering: string | undefined, source: string | undefined, range: Range): Promise<CounterRow[]> {
  if (source === undefined) return store.counterRows(scopeFor(rep, offering), range.fromBucket, range.toBucket);
  return sourceRows(store, rep, offering, source, range);
}

/** The rollup split by source: every source's rows, or one source's. */
async function sourceRows(store: InsightsStore, rep: string | undefined, offering: string | undefined, source: string | undefined, range: Range): Promise<CounterRow[]> {
  const rows = await store.counterRows(scopeFor(rep, offering, true), range.fromBucket, range.toBucket);
  return source === undefined ? rows : rows.filter((row) => sourceOfBucket(row.bucket) === source);
}

function summed(rows: readonly CounterRow[]): Counters {
  const total: Counters = {};
  for (const row of rows) sumCounters(total, row.counters);
  return total;
}

export async function insightsReport(store: InsightsStore, request: InsightsRequest, range: Range): Promise<InsightsReport> {
  if (request.groupBy === "day" || request.groupBy === "week") return byPeriod(store, request, request.groupBy, range);
  if (request.groupBy === "source") return bySource(store, request, range);
  const keys = request.groupBy === "rep" ? (request.rep ? [request.rep] : [...request.repIds, UNASSIGNED_REP]) : request.offering ? [request.offering] : request.offeringIds;
  const sums = await Promise.all(
    keys.map(async (key) => summed(request.groupBy === "rep" ? await rollupRows(store, key, request.offering, request.source, range) : await rollupRows(store, request.rep, key, request.source, range))),
  );
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

async function byPeriod(store: InsightsStore, request: InsightsRequest, groupBy: "day" | "week", range: Range): Promise<InsightsReport> {
  const periods = new Map<string, Counters>();
  const total: Counters = {};
  for (const row of await rollupRows(store, request.rep, request.offering, request.source, range)) {
    const period = periodOf(row.bucket, request.timeZone, groupBy);
    sumCounters((periods.get(period) ?? periods.set(period, {}).get(period))!, row.counters);
    sumCounters(total, row.counters);
  }
  // Every day or week of the range, also those with nothing in them (a chart's axis).
  return { totals: insightsFigures(total), series: periodsOf(request.from, request.to, groupBy).map((key) => ({ key, ...insightsFigures(periods.get(key) ?? {}) })) };
}

/** One row per source seen in the range (most contact requests first), from one Query of the split rollup. */
async function bySource(store: InsightsStore, request: InsightsRequest, range: Range): Promise<InsightsReport> {
  const sources = new Map<string, Counters>();
  const total: Counters = {};
  for (const row of await sourceRows(store, request.rep, request.offering, request.source, range)) {
    const source = sourceOfBucket(row.bucket) ?? "";
    sumCounters((sources.get(source) ?? sources.set(source, {}).get(source))!, row.counters);
    sumCounters(total, row.counters);
  }
  const series = [...sources].map(([key, counters]) => ({ key, ...insightsFigures(counters) }));
  series.sort((a, b) => b.contactRequests - a.contactRequests || a.key.localeCompare(b.key));
  return { totals: insightsFigures(total), series };
}
