// HTTP API: POST /api/contact-requests — a "Contact Us" request becomes a stored lead and a list of slots.
import { recordContactRequest } from "../../../use-cases/bookings/record-contact-request";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { contactRequestBody, type ContactRequestResponse } from "../api-schemas";
import { jsonBody, type Route } from "../http-route";
import { offeringSummary } from "../presenters/catalogue-presenters";
import { requestLanguage } from "../request-language";

export function contactRequestsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "POST",
    pattern: "/api/contact-requests",
    handle: async (request) => {
      const { consent: _consent, smsConsent, timeZone, source, ...details } = jsonBody(request, contactRequestBody);
      const prospect = { ...details, locale: requestLanguage(request, details.language) };
      const { lead, listing, routing } = await recordContactRequest(deps, { prospect, timeZone, source, smsConsent });
      const group = groupSessionFor(deps, prospect.teamSize);
      const body: ContactRequestResponse = { id: lead.id, offering: offeringSummary(listing.offering), timeZone, slots: listing.slots, prospectHours: listing.prospectHours, routing, ...(group ? { groupSession: group } : {}) };
      return { statusCode: 201, json: body };
    },
  };
}

/** A large team is offered the private group session too (a demo offering that takes colleagues). */
function groupSessionFor(deps: UseCaseDependencies, teamSize: number | undefined) {
  const group = deps.catalogue.config.contactRequests.groupSession;
  if (!group || teamSize === undefined || teamSize < group.minTeamSize) return undefined;
  const offering = deps.catalogue.offering(group.offering);
  return { offering: offeringSummary(offering), maxColleagues: offering.maxColleagues };
}
