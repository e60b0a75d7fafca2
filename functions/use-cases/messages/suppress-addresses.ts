// Use case: addresses that must get no more mail — a one-click unsubscribe (no more reminders or
// follow-ups), or SES's bounce and complaint events (nothing at all).

import { Forbidden } from "../../core/errors";
import { UNSUBSCRIBE_PURPOSE } from "../../core/bookings/lifecycle-links";
import { verifyToken } from "../../core/access/signed-token";
import type { SuppressionReason } from "../../ports/suppression-list";
import type { UseCaseDependencies } from "../use-case-dependencies";

export async function unsubscribe(deps: UseCaseDependencies, token: string): Promise<void> {
  const now = deps.clock.now();
  const claims = verifyToken(token, deps.signingSecret, UNSUBSCRIBE_PURPOSE, now);
  if (!claims) throw new Forbidden();
  await deps.suppressions.suppress(claims.subject, "unsubscribe", now);
  deps.log("info", "address unsubscribed", { domain: claims.subject.slice(claims.subject.lastIndexOf("@") + 1) });
}

/** Needs only the list, the clock and the log: the SES-event function gets nothing more. */
export async function suppressFromMailEvent(deps: Pick<UseCaseDependencies, "suppressions" | "clock" | "log">, emails: readonly string[], reason: Exclude<SuppressionReason, "unsubscribe">): Promise<number> {
  const now = deps.clock.now();
  await Promise.all(emails.map((email) => deps.suppressions.suppress(email, reason, now)));
  if (emails.length > 0) deps.log("warn", "addresses suppressed after an SES event", { reason, count: emails.length });
  return emails.length;
}
