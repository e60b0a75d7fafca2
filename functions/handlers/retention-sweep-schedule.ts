// Handlers: when the daily retention sweep runs and the event it is sent — one fact for the stack's
// Scheduler schedule (infra/lib/timers.ts) and for the local timer runner that stands in for it under
// `npm start` (infra/local/timer-runner.ts). The handler is the timer function's (retention-sweep.ts).

/** The timer function's input, as Scheduler delivers the schedule's Input. */
export const RETENTION_SWEEP_EVENT = { kind: "retention-sweep" } as const;

/** Daily at 03:15 UTC. */
export const RETENTION_SWEEP_AT_UTC = { hour: 3, minute: 15 } as const;

/** The first run strictly after `now`. */
export function nextRetentionSweep(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_SWEEP_AT_UTC.hour, RETENTION_SWEEP_AT_UTC.minute);
  return new Date(today > now.getTime() ? today : today + 86_400_000);
}
