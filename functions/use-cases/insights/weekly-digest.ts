// Use case: the managers' weekly digest — run by a recurring schedule (every quarter hour, the timer
// function's `weekly-digest` event); for each manager whose Monday 08:00 just came in their own zone
// (core/insights/weekly-digest.ts) and who did not turn it off (`weeklyDigest: false`), the week's figures
// (use-cases/insights/insights-report.ts, by rep) and the worst overdue call-backs, e-mailed through the outbox under
// one key per manager and week: a retried or duplicated run enqueues nothing, so each is sent once.

import { composedMail } from "../../core/messages/outbox-items";
import { bucketRange } from "../../core/insights/insights-report";
import { UNASSIGNED_REP } from "../../core/insights/insights";
import { composeWeeklyDigest, DIGEST_OVERDUE_LIMIT, weeklyDigestDue } from "../../core/insights/weekly-digest";
import type { OutboxItem } from "../../ports/outbox";
import { queueOf, type QueueItem } from "../workspace/console-queue";
import { insightsReport } from "./insights-report";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

export async function sendWeeklyDigests(deps: UseCaseDependencies): Promise<{ enqueued: number }> {
  const config = deps.catalogue.config;
  const now = deps.clock.now();
  const repIds = config.reps.map((rep) => rep.id);
  const offeringIds = deps.catalogue.demoOfferings().map((offering) => offering.id);
  const repName = (id: string) => (id === UNASSIGNED_REP ? "Not yet assigned" : (config.reps.find((rep) => rep.id === id)?.name ?? id));
  let overdue: QueueItem[] | undefined;
  const items: OutboxItem[] = [];
  for (const manager of deps.catalogue.activeReps()) {
    if (manager.role !== "manager" || manager.weeklyDigest === false) continue;
    const week = weeklyDigestDue(now.getTime(), manager.timeZone);
    if (!week) continue;
    const report = await insightsReport(deps.insights, { from: week.from, to: week.to, timeZone: manager.timeZone, groupBy: "rep", repIds, offeringIds }, bucketRange(week.from, week.to, manager.timeZone));
    // The queue as it stands now, read once for every manager due in this run.
    overdue ??= (await queueOf(deps, repIds)).filter((item) => item.overdue);
    const email = composeWeeklyDigest(
      messageContext(deps, now),
      {
        manager,
        week,
        totals: report.totals,
        reps: report.series.filter((row) => row.contactRequests + row.callAttempts + row.bookings > 0).map((row) => ({ name: repName(row.key), figures: row })),
        // queueOf lists the earliest due first: the longest overdue.
        overdue: overdue.slice(0, DIGEST_OVERDUE_LIMIT).map(({ prompt, contact }) => ({ leadName: contact.name, ...(contact.company ? { company: contact.company } : {}), repName: repName(prompt.repId), dueAt: prompt.dueAt })),
        overdueTotal: overdue.length,
        insightsUrl: `${deps.publicUrl}/console/insights?from=${week.from}&to=${week.to}`,
        queueUrl: `${deps.publicUrl}/console#/team`,
      },
    );
    items.push({ type: "mail", owner: { kind: "digest", id: manager.id }, key: `weekly-${week.sendDate}`, from: config.sender.email, ...composedMail(email), category: "transactional" });
  }
  if (items.length === 0) return { enqueued: 0 };
  const created = await deps.outbox.enqueue(items, now);
  if (created.length > 0) deps.log("info", "weekly digests enqueued", { count: created.length });
  return { enqueued: created.length };
}
