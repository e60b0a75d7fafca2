// Entry: the timer Lambda — the target of every EventBridge Scheduler schedule (and, unchanged, of the
// local runtime's timer runner). The event is the timer's payload. Scheduler invokes it asynchronously: an
// error makes Lambda retry twice, then park the event in the function's failure queue (`npm run redrive`);
// Scheduler's own dead-letter queue only gets what it could not hand to Lambda. Safe to run twice.

import type { TimerPayload } from "../core/bookings/timer-plan";
import { fireTimer, type TimerOutcome } from "../use-cases/timers/fire-timer";
import { sendWeeklyDigests } from "../use-cases/insights/weekly-digest";
import { createHandlerDependencies } from "./handler-dependencies";
import { observed } from "./observability";
import { RETENTION_SWEEP_KIND, runRetentionSweep } from "./retention-sweep";
import { awsTextSender } from "./text-ports";
import { webhookPorts } from "./webhook-ports";
import { WEEKLY_DIGEST_EVENT } from "./weekly-digest-schedule";

// Webhook retries come back as timers; the outbox sweep sends texts that waited.
const dependencies = await createHandlerDependencies(process.env, {}, { webhooks: webhookPorts, textSender: awsTextSender });

// Every timer kind, so the compiler names a new one left out (it would be dropped as unknown).
const KINDS: Record<TimerPayload["kind"], true> = {
  reminder: true,
  "text-reminder": true,
  "rep-prep": true,
  "call-back": true,
  feedback: true,
  "lead-call-back": true,
  "call-attempt": true,
  escalation: true,
  "session-reminder": true,
  "session-host-list": true,
  "session-feedback": true,
  "session-text-reminder": true,
  "webinar-call-back": true,
  "instant-ring": true,
  "webhook-retry": true,
  "outbox-sweep": true,
};

type TimerEvent = TimerPayload | { kind: typeof RETENTION_SWEEP_KIND } | typeof WEEKLY_DIGEST_EVENT;

export const handler = observed(dependencies.observability, async (event: TimerEvent): Promise<{ outcome: TimerOutcome } | { erased: number } | { enqueued: number }> => {
  await dependencies.refreshSigningKeys();
  await dependencies.refreshSettings();
  if (event?.kind === RETENTION_SWEEP_KIND) return runRetentionSweep(dependencies, process.env.TABLE_NAME ?? "");
  if (event?.kind === WEEKLY_DIGEST_EVENT.kind) return sendWeeklyDigests(dependencies);
  if (!event || !Object.hasOwn(KINDS, (event as { kind?: string }).kind ?? "")) {
    // Not ours to retry: log and drop rather than fill the dead-letter queue with it.
    dependencies.log("error", "timer event of unknown shape ignored", { event: JSON.stringify(event).slice(0, 500) });
    return { outcome: "not-needed" };
  }
  const outcome = await fireTimer(dependencies, event as TimerPayload);
  // Every firing is one line at info, which also counts it as "TimersFired" (app-metrics.ts).
  dependencies.log("info", "timer handled", { kind: event.kind, outcome });
  return { outcome };
});
