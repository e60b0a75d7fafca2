// Use cases: abuse protection's mail budget, at the one place mail is sent (process-outbox.ts) — so forms
// cannot be used to mail-bomb a stranger: an address that has not answered any of our e-mails gets at most
// `protection.mailsPerAddressPerDay` (10) in any 24 hours, from every entry point together; the rest are not sent.
// Answering — booking (its mark is written in the booking's transaction), or opening a link from our mail
// (the booking's or the registration's manage link) — lifts it for a year. Reps (and the sender) are not
// held back; LIVELINE_PROTECTION=off turns it off.

import { addressKey, type ProtectionWrite } from "../../core/access/protection";
import type { OutboxMail } from "../../ports/outbox";
import type { UseCaseDependencies } from "../use-case-dependencies";

const DAY_MS = 24 * 60 * 60_000;
const ANSWER_HOLDS_MS = 365 * 24 * 60 * 60_000;

/** Whether this e-mail may be sent now; counts it when it is to an address the budget holds. */
export async function withinMailBudget(deps: UseCaseDependencies, mail: OutboxMail, now: Date): Promise<boolean> {
  if (deps.protection.mode === "off") return true;
  const to = mail.to.trim().toLowerCase();
  const config = deps.catalogue.config;
  if (to === config.sender.email.toLowerCase() || config.reps.some((rep) => rep.email.toLowerCase() === to)) return true;
  const key = addressKey(to);
  if (await deps.protection.store.hasAnswered(key, now.getTime())) return true;
  return deps.protection.store.noteMailSent(key, now.getTime(), { max: config.protection.mailsPerAddressPerDay, windowMs: DAY_MS });
}

/** The item saying this address answered one of our e-mails (or booked): its mail is no longer held back. */
export function answeredMark(deps: UseCaseDependencies, email: string): ProtectionWrite {
  return { kind: "answered", addressKey: addressKey(email), until: deps.clock.now().getTime() + ANSWER_HOLDS_MS };
}

/** The address answered one of our e-mails (it opened a link from one). */
export async function markAnswered(deps: UseCaseDependencies, email: string): Promise<void> {
  if (deps.protection.mode === "off") return;
  await deps.protection.store.write([answeredMark(deps, email)]);
}
