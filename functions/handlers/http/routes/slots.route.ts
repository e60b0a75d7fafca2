// HTTP API: GET /api/slots?offering&from&to&timeZone — free slots in the asker's zone.
import { listSlots } from "../../../use-cases/availability/list-slots";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { slotsQuery, type SlotListResponse } from "../api-schemas";
import { InvalidInput } from "../../../core/errors";
import { parseWith, type Route } from "../http-route";
import { slotListBody } from "../presenters/booking-presenters";

export function slotsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/slots",
    handle: async (request) => {
      const query = parseWith(slotsQuery, request.query);
      const pool = query.contactRequest ? await routedPool(deps, query.contactRequest, query.offering) : undefined;
      const listing = await listSlots(deps, { offeringId: query.offering, timeZone: query.timeZone, from: query.from, to: query.to, pool, allTimes: query.allTimes });
      const body: SlotListResponse = slotListBody(listing);
      return { statusCode: 200, json: body };
    },
  };
}

/** The pool a contact request was routed to, for the offering it was routed for. */
async function routedPool(deps: UseCaseDependencies, leadId: string, offeringId: string): Promise<string[] | undefined> {
  const lead = await deps.store.getLead(leadId);
  if (!lead) throw new InvalidInput("contactRequest", "No contact request has this id.", "unknown_contact_request");
  return lead.offeringId === offeringId ? lead.routing.pool : undefined;
}

