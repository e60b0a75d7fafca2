// Tests: a rep's private calendar feed read into busy intervals — recurrences across DST, exceptions,
// all-day and floating times, Google and Outlook exports, broken feeds, and a property test against luxon.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Interval } from "../../../functions/core/bookings/booking";
import { busyFromCalendarFeed, CalendarFeedInvalid } from "../../../functions/core/calendar/calendar-feed";

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), "utf8");
const iso = (intervals: Interval[]) => intervals.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

/** A VCALENDAR around the given VEVENT (and VTIMEZONE) blocks, with CRLF line ends as feeds send them. */
function calendar(...blocks: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liveline tests//EN", ...blocks, "END:VCALENDAR", ""].join("\r\n");
}

let eventCount = 0;

/** A VEVENT with the given lines, and a UID of its own unless one is given. */
function vevent(...lines: string[]): string {
  const uid = lines.some((line) => line.startsWith("UID:")) ? [] : [`UID:event-${++eventCount}@test`];
  return ["BEGIN:VEVENT", ...uid, "DTSTAMP:20270101T000000Z", ...lines, "END:VEVENT"].join("\r\n");
}

const BERLIN = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

const MONDAYS_IN_BERLIN = [
  "UID:monday@test",
  "DTSTART;TZID=Europe/Berlin:20270315T100000",
  "DTEND;TZID=Europe/Berlin:20270315T110000",
  "RRULE:FREQ=WEEKLY;BYDAY=MO",
];
const MARCH_TO_APRIL = span("2027-03-15T00:00:00Z", "2027-04-06T00:00:00Z");

