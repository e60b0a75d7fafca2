// Use cases: a booking with what its messages and the API's answer are made of — its offering, rep (and
// second participant) and signed links. Book, reschedule, cancel, the calendar file and the timers all
// build it here, so a booking reads the same everywhere.

import type { DemoOfferingConfig, RepConfig } from "../../config/liveline-config";
import type { Booking } from "../../core/bookings/booking";
import { bookingLinks, type BookingLinks } from "../../core/bookings/booking-links";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface ConfirmedBooking {
  booking: Booking;
  rep: RepConfig;
  /** The second participant of a two-pool offering. */
  secondRep?: RepConfig;
  offering: DemoOfferingConfig;
  links: BookingLinks;
}

/** The booking's links, rep and offering: what its invitations and the API's answer are made of. */
export function confirmedBooking(deps: UseCaseDependencies, booking: Booking): ConfirmedBooking {
  const offering = deps.catalogue.offering(booking.offeringId);
  return {
    booking,
    offering,
    rep: deps.catalogue.rep(booking.repId),
    secondRep: booking.secondRepId ? deps.catalogue.rep(booking.secondRepId) : undefined,
    links: bookingLinks(deps.publicUrl, booking.id, booking.version, new Date(booking.end), deps.signingSecret, booking.prospect.locale),
  };
}
