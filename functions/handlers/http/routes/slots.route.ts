// HTTP API: GET /api/slots?offering&from&to&timeZone — free slots in the asker's zone.
import { listSlots } from "../../../use-cases/list-slots";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { slotsQuery, type SlotListResponse } from "../api-schemas";
import { parseWith, type Route } from "../http-route";

export function slotsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/slots",
    handle: async (request) => {
      const query = parseWith(slotsQuery, request.query);
      const listing = await listSlots(deps, { offeringId: query.offering, timeZone: query.timeZone, from: query.from, to: query.to });
      const body: SlotListResponse = { offering: listing.offering.id, timeZone: listing.timeZone, slots: listing.slots };
      return { statusCode: 200, json: body };
    },
  };
}
