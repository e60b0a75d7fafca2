// Use cases: a confirmed booking as the core's invitation composer wants it — for the e-mails and for
// the .ics download, so both carry the same UID, SEQUENCE and text.

import type { LivelineConfig } from "../config/liveline-config";
import type { InvitationInput } from "../core/invitation";
import type { ConfirmedBooking } from "./book-demo";

export function invitationInput(config: LivelineConfig, confirmed: ConfirmedBooking, recipient: "prospect" | "rep", now: Date): InvitationInput {
  const { booking, rep, offering, links } = confirmed;
  return {
    recipient,
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
