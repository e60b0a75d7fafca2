// Core: when the next call attempt is due after voicemail or no answer — "PT2H", "P2D", or the next
// business morning in the prospect's own zone — and when the chain ends (the lead is unreachable).

import { isoWeekday, localDateAt, addDays, zonedToUtc } from "../time/zoned-time";

const MINUTE = 60_000;

export interface CallCadence {
  /** The delay before each further attempt, in order; the last one repeats when there are fewer than attempts. */
  retryDelays: readonly string[];
  /** Further attempts after the first call-back; after the last one the lead is unreachable. */
  maxAttempts: number;
}

/** Outcomes after which another attempt is due. */
export const RETRY_OUTCOMES = new Set(["voicemail", "no_answer"]);

/** Calls in a chain: the first call-back and the further attempts. */
export function attemptsInAll(cadence: CallCadence): number {
  return cadence.maxAttempts + 1;
}

/**
 * When attempt `attempt + 1` is due after attempt `attempt` (1 is the first call-back) ended at `after`:
 * further attempt n waits `retryDelays[n - 1]`. Undefined when the chain is over (the lead is unreachable).
 */
export function nextAttemptAt(cadence: CallCadence, attempt: number, after: number, prospectZone: string, businessMorning: string): number | undefined {
  if (attempt >= attemptsInAll(cadence)) return undefined;
  const delay = cadence.retryDelays[Math.min(attempt - 1, cadence.retryDelays.length - 1)]!;
  if (delay === "next-business-morning") return nextBusinessMorning(after, prospectZone, businessMorning);
  return after + durationMinutes(delay) * MINUTE;
}

/** Minutes of an ISO-8601 duration of days, hours and minutes ("P1DT2H30M"). */
export function durationMinutes(duration: string): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const [, days = "0", hours = "0", minutes = "0"] = match;
  return Number(days) * 24 * 60 + Number(hours) * 60 + Number(minutes);
}

/** The first Monday–Friday `businessMorning` (local, "09:00") in `zone` strictly after `after`. */
export function nextBusinessMorning(after: number, zone: string, businessMorning: string): number {
  const [hours, minutes] = businessMorning.split(":").map(Number) as [number, number];
  let date = localDateAt(zone, after);
  for (let day = 0; day < 8; day++, date = addDays(date, 1)) {
    if (isoWeekday(date) > 5) continue;
    const morning = zonedToUtc(zone, date, hours * 60 + minutes);
    if (morning !== undefined && morning > after) return morning;
  }
  throw new Error("no business morning within a week");
}
