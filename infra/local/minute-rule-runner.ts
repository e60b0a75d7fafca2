// Local runtime: what an EventBridge rule with `rate(1 minute)` does in AWS — sends its target the
// Scheduled Event once a minute (and once at start, so a fresh `npm start` does not wait a minute). The
// target is the very handler the stack deploys. A failed run is logged; the next minute is the retry.

import type { ScheduledEvent } from "../../functions/handlers/scheduled-event-types";
import type { Clock } from "../../functions/ports/clock";
import { scheduledEvent } from "./scheduled-event";

export interface MinuteRuleRunner {
  /** Sends the event now (and waits for the handler), e.g. after the local clock moved. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startMinuteRule(options: {
  handler: (event: ScheduledEvent) => Promise<unknown>;
  clock: Clock;
  everyMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}): MinuteRuleRunner {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    // One run at a time, as a slow run and the next minute would otherwise overlap.
    while (running !== undefined) await running;
    if (stopped) return;
    running = options
      .handler(scheduledEvent(options.clock.now()))
      .then(() => undefined)
      .catch((error: unknown) => options.log?.("scheduled rule run failed", { error: String(error) }))
      .finally(() => (running = undefined));
    return running;
  };
  const interval = setInterval(() => void run(), options.everyMs ?? 60_000);
  interval.unref();
  void run();
  return {
    runNow: run,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      while (running !== undefined) await running;
    },
  };
}
