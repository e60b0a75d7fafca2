// HTTP API: booking a demo for a lead from the console's lead page — GET /api/leads/{leadId}/slots (the
// lead's routed times in the lead's zone) and POST /api/leads/{leadId}/bookings (Idempotency-Key aware).
// Cookie or bearer; a rep books the leads they work on (403 otherwise), a manager any lead.
import { bookForLead, leadSlots } from "../../../use-cases/bookings/book-for-lead";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { asLeadViewer, consoleCaller } from "../console-auth";
import { leadBookingBody, leadSlotsQuery } from "../console-schemas";
import { jsonBody, parseWith, type Route } from "../http-route";
import { idempotencyKeyOf, requestHash } from "../idempotency-key";
import { confirmationBody, slotListBody } from "../presenters/booking-presenters";

export function leadBookingRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/leads/{leadId}/slots",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const query = parseWith(leadSlotsQuery, request.query);
        const listing = await asLeadViewer(() => leadSlots(deps, request.params.leadId!, caller.rep, { offeringId: query.offering, from: query.from, to: query.to, allTimes: query.allTimes }));
        return { statusCode: 200, json: slotListBody(listing) };
      },
    },
    {
      method: "POST",
      pattern: "/api/leads/{leadId}/bookings",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const key = idempotencyKeyOf(request);
        const body = jsonBody(request, leadBookingBody);
        const leadId = request.params.leadId!;
        const result = await asLeadViewer(() =>
          bookForLead(deps, leadId, caller.rep, { offeringId: body.offering, start: body.start, notes: body.notes }, {
            // The lead is part of the request: one key cannot book two leads.
            idempotency: key ? { key, requestHash: requestHash({ leadId, ...body }) } : undefined,
            render: confirmationBody,
          }),
        );
        const headers: Record<string, string> = result.replayed ? { "idempotent-replayed": "true" } : {};
        return { statusCode: 201, json: result.body, headers };
      },
    },
  ];
}
