// Core: quiet hours for texts — none between 21:00 and 08:00 in the recipient's zone (the TCPA's calling
// window, which carriers expect texts to keep too). A reminder due in quiet hours moves earlier, to the last
// allowed minute before them (a 07:30 reminder of an 08:30 demo goes out at 20:59 the evening before),
// when that is still ahead; else it is skipped. A follow-up due in quiet hours waits for 08:00. The
// outbox checks again when it sends (a retried text never lands at night). Pure: instants and zones come in.

import { localMinuteAt } from "../calls/calling-hours";
import { addDays, zonedToUtc } from "../time/zoned-time";

const MINUTE = 60_000;
/** Local minute of the day quiet hours start (21:00) and end (08:00). */
export const QUIET_FROM_MINUTE = 21 * 60;
export const QUIET_UNTIL_MINUTE = 8 * 60;

export function inQuietHours(instant: number, timeZone: string): boolean {
  const { minute } = localMinuteAt(timeZone, instant);
  return minute >= QUIET_FROM_MINUTE || minute < QUIET_UNTIL_MINUTE;
}

/** The instant itself outside quiet hours, else the end of them (08:00 local, the next one). */
export function nextTextingTime(instant: number, timeZone: string): number {
  if (!inQuietHours(instant, timeZone)) return instant;
  const { date, minute } = localMinuteAt(timeZone, instant);
  const morning = minute >= QUIET_FROM_MINUTE ? addDays(date, 1) : date;
  // 08:00 always exists (clock changes happen at night, 00:00–03:00); the fallback keeps it total.
  return zonedToUtc(timeZone, morning, QUIET_UNTIL_MINUTE) ?? instant + 11 * 60 * MINUTE;
}

/** The instant itself outside quiet hours, else the last allowed minute before them (20:59 local). */
export function lastTextingTimeBefore(instant: number, timeZone: string): number {
  if (!inQuietHours(instant, timeZone)) return instant;
  const { date, minute } = localMinuteAt(timeZone, instant);
  const evening = minute >= QUIET_FROM_MINUTE ? date : addDays(date, -1);
  return zonedToUtc(timeZone, evening, QUIET_FROM_MINUTE - 1) ?? instant - 11 * 60 * MINUTE;
}

/**
 * When a reminder text planned for `planned` goes out: then, or moved earlier out of quiet hours; undefined
 * (skipped) when the moved time is not after `now` — by then it could only arrive at night or not at all.
 */
export function reminderTextTime(planned: number, timeZone: string, now: number): number | undefined {
  const at = lastTextingTimeBefore(planned, timeZone);
  return at > now ? at : undefined;
}
