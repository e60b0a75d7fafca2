// Use case: a timer delivered after its deadline (a Scheduler retry hours late, a local clock moved forward
// in one jump) has no effect; the leads it concerned have it in their history as skipped.

import type { TimerPayload } from "../../core/bookings/timer-plan";
import type { UseCaseDependencies } from "../use-case-dependencies";

/**
 * A timer past its deadline: it has no effect, and each lead it concerned has it in their history as
 * skipped — logged at the deadline (so a second delivery writes the same event once) with when it came.
 */
export async function logSkipped(deps: UseCaseDependencies, leadIds: readonly string[], payload: TimerPayload, ref: string): Promise<void> {
  const notAfter = "notAfter" in payload ? payload.notAfter : undefined;
  const at = new Date(notAfter ?? deps.clock.now().getTime()).toISOString();
  const deliveredAt = deps.clock.now().toISOString();
  const data = { timer: payload.kind, ...("minutesBefore" in payload ? { minutesBefore: payload.minutesBefore } : {}), deadline: at, deliveredAt };
  deps.log("info", "timer past its deadline skipped", { ...data, leadIds: leadIds.length });
  await deps.leadLog.append(leadIds.map((leadId) => ({ leadId, at, kind: "timer_skipped", ref, data })));
}

