// HTTP API: GET /api/bookings/{id}/invite.ics?token — the booking's calendar file, behind the signed token.
import { bookingCalendar } from "../../../use-cases/bookings/booking-calendar";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { bookingIcsQuery } from "../api-schemas";
import { parseWith, queryWithLinkToken, type Route } from "../http-route";

export function bookingIcsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/bookings/{id}/invite.ics",
    handle: async (request) => {
      const { token } = parseWith(bookingIcsQuery, queryWithLinkToken(request));
      const calendar = await bookingCalendar(deps, request.params.id!, token);
      return {
        statusCode: 200,
        text: calendar,
        headers: { "content-type": "text/calendar; charset=utf-8; method=REQUEST", "content-disposition": 'attachment; filename="invite.ics"' },
      };
    },
  };
}
