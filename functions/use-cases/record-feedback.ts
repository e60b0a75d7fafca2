// Use case: the prospect rates the demo (once per booking). A rating at or below the configured
// threshold alerts the rep as a complaint to handle.

import { ConflictError, Forbidden, NotFound } from "../core/errors";
import { FEEDBACK_PURPOSE } from "../core/lifecycle-links";
import { composeComplaintAlert } from "../core/lifecycle-messages";
import { verifyToken } from "../core/signed-token";
import type { OutboxItem } from "../ports/outbox";
import { demoView } from "./fire-timer";
import { processOutbox } from "./process-outbox";
import type { UseCaseDependencies } from "./use-case-dependencies";

export class FeedbackAlreadyReceived extends ConflictError {
  readonly code = "feedback_already_received";
  constructor() {
    super("We already have your feedback for this demo. Thank you!");
    this.name = "FeedbackAlreadyReceived";
  }
}

export async function recordFeedback(deps: UseCaseDependencies, token: string, rating: number, comment?: string): Promise<void> {
  const now = deps.clock.now();
  const claims = verifyToken(token, deps.signingSecret, FEEDBACK_PURPOSE, now);
  if (!claims) throw new Forbidden();
  const booking = await deps.store.getBooking(claims.subject);
  if (!booking) throw new NotFound("There is no such booking.");
  const config = deps.catalogue.config;
  const outbox: OutboxItem[] = [];
  if (rating <= config.followUps.complaintRatingAtMost) {
    const email = composeComplaintAlert({ now, company: config.company, sender: config.sender }, demoView(deps, booking), { rating, comment });
    outbox.push({ type: "mail", owner: { kind: "booking", id: booking.id }, key: "complaint-alert", from: config.sender.email, to: email.to, raw: email.raw, category: "transactional", logAs: { leadId: booking.leadId, kind: "complaint_alerted" } });
  }
  const written = await deps.leadLog.recordFeedback(
    { bookingId: booking.id, rating, comment, events: [{ leadId: booking.leadId, at: now.toISOString(), kind: "feedback", ref: booking.id, data: { rating, ...(comment ? { comment } : {}) } }], outbox },
    now,
  );
  if (!written) throw new FeedbackAlreadyReceived();
  await processOutbox(deps, outbox.map((item) => ({ item })));
}
