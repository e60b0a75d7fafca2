// HTTP API: the prospect's manage link — GET /api/bookings/{id}, its reschedule slots, reschedule, cancel.
import { toZonedIso } from "../../../core/time/zoned-time";
import { cancelBooking, rescheduleBooking, rescheduleSlots, viewBooking } from "../../../use-cases/bookings/manage-booking";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { cancelBody, manageQuery, manageSlotsQuery, rescheduleBody, type BookingViewBody, type SlotListResponse } from "../api-schemas";
import { jsonBody, parseWith, queryWithLinkToken, type Route } from "../http-route";
import { confirmationBody, slotListBody } from "../presenters/booking-presenters";

export function manageBookingRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/bookings/{id}",
      handle: async (request) => {
        const { token } = parseWith(manageQuery, queryWithLinkToken(request));
        const { confirmed, canChange } = await viewBooking(deps, request.params.id!, token);
        const { booking, rep, secondRep, offering } = confirmed;
        const body: BookingViewBody = {
          id: booking.id,
          status: booking.status,
          offering: { id: offering.id, title: offering.title, durationMinutes: offering.durationMinutes },
          start: toZonedIso(Date.parse(booking.start), booking.timeZone),
          end: toZonedIso(Date.parse(booking.end), booking.timeZone),
          timeZone: booking.timeZone,
          rep: { name: rep.name, firstName: rep.name.split(/\s+/)[0]! },
          ...(secondRep ? { secondRep: { name: secondRep.name, firstName: secondRep.name.split(/\s+/)[0]!, label: offering.secondPool?.label ?? "Specialist" } } : {}),
          joinUrl: booking.joinUrl,
          canChange,
        };
        return { statusCode: 200, json: body };
      },
    },
    {
      method: "GET",
      pattern: "/api/bookings/{id}/slots",
      handle: async (request) => {
        const query = parseWith(manageSlotsQuery, queryWithLinkToken(request));
        const listing = await rescheduleSlots(deps, request.params.id!, query.token, { timeZone: query.timeZone, from: query.from, to: query.to, allTimes: query.allTimes });
        const body: SlotListResponse = slotListBody(listing);
        return { statusCode: 200, json: body };
      },
    },
    {
      method: "POST",
      pattern: "/api/bookings/{id}/reschedule",
      handle: async (request) => {
        const { token, start } = jsonBody(request, rescheduleBody);
        return { statusCode: 200, json: confirmationBody(await rescheduleBooking(deps, request.params.id!, token, start)) };
      },
    },
    {
      method: "POST",
      pattern: "/api/bookings/{id}/cancel",
      handle: async (request) => {
        const { token, reason } = jsonBody(request, cancelBody);
        const cancelled = await cancelBooking(deps, request.params.id!, token, reason);
        return { statusCode: 200, json: { id: cancelled.id, status: "cancelled" } };
      },
    },
  ];
}
