// Local runtime: what EventBridge Scheduler does in AWS — fires the due table-backed timers by invoking
// the very timer handler the stack deploys, with the same payload; deletes a fired timer, retries a failed
// one with backoff (then parks it, like Scheduler's dead-letter queue). Every few seconds it also sends the
// outbox sweep, as the stack's rate(1 minute) schedule does; and, given `recurring` schedules (the daily
// retention sweep, the quarter-hourly weekly-digest look), each once the runner's clock (movable) passes its
// next time, as the stack's cron schedules do.

import type { DueTimer, TableTimers } from "../../functions/adapters/dynamodb/timers.table";
import type { TimerPayload } from "../../functions/core/bookings/timer-plan";
import type { Clock } from "../../functions/ports/clock";

export type TimerHandler = (payload: TimerPayload) => Promise<unknown>;

export interface TimerRunnerOptions {
  timers: TableTimers;
  handler: TimerHandler;
  clock: Clock;
  intervalMs?: number;
  sweepEveryMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Recurring schedules: when each next runs after a time, and what running it does. */
  recurring?: readonly RecurringSchedule[];
}

export interface RecurringSchedule {
  name: string;
  next(now: Date): Date;
  run(): Promise<unknown>;
}

export interface TimerRunner {
  /** Fires every timer due now (repeating until none is left); returns how many fired. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 100;
const CONCURRENCY = 16;

export function startTimerRunner(options: TimerRunnerOptions): TimerRunner {
  const intervalMs = options.intervalMs ?? 1_000;
  const sweepEveryMs = options.sweepEveryMs ?? 5_000;
  let running: Promise<number> | undefined;
  let stopped = false;
  let lastSweep = 0;
  const nextRuns = new Map((options.recurring ?? []).map((schedule) => [schedule, schedule.next(options.clock.now())]));

  /** Runs each recurring schedule once when its time has passed (runs missed while stopped make one run, not many). */
  const recurringIfDue = async () => {
    for (const [schedule, next] of nextRuns) {
      if (options.clock.now() < next) continue;
      nextRuns.set(schedule, schedule.next(options.clock.now()));
      try {
        await schedule.run();
      } catch (error) {
        // Lambda would retry it twice and park it; here the schedule's next run does the same work.
        options.log?.(`${schedule.name} failed`, { error: String(error) });
      }
    }
  };

  const drain = async (): Promise<number> => {
    // One drain at a time: the interval and a clock move share it.
    while (running !== undefined) await running;
    running = fireAllDue(options)
      .then(async (fired) => {
        await recurringIfDue();
        return fired;
      })
      .finally(() => (running = undefined));
    return running;
  };

  const tick = async () => {
    if (stopped) return;
    try {
      await drain();
      if (Date.now() - lastSweep >= sweepEveryMs) {
        lastSweep = Date.now();
        await options.handler({ kind: "outbox-sweep" });
      }
    } catch (error) {
      options.log?.("timer runner tick failed", { error: String(error) });
    }
  };
  const interval = setInterval(() => void tick(), intervalMs);
  interval.unref();

  return {
    drain,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      while (running !== undefined) await running;
    },
  };
}

async function fireAllDue(options: TimerRunnerOptions): Promise<number> {
  let fired = 0;
  for (;;) {
    const due = await options.timers.due(options.clock.now(), BATCH);
    if (due.length === 0) return fired;
    for (let start = 0; start < due.length; start += CONCURRENCY) {
      await Promise.all(due.slice(start, start + CONCURRENCY).map((timer) => fire(options, timer)));
    }
    fired += due.length;
  }
}

async function fire(options: TimerRunnerOptions, timer: DueTimer): Promise<void> {
  try {
    await options.handler(timer.payload);
    await options.timers.fired(timer.name);
  } catch (error) {
    // Scheduler retries with backoff; so do we (from the runner's clock, so a moved clock retries too).
    const retryAt = new Date(options.clock.now().getTime() + 30_000 * 2 ** timer.attempts);
    options.log?.("timer failed; retrying later", { name: timer.name, attempts: timer.attempts + 1, error: String(error) });
    await options.timers.failed(timer, retryAt, String(error));
  }
}
