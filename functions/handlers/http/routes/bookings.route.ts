// HTTP API: POST /api/bookings — book a demo slot (Idempotency-Key aware).
import { createHash } from "node:crypto";
import { googleCalendarUrl } from "../../../core/calendar-links";
import { toZonedIso } from "../../../core/zoned-time";
import { bookDemo } from "../../../use-cases/book-demo";
import type { ConfirmedBooking } from "../../../use-cases/confirmed-booking";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { IDEMPOTENCY_HEADER, bookingBody, idempotencyKey, type BookingBody, type BookingConfirmationBody } from "../api-schemas";
import { HttpError, jsonBody, type Route, type RouteRequest } from "../http-route";

export function bookingsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "POST",
    pattern: "/api/bookings",
    handle: async (request) => {
      const key = idempotencyKeyOf(request);
      const body = jsonBody(request, bookingBody);
      const { offering, start, timeZone, notes, contactRequestId, colleagues, consent: _consent, ...prospect } = body;
      const result = await bookDemo(
        deps,
        { offeringId: offering, start, timeZone, notes, contactRequestId, prospect, colleagues },
        { idempotency: key ? { key, requestHash: requestHash(body) } : undefined, render: confirmationBody },
      );
      const headers: Record<string, string> = result.replayed ? { "idempotent-replayed": "true" } : {};
      return { statusCode: result.statusCode, json: result.body, headers };
    },
  };
}

export function idempotencyKeyOf(request: RouteRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  const result = idempotencyKey.safeParse(value);
  if (!result.success) throw new HttpError(400, "invalid_idempotency_key", `Idempotency-Key ${result.error.issues[0]!.message}.`, "Idempotency-Key");
  return result.data;
}

/** Same key + same validated body = the same request. */
export function requestHash(body: BookingBody | Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("base64url");
}

export function confirmationBody({ booking, rep, secondRep, offering, links }: ConfirmedBooking): BookingConfirmationBody {
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  return {
    id: booking.id,
    status: "confirmed",
    offering: { id: offering.id, title: offering.title },
    start: toZonedIso(start, booking.timeZone),
    end: toZonedIso(end, booking.timeZone),
    timeZone: booking.timeZone,
    rep: { name: rep.name, firstName: firstName(rep.name) },
    ...(secondRep ? { secondRep: { name: secondRep.name, firstName: firstName(secondRep.name), label: offering.secondPool?.label ?? "Specialist" } } : {}),
    joinUrl: booking.joinUrl,
    manageUrl: links.manageUrl,
    icsUrl: links.icsUrl,
    googleCalendarUrl: googleCalendarUrl({
      title: `${offering.title} with ${firstName(rep.name)}`,
      start: new Date(start),
      end: new Date(end),
      details: `Join: ${booking.joinUrl}\nReschedule or cancel: ${links.manageUrl}`,
      location: booking.joinUrl,
    }),
  };
}

function firstName(name: string): string {
  return name.split(/\s+/)[0]!;
}
