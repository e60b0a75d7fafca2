// Use cases: a rep's calendar feed as the request path sees it — the stored busy copy that the scheduled
// refresh (refresh-calendar-feeds.ts) keeps, never the feed itself, so no request fetches or parses one.

import { createHash } from "node:crypto";
import type { RepConfig } from "../../config/liveline-config";
import type { Interval } from "../../core/bookings/booking";
import type { CachedFeed, RepSchedule } from "../../ports/booking-store";

/** The whole of time, for a rep whose calendar we cannot see. */
const ALWAYS: Interval = { start: 0, end: 8.64e15 };

/** Which feed a stored copy belongs to, without storing the secret address itself. */
export function feedSourceKey(rep: RepConfig): string {
  const feed = rep.calendarFeed!;
  return createHash("sha256").update(feed.url ?? `file:${feed.path}`).digest("base64url").slice(0, 22);
}

/** The stored copy of the rep's current feed, if there is one (a copy of a feed since replaced is not). */
export function feedCopyOf(rep: RepConfig, schedule: RepSchedule): CachedFeed | undefined {
  return schedule.feed?.sourceKey === feedSourceKey(rep) ? schedule.feed : undefined;
}

/**
 * The busy time a rep's feed adds: the last good copy, however old (the refresh logs when it cannot
 * renew it); a rep whose feed never loaded is busy all the time, because a slot we offer must really be free.
 */
export function calendarBusyOf(rep: RepConfig, schedule: RepSchedule): Interval[] {
  if (!rep.calendarFeed) return [];
  return feedCopyOf(rep, schedule)?.busy ?? [ALWAYS];
}
