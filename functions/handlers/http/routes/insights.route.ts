// HTTP API: GET /api/insights and GET /api/insights.csv — the figures of a date range in the viewer's zone,
// totals and a series by day, week, rep, offering or source (each filterable by rep, offering and source). Cookie or bearer; a manager sees the team (or any one
// rep), a rep only their own figures (403 for another's).
import { bucketRange, insightsCsv } from "../../../core/insights/insights-report";
import { insightsReport, type InsightsReport } from "../../../use-cases/insights/insights-report";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { consoleCaller } from "../console-auth";
import { insightsQuery } from "../console-schemas";
import { parseWith, type Route, type RouteRequest } from "../http-route";
import { checkedInsightsFilter } from "../insights-filter";

async function readInsights(deps: UseCaseDependencies, request: RouteRequest) {
  const caller = await consoleCaller(deps, request);
  const query = parseWith(insightsQuery, request.query);
  const filter = checkedInsightsFilter(deps, caller.rep, query);
  const report = await insightsReport(deps.insights, { ...filter, groupBy: query.groupBy }, bucketRange(query.from, query.to, query.timeZone));
  return { query: { ...query, rep: filter.rep }, report };
}

const keyName = { day: "date", week: "weekOf", rep: "rep", offering: "offering", source: "source" } as const;

export function insightsRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/insights",
      handle: async (request) => {
        const { query, report } = await readInsights(deps, request);
        return { statusCode: 200, json: { from: query.from, to: query.to, timeZone: query.timeZone, groupBy: query.groupBy, ...(query.rep ? { rep: query.rep } : {}), ...(query.offering ? { offering: query.offering } : {}), ...(query.source ? { source: query.source } : {}), ...report } };
      },
    },
    {
      method: "GET",
      pattern: "/api/insights.csv",
      handle: async (request) => {
        const { query, report } = await readInsights(deps, request);
        return {
          statusCode: 200,
          headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="insights-${query.from}-${query.to}-${query.groupBy}.csv"` },
          text: csvOf(report, keyName[query.groupBy]),
        };
      },
    },
  ];
}

/** The series' rows, then the totals as a last row keyed "total". */
function csvOf(report: InsightsReport, key: string): string {
  return insightsCsv(key, [...report.series, { key: "total", ...report.totals }]);
}
