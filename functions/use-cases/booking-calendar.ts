// Use case: the prospect's .ics for a booking, behind the signed manage token — the same calendar the
// invitation e-mail carried (same UID, so importing it never duplicates the event).

import { bookingLinks } from "../core/booking-links";
import { Forbidden, NotFound } from "../core/errors";
import { composeInvitation } from "../core/invitation";
import { MANAGE_PURPOSE } from "../core/booking-links";
import { verifyToken } from "../core/signed-token";
import { invitationInput } from "./invitation-input";
import type { UseCaseDependencies } from "./use-case-dependencies";

export async function bookingCalendar(deps: UseCaseDependencies, bookingId: string, token: string): Promise<string> {
  const now = deps.clock.now();
  const claims = verifyToken(token, deps.signingSecret, MANAGE_PURPOSE, now);
  if (!claims || claims.subject !== bookingId) throw new Forbidden();
  const booking = await deps.store.getBooking(bookingId);
  if (!booking) throw new NotFound("There is no such booking.");
  const offering = deps.catalogue.offering(booking.offeringId);
  const confirmed = {
    booking,
    offering,
    rep: deps.catalogue.rep(booking.repId),
    secondRep: booking.secondRepId ? deps.catalogue.rep(booking.secondRepId) : undefined,
    links: bookingLinks(deps.publicUrl, booking.id, new Date(booking.end), deps.signingSecret),
  };
  return composeInvitation(invitationInput(deps.catalogue.config, confirmed, "prospect", now)).calendar;
}
