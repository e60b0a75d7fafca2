// Use case: the prospect's .ics for a booking, behind the signed manage token — the same calendar the
// invitation e-mail carried (same UID, so importing it never duplicates the event).

import { Forbidden, NotFound } from "../../core/errors";
import { composeInvitation } from "../../core/bookings/invitation";
import { MANAGE_PURPOSE, manageSubject } from "../../core/bookings/booking-links";
import { verifyToken } from "../../core/access/signed-token";
import { confirmedBooking } from "./confirmed-booking";
import { invitationInput } from "./invitation-input";
import type { UseCaseDependencies } from "../use-case-dependencies";

export async function bookingCalendar(deps: UseCaseDependencies, bookingId: string, token: string): Promise<string> {
  const now = deps.clock.now();
  const claims = verifyToken(token, deps.signingSecret, MANAGE_PURPOSE, now);
  const booking = claims ? await deps.store.getBooking(bookingId) : undefined;
  if (!claims || (booking && claims.subject !== manageSubject(bookingId, booking.version))) throw new Forbidden();
  if (!booking) throw new NotFound("There is no such booking.");
  const confirmed = confirmedBooking(deps, booking);
  // Links whole: a short link's code is stored only when a message carrying it is sent, and this is no message.
  return composeInvitation({ ...invitationInput(deps, confirmed, "prospect", now), linkBase: undefined }).calendar;
}
