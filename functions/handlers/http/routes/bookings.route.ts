// HTTP API: POST /api/bookings — book a demo slot (Idempotency-Key aware).
import { bookDemo } from "../../../use-cases/bookings/book-demo";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { bookingBody } from "../api-schemas";
import { idempotencyKeyOf, requestHash } from "../idempotency-key";
import { jsonBody, type Route } from "../http-route";
import { confirmationBody } from "../presenters/booking-presenters";
import { requestLanguage } from "../request-language";

export function bookingsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "POST",
    pattern: "/api/bookings",
    handle: async (request) => {
      const key = idempotencyKeyOf(request);
      const body = jsonBody(request, bookingBody);
      const { offering, start, timeZone, notes, contactRequestId, colleagues, source, consent: _consent, smsConsent, ...details } = body;
      const prospect = { ...details, locale: requestLanguage(request, details.language) };
      const result = await bookDemo(
        deps,
        { offeringId: offering, start, timeZone, notes, contactRequestId, prospect, colleagues, source, smsConsent },
        { idempotency: key ? { key, requestHash: requestHash(body) } : undefined, render: confirmationBody, protection: request.protection?.writes, liveBookingsPerAddress: request.protection?.liveBookingsPerAddress },
      );
      const headers: Record<string, string> = result.replayed ? { "idempotent-replayed": "true" } : {};
      return { statusCode: 201, json: result.body, headers };
    },
  };
}

