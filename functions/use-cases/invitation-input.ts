// Use cases: a confirmed booking as the core's invitation composer wants it — for the e-mails and for
// the .ics download, so both carry the same UID, SEQUENCE and text.

import type { LivelineConfig } from "../config/liveline-config";
import type { InvitationInput } from "../core/invitation";
import type { ConfirmedBooking } from "./confirmed-booking";

export type InvitationRecipient = "prospect" | "rep" | "second-rep";

/** The invitation for one recipient; for the second participant the "rep" is them and the cohost the rep. */
export function invitationInput(config: LivelineConfig, confirmed: ConfirmedBooking, recipient: InvitationRecipient, now: Date): InvitationInput {
  const { booking, offering, links } = confirmed;
  const label = offering.secondPool?.label ?? "Specialist";
  const rep = recipient === "second-rep" ? confirmed.secondRep! : confirmed.rep;
  const cohost =
    recipient === "second-rep"
      ? { name: confirmed.rep.name, label: "Account executive" }
      : confirmed.secondRep && { name: confirmed.secondRep.name, label };
  return {
    recipient: recipient === "prospect" ? "prospect" : "rep",
    cohost,
    now,
    company: { name: config.company.name },
    sender: { name: config.sender.name, email: config.sender.email },
    offering: { title: offering.title, description: offering.description, durationMinutes: offering.durationMinutes },
    booking: {
      id: booking.id,
      start: new Date(booking.start),
      end: new Date(booking.end),
      icalUid: booking.icalUid,
      sequence: booking.sequence,
      joinUrl: booking.joinUrl,
      manageUrl: links.manageUrl,
      notes: booking.notes,
    },
    prospect: { ...booking.prospect, timeZone: booking.timeZone },
    rep: { name: rep.name, email: rep.email, phone: rep.phone, timeZone: rep.timeZone },
  };
}
