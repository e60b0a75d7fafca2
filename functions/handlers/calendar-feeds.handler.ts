// Entry: the calendar feed refresh Lambda — an EventBridge rule invokes it every minute (under `npm start`
// the local runtime sends it the same Scheduled Event); it renews the stored copy of each rep's feed that
// is due (use-cases/availability/refresh-calendar-feeds.ts). The only function that parses iCalendar: the API and timer
// functions read the copies and carry no parser. A failed run is simply the next minute's work.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { dirname } from "node:path";
import { DynamoDbBookingStore } from "../adapters/dynamodb/booking-store.dynamodb";
import { DynamoDbSettingsStore } from "../adapters/dynamodb/settings-store.dynamodb";
import { fetchCalendarFeed } from "../adapters/feeds/calendar-feed-fetcher";
import { movableClock } from "../adapters/local/movable-clock";
import { configPath } from "../config/config-path";
import { handlerConfig } from "../config/handler-config";
import { readLogLevel } from "../config/runtime-settings";
import { systemClock, type Clock } from "../ports/clock";
import { readSettingsInForce } from "../use-cases/settings/live-settings";
import { refreshCalendarFeeds, type FeedRefreshDependencies, type FeedRefreshResult } from "../use-cases/availability/refresh-calendar-feeds";
import { createObservability, observed } from "./observability";
import type { ScheduledEvent } from "./scheduled-event-types";

export type CalendarFeedsHandler = (event: ScheduledEvent) => Promise<FeedRefreshResult>;

export function createCalendarFeedsHandler(deps: FeedRefreshDependencies & { clock: Clock }): CalendarFeedsHandler {
  return async () => {
    const result = await refreshCalendarFeeds(deps, deps.clock.now().getTime());
    if (result.refreshed + result.failed > 0) deps.log("info", "calendar feeds refreshed", { ...result });
    return result;
  };
}

const observability = createObservability(readLogLevel());
let cached: CalendarFeedsHandler | undefined;

export const handler = observed(observability, async (event: ScheduledEvent): Promise<FeedRefreshResult> => {
  cached ??= await buildHandler(process.env);
  return cached(event);
});

async function buildHandler(env: NodeJS.ProcessEnv): Promise<CalendarFeedsHandler> {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error("TABLE_NAME is not set");
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 3 }), { marshallOptions: { removeUndefinedValues: true } });
  // The reps' feeds as the settings in the table say now (a rep may change theirs in the console): the head
  // is read once a run, one GetItem a minute; the deployed config until the table has settings.
  const settingsStore = new DynamoDbSettingsStore(documents, tableName);
  const deployed = await handlerConfig(env);
  let settings = await readSettingsInForce(settingsStore, deployed);
  const refresh = createCalendarFeedsHandler({
    get catalogue() {
      return settings.catalogue;
    },
    store: new DynamoDbBookingStore(documents, tableName),
    // A feed `path` is relative to the config file (locally); in Lambda feeds are URLs.
    feeds: { fetch: (location) => fetchCalendarFeed(location, { baseDir: dirname(configPath(env)) }) },
    // Locally time can be moved forward (POST /api/_local/clock); the copies' ages follow it.
    clock: env.LIVELINE_CLOCK === "movable" ? movableClock : systemClock,
    log: observability.log,
  });
  return async (event) => {
    settings = await readSettingsInForce(settingsStore, deployed, settings);
    return refresh(event);
  };
}
