// HTTP API: how a booking and a list of free times are answered — shared by the routes that book, move
// and list (bookings, manage-booking, slots, lead-booking), so each answer has one shape.
import { googleCalendarUrl } from "../../../core/calendar/calendar-links";
import { toZonedIso } from "../../../core/time/zoned-time";
import type { ConfirmedBooking } from "../../../use-cases/bookings/confirmed-booking";
import type { SlotListing } from "../../../use-cases/availability/list-slots";
import type { BookingConfirmationBody, SlotListResponse } from "../api-schemas";

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

export function slotListBody(listing: SlotListing): SlotListResponse {
  return { offering: listing.offering.id, timeZone: listing.timeZone, slots: listing.slots, ...(listing.prospectHours ? { prospectHours: listing.prospectHours } : {}) };
}

function firstName(name: string): string {
  return name.split(/\s+/)[0]!;
}
