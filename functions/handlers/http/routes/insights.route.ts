// HTTP API: GET /api/insights and GET /api/insights.csv — the figures of a date range in the viewer's zone,
// totals and a series by day, week, rep, offering or source (each filterable by rep, offering and source). Cookie or bearer; a manager sees the team (or any one
// rep), a rep only their own figures (403 for another's).
import { bucketRange, insightsCsv } from "../../../core/insights-report";
import { addDays } from "../../../core/zoned-time";
import { insightsReport, type InsightsReport } from "../../../use-cases/insights-report";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { consoleCaller, isManager } from "../console-auth";
import { INSIGHTS_MAX_DAYS, insightsQuery } from "../console-schemas";
import { HttpError, parseWith, type Route, type RouteRequest } from "../http-route";

async function readInsights(deps: UseCaseDependencies, request: RouteRequest) {
  const caller = await consoleCaller(deps, request);
  const query = parseWith(insightsQuery, request.query);
  if (query.to < query.from) throw new HttpError(422, "invalid_input", "to must not be before from.", "to");
  if (query.to > addDays(query.from, INSIGHTS_MAX_DAYS - 1)) throw new HttpError(422, "invalid_input", `to must be at most ${INSIGHTS_MAX_DAYS} days after from.`, "to");
  // Read per request: the route table is also built without dependencies, to list the routes.
  const repIds = deps.catalogue.config.reps.map((rep) => rep.id);
  const offeringIds = deps.catalogue.demoOfferings().map((offering) => offering.id);
  if (query.rep !== undefined && !repIds.includes(query.rep)) throw new HttpError(422, "invalid_input", "rep is not a rep id.", "rep");
  if (query.offering !== undefined && !offeringIds.includes(query.offering)) throw new HttpError(422, "invalid_input", "offering is not a demo offering id.", "offering");
  if (!isManager(caller.rep) && query.rep !== undefined && query.rep !== caller.rep.id) throw new HttpError(403, "forbidden", "A rep sees only their own figures.");
  const rep = isManager(caller.rep) ? query.rep : caller.rep.id;
  const report = await insightsReport(deps.insights, { ...query, rep, repIds, offeringIds }, bucketRange(query.from, query.to, query.timeZone));
  return { query: { ...query, rep }, report };
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
