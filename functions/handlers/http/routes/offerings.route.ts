// HTTP API: GET /api/offerings — what can be booked.
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import type { Route } from "../http-route";
import { offeringSummary } from "../presenters/catalogue-presenters";

export function offeringsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/offerings",
    handle: async () => ({ statusCode: 200, json: deps.catalogue.offerings().map(offeringSummary) }),
  };
}
