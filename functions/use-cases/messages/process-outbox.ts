// Use case: perform outbox items — the change feed hands over each new item (performNewItems), the sweep
// what is due again (sweepOutbox) — send the composed e-mail (unless the address is suppressed), create
// or delete timers, release a schedule entry, hand the rest to the handlers the wiring gives it
// (deps.outboxHandlers), send a text (send-text.ts) — and record each result. A failure waits for the sweep
// with a growing delay; nothing is lost, and a claimed item is sent by one worker only.

import { MailRefused } from "../../ports/mailer";
import type { OutboxItem, OutboxMail, OutboxResult } from "../../ports/outbox";
import { TextRefused } from "../../ports/texts";
import { withinMailBudget } from "./mail-budget";
import { sendText } from "../texts/send-text";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;
/** Retries back off 1, 2, 4 … minutes, at most an hour apart, and never stop: a lead is never lost. */
const MAX_RETRY_DELAY_MS = 60 * MINUTE;
const SWEEP_BATCH = 50;
/** Long enough for a worker to send a batch; a crashed worker's claim then lapses. */
const CLAIM_LEASE_MS = 5 * MINUTE;

export interface OutboxWork {
  item: OutboxItem;
  /** Earlier attempts: the retry delay grows with them. */
  attempts?: number;
}

/**
 * The change feed's delivery of new items (at least once): each is claimed first, so a redelivered insert,
 * or one the sweep took meanwhile, is performed by one worker only. Returns how many it performed.
 */
export async function performNewItems(deps: UseCaseDependencies, items: readonly OutboxItem[]): Promise<number> {
  const now = deps.clock.now();
  const claimed = await Promise.all(items.map((item) => deps.outbox.claimNew(item, now, CLAIM_LEASE_MS)));
  const work = items.filter((_, index) => claimed[index]).map((item) => ({ item }));
  await processOutbox(deps, work);
  return work.length;
}

/** Performs claimed items now and records the results. */
export async function processOutbox(deps: UseCaseDependencies, work: readonly OutboxWork[]): Promise<OutboxResult[]> {
  if (work.length === 0) return [];
  const now = deps.clock.now();
  const mailTo = work.flatMap(({ item }) => (item.type === "mail" ? [item.to] : []));
  const suppressed = mailTo.length > 0 ? await deps.suppressions.reasons(mailTo) : new Map();
  const results = await Promise.all(work.map((entry) => perform(deps, entry, suppressed, now)));
  try {
    await deps.outbox.complete(
      work.map(({ item }, index) => ({ item, result: results[index]! })),
      now,
    );
  } catch (error) {
    // The items stay pending: the sweep finds them after their grace time and finishes the job.
    deps.log("error", "could not record outbox results; the sweep will retry", { error: String(error) });
  }
  return results;
}

/** The sweep: claims the due items and performs them. Returns how many it handled. */
export async function sweepOutbox(deps: UseCaseDependencies): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.outbox.due(now, SWEEP_BATCH);
  const claimed: OutboxWork[] = [];
  for (const stored of due) {
    if (await deps.outbox.claim(stored.item, now, CLAIM_LEASE_MS)) claimed.push(stored);
  }
  await processOutbox(deps, claimed);
  return claimed.length;
}

async function perform(deps: UseCaseDependencies, work: OutboxWork, suppressed: Map<string, string>, now: Date): Promise<OutboxResult> {
  const { item } = work;
  try {
    if (item.type === "mail") return await sendMail(deps, item, suppressed, now);
    if (item.type === "text") return await sendText(deps, item, now);
    if (item.type === "timers") {
      if (item.cancel.length > 0) await deps.timers.cancel(item.cancel);
      if (item.schedule.length > 0) await deps.timers.schedule(item.schedule);
      return { status: "done" };
    }
    if (item.type === "broadcast") {
      await deps.outboxHandlers.broadcast(deps, item);
      return { status: "done" };
    }
    if (item.type === "promote") {
      await deps.outboxHandlers.promote(deps, item);
      return { status: "done" };
    }
    await deps.store.releaseScheduleEntry(item.repId, item.demo);
    return { status: "done" };
  } catch (error) {
    if ((item.type === "mail" && error instanceof MailRefused) || (item.type === "text" && error instanceof TextRefused)) {
      deps.log("error", `${item.type === "mail" ? "e-mail" : "text"} refused for good`, { key: item.key, owner: item.owner, error: String(error) });
      return { status: "rejected", error: String(error) };
    }
    const delay = Math.min(MINUTE * 2 ** (work.attempts ?? 0), MAX_RETRY_DELAY_MS);
    deps.log("warn", "outbox item failed; retrying later", { key: item.key, owner: item.owner, type: item.type, error: String(error), retryInMs: delay });
    return { status: "failed", error: String(error), nextAttemptAt: new Date(now.getTime() + delay) };
  }
}

async function sendMail(deps: UseCaseDependencies, mail: OutboxMail, suppressed: Map<string, string>, now: Date): Promise<OutboxResult> {
  const reason = suppressed.get(mail.to.toLowerCase());
  // A bounce or complaint stops everything; an unsubscribe stops reminders and follow-ups only.
  if (reason && (reason !== "unsubscribe" || mail.category === "engagement")) return { status: "skipped", reason };
  if (!(await withinMailBudget(deps, mail, now))) {
    deps.log("warn", "e-mail not sent: the address's daily mail budget is spent", { key: mail.key, category: mail.category });
    if (mail.logAs) await deps.leadLog.append([{ leadId: mail.logAs.leadId, at: now.toISOString(), kind: "mail_withheld", ref: mail.key, data: { wouldLogAs: mail.logAs.kind } }]);
    return { status: "skipped", reason: "mail-budget" };
  }
  // Its short links first: a message never shows a link that leads nowhere (a failed save sends nothing yet).
  if (mail.links?.length) await deps.shortLinks.save(mail.links);
  const { messageId } = await deps.mailer.send({ from: mail.from, to: mail.to, raw: mail.raw });
  // Counted as the "EmailsSent" metric (functions/handlers/app-metrics.ts matches this message): keep it as it is.
  deps.log("info", "e-mail sent", { category: mail.category });
  return { status: "done", messageId };
}
