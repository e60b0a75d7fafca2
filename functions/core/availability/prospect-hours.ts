// Core: the prospect's reasonable hours — slots are offered only when the whole meeting lies inside them
// (by default 08:00–20:00 in the prospect's own zone), unless the prospect asked to see all times. Pure:
// the slot, the zone and the hours come in.

import { localMinuteAt } from "../calls/calling-hours";
import type { MinuteRange } from "./working-hours";

export const DEFAULT_PROSPECT_HOURS = "08:00-20:00";

/** True when [start, end) lies within one local day's `hours` in `zone`. */
export function withinProspectHours(start: number, end: number, zone: string, hours: MinuteRange): boolean {
  const first = localMinuteAt(zone, start);
  if (first.minute < hours.startMinute) return false;
  // The last minute of the meeting, so a meeting ending at 20:00 sharp is inside 08:00–20:00.
  const last = localMinuteAt(zone, end - 60_000);
  return last.date === first.date && last.minute < hours.endMinute && last.minute >= first.minute;
}
