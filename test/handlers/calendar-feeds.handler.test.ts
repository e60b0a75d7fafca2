// Busy time from reps' private calendar feeds, served by a local HTTP server: the scheduled refresh (the
// calendar feeds handler, given the Scheduled Event its rule sends) stores the copies, and slots and bookings
// through the real HTTP handler read them.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchCalendarFeed } from "../../functions/adapters/feeds/calendar-feed-fetcher";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createCalendarFeedsHandler } from "../../functions/handlers/calendar-feeds.handler";
import { scheduledEvent } from "../../infra/local/scheduled-event";
import { createTestApi, defaultConfig, type TestApi } from "../support/test-api";

const FEED = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//Feed//EN",
  // Every Tuesday 10:00–11:00 UTC, but not on Dec 8, and on Dec 15 moved to 14:00.
  "BEGIN:VEVENT",
  "UID:weekly-sync@example.com",
  "DTSTAMP:20261101T000000Z",
  "DTSTART:20261124T100000Z",
  "DTEND:20261124T110000Z",
  "RRULE:FREQ=WEEKLY;BYDAY=TU",
  "EXDATE:20261208T100000Z",
  "SUMMARY:Weekly sync",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly-sync@example.com",
  "DTSTAMP:20261101T000000Z",
  "RECURRENCE-ID:20261215T100000Z",
  "DTSTART:20261215T140000Z",
  "DTEND:20261215T150000Z",
  "SUMMARY:Weekly sync (moved)",
  "END:VEVENT",
  // A whole day off the calendar.
  "BEGIN:VEVENT",
  "UID:offsite@example.com",
  "DTSTAMP:20261101T000000Z",
  "DTSTART;VALUE=DATE:20261203",
  "DTEND;VALUE=DATE:20261204",
  "SUMMARY:Team offsite",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const feeds = new Map<string, { status: number; body: string }>();
/** Requests the server answered, per path. */
const requests = new Map<string, number>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const feed = feeds.get(path) ?? { status: 404, body: "" };
    response.writeHead(feed.status, { "content-type": "text/calendar" });
    response.end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function configWithFeed(path: string): LivelineConfig {
  const config = defaultConfig();
  config.reps = [
    {
      ...config.reps[0]!,
      id: "ana",
      timeZone: "UTC",
      workingHours: { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] },
      calendarFeed: { url: `${base}${path}?token=s3cret`, refreshMinutes: 15 },
    },
  ];
  return config;
}

/** The feed refresh as its minute rule runs it, on the test's clock. */
function refreshOf(api: TestApi) {
  const handler = createCalendarFeedsHandler({ ...api.deps, feeds: { fetch: (location) => fetchCalendarFeed(location, { baseDir: "." }) } });
  return () => handler(scheduledEvent(api.deps.clock.now()));
}

const slotTimes = async (api: TestApi, from: string, to: string) =>
  (await api.call("GET", `/api/slots?offering=live-demo&from=${from}&to=${to}&timeZone=UTC`)).json.slots.map((s: { start: string }) => s.start.slice(0, 16));

/** The minute's refresh runs, then the slots are listed: what a prospect sees at that time. */
const times = async (api: TestApi, from: string, to: string) => {
  await refreshOf(api)();
  return slotTimes(api, from, to);
};

