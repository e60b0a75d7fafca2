// Use cases: a confirmed booking as the core's composers want it — the one mapping from a booking to what
// its messages show: the invitation (the e-mails and the .ics download, so both carry the same UID, SEQUENCE
// and text) and the lifecycle messages (reminders, prep note, feedback request).

import type { InvitationInput } from "../../core/bookings/invitation";
import type { DemoView } from "../../core/bookings/lifecycle-messages";
import type { Booking } from "../../core/bookings/booking";
import { confirmedBooking, type ConfirmedBooking } from "./confirmed-booking";
import { companyIdentity } from "../messages/message-context";
import type { UseCaseDependencies } from "../use-case-dependencies";

export type InvitationRecipient = "prospect" | "rep" | "second-rep";

/** The invitation for one recipient; for the second participant the "rep" is them and the cohost the rep. */
export function invitationInput(deps: Pick<UseCaseDependencies, "catalogue" | "publicUrl">, confirmed: ConfirmedBooking, recipient: InvitationRecipient, now: Date): InvitationInput {
  const { booking, offering } = confirmed;
  const label = offering.secondPool?.label ?? "Specialist";
  const rep = recipient === "second-rep" ? confirmed.secondRep! : confirmed.rep;
  const cohost =
    recipient === "second-rep"
      ? { name: confirmed.rep.name, label: "Account executive" }
      : confirmed.secondRep && { name: confirmed.secondRep.name, label };
  const { id, start, end, joinUrl, manageUrl, notes, prospect, rep: repView } = demoView(confirmed, rep);
  return {
    recipient: recipient === "prospect" ? "prospect" : "rep",
    cohost,
    now,
    company: companyIdentity(deps),
    sender: { name: deps.catalogue.config.sender.name, email: deps.catalogue.config.sender.email },
    linkBase: deps.publicUrl,
    offering: { title: offering.title, description: offering.description, durationMinutes: offering.durationMinutes },
    booking: { id, start, end, icalUid: booking.icalUid, sequence: booking.sequence, joinUrl, manageUrl, notes },
    prospect,
    rep: repView,
  };
}

/** A stored booking as its messages show it (the timers' reminders and prep note, the feedback page). */
export function bookingDemoView(deps: UseCaseDependencies, booking: Booking): DemoView {
  return demoView(confirmedBooking(deps, booking));
}

/** The demo as its messages show it: times, links, notes, the prospect in their zone, and the rep (or the second one). */
export function demoView(confirmed: ConfirmedBooking, rep = confirmed.rep): DemoView {
  const { booking, offering, links } = confirmed;
  return {
    id: booking.id,
    start: new Date(booking.start),
    end: new Date(booking.end),
    offeringTitle: offering.title,
    joinUrl: booking.joinUrl,
    manageUrl: links.manageUrl,
    notes: booking.notes,
    prospect: { ...booking.prospect, timeZone: booking.timeZone },
    rep: { name: rep.name, email: rep.email, phone: rep.phone, timeZone: rep.timeZone, language: rep.language },
  };
}
