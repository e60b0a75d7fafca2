// HTTP API: GET /api/bookings/{id}/timeline — the lead's log, for the prospect (manage token; without the team's own events and words) or the rep.
import type { Booking } from "../../../core/bookings/booking";
import { Forbidden, NotFound } from "../../../core/errors";
import { leadTimeline, type TimelineReader } from "../../../use-cases/bookings/lead-timeline";
import { authorizedBooking } from "../../../use-cases/bookings/manage-booking";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { queryWithLinkToken, type Route, type RouteRequest } from "../http-route";
import { repByToken } from "../rep-auth";

export function timelineRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/bookings/{id}/timeline",
    handle: async (request) => {
      const { booking, reader } = await bookingFor(deps, request, request.params.id!);
      const events = await leadTimeline(deps, booking.leadId, reader);
      return {
        statusCode: 200,
        json: { leadId: booking.leadId, events: events.map(({ at, kind, data }) => ({ at, kind, ...(data ? { data } : {}) })) },
      };
    },
  };
}

/**
 * The booking, if the caller may see it: the prospect's manage token, or the token of one of its reps. As
 * on the manage page, the link of the version that was cancelled still reads (its log ends "cancelled").
 */
async function bookingFor(deps: UseCaseDependencies, request: RouteRequest, bookingId: string): Promise<{ booking: Booking; reader: TimelineReader }> {
  const token = queryWithLinkToken(request).token;
  if (token) return { booking: await authorizedBooking(deps, bookingId, token, { viewCancelled: true }), reader: "prospect" };
  const rep = repByToken(deps, request);
  if (!rep) throw new Forbidden("Send the manage link's token, or a rep's API token.");
  const booking = await deps.store.getBooking(bookingId);
  if (!booking) throw new NotFound("There is no such booking.");
  if (booking.repId !== rep.id && booking.secondRepId !== rep.id) throw new Forbidden("This booking is another rep's.");
  return { booking, reader: "rep" };
}
