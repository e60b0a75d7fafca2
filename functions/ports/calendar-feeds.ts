// Port: reading a rep's private calendar feed (the iCalendar "secret address"). Adapter: HTTP(S) fetch
// or a local file (adapters/feeds). Parsing and expansion are the core's (core/calendar/calendar-feed.ts).

export interface CalendarFeedLocation {
  url?: string;
  path?: string;
}

export interface CalendarFeeds {
  /** The feed's iCalendar text; throws when it cannot be had (timeout, HTTP error, missing file). */
  fetch(location: CalendarFeedLocation): Promise<string>;
}
