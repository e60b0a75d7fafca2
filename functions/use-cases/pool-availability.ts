// Use cases: what the core needs to know about a pool's time — each rep's demos (with buffers) and demos
// per day from their schedule item, plus their calendar feed's busy events — read in one batch, whatever
// the number of days. A feed is re-read when its copy is older than its refresh interval; when it cannot
// be read the last good copy is used (and the log says so); a rep whose feed never loaded is shown busy,
// because a slot we offer must really be free. A failed read is noted in the schedule item, so a feed
// that is down is retried after a pause rather than on every request.

import { createHash } from "node:crypto";
import type { RepConfig } from "../config/liveline-config";
import type { Interval } from "../core/booking";
import { busyFromCalendarFeed } from "../core/calendar-feed";
import { localDateAt, addDays } from "../core/zoned-time";
import type { CachedFeed, FeedFailure, RepSchedule } from "../ports/booking-store";
import type { UseCaseDependencies } from "./use-case-dependencies";

const DAY = 86_400_000;
/** The whole of time, for a rep whose calendar we cannot see. */
const ALWAYS: Interval = { start: 0, end: 8.64e15 };
/**
 * The longest pause after a failed read. The copy is already past its refresh interval (or missing, so
 * the rep is shown busy), so recovery should not wait a whole long interval; but a feed that is down
 * is tried at most every 5 minutes by all containers together, and never more often than a healthy one.
 */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

/** How long after a failed read the feed is left alone: min(refresh interval, 5 minutes). */
export function feedRetryAfterFailureMs(refreshMinutes: number): number {
  return Math.min(refreshMinutes * 60_000, RETRY_AFTER_FAILURE_MS);
}

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
      const calendar = rep.calendarFeed ? await calendarBusy(deps, rep, schedule, now) : [];
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

/** Requests that find a stale copy at the same moment share one fetch (and its log lines) per container. */
const inFlight = new Map<string, Promise<Interval[]>>();

async function calendarBusy(deps: UseCaseDependencies, rep: RepConfig, schedule: RepSchedule, now: number): Promise<Interval[]> {
  const feed = rep.calendarFeed!;
  const sourceKey = feedSourceKey(rep);
  const copy = schedule.feed?.sourceKey === sourceKey ? schedule.feed : undefined;
  if (copy && now - copy.fetchedAt < feed.refreshMinutes * 60_000) return copy.busy;
  // A failure older than the copy was overtaken by a later good read (writes from containers may cross).
  const failure = schedule.feedFailure?.sourceKey === sourceKey && (!copy || schedule.feedFailure.failedAt > copy.fetchedAt) ? schedule.feedFailure : undefined;
  // Recently tried and failed: the fallback, quietly — the attempt itself was logged.
  if (failure && now - failure.failedAt < feedRetryAfterFailureMs(feed.refreshMinutes)) return fallback(copy);
  const key = `${rep.id}|${sourceKey}`;
  let refresh = inFlight.get(key);
  if (!refresh) {
    refresh = refreshFeed(deps, rep, sourceKey, copy, now).finally(() => inFlight.delete(key));
    inFlight.set(key, refresh);
  }
  return refresh;
}

function fallback(copy: CachedFeed | undefined): Interval[] {
  return copy ? copy.busy : [ALWAYS];
}

async function refreshFeed(deps: UseCaseDependencies, rep: RepConfig, sourceKey: string, copy: CachedFeed | undefined, now: number): Promise<Interval[]> {
  let busy: Interval[];
  try {
    const text = await deps.feeds.fetch(rep.calendarFeed!);
    // From the start of yesterday (rep's zone) to beyond the longest horizon.
    const from = Date.parse(`${addDays(localDateAt(rep.timeZone, now), -1)}T00:00:00Z`) - DAY;
    busy = busyFromCalendarFeed(text, { start: from, end: now + (deps.catalogue.longestHorizonDays + 2) * DAY }, rep.timeZone);
  } catch (error) {
    deps.log("warn", "calendar feed could not be read", { repId: rep.id, error: error instanceof Error ? error.message : String(error) });
    await noteFailure(deps, rep, { sourceKey, failedAt: now });
    if (copy) deps.log("warn", "calendar feed unavailable; using the last good copy", { repId: rep.id, copyFrom: new Date(copy.fetchedAt).toISOString() });
    else deps.log("error", "calendar feed unavailable and no copy yet; the rep is shown as busy", { repId: rep.id });
    return fallback(copy);
  }
  try {
    await deps.store.saveFeedCopy(rep.id, { sourceKey, busy, fetchedAt: now });
  } catch (error) {
    deps.log("warn", "could not keep the calendar feed copy", { repId: rep.id, error: String(error) });
  }
  return busy;
}

/** Without the note the next request would try again at once: still correct, only slower. */
async function noteFailure(deps: UseCaseDependencies, rep: RepConfig, failure: FeedFailure): Promise<void> {
  try {
    await deps.store.saveFeedFailure(rep.id, failure);
  } catch (error) {
    deps.log("warn", "could not note the failed calendar feed read", { repId: rep.id, error: String(error) });
  }
}