describe("calendar feeds, refreshed every minute", () => {
  it("blocks the feed's busy events: recurring, except the exception date, at the moved time, and all-day", async () => {
    feeds.set("/ana.ics", { status: 200, body: FEED });
    const now = { value: new Date("2026-11-30T00:00:00Z") };
    const logs: string[] = [];
    const api = await createTestApi({ clock: { now: () => now.value }, config: configWithFeed("/ana.ics"), log: (_level, message) => logs.push(message) });
    const slots = await times(api, "2026-12-01", "2026-12-15");
    expect(slots).not.toContain("2026-12-01T10:00");
    expect(slots).not.toContain("2026-12-01T10:30");
    expect(slots).toContain("2026-12-01T11:00");
    expect(slots).toContain("2026-12-08T10:00"); // the exception date
    expect(slots).toContain("2026-12-15T10:00"); // the occurrence moved away…
    expect(slots).not.toContain("2026-12-15T14:00"); // …to here
    expect(slots.filter((s: string) => s.startsWith("2026-12-03"))).toEqual([]); // all-day
    // A booking at a busy time is refused too.
    const busy = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T10:30:00Z", name: "Pat", email: "pat@x.example", timeZone: "UTC", consent: true });
    expect(busy.status).toBe(409);

    // The feed breaks: the last good copy keeps working, and the log says so.
    feeds.set("/ana.ics", { status: 200, body: "BEGIN:VCALENDAR\r\nthis is not a calendar" });
    now.value = new Date("2026-11-30T00:20:00Z");
    expect(await times(api, "2026-12-01", "2026-12-15")).toEqual(slots);
    expect(logs).toContain("calendar feed unavailable; using the last good copy");

    // It comes back with a new meeting: after the refresh interval the new copy is used.
    feeds.set("/ana.ics", { status: 200, body: FEED.replace("DTSTART;VALUE=DATE:20261203", "DTSTART;VALUE=DATE:20261204").replace("DTEND;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205") });
    now.value = new Date("2026-11-30T00:40:00Z");
    const refreshed = await times(api, "2026-12-01", "2026-12-15");
    expect(refreshed.filter((s: string) => s.startsWith("2026-12-03")).length).toBeGreaterThan(0);
    expect(refreshed.filter((s: string) => s.startsWith("2026-12-04"))).toEqual([]);
  });

  it("serves a copy younger than its refresh interval without fetching the feed again, and fetches it once the interval has passed", async () => {
    feeds.set("/cached.ics", { status: 200, body: FEED });
    const now = { value: new Date("2026-11-30T00:00:00Z") };
    const config = configWithFeed("/cached.ics");
    config.reps[0]!.calendarFeed!.refreshMinutes = 30;
    const api = await createTestApi({ clock: { now: () => now.value }, config });
    const offsiteDay = async () => (await times(api, "2026-12-03", "2026-12-04")).filter((s: string) => s.startsWith("2026-12-04")).length;
    expect(await offsiteDay()).toBeGreaterThan(0);
    expect(requests.get("/cached.ics")).toBe(1);

    // The feed changes (the offsite moves to Dec 4), but the copy is 20 minutes old: no request, the copy is used.
    feeds.set("/cached.ics", { status: 200, body: FEED.replace("DTSTART;VALUE=DATE:20261203", "DTSTART;VALUE=DATE:20261204").replace("DTEND;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205") });
    now.value = new Date("2026-11-30T00:20:00Z");
    expect(await offsiteDay()).toBeGreaterThan(0);
    now.value = new Date("2026-11-30T00:29:00Z");
    expect(await offsiteDay()).toBeGreaterThan(0);
    expect(requests.get("/cached.ics")).toBe(1);

    // 30 minutes: fetched again, once, and the new copy is used (and kept for the next 30 minutes).
    now.value = new Date("2026-11-30T00:30:00Z");
    expect(await offsiteDay()).toBe(0);
    expect(requests.get("/cached.ics")).toBe(2);
    now.value = new Date("2026-11-30T00:45:00Z");
    expect(await offsiteDay()).toBe(0);
    expect(requests.get("/cached.ics")).toBe(2);
  });

  it("while a feed is down, tries it once per 5 minutes (its refresh interval being longer), serves the last good copy meanwhile, logs once per attempt, and takes fresh data when it is back", async () => {
    feeds.set("/down.ics", { status: 200, body: FEED });
    const now = { value: new Date("2026-11-30T00:00:00Z") };
    const logs: string[] = [];
    const api = await createTestApi({ clock: { now: () => now.value }, config: configWithFeed("/down.ics"), log: (_level, message) => logs.push(message) });
    const count = (message: string) => logs.filter((m) => m === message).length;
    const dec3 = async () => (await times(api, "2026-12-03", "2026-12-05")).filter((s: string) => s.startsWith("2026-12-03")).length;
    const dec4 = async () => (await times(api, "2026-12-03", "2026-12-05")).filter((s: string) => s.startsWith("2026-12-04")).length;
    expect(await dec3()).toBe(0); // the offsite
    expect(requests.get("/down.ics")).toBe(1);

    // Down when the 15-minute copy goes stale: one attempt, the copy is used, and the log says so once.
    feeds.set("/down.ics", { status: 500, body: "" });
    now.value = new Date("2026-11-30T00:15:00Z");
    expect(await dec3()).toBe(0);
    expect(requests.get("/down.ics")).toBe(2);
    expect(count("calendar feed could not be read")).toBe(1);
    expect(count("calendar feed unavailable; using the last good copy")).toBe(1);
    // The failure is noted beside the copy, whose busy data stays.
    const [item] = await api.itemsWithPrefix("REP#ana");
    expect(item).toMatchObject({ feedFailedAt: Date.parse("2026-11-30T00:15:00Z"), feedFetchedAt: Date.parse("2026-11-30T00:00:00Z") });
    expect(item!.feedBusy).toBeDefined();

    // Within 5 minutes of the attempt: slots and a booking use the copy without asking the feed or logging again.
    now.value = new Date("2026-11-30T00:16:00Z");
    expect(await dec3()).toBe(0);
    now.value = new Date("2026-11-30T00:19:59Z");
    expect(await dec3()).toBe(0);
    const atOffsite = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T10:00:00Z", name: "Pat", email: "pat@x.example", timeZone: "UTC", consent: true });
    expect(atOffsite.status).toBe(409);
    expect(requests.get("/down.ics")).toBe(2);
    expect(count("calendar feed could not be read")).toBe(1);
    expect(count("calendar feed unavailable; using the last good copy")).toBe(1);

    // 5 minutes after the failure: tried again (still down), logged again.
    now.value = new Date("2026-11-30T00:20:00Z");
    expect(await dec3()).toBe(0);
    expect(requests.get("/down.ics")).toBe(3);
    expect(count("calendar feed unavailable; using the last good copy")).toBe(2);

    // It comes back with the offsite moved to Dec 4: seen at the next attempt, not before, then kept.
    feeds.set("/down.ics", { status: 200, body: FEED.replace("DTSTART;VALUE=DATE:20261203", "DTSTART;VALUE=DATE:20261204").replace("DTEND;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205") });
    now.value = new Date("2026-11-30T00:24:00Z");
    expect(await dec3()).toBe(0);
    expect(requests.get("/down.ics")).toBe(3);
    now.value = new Date("2026-11-30T00:25:00Z");
    expect(await dec3()).toBeGreaterThan(0);
    expect(await dec4()).toBe(0);
    expect(requests.get("/down.ics")).toBe(4);
    now.value = new Date("2026-11-30T00:39:00Z");
    expect(await dec3()).toBeGreaterThan(0);
    expect(requests.get("/down.ics")).toBe(4);
    expect(count("calendar feed could not be read")).toBe(2);
  });

  it("while a feed that never loaded is down, keeps the rep busy and tries it once per refresh interval when that is under 5 minutes", async () => {
    feeds.set("/never-yet.ics", { status: 500, body: "" });
    const now = { value: new Date("2026-11-30T00:00:00Z") };
    const logs: string[] = [];
    const config = configWithFeed("/never-yet.ics");
    config.reps[0]!.calendarFeed!.refreshMinutes = 3;
    const api = await createTestApi({ clock: { now: () => now.value }, config, log: (_level, message) => logs.push(message) });
    const noCopy = "calendar feed unavailable and no copy yet; the rep is shown as busy";
    expect(await times(api, "2026-12-01", "2026-12-05")).toEqual([]);
    now.value = new Date("2026-11-30T00:02:59Z");
    expect(await times(api, "2026-12-01", "2026-12-05")).toEqual([]);
    expect(requests.get("/never-yet.ics")).toBe(1);
    expect(logs.filter((m) => m === noCopy)).toHaveLength(1);

    // 3 minutes: tried again, still down.
    now.value = new Date("2026-11-30T00:03:00Z");
    expect(await times(api, "2026-12-01", "2026-12-05")).toEqual([]);
    expect(requests.get("/never-yet.ics")).toBe(2);
    expect(logs.filter((m) => m === noCopy)).toHaveLength(2);

    // Back: free time shows at the next attempt.
    feeds.set("/never-yet.ics", { status: 200, body: FEED });
    now.value = new Date("2026-11-30T00:05:59Z");
    expect(await times(api, "2026-12-01", "2026-12-05")).toEqual([]);
    now.value = new Date("2026-11-30T00:06:00Z");
    expect((await times(api, "2026-12-01", "2026-12-05")).length).toBeGreaterThan(0);
    expect(requests.get("/never-yet.ics")).toBe(3);
  });

  it("shows a rep whose feed has never loaded as busy, and says so in the log", async () => {
    feeds.set("/never.ics", { status: 500, body: "" });
    const logs: string[] = [];
    const api = await createTestApi({ clock: { now: () => new Date("2026-11-30T00:00:00Z") }, config: configWithFeed("/never.ics"), log: (_level, message) => logs.push(message) });
    expect(await times(api, "2026-12-01", "2026-12-05")).toEqual([]);
    expect(logs).toContain("calendar feed unavailable and no copy yet; the rep is shown as busy");
  });

  it("never fetches a feed on the request path: slots and a booking read the stored copy, however old, until the refresh renews it", async () => {
    feeds.set("/request-path.ics", { status: 200, body: FEED });
    const now = { value: new Date("2026-11-30T00:00:00Z") };
    const api = await createTestApi({ clock: { now: () => now.value }, config: configWithFeed("/request-path.ics") });
    const refresh = refreshOf(api);
    // Before the first refresh the rep's calendar is unknown: no slot is offered, and nothing is fetched.
    expect(await slotTimes(api, "2026-12-01", "2026-12-05")).toEqual([]);
    expect(requests.get("/request-path.ics")).toBeUndefined();
    expect(await refresh()).toEqual({ refreshed: 1, failed: 0, skipped: 0 });
    const dec3 = async () => (await slotTimes(api, "2026-12-03", "2026-12-05")).filter((s: string) => s.startsWith("2026-12-03")).length;
    expect(await dec3()).toBe(0); // the offsite
    // The feed moves the offsite and the copy grows old, but no request asks the feed.
    feeds.set("/request-path.ics", { status: 200, body: FEED.replace("DTSTART;VALUE=DATE:20261203", "DTSTART;VALUE=DATE:20261204").replace("DTEND;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205") });
    now.value = new Date("2026-11-30T02:00:00Z");
    expect(await dec3()).toBe(0);
    const atOffsite = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T10:00:00Z", name: "Pat", email: "pat@x.example", timeZone: "UTC", consent: true });
    expect(atOffsite.status).toBe(409);
    expect(requests.get("/request-path.ics")).toBe(1);
    // The next refresh renews it; a second run within the interval skips it.
    expect(await refresh()).toEqual({ refreshed: 1, failed: 0, skipped: 0 });
    expect(await refresh()).toEqual({ refreshed: 0, failed: 0, skipped: 1 });
    expect(await dec3()).toBeGreaterThan(0);
    expect(requests.get("/request-path.ics")).toBe(2);
  });
});
