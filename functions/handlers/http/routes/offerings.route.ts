// HTTP API: GET /api/offerings — what can be booked.
import type { OfferingConfig } from "../../../config/liveline-config";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import type { OfferingSummary } from "../api-schemas";
import type { Route } from "../http-route";

export function offeringSummary(offering: OfferingConfig): OfferingSummary {
  return {
    id: offering.id,
    title: offering.title,
    durationMinutes: offering.durationMinutes,
    kind: offering.kind,
    ...(offering.description ? { description: offering.description } : {}),
  };
}

export function offeringsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/offerings",
    handle: async () => ({ statusCode: 200, json: deps.catalogue.offerings().map(offeringSummary) }),
  };
}
