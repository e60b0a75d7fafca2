// Core: "call me now" — whether a rep can take an instant call at an instant (they said so within the
// presence time, it is inside their working hours and not a day off, and no demo of theirs is running),
// and which of the reachable reps rings first (the fairest, as for bookings). Pure: `now` comes in.

import type { AvailabilityRep } from "../availability/availability";
import type { Interval } from "../bookings/booking";
import { insideCallingHours } from "./calling-hours";
import { rankByFairness, type RepLoad } from "../availability/fair-assignment";
import { localDateAt } from "../time/zoned-time";

const MINUTE = 60_000;

/** What a rep's last "available" heartbeat said. */
export interface Presence {
  repId: string;
  /** Epoch ms of the last heartbeat. */
  heartbeatAt: number;
}

export type PresenceState =
  | { reachable: true; until: number }
  | { reachable: false; reason: "off" | "outside-hours" | "day-off" | "in-demo"; until?: number };

/** A heartbeat keeps a rep available this long; the console sends one every few minutes while open. */
export function presenceUntil(presence: Presence, presenceMinutes: number): number {
  return presence.heartbeatAt + presenceMinutes * MINUTE;
}

/**
 * Whether the rep can be rung now. `demos` are their demos' blocked times (with buffers): a rep in a demo
 * is not interrupted. Outside working hours (their zone) or on a day off they are never rung, whatever
 * the switch says.
 */
export function presenceState(presence: Presence | undefined, rep: AvailabilityRep, demos: readonly Interval[], now: number, presenceMinutes: number): PresenceState {
  if (!presence) return { reachable: false, reason: "off" };
  const until = presenceUntil(presence, presenceMinutes);
  if (until <= now) return { reachable: false, reason: "off" };
  if (rep.daysOff?.has(localDateAt(rep.timeZone, now))) return { reachable: false, reason: "day-off", until };
  if (!insideCallingHours(now, rep.timeZone, rep.weeklyHours)) return { reachable: false, reason: "outside-hours", until };
  if (demos.some((demo) => demo.start <= now && now < demo.end)) return { reachable: false, reason: "in-demo", until };
  return { reachable: true, until };
}

/** Who rings next: the fairest reachable rep not rung yet for this call, or undefined. */
export function nextToRing(loads: readonly RepLoad[], reachable: ReadonlySet<string>, rung: readonly string[]): string | undefined {
  const candidates = loads.filter((load) => reachable.has(load.id) && !rung.includes(load.id));
  return candidates.length ? rankByFairness(candidates)[0] : undefined;
}
