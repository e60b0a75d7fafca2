// Use case: send the e-mails a booking owes (its outbox) and mark each one. A failure never undoes the
// booking: the message stays in the outbox, marked with the error and when to try again.

import { composeInvitation } from "../core/invitation";
import { invitationInput } from "./invitation-input";
import type { MailOutcome, OutboxMessage } from "../ports/booking-store";
import type { ConfirmedBooking } from "./book-demo";
import type { UseCaseDependencies } from "./use-case-dependencies";

const FIRST_RETRY_DELAY_MS = 60_000;

export async function sendBookingMail(deps: UseCaseDependencies, confirmed: ConfirmedBooking, messages: readonly OutboxMessage[]): Promise<void> {
  const outcomes = await Promise.all(messages.map((message) => sendOne(deps, confirmed, message)));
  try {
    await deps.store.recordMailOutcomes(outcomes);
  } catch (error) {
    // The outbox items are still "pending" with their due time, so the retry loop will find them.
    deps.log("error", "could not record the e-mail outcomes", { bookingId: confirmed.booking.id, error: String(error) });
  }
}

async function sendOne(deps: UseCaseDependencies, confirmed: ConfirmedBooking, message: OutboxMessage): Promise<MailOutcome> {
  const { booking } = confirmed;
  const now = deps.clock.now();
  try {
    const email = composeInvitation(invitationInput(deps.catalogue.config, confirmed, message.recipient, now));
    const { messageId } = await deps.mailer.send({ from: deps.catalogue.config.sender.email, to: email.to, raw: email.raw });
    return { bookingId: booking.id, key: message.key, at: now, messageId: messageId || "accepted" };
  } catch (error) {
    deps.log("warn", "e-mail not sent; kept in the outbox for retry", { bookingId: booking.id, key: message.key, error: String(error) });
    return { bookingId: booking.id, key: message.key, at: now, error: String(error), nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_DELAY_MS) };
  }
}
