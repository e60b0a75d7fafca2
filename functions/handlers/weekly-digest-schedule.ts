// Handlers: when the managers' weekly digest is looked at and the event it is sent — one fact for the
// stack's Scheduler schedule (infra/lib/timers.ts) and for the local timer runner that stands in for it
// under `npm start` (infra/local/timer-runner.ts). Every quarter hour, because every zone's offset is a
// whole number of quarter hours: some run falls on Monday 08:00 in each manager's zone
// (core/insights/weekly-digest.ts decides who is due; use-cases/insights/weekly-digest.ts sends).

/** The timer function's input, as Scheduler delivers the schedule's Input. */
export const WEEKLY_DIGEST_EVENT = { kind: "weekly-digest" } as const;

export const WEEKLY_DIGEST_EVERY_MINUTES = 15;

/** The first run strictly after `now`: the next quarter hour (UTC, so in every zone). */
export function nextWeeklyDigestRun(now: Date): Date {
  const every = WEEKLY_DIGEST_EVERY_MINUTES * 60_000;
  return new Date((Math.floor(now.getTime() / every) + 1) * every);
}
