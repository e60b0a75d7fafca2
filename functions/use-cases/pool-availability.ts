// Use cases: what the core needs to know about a pool's time — each rep's demos (with buffers) and demos
// per day from their schedule item, plus their calendar feed's busy events — read in one batch, whatever
// the number of days. A feed is re-read when its copy is older than its refresh interval; when it cannot
// be read the last good copy is used (and the log says so); a rep whose feed never loaded is shown busy,
// because a slot we offer must really be free.

import { createHash } from "node:crypto";
import type { RepConfig } from "../config/liveline-config";
import type { Interval } from "../core/booking";
import { busyFromCalendarFeed } from "../core/calendar-feed";
import { localDateAt, addDays } from "../core/zoned-time";
import type { CachedFeed, RepSchedule } from "../ports/booking-store";
import type { UseCaseDependencies } from "./use-case-dependencies";

const DAY = 86_400_000;
/** The whole of time, for a rep whose calendar we cannot see. */
const ALWAYS: Interval = { start: 0, end: 8.64e15 };

export interface PoolAvailability {
  busy: Map<string, Interval[]>;
  perDay: Map<string, Map<string, number>>;
  schedules: Map<string, RepSchedule>;
}

/** A booking to leave out, as if it did not exist: a reschedule may move onto or next to its own time. */
export interface IgnoredBooking {
  id: string;
  repDays: Record<string, string>;
}

export async function loadPoolAvailability(deps: UseCaseDependencies, repIds: readonly string[], now: number, ignore?: IgnoredBooking): Promise<PoolAvailability> {
  const unique = [...new Set(repIds)];
  const schedules = await deps.store.readSchedules(unique);
  const busy = new Map<string, Interval[]>();
  const perDay = new Map<string, Map<string, number>>();
  await Promise.all(
    unique.map(async (repId) => {
      const schedule = schedules.get(repId)!;
      const rep = deps.catalogue.rep(repId);
      const calendar = rep.calendarFeed ? await calendarBusy(deps, rep, schedule.feed, now) : [];
      const demos = schedule.demos.filter((demo) => demo.bookingId !== ignore?.id);
      busy.set(repId, [...demos.map((demo) => demo.blocked), ...calendar]);
      perDay.set(repId, countsWithout(schedule.perDay, ignore?.repDays[repId]));
    }),
  );
  return { busy, perDay, schedules };
}

function countsWithout(perDay: Map<string, number>, ignoredDay: string | undefined): Map<string, number> {
  if (!ignoredDay) return perDay;
  return new Map([...perDay, [ignoredDay, Math.max(0, (perDay.get(ignoredDay) ?? 1) - 1)]]);
}

/** Which feed a cached copy belongs to, without storing the secret address itself. */
export function feedSourceKey(rep: RepConfig): string {
  const feed = rep.calendarFeed!;
  return createHash("sha256").update(feed.url ?? `file:${feed.path}`).digest("base64url").slice(0, 22);
}

/** Requests that find a stale copy at the same moment share one fetch per container. */
const inFlight = new Map<string, Promise<Interval[] | undefined>>();

async function calendarBusy(deps: UseCaseDependencies, rep: RepConfig, cached: CachedFeed | undefined, now: number): Promise<Interval[]> {
  const feed = rep.calendarFeed!;
  const sourceKey = feedSourceKey(rep);
  const copy = cached?.sourceKey === sourceKey ? cached : undefined;
  if (copy && now - copy.fetchedAt < feed.refreshMinutes * 60_000) return copy.busy;
  const key = `${rep.id}|${sourceKey}`;
  let refresh = inFlight.get(key);
  if (!refresh) {
    refresh = refreshFeed(deps, rep, sourceKey, now).finally(() => inFlight.delete(key));
    inFlight.set(key, refresh);
  }
  const fresh = await refresh;
  if (fresh) return fresh;
  if (copy) {
    deps.log("warn", "calendar feed unavailable; using the last good copy", { repId: rep.id, copyFrom: new Date(copy.fetchedAt).toISOString() });
    return copy.busy;
  }
  deps.log("error", "calendar feed unavailable and no copy yet; the rep is shown as busy", { repId: rep.id });
  return [ALWAYS];
}

async function refreshFeed(deps: UseCaseDependencies, rep: RepConfig, sourceKey: string, now: number): Promise<Interval[] | undefined> {
  let busy: Interval[];
  try {
    const text = await deps.feeds.fetch(rep.calendarFeed!);
    // From the start of yesterday (rep's zone) to beyond the longest horizon.
    const from = Date.parse(`${addDays(localDateAt(rep.timeZone, now), -1)}T00:00:00Z`) - DAY;
    busy = busyFromCalendarFeed(text, { start: from, end: now + (deps.catalogue.longestHorizonDays + 2) * DAY }, rep.timeZone);
  } catch (error) {
    deps.log("warn", "calendar feed could not be read", { repId: rep.id, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  try {
    await deps.store.saveFeedCopy(rep.id, { sourceKey, busy, fetchedAt: now });
  } catch (error) {
    deps.log("warn", "could not keep the calendar feed copy", { repId: rep.id, error: String(error) });
  }
  return busy;
}