describe("busyFromCalendarFeed: recurring events", () => {
  it("expands a weekly event with its VTIMEZONE across the 2027-03-28 DST change: still 10:00 Berlin after it", () => {
    const busy = busyFromCalendarFeed(calendar(BERLIN, vevent(...MONDAYS_IN_BERLIN)), MARCH_TO_APRIL, "UTC");
    expect(iso(busy)).toEqual([
      ["2027-03-15T09:00:00.000Z", "2027-03-15T10:00:00.000Z"],
      ["2027-03-22T09:00:00.000Z", "2027-03-22T10:00:00.000Z"],
      ["2027-03-29T08:00:00.000Z", "2027-03-29T09:00:00.000Z"],
      ["2027-04-05T08:00:00.000Z", "2027-04-05T09:00:00.000Z"],
    ]);
  });

  it("leaves out an EXDATE'd occurrence", () => {
    const feed = calendar(BERLIN, vevent(...MONDAYS_IN_BERLIN, "EXDATE;TZID=Europe/Berlin:20270322T100000"));
    const starts = busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC").map((i) => new Date(i.start).toISOString());
    expect(starts).toEqual(["2027-03-15T09:00:00.000Z", "2027-03-29T08:00:00.000Z", "2027-04-05T08:00:00.000Z"]);
  });

  it("blocks a moved occurrence at its new time and frees its original time", () => {
    const moved = vevent(
      "UID:monday@test",
      "RECURRENCE-ID;TZID=Europe/Berlin:20270322T100000",
      "DTSTART;TZID=Europe/Berlin:20270323T140000",
      "DTEND;TZID=Europe/Berlin:20270323T150000",
    );
    const busy = busyFromCalendarFeed(calendar(BERLIN, vevent(...MONDAYS_IN_BERLIN), moved), MARCH_TO_APRIL, "UTC");
    expect(iso(busy)).toContainEqual(["2027-03-23T13:00:00.000Z", "2027-03-23T14:00:00.000Z"]);
    expect(busy.some((i) => i.start === at("2027-03-22T09:00:00Z"))).toBe(false);
    expect(busy).toHaveLength(4);
  });

  it("frees an occurrence whose override is cancelled", () => {
    const cancelled = vevent(
      "UID:monday@test",
      "RECURRENCE-ID;TZID=Europe/Berlin:20270329T100000",
      "DTSTART;TZID=Europe/Berlin:20270329T100000",
      "DTEND;TZID=Europe/Berlin:20270329T110000",
      "STATUS:CANCELLED",
    );
    const busy = busyFromCalendarFeed(calendar(BERLIN, vevent(...MONDAYS_IN_BERLIN), cancelled), MARCH_TO_APRIL, "UTC");
    expect(busy.map((i) => new Date(i.start).toISOString())).toEqual([
      "2027-03-15T09:00:00.000Z",
      "2027-03-22T09:00:00.000Z",
      "2027-04-05T08:00:00.000Z",
    ]);
  });

  it("blocks an occurrence moved into the window from after its end", () => {
    const pulledForward = vevent(
      "UID:monday@test",
      "RECURRENCE-ID;TZID=Europe/Berlin:20270412T100000",
      "DTSTART;TZID=Europe/Berlin:20270402T080000",
      "DTEND;TZID=Europe/Berlin:20270402T083000",
    );
    const busy = busyFromCalendarFeed(calendar(BERLIN, vevent(...MONDAYS_IN_BERLIN), pulledForward), MARCH_TO_APRIL, "UTC");
    expect(iso(busy)).toContainEqual(["2027-04-02T06:00:00.000Z", "2027-04-02T06:30:00.000Z"]);
  });

  it("adds RDATE occurrences and ignores cancelled and free series", () => {
    const feed = calendar(
      vevent("DTSTART:20270316T120000Z", "DTEND:20270316T130000Z", "RDATE:20270318T120000Z,20270401T120000Z"),
      vevent("DTSTART:20270316T080000Z", "DTEND:20270316T090000Z", "RRULE:FREQ=DAILY", "STATUS:CANCELLED"),
      vevent("DTSTART:20270316T080000Z", "DTEND:20270316T090000Z", "RRULE:FREQ=DAILY", "TRANSP:TRANSPARENT"),
    );
    expect(iso(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC"))).toEqual([
      ["2027-03-16T12:00:00.000Z", "2027-03-16T13:00:00.000Z"],
      ["2027-03-18T12:00:00.000Z", "2027-03-18T13:00:00.000Z"],
      ["2027-04-01T12:00:00.000Z", "2027-04-01T13:00:00.000Z"],
    ]);
  });

  it("reaches today's occurrences of a daily series begun years ago, well within the iteration cap", () => {
    const feed = calendar(
      vevent("DTSTART:20080102T090000Z", "DTEND:20080102T091500Z", "RRULE:FREQ=DAILY"),
      // Begun on a Sunday, so its start does not match BYDAY and it cannot be fast-forwarded: ~1,000 steps.
      vevent("DTSTART:20230101T160000Z", "DTEND:20230101T163000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    );
    const busy = busyFromCalendarFeed(feed, span("2027-03-15T00:00:00Z", "2027-03-17T00:00:00Z"), "UTC");
    expect(iso(busy)).toEqual([
      ["2027-03-15T09:00:00.000Z", "2027-03-15T09:15:00.000Z"],
      ["2027-03-15T16:00:00.000Z", "2027-03-15T16:30:00.000Z"],
      ["2027-03-16T09:00:00.000Z", "2027-03-16T09:15:00.000Z"],
      ["2027-03-16T16:00:00.000Z", "2027-03-16T16:30:00.000Z"],
    ]);
  });

  it("fast-forwards series whose start is more than 5,000 steps before the window", () => {
    const feed = calendar(
      // Begun on a Monday in 2000: ~7,100 weekdays to the window.
      vevent("DTSTART:20000103T090000Z", "DTEND:20000103T093000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
      // Every other day from Monday 1990-01-01 except Sundays: ~5,800 steps; 2027-03-12 and -14 are such days.
      vevent("DTSTART:19900101T120000Z", "DTEND:19900101T123000Z", "RRULE:FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR,SA"),
    );
    const busy = busyFromCalendarFeed(feed, span("2027-03-12T00:00:00Z", "2027-03-16T00:00:00Z"), "UTC");
    expect(iso(busy)).toEqual([
      ["2027-03-12T09:00:00.000Z", "2027-03-12T09:30:00.000Z"],
      ["2027-03-12T12:00:00.000Z", "2027-03-12T12:30:00.000Z"],
      ["2027-03-15T09:00:00.000Z", "2027-03-15T09:30:00.000Z"],
    ]);
  });

  it("stops a series that would need more than 5,000 steps to reach the window", () => {
    // COUNT prevents fast-forwarding; the 5,001st day (2013-09-09) is long before the window.
    const feed = calendar(vevent("DTSTART:20000101T090000Z", "DTEND:20000101T100000Z", "RRULE:FREQ=DAILY;COUNT=100000"));
    expect(busyFromCalendarFeed(feed, span("2027-03-15T00:00:00Z", "2027-03-16T00:00:00Z"), "UTC")).toEqual([]);
  });

  it.each([
    ["a daily rule that can never match", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"],
    ["a daily rule with an ordinal weekday", "FREQ=DAILY;BYDAY=1MO"],
    ["a daily rule with a week number", "FREQ=DAILY;BYWEEKNO=53;BYMONTH=6"],
    ["a minutely rule", "FREQ=MINUTELY"],
  ])("counts %s at its DTSTART only, without hanging", (_name, rule) => {
    const feed = calendar(vevent("DTSTART:20270316T100000Z", "DTEND:20270316T110000Z", `RRULE:${rule}`));
    const started = performance.now();
    const busy = busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(iso(busy)).toEqual([["2027-03-16T10:00:00.000Z", "2027-03-16T11:00:00.000Z"]]);
  });
});

describe("busyFromCalendarFeed: all-day, floating, DURATION and zones", () => {
  it("blocks an all-day event as the whole local day in the rep's zone (Kolkata: 18:30Z the day before to 18:30Z)", () => {
    const feed = calendar(vevent("DTSTART;VALUE=DATE:20270320", "SUMMARY:Offsite"));
    expect(iso(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "Asia/Kolkata"))).toEqual([
      ["2027-03-19T18:30:00.000Z", "2027-03-20T18:30:00.000Z"],
    ]);
  });

  it("reads an all-day DTEND as exclusive and spans the days between", () => {
    const feed = calendar(vevent("DTSTART;VALUE=DATE:20270320", "DTEND;VALUE=DATE:20270323"));
    expect(iso(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "Asia/Kolkata"))).toEqual([
      ["2027-03-19T18:30:00.000Z", "2027-03-22T18:30:00.000Z"],
    ]);
  });

  it("keeps whole local days for a weekly all-day event across the rep's DST change (New York)", () => {
    const feed = calendar(vevent("DTSTART;VALUE=DATE:20270312", "RRULE:FREQ=WEEKLY;COUNT=2"));
    expect(iso(busyFromCalendarFeed(feed, span("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"), "America/New_York"))).toEqual([
      ["2027-03-12T05:00:00.000Z", "2027-03-13T05:00:00.000Z"],
      ["2027-03-19T04:00:00.000Z", "2027-03-20T04:00:00.000Z"],
    ]);
  });

  it("ignores a transparent (free) event", () => {
    const feed = calendar(vevent("DTSTART:20270316T100000Z", "DTEND:20270316T110000Z", "TRANSP:TRANSPARENT"));
    expect(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC")).toEqual([]);
  });

  it("reads floating times in the rep's zone, on each side of its DST change", () => {
    const feed = calendar(vevent("DTSTART:20270310T090000", "DTEND:20270310T100000", "RRULE:FREQ=WEEKLY;COUNT=2"));
    expect(iso(busyFromCalendarFeed(feed, span("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"), "America/New_York"))).toEqual([
      ["2027-03-10T14:00:00.000Z", "2027-03-10T15:00:00.000Z"],
      ["2027-03-17T13:00:00.000Z", "2027-03-17T14:00:00.000Z"],
    ]);
  });

  it("reads a floating time skipped by spring-forward with the offset before the change", () => {
    const feed = calendar(vevent("DTSTART:20270314T023000", "DTEND:20270314T040000"));
    expect(iso(busyFromCalendarFeed(feed, span("2027-03-13T00:00:00Z", "2027-03-15T00:00:00Z"), "America/New_York"))).toEqual([
      ["2027-03-14T07:30:00.000Z", "2027-03-14T08:00:00.000Z"],
    ]);
  });

  it("takes DURATION instead of DTEND", () => {
    const feed = calendar(
      vevent("DTSTART:20270316T100000Z", "DURATION:PT45M"),
      vevent("DTSTART;TZID=Europe/Berlin:20270327T120000", "DURATION:P1D"),
      BERLIN,
    );
    expect(iso(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC"))).toEqual([
      ["2027-03-16T10:00:00.000Z", "2027-03-16T10:45:00.000Z"],
      // A nominal day across the DST change: noon to noon Berlin time, 23 hours.
      ["2027-03-27T11:00:00.000Z", "2027-03-28T10:00:00.000Z"],
    ]);
  });

  it("reads an Outlook feed whose TZID is a Windows name defined by its own VTIMEZONE", () => {
    const busy = busyFromCalendarFeed(fixture("outlook-windows-tzid.ics"), span("2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z"), "UTC");
    expect(iso(busy)).toEqual([
      ["2027-03-18T13:30:00.000Z", "2027-03-18T14:30:00.000Z"],
      ["2027-03-25T13:30:00.000Z", "2027-03-25T14:30:00.000Z"],
      ["2027-04-01T12:30:00.000Z", "2027-04-01T13:30:00.000Z"],
      ["2027-04-08T12:30:00.000Z", "2027-04-08T13:30:00.000Z"],
      ["2027-04-15T12:30:00.000Z", "2027-04-15T13:30:00.000Z"],
      ["2027-04-22T12:30:00.000Z", "2027-04-22T13:30:00.000Z"],
    ]);
  });

  it("reads a Google feed: weekly series with EXDATE, a moved, a cancelled and a pulled-forward occurrence, a free day", () => {
    const busy = busyFromCalendarFeed(fixture("google-berlin-weekly.ics"), span("2027-03-01T00:00:00Z", "2027-04-27T00:00:00Z"), "Europe/Berlin");
    expect(iso(busy)).toEqual([
      ["2027-03-01T09:00:00.000Z", "2027-03-01T10:00:00.000Z"],
      ["2027-03-16T14:00:00.000Z", "2027-03-16T15:00:00.000Z"],
      ["2027-03-29T08:00:00.000Z", "2027-03-29T09:00:00.000Z"],
      ["2027-04-05T08:00:00.000Z", "2027-04-05T09:00:00.000Z"],
      ["2027-04-09T07:00:00.000Z", "2027-04-09T07:30:00.000Z"],
      ["2027-04-12T08:00:00.000Z", "2027-04-12T09:00:00.000Z"],
      ["2027-04-26T08:00:00.000Z", "2027-04-26T09:00:00.000Z"],
    ]);
  });

  it("uses the IANA zone for a TZID without VTIMEZONE, and the rep's zone for an unknown one", () => {
    const feed = calendar(
      vevent("DTSTART;TZID=America/Chicago:20270316T090000", "DTEND;TZID=America/Chicago:20270316T100000"),
      vevent("DTSTART;TZID=Somewhere Standard Time:20270317T090000", "DTEND;TZID=Somewhere Standard Time:20270317T100000"),
    );
    expect(iso(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "Asia/Kolkata"))).toEqual([
      ["2027-03-16T14:00:00.000Z", "2027-03-16T15:00:00.000Z"],
      ["2027-03-17T03:30:00.000Z", "2027-03-17T04:30:00.000Z"],
    ]);
  });
});

describe("busyFromCalendarFeed: window, merging and invalid feeds", () => {
  it("clips an event the window cuts to the window, and merges overlapping events", () => {
    const feed = calendar(
      vevent("DTSTART:20270316T090000Z", "DTEND:20270316T110000Z"),
      vevent("DTSTART:20270316T103000Z", "DTEND:20270316T120000Z"),
      vevent("DTSTART:20270316T120000Z", "DTEND:20270316T130000Z"),
      vevent("DTSTART:20270316T060000Z", "DTEND:20270316T070000Z"),
    );
    expect(iso(busyFromCalendarFeed(feed, span("2027-03-16T10:00:00Z", "2027-03-16T12:30:00Z"), "UTC"))).toEqual([
      ["2027-03-16T10:00:00.000Z", "2027-03-16T12:30:00.000Z"],
    ]);
  });

  it("reads a feed that starts with a byte-order mark", () => {
    const feed = `\uFEFF${calendar(vevent("DTSTART:20270316T090000Z", "DTEND:20270316T100000Z"))}`;
    expect(busyFromCalendarFeed(feed, MARCH_TO_APRIL, "UTC")).toHaveLength(1);
  });

  it("returns [] for a calendar without events", () => {
    expect(busyFromCalendarFeed(calendar(), MARCH_TO_APRIL, "UTC")).toEqual([]);
    expect(busyFromCalendarFeed(calendar(BERLIN), MARCH_TO_APRIL, "UTC")).toEqual([]);
  });

  it.each([
    ["plain text", "hello"],
    ["an HTML error page", "<!DOCTYPE html>\n<html><body>Sign in</body></html>"],
    ["an empty body", ""],
    ["a byte-order mark alone", "\uFEFF"],
    ["an unterminated calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR"],
    ["an event without a calendar", vevent("DTSTART:20270316T090000Z")],
    ["a bad date", calendar(vevent("DTSTART:2027-03-16", "SUMMARY:Secret board meeting"))],
    ["a bad rule", calendar(vevent("DTSTART:20270316T090000Z", "RRULE:FREQ=SOMETIMES", "SUMMARY:Secret board meeting"))],
    ["an event without DTSTART", calendar(vevent("SUMMARY:Secret board meeting"))],
  ])("rejects %s with CalendarFeedInvalid, keeping event text out of the message", (_name, text) => {
    let thrown: unknown;
    try {
      busyFromCalendarFeed(text, MARCH_TO_APRIL, "UTC");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarFeedInvalid);
    expect((thrown as Error).message).not.toContain("Secret");
  });
});

describe("busyFromCalendarFeed: property", () => {
  const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
  const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  type WeeklyEvent = typeof weeklyEvent extends fc.Arbitrary<infer T> ? T : never;
  const weeklyEvent = fc.record({
    day: fc.integer({ min: 0, max: 400 }),
    hour: fc.integer({ min: 8, max: 20 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    minutes: fc.integer({ min: 15, max: 600 }),
    zone: fc.constantFrom(...ZONES),
    interval: fc.integer({ min: 1, max: 3 }),
    floating: fc.boolean(),
  });

  it("returns sorted, non-overlapping intervals inside the window that match a luxon expansion", () => {
    fc.assert(
      fc.property(
        fc.array(weeklyEvent, { maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 90 }),
        fc.constantFrom(...ZONES),
        (events, windowDay, windowDays, repZone) => {
          const base = DateTime.fromISO("2026-01-01", { zone: "UTC" });
          const window = { start: base.plus({ days: windowDay }).toMillis(), end: base.plus({ days: windowDay + windowDays }).toMillis() };
          const blocks = events.map((event) => {
            const start = base.plus({ days: event.day }).set({ hour: event.hour, minute: event.minute });
            const stamp = start.toFormat("yyyyMMdd'T'HHmmss");
            const tz = event.floating ? "" : `;TZID=${event.zone}`;
            const weekday = WEEKDAYS[start.weekday - 1];
            return vevent(`DTSTART${tz}:${stamp}`, `DURATION:PT${event.minutes}M`, `RRULE:FREQ=WEEKLY;INTERVAL=${event.interval};BYDAY=${weekday}`);
          });
          const busy = busyFromCalendarFeed(calendar(...blocks), window, repZone);

          busy.forEach((interval, index) => {
            expect(interval.start).toBeLessThan(interval.end);
            expect(interval.start).toBeGreaterThanOrEqual(window.start);
            expect(interval.end).toBeLessThanOrEqual(window.end);
            if (index > 0) expect(interval.start).toBeGreaterThan(busy[index - 1]!.end);
          });
          expect(busy).toEqual(oracle(events, window, repZone));
        },
      ),
      { numRuns: 150 },
    );
  });

  /** The same expansion by luxon: wall-clock weeks in the event's zone, clipped and merged. */
  function oracle(events: WeeklyEvent[], window: Interval, repZone: string): Interval[] {
    const all: Interval[] = [];
    for (const event of events) {
      const zone = event.floating ? repZone : event.zone;
      const first = DateTime.fromObject(
        { ...DateTime.fromISO("2026-01-01", { zone: "UTC" }).plus({ days: event.day }).toObject(), hour: event.hour, minute: event.minute },
        { zone },
      );
      for (let week = 0; ; week += event.interval) {
        const start = first.plus({ weeks: week });
        if (start.toMillis() >= window.end) break;
        const end = start.plus({ minutes: event.minutes });
        if (end.toMillis() <= window.start) continue;
        all.push({ start: Math.max(start.toMillis(), window.start), end: Math.min(end.toMillis(), window.end) });
      }
    }
    all.sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const next of all) {
      const last = merged[merged.length - 1];
      if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
      else merged.push({ ...next });
    }
    return merged;
  }
});
