// HTTP layer: whose insights a caller may read, over which range — the figures (routes/insights.route.ts)
// and the leads behind them (routes/console.route.ts, GET /api/leads?figure=) check the same way: a range of
// local days (to not before from, at most INSIGHTS_MAX_DAYS), a known rep and demo offering; a manager sees
// the team or any rep, a rep only their own (403 for another's).

import type { RepConfig } from "../../config/liveline-config";
import { UNASSIGNED_REP } from "../../core/insights/insights";
import { addDays } from "../../core/time/zoned-time";
import type { InsightsRequest } from "../../use-cases/insights/insights-report";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import { isManager } from "./console-auth";
import { INSIGHTS_MAX_DAYS } from "./console-schemas";
import { HttpError } from "./http-route";

/** The range and who, what and where from: a request's filter before it is checked. */
export type InsightsFilterInput = Pick<InsightsRequest, "from" | "to" | "timeZone" | "rep" | "offering" | "source">;

export interface CheckedInsightsFilter extends InsightsFilterInput {
  /** Every rep and demo offering of the config (a series by rep or offering has a row for each). */
  repIds: string[];
  offeringIds: string[];
}

/** The filter as the viewer may read it; `unassigned` also accepts the not-yet-assigned rep ("-"), for managers. */
export function checkedInsightsFilter(deps: UseCaseDependencies, viewer: RepConfig, query: InsightsFilterInput, options: { unassigned?: boolean } = {}): CheckedInsightsFilter {
  if (query.to < query.from) throw new HttpError(422, "invalid_input", "to must not be before from.", "to");
  if (query.to > addDays(query.from, INSIGHTS_MAX_DAYS - 1)) throw new HttpError(422, "invalid_input", `to must be at most ${INSIGHTS_MAX_DAYS} days after from.`, "to");
  // Read per request: the route table is also built without dependencies, to list the routes.
  const repIds = deps.catalogue.config.reps.map((rep) => rep.id);
  const offeringIds = deps.catalogue.demoOfferings().map((offering) => offering.id);
  const knownRep = (rep: string) => repIds.includes(rep) || (options.unassigned === true && rep === UNASSIGNED_REP);
  if (query.rep !== undefined && !knownRep(query.rep)) throw new HttpError(422, "invalid_input", "rep is not a rep id.", "rep");
  if (query.offering !== undefined && !offeringIds.includes(query.offering)) throw new HttpError(422, "invalid_input", "offering is not a demo offering id.", "offering");
  if (!isManager(viewer) && query.rep !== undefined && query.rep !== viewer.id) throw new HttpError(403, "forbidden", "A rep sees only their own figures.");
  const rep = isManager(viewer) ? query.rep : viewer.id;
  const { rep: _asked, ...rest } = query;
  return { ...rest, ...(rep !== undefined ? { rep } : {}), repIds, offeringIds };
}
