// Use cases: the scheduled refresh of reps' calendar feeds (handlers/calendar-feeds.handler.ts, every
// minute) — the one place a feed is fetched and parsed (core/calendar/calendar-feed.ts, ical.js), so the request
// path only reads the stored copy (calendar-feed-copies.ts). A copy is renewed once it is older than the
// rep's refresh interval. When a feed cannot be read the last good copy stays (and the log says so); the
// failure is noted in the schedule item, so a feed that is down is tried again after a pause, not every minute.

import type { RepConfig } from "../../config/liveline-config";
import type { Interval } from "../../core/bookings/booking";
import { busyFromCalendarFeed } from "../../core/calendar/calendar-feed";
import { addDays, localDateAt } from "../../core/time/zoned-time";
import type { CachedFeed, FeedFailure, RepSchedule } from "../../ports/booking-store";
import type { CalendarFeeds } from "../../ports/calendar-feeds";
import { feedCopyOf, feedSourceKey } from "./calendar-feed-copies";
import type { UseCaseDependencies } from "../use-case-dependencies";

const DAY = 86_400_000;
/** Feeds fetched at once: a team's feeds in a few round trips, without opening a connection per rep. */
const CONCURRENCY = 8;
/**
 * The longest pause after a failed read. The copy is already past its refresh interval (or missing, so
 * the rep is shown busy), so recovery should not wait a whole long interval; but a feed that is down
 * is tried at most every 5 minutes, and never more often than a healthy one.
 */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export type FeedRefreshDependencies = Pick<UseCaseDependencies, "catalogue" | "store" | "log"> & { feeds: CalendarFeeds };

export interface FeedRefreshResult {
  /** Feeds read and stored anew. */
  refreshed: number;
  /** Feeds that could not be read (their last good copy, if any, stays). */
  failed: number;
  /** Feeds whose copy was young enough, or that failed too recently to try again. */
  skipped: number;
}

/** How long after a failed read the feed is left alone: min(refresh interval, 5 minutes). */
export function feedRetryAfterFailureMs(refreshMinutes: number): number {
  return Math.min(refreshMinutes * 60_000, RETRY_AFTER_FAILURE_MS);
}

export async function refreshCalendarFeeds(deps: FeedRefreshDependencies, now: number): Promise<FeedRefreshResult> {
  const reps = deps.catalogue.activeReps().filter((rep) => rep.calendarFeed);
  const result: FeedRefreshResult = { refreshed: 0, failed: 0, skipped: 0 };
  if (reps.length === 0) return result;
  const schedules = await deps.store.readSchedules(reps.map((rep) => rep.id));
  const due = reps.filter((rep) => isDue(rep, schedules.get(rep.id)!, now));
  result.skipped = reps.length - due.length;
  for (let start = 0; start < due.length; start += CONCURRENCY) {
    const outcomes = await Promise.all(due.slice(start, start + CONCURRENCY).map((rep) => refreshFeed(deps, rep, feedCopyOf(rep, schedules.get(rep.id)!), now)));
    for (const ok of outcomes) {
      if (ok) result.refreshed++;
      else result.failed++;
    }
  }
  return result;
}

/** Due when the copy is missing or past the refresh interval, unless the last attempt failed too recently. */
function isDue(rep: RepConfig, schedule: RepSchedule, now: number): boolean {
  const feed = rep.calendarFeed!;
  const copy = feedCopyOf(rep, schedule);
  if (copy && now - copy.fetchedAt < feed.refreshMinutes * 60_000) return false;
  // A failure older than the copy was overtaken by a later good read.
  const failure = schedule.feedFailure?.sourceKey === feedSourceKey(rep) && (!copy || schedule.feedFailure.failedAt > copy.fetchedAt) ? schedule.feedFailure : undefined;
  return !failure || now - failure.failedAt >= feedRetryAfterFailureMs(feed.refreshMinutes);
}

/** Reads, expands and stores one feed; false when it could not be read. */
async function refreshFeed(deps: FeedRefreshDependencies, rep: RepConfig, copy: CachedFeed | undefined, now: number): Promise<boolean> {
  const sourceKey = feedSourceKey(rep);
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
    return false;
  }
  try {
    await deps.store.saveFeedCopy(rep.id, { sourceKey, busy, fetchedAt: now });
    return true;
  } catch (error) {
    // The next run reads the feed again; the other reps' copies are not held up by this one.
    deps.log("warn", "could not keep the calendar feed copy", { repId: rep.id, error: String(error) });
    return false;
  }
}

/** Without the note the next run would try again a minute later: still correct, only noisier. */
async function noteFailure(deps: FeedRefreshDependencies, rep: RepConfig, failure: FeedFailure): Promise<void> {
  try {
    await deps.store.saveFeedFailure(rep.id, failure);
  } catch (error) {
    deps.log("warn", "could not note the failed calendar feed read", { repId: rep.id, error: String(error) });
  }
}
