// Use cases: a booking's invitations as outbox mail — composed now (REQUEST for a new or moved booking,
// CANCEL for a cancelled one), one message per recipient, each keyed by recipient and SEQUENCE so a
// retried change never mails twice.

import { composedMail } from "../../core/messages/outbox-items";
import { composeInvitation } from "../../core/bookings/invitation";
import { composeWebinarInvitation } from "../../core/webinars/webinar-messages";
import type { OutboxMail } from "../../ports/outbox";
import type { ConfirmedBooking } from "./confirmed-booking";
import { invitationInput, type InvitationRecipient } from "./invitation-input";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

export type InvitationChange = "new" | "update" | "cancel";

export interface InvitationOptions {
  recipients?: readonly InvitationRecipient[];
  /** The prospect's invited colleagues get theirs too (default: when all recipients are mailed). */
  colleagues?: boolean;
  cancelReason?: string;
  /** Where a prospect whose demo was cancelled can book another. */
  rebookUrl?: string;
}

export function invitationMails(deps: UseCaseDependencies, confirmed: ConfirmedBooking, change: InvitationChange, now: Date, options: InvitationOptions = {}): OutboxMail[] {
  const recipients = options.recipients ?? (["prospect", "rep", ...(confirmed.secondRep ? ["second-rep" as const] : [])] as InvitationRecipient[]);
  const config = deps.catalogue.config;
  const { booking } = confirmed;
  const mails: OutboxMail[] = recipients.map((recipient) => {
    const email = composeInvitation({
      ...invitationInput(deps, confirmed, recipient, now),
      change,
      cancelReason: options.cancelReason,
      rebookUrl: recipient === "prospect" ? options.rebookUrl : undefined,
    });
    const who = recipient === "prospect" ? "prospect" : `rep-${recipient === "rep" ? booking.repId : booking.secondRepId}`;
    return {
      type: "mail",
      owner: { kind: "booking", id: booking.id },
      key: `invitation-${who}-s${booking.sequence}`,
      from: config.sender.email,
      ...composedMail(email),
      category: "transactional",
      logAs: { leadId: booking.leadId, kind: change === "cancel" ? "cancellation_sent" : "invite_sent", data: { to: recipient, sequence: booking.sequence } },
    };
  });
  const withColleagues = options.colleagues ?? options.recipients === undefined;
  return withColleagues ? [...mails, ...colleagueMails(deps, confirmed, change, now, options)] : mails;
}

/** A private group session: each colleague their own invitation (one ATTENDEE), same UID and SEQUENCE. */
function colleagueMails(deps: UseCaseDependencies, confirmed: ConfirmedBooking, change: InvitationChange, now: Date, options: InvitationOptions): OutboxMail[] {
  const { booking, rep, offering } = confirmed;
  const config = deps.catalogue.config;
  return (booking.colleagues ?? []).map((email, index) => {
    const composed = composeWebinarInvitation(
      messageContext(deps, now),
      {
        session: { id: booking.id, title: offering.title, description: offering.description, start: new Date(booking.start), end: new Date(booking.end), joinUrl: booking.joinUrl, host: { name: rep.name, email: rep.email } },
        // In the booker's language: they invited them, in the language of their own invitation.
        attendee: { email, timeZone: booking.timeZone, locale: booking.prospect.locale },
        uid: booking.icalUid,
        sequence: booking.sequence,
        change,
        invitedBy: booking.prospect.name,
        cancelReason: options.cancelReason,
      },
    );
    return {
      type: "mail",
      owner: { kind: "booking", id: booking.id },
      key: `invitation-colleague-${index}-s${booking.sequence}`,
      from: config.sender.email,
      ...composedMail(composed),
      category: "transactional",
      logAs: { leadId: booking.leadId, kind: change === "cancel" ? "cancellation_sent" : "invite_sent", data: { to: "colleague", sequence: booking.sequence } },
    };
  });
}
