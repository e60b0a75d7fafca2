// Port: one-time timers. Adapters: EventBridge Scheduler (AWS: one at(...) schedule per timer, deleted
// after it fires) and the table-backed timers of the local runtime, whose runner invokes the same timer
// handler with the same payload. Both are idempotent by name; delivery is at least once.

import type { TimerSpec } from "../core/bookings/timer-plan";

export interface Timers {
  /** Creates each timer unless one of that name exists. */
  schedule(timers: readonly TimerSpec[]): Promise<void>;
  /** Deletes the named timers; unknown names are fine. */
  cancel(names: readonly string[]): Promise<void>;
}
