// Use cases: a booking's invitations as outbox mail — composed now (REQUEST for a new or moved booking,
// CANCEL for a cancelled one), one message per recipient, each keyed by recipient and SEQUENCE so a
// retried change never mails twice.

import { composeInvitation } from "../core/invitation";
import type { OutboxMail } from "../ports/outbox";
import type { ConfirmedBooking } from "./book-demo";
import { invitationInput, type InvitationRecipient } from "./invitation-input";
import type { UseCaseDependencies } from "./use-case-dependencies";

export type InvitationChange = "new" | "update" | "cancel";

export interface InvitationOptions {
  recipients?: readonly InvitationRecipient[];
  cancelReason?: string;
  /** Where a prospect whose demo was cancelled can book another. */
  rebookUrl?: string;
}

export function invitationMails(deps: UseCaseDependencies, confirmed: ConfirmedBooking, change: InvitationChange, now: Date, options: InvitationOptions = {}): OutboxMail[] {
  const recipients = options.recipients ?? (["prospect", "rep", ...(confirmed.secondRep ? ["second-rep" as const] : [])] as InvitationRecipient[]);
  const config = deps.catalogue.config;
  const { booking } = confirmed;
  return recipients.map((recipient) => {
    const email = composeInvitation({
      ...invitationInput(config, confirmed, recipient, now),
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
      to: email.to,
      raw: email.raw,
      category: "transactional",
      logAs: { leadId: booking.leadId, kind: change === "cancel" ? "cancellation_sent" : "invite_sent", data: { to: recipient, sequence: booking.sequence } },
    };
  });
}
