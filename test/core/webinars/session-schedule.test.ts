// Tests: a webinar's sessions — the RRULE expanded on local dates in its zone (so DST keeps the local time),
// one-offs merged in (winning on a shared instant), the window [start, end), deterministic ids that
// sessionById reads back, and the rule checks config validation relies on. A property test compares the
// expansion with an oracle written from the rule's meaning, rendered with luxon.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { WebinarOfferingConfig } from "../../../functions/config/liveline-config";
import { expandSessions, recurrenceProblem, sessionById, sessionStartOf, type WebinarSession } from "../../../functions/core/webinars/session-schedule";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REP_ZONES: Record<string, string> = { maya: "Europe/London", raj: "Asia/Kolkata", ana: "America/New_York" };

function hostZone(repId: string): string {
  const zone = REP_ZONES[repId];
  if (!zone) throw new Error(`unknown rep ${repId}`);
  return zone;
}

type Recurrence = NonNullable<WebinarOfferingConfig["recurrence"]>;

function webinar(overrides: Partial<WebinarOfferingConfig> = {}): WebinarOfferingConfig {
  return {
    id: "weekly-webinar",
    title: "Product tour",
    kind: "webinar",
    durationMinutes: 45,
    hosts: ["maya"],
    capacity: 50,
    registrationCutoffMinutes: 60,
    maxColleagues: 10,
    joinUrl: "https://meet.example.com/{sessionId}",
    sessions: [],
    horizonDays: 60,
    lifecycle: { remindersMinutesBefore: [24 * 60, 60, 10], hostListMinutesBefore: 60, feedbackMinutesAfterEnd: 120 },
    attendance: { stayedShareAtLeast: 0.5 },
    callingHours: {},
    ...overrides,
  };
}

const recurring = (recurrence: Partial<Recurrence> & Pick<Recurrence, "rule">, overrides: Partial<WebinarOfferingConfig> = {}) =>
  webinar({ recurrence: { time: "16:00", startDate: "2026-01-01", ...recurrence }, ...overrides });

const at = (iso: string) => Date.parse(iso);
/** [from, to) between two UTC dates or date-times. */
const between = (from: string, to: string) => ({ start: at(from.length === 10 ? `${from}T00:00:00Z` : from), end: at(to.length === 10 ? `${to}T00:00:00Z` : to) });
const utc = (session: WebinarSession) => new Date(session.start).toISOString().slice(0, 16);
const localIn = (zone: string) => (session: WebinarSession) => DateTime.fromMillis(session.start, { zone }).toFormat("yyyy-MM-dd ccc HH:mm");
const localDates = (sessions: WebinarSession[], zone: string) => sessions.map((s) => DateTime.fromMillis(s.start, { zone }).toISODate()!);
const ALL_TIME = between("2000-01-01", "2040-01-01");

describe("expandSessions: the recurrence keeps its local time across DST", () => {
  const weekly = recurring({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-09-01" });

  it("every Tuesday 16:00 London moves from 15:00Z to 16:00Z at the October change", () => {
    const sessions = expandSessions(weekly, hostZone, between("2026-10-01", "2026-11-10"));
    expect(sessions.map(utc)).toEqual(["2026-10-06T15:00", "2026-10-13T15:00", "2026-10-20T15:00", "2026-10-27T16:00", "2026-11-03T16:00"]);
    expect(new Set(sessions.map(localIn("Europe/London")).map((local) => local.slice(11)))).toEqual(new Set(["Tue 16:00"]));
  });

  it("and back from 16:00Z to 15:00Z at the March change", () => {
    const sessions = expandSessions(weekly, hostZone, between("2027-03-15", "2027-04-07"));
    expect(sessions.map(utc)).toEqual(["2027-03-16T16:00", "2027-03-23T16:00", "2027-03-30T15:00", "2027-04-06T15:00"]);
    expect(sessions.map(localIn("Europe/London"))).toEqual(["2027-03-16 Tue 16:00", "2027-03-23 Tue 16:00", "2027-03-30 Tue 16:00", "2027-04-06 Tue 16:00"]);
  });

  it("fills each session from the webinar: end, zone, capacity, hosts and its own join URL", () => {
    const [session] = expandSessions(weekly, hostZone, between("2026-12-08", "2026-12-09"));
    expect(session).toEqual({
      id: "weekly-webinar-20261208T1600Z",
      offeringId: "weekly-webinar",
      start: at("2026-12-08T16:00:00Z"),
      end: at("2026-12-08T16:00:00Z") + 45 * MINUTE,
      timeZone: "Europe/London",
      capacity: 50,
      hosts: ["maya"],
      joinUrl: "https://meet.example.com/weekly-webinar-20261208T1600Z",
    });
    session!.hosts.push("intruder");
    expect(weekly.hosts).toEqual(["maya"]);
  });

  it("moves a time skipped by spring-forward to the first minute after it, and takes the first of a repeated time", () => {
    const daily = (time: string) => recurring({ rule: "FREQ=DAILY", time, timeZone: "America/New_York", startDate: "2027-03-01" });
    const spring = expandSessions(daily("02:30"), hostZone, between("2027-03-13", "2027-03-16"));
    expect(spring.map(localIn("America/New_York"))).toEqual(["2027-03-13 Sat 02:30", "2027-03-14 Sun 03:00", "2027-03-15 Mon 02:30"]);
    const fall = expandSessions(daily("01:30"), hostZone, between("2027-11-07", "2027-11-08"));
    expect(fall.map(utc)).toEqual(["2027-11-07T05:30"]); // 01:30 EDT, not 01:30 EST an hour later
  });
});

describe("expandSessions: which zone a session keeps", () => {
  it("expands the recurrence in the first host's zone when it names none", () => {
    const kolkata = recurring({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-09-01" }, { hosts: ["raj", "maya"] });
    const sessions = expandSessions(kolkata, hostZone, between("2026-10-15", "2026-11-05"));
    // India keeps +05:30 all year while London changes: 16:00 IST is 10:30Z on both sides of 25 October.
    expect(sessions.map(utc)).toEqual(["2026-10-20T10:30", "2026-10-27T10:30", "2026-11-03T10:30"]);
    expect(sessions.every((session) => session.timeZone === "Asia/Kolkata")).toBe(true);
  });

  it("uses recurrence.timeZone over the host's zone", () => {
    const newYork = recurring({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-09-01", timeZone: "America/New_York" }, { hosts: ["maya"] });
    const sessions = expandSessions(newYork, hostZone, between("2026-10-20", "2026-11-05"));
    // New York leaves DST on 1 November, a week after London: its own change is the one that counts.
    expect(sessions.map(utc)).toEqual(["2026-10-20T20:00", "2026-10-27T20:00", "2026-11-03T21:00"]);
    expect(sessions.map(localIn("America/New_York")).map((local) => local.slice(11))).toEqual(["Tue 16:00", "Tue 16:00", "Tue 16:00"]);
    expect(sessions.every((session) => session.timeZone === "America/New_York")).toBe(true);
  });

  it("places a one-off in its own zone, else its first host's, else the webinar's first host's", () => {
    const oneOffs = webinar({
      hosts: ["maya", "ana"],
      sessions: [
        { start: "2026-12-09T09:00", timeZone: "America/New_York", hosts: ["raj"] },
        { start: "2026-12-10T09:00", hosts: ["raj", "maya"] },
        { start: "2026-12-11T09:00" },
      ],
    });
    const sessions = expandSessions(oneOffs, hostZone, between("2026-12-01", "2027-01-01"));
    expect(sessions.map((session) => [utc(session), session.timeZone, session.hosts])).toEqual([
      ["2026-12-09T14:00", "America/New_York", ["raj"]],
      ["2026-12-10T03:30", "Asia/Kolkata", ["raj", "maya"]],
      ["2026-12-11T09:00", "Europe/London", ["maya", "ana"]],
    ]);
  });
});

describe("expandSessions: one-off sessions", () => {
  it("expands a webinar with only one-offs, applying each one's settings", () => {
    const oneOffs = webinar({
      sessions: [
        { start: "2027-01-14T10:00", capacity: 300, joinUrl: "https://big-room.example.com/{sessionId}?x={sessionId}" },
        { start: "2026-12-08T16:00" },
      ],
    });
    const sessions = expandSessions(oneOffs, hostZone, ALL_TIME);
    expect(sessions.map((session) => [session.id, session.capacity, session.joinUrl])).toEqual([
      ["weekly-webinar-20261208T1600Z", 50, "https://meet.example.com/weekly-webinar-20261208T1600Z"],
      ["weekly-webinar-20270114T1000Z", 300, "https://big-room.example.com/weekly-webinar-20270114T1000Z?x=weekly-webinar-20270114T1000Z"],
    ]);
    expect(sessions[1]!.end - sessions[1]!.start).toBe(45 * MINUTE);
  });

  it("merges one-offs with the recurrence in order, the one-off winning on the same instant", () => {
    const merged = recurring(
      { rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-12-01" },
      {
        sessions: [
          // The same instant as the recurrence's 8 December, given by another host in London's zone.
          { start: "2026-12-08T16:00", timeZone: "Europe/London", hosts: ["raj"], capacity: 200, joinUrl: "https://special.example.com/{sessionId}" },
          // The same local time in another zone: another instant, so another session.
          { start: "2026-12-15T16:00", timeZone: "America/New_York" },
          { start: "2026-12-17T12:00" },
        ],
      },
    );
    const sessions = expandSessions(merged, hostZone, between("2026-12-01", "2026-12-23"));
    expect(sessions.map(utc)).toEqual(["2026-12-01T16:00", "2026-12-08T16:00", "2026-12-15T16:00", "2026-12-15T21:00", "2026-12-17T12:00", "2026-12-22T16:00"]);
    const eighth = sessions[1]!;
    expect([eighth.capacity, eighth.hosts, eighth.joinUrl]).toEqual([200, ["raj"], "https://special.example.com/weekly-webinar-20261208T1600Z"]);
    expect(new Set(sessions.map((session) => session.id)).size).toBe(sessions.length);
  });

  it("moves a one-off at a time skipped by spring-forward to the first minute after it", () => {
    const skipped = webinar({ sessions: [{ start: "2027-03-28T01:30" }] });
    const [session] = expandSessions(skipped, hostZone, ALL_TIME);
    expect(localIn("Europe/London")(session!)).toBe("2027-03-28 Sun 02:00");
    expect(utc(session!)).toBe("2027-03-28T01:00");
  });
});

describe("expandSessions: the rule's parts", () => {
  const expand = (recurrence: Partial<Recurrence> & Pick<Recurrence, "rule">, window = ALL_TIME) =>
    localDates(expandSessions(recurring({ timeZone: "Europe/London", ...recurrence }), hostZone, window), "Europe/London");

  it("COUNT counts real sessions from the start date, whatever the window", () => {
    // 2026-09-07 is a Monday: the start date does not match and is not counted.
    const rule = { rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=3", startDate: "2026-09-07" };
    expect(expand(rule)).toEqual(["2026-09-08", "2026-09-15", "2026-09-22"]);
    expect(expand(rule, between("2026-09-14", "2026-09-16"))).toEqual(["2026-09-15"]);
    expect(expand(rule, between("2026-09-23", "2027-09-23"))).toEqual([]);
    // Months without a 31st are not counted either.
    expect(expand({ rule: "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", startDate: "2026-01-01" })).toEqual(["2026-01-31", "2026-03-31", "2026-05-31"]);
  });

  it("UNTIL as a date includes that day; as a UTC time it includes a session starting exactly then", () => {
    const from = { startDate: "2026-11-01" };
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117", ...from }).at(-1)).toBe("2026-11-17");
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117T160000Z", ...from }).at(-1)).toBe("2026-11-17");
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117T155959Z", ...from }).at(-1)).toBe("2026-11-10");
    // A local UNTIL (no Z) is read in the webinar's zone.
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117T155900", ...from }).at(-1)).toBe("2026-11-10");
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117T160000", ...from }).at(-1)).toBe("2026-11-17");
  });

  it("the config's until ends the series on that date, inclusive", () => {
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-11-01", until: "2026-11-17" })).toEqual(["2026-11-03", "2026-11-10", "2026-11-17"]);
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-11-01", until: "2026-11-16" })).toEqual(["2026-11-03", "2026-11-10"]);
  });

  it("never yields a date before the start date, and yields the start date itself when it matches", () => {
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=TU,TH", startDate: "2026-12-08" }, between("2026-11-01", "2026-12-16"))).toEqual(["2026-12-08", "2026-12-10", "2026-12-15"]);
  });

  it("repeats the start's weekday or day of month when the rule names none", () => {
    // 2026-12-10 is a Thursday.
    const weekly = expand({ rule: "FREQ=WEEKLY", startDate: "2026-12-10" }, between("2026-12-01", "2027-01-01"));
    expect(weekly).toEqual(["2026-12-10", "2026-12-17", "2026-12-24", "2026-12-31"]);
    const monthly = expand({ rule: "FREQ=MONTHLY", startDate: "2026-01-15" }, between("2026-01-01", "2026-05-01"));
    expect(monthly).toEqual(["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15"]);
  });

  it("INTERVAL keeps its phase from the start date, even for a window years later", () => {
    const startDate = "2020-01-07"; // a Tuesday
    const dates = expand({ rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", startDate }, between("2030-01-01", "2030-04-01"));
    expect(dates.length).toBeGreaterThanOrEqual(6);
    for (const date of dates) expect((at(date) - at(startDate)) / DAY % 14).toBe(0);
    for (let i = 1; i < dates.length; i++) expect(at(dates[i]!) - at(dates[i - 1]!)).toBe(14 * DAY);

    expect(expand({ rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", startDate: "2026-02-01" }, between("2026-01-01", "2027-03-01"))).toEqual([
      "2026-02-01", "2026-05-01", "2026-08-01", "2026-11-01", "2027-02-01",
    ]);
    const daily = expand({ rule: "FREQ=DAILY;INTERVAL=3", startDate: "2026-12-30" }, between("2027-01-01", "2027-01-10"));
    expect(daily).toEqual(["2027-01-02", "2027-01-05", "2027-01-08"]);
  });

  it("a series begun long ago still reaches a window decades later", () => {
    const dates = expand({ rule: "FREQ=DAILY", startDate: "2000-01-01" }, between("2035-06-01", "2035-06-08"));
    expect(dates).toEqual(["2035-06-01", "2035-06-02", "2035-06-03", "2035-06-04", "2035-06-05", "2035-06-06", "2035-06-07"]);
  });

  it("BYMONTHDAY counts from the end when negative and skips months without the day", () => {
    expect(expand({ rule: "FREQ=MONTHLY;BYMONTHDAY=-1" }, between("2028-01-01", "2028-05-01"))).toEqual(["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"]);
    expect(expand({ rule: "FREQ=MONTHLY;BYMONTHDAY=30" }, between("2027-01-01", "2027-05-01"))).toEqual(["2027-01-30", "2027-03-30", "2027-04-30"]);
    expect(expand({ rule: "FREQ=MONTHLY;BYMONTHDAY=1,15" }, between("2027-01-01", "2027-03-01"))).toEqual(["2027-01-01", "2027-01-15", "2027-02-01", "2027-02-15"]);
  });

  it('"last Thursday of the month" as BYDAY=TH;BYSETPOS=-1 and as BYDAY=-1TH', () => {
    const window = between("2026-01-01", "2028-01-01");
    const bySetPos = expand({ rule: "FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1" }, window);
    expect(bySetPos).toHaveLength(24);
    for (const date of bySetPos) {
      expect(new Date(at(date)).getUTCDay()).toBe(4);
      // A week later is next month.
      expect(new Date(at(date) + 7 * DAY).getUTCMonth()).not.toBe(new Date(at(date)).getUTCMonth());
    }
    expect(expand({ rule: "FREQ=MONTHLY;BYDAY=-1TH" }, window)).toEqual(bySetPos);
    expect(bySetPos.slice(0, 4)).toEqual(["2026-01-29", "2026-02-26", "2026-03-26", "2026-04-30"]);
  });

  it("BYSETPOS picks among the days the other parts leave, per month or per week", () => {
    const lastWorkday = expand({ rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" }, between("2026-01-01", "2027-01-01"));
    expect(lastWorkday).toHaveLength(12);
    for (const date of lastWorkday) {
      const day = new Date(at(date));
      expect([1, 2, 3, 4, 5]).toContain(day.getUTCDay());
      for (let later = at(date) + DAY; new Date(later).getUTCMonth() === day.getUTCMonth(); later += DAY) {
        expect([0, 6]).toContain(new Date(later).getUTCDay());
      }
    }
    expect(lastWorkday.slice(0, 3)).toEqual(["2026-01-30", "2026-02-27", "2026-03-31"]);

    // The second of the month's Tuesdays and Thursdays; the 1st of January 2026 is a Thursday.
    expect(expand({ rule: "FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2" }, between("2026-01-01", "2026-03-01"))).toEqual(["2026-01-06", "2026-02-05"]);
    // The first and last of Monday, Wednesday and Friday in each week.
    expect(expand({ rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1,-1" }, between("2026-12-07", "2026-12-21"))).toEqual([
      "2026-12-07", "2026-12-11", "2026-12-14", "2026-12-18",
    ]);
  });

  it("BYMONTH with an nth weekday: the first Monday of March and September", () => {
    expect(expand({ rule: "FREQ=MONTHLY;BYMONTH=3,9;BYDAY=1MO" }, between("2026-01-01", "2028-01-01"))).toEqual(["2026-03-02", "2026-09-07", "2027-03-01", "2027-09-06"]);
  });

  it("refuses to expand a rule config validation would refuse", () => {
    expect(() => expandSessions(recurring({ rule: "FREQ=WEEKLY;BYHOUR=9" }), hostZone, ALL_TIME)).toThrow(/weekly-webinar.*BYHOUR/);
  });
});

describe("expandSessions: the window", () => {
  const weekly = recurring({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-09-01" }, { sessions: [{ start: "2026-12-10T09:00" }] });
  const tuesday = at("2026-12-08T16:00:00Z");
  const thursday = at("2026-12-10T09:00:00Z");

  it("includes a session starting at the window's start and excludes one starting at its end", () => {
    expect(expandSessions(weekly, hostZone, { start: tuesday, end: tuesday + 7 * DAY }).map(utc)).toEqual(["2026-12-08T16:00", "2026-12-10T09:00"]);
    expect(expandSessions(weekly, hostZone, { start: tuesday + 1, end: tuesday + 7 * DAY + 1 }).map(utc)).toEqual(["2026-12-10T09:00", "2026-12-15T16:00"]);
    expect(expandSessions(weekly, hostZone, { start: thursday, end: thursday + 1 }).map(utc)).toEqual(["2026-12-10T09:00"]);
    expect(expandSessions(weekly, hostZone, { start: thursday + 1, end: tuesday + 7 * DAY })).toEqual([]);
    // The same for a one-off at the window's end.
    expect(expandSessions(weekly, hostZone, { start: tuesday + 1, end: thursday })).toEqual([]);
  });

  it("keeps a session that started before the window out, even while it is still running", () => {
    expect(expandSessions(weekly, hostZone, { start: tuesday + 10 * MINUTE, end: tuesday + DAY })).toEqual([]);
  });

  it("gives the same sessions, with the same ids, whatever window they are found in", () => {
    const wide = expandSessions(weekly, hostZone, between("2026-09-01", "2027-09-01"));
    const narrow = expandSessions(weekly, hostZone, between("2027-02-01", "2027-03-01"));
    expect(narrow.length).toBe(4);
    expect(wide.filter((session) => session.start >= at("2027-02-01T00:00:00Z") && session.start < at("2027-03-01T00:00:00Z"))).toEqual(narrow);
  });
});

describe("sessionById", () => {
  const offering = recurring(
    { rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231", startDate: "2020-01-07" },
    { sessions: [{ start: "2026-12-08T16:00", capacity: 200 }, { start: "2026-12-10T09:00", timeZone: "America/New_York" }] },
  );

  it("finds every session by its id, past or future, one-offs with their settings", () => {
    const sessions = [
      ...expandSessions(offering, hostZone, between("2020-01-01", "2020-02-01")),
      ...expandSessions(offering, hostZone, between("2026-12-01", "2027-01-01")),
    ];
    expect(sessions.length).toBe(4 + 5 + 1);
    for (const session of sessions) {
      expect(session.id).toMatch(/^weekly-webinar-\d{8}T\d{4}Z$/);
      expect(sessionById(offering, hostZone, session.id)).toEqual(session);
    }
    expect(sessionById(offering, hostZone, "weekly-webinar-20261208T1600Z")?.capacity).toBe(200);
    expect(sessionById(offering, hostZone, "weekly-webinar-20261210T1400Z")?.timeZone).toBe("America/New_York");
  });

  it.each([
    ["a well-formed instant with no session (a Wednesday)", "weekly-webinar-20261209T1600Z"],
    ["a minute off a real session", "weekly-webinar-20261215T1601Z"],
    ["the right date at the wrong hour", "weekly-webinar-20261215T1500Z"],
    ["before the start date", "weekly-webinar-20191231T1600Z"],
    ["after UNTIL", "weekly-webinar-20280104T1600Z"],
    ["another offering's prefix", "other-webinar-20261215T1600Z"],
    ["a prefix of the offering id", "weekly-20261215T1600Z"],
    ["a month that does not exist", "weekly-webinar-20261315T1600Z"],
    ["a day that rolls over", "weekly-webinar-20260231T1600Z"],
    ["no Z", "weekly-webinar-20261215T1600"],
    ["seconds", "weekly-webinar-20261215T160000Z"],
    ["lower case", "weekly-webinar-20261215t1600z"],
    ["the bare offering id", "weekly-webinar"],
    ["an empty id", ""],
  ])("rejects %s", (_label, id) => {
    expect(sessionById(offering, hostZone, id)).toBeUndefined();
  });

  it("does not find a session of the same instant under another offering's id", () => {
    const other = { ...offering, id: "weekly" };
    expect(sessionById(other, hostZone, "weekly-20261215T1600Z")?.id).toBe("weekly-20261215T1600Z");
    expect(sessionById(other, hostZone, "weekly-webinar-20261215T1600Z")).toBeUndefined();
  });

  it("ends a COUNT series: the instant after the last is not a session", () => {
    const counted = recurring({ rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=2", startDate: "2026-12-01" });
    expect(sessionById(counted, hostZone, "weekly-webinar-20261208T1600Z")?.start).toBe(at("2026-12-08T16:00:00Z"));
    expect(sessionById(counted, hostZone, "weekly-webinar-20261215T1600Z")).toBeUndefined();
  });
});

describe("recurrenceProblem", () => {
  it.each([
    "FREQ=WEEKLY;BYDAY=TU",
    "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2",
    "freq=monthly;byday=-1th",
    "FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=DAILY;COUNT=10",
    "FREQ=WEEKLY;UNTIL=20271231T235900Z;WKST=SU",
  ])("accepts %s", (rule) => {
    expect(recurrenceProblem(rule)).toBeUndefined();
  });

  it.each([
    ["FREQ=WEEKLY;FOO=1", /FOO is not supported/],
    ["BYDAY=TU", /needs FREQ/],
    ["FREQ=WEEKLY;BYHOUR=9", /BYHOUR is not supported.*recurrence\.time/],
    ["FREQ=WEEKLY;BYMINUTE=30", /BYMINUTE is not supported.*recurrence\.time/],
    ["FREQ=YEARLY", /FREQ=YEARLY is not supported/],
    ["FREQ=WEEKLY;BYDAY=TU;BYDAY=WE", /BYDAY is given twice/],
    ["FREQ=WEEKLY;BYDAY=XX", /"XX" must be a weekday/],
    ["FREQ=WEEKLY;BYDAY=2TU", /needs FREQ=MONTHLY/],
    ["FREQ=MONTHLY;BYDAY=6TU", /"6TU"/],
    ["FREQ=WEEKLY;BYMONTHDAY=1", /BYMONTHDAY does not go with FREQ=WEEKLY/],
    ["FREQ=MONTHLY;BYMONTHDAY=32", /BYMONTHDAY: "32"/],
    ["FREQ=MONTHLY;BYMONTHDAY=0", /BYMONTHDAY: "0"/],
    ["FREQ=WEEKLY;INTERVAL=0", /INTERVAL: "0"/],
    ["FREQ=WEEKLY;COUNT=2;UNTIL=20270101", /both COUNT and UNTIL/],
    ["FREQ=WEEKLY;UNTIL=20270230", /UNTIL=20270230/],
    ["FREQ=DAILY;BYSETPOS=1", /BYSETPOS needs/],
    ["FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", /matches no day at all/],
    ["FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO", /matches no day at all/],
    ["FREQ", /not a NAME=VALUE part/],
    ["", /not a NAME=VALUE part/],
  ])("refuses %j", (rule, message) => {
    expect(recurrenceProblem(rule)).toMatch(message);
  });

  it("given the start date, refuses an INTERVAL that steps over every day the rule could match", () => {
    // Every 48 months from February 2026 only visits Februaries of non-leap years.
    expect(recurrenceProblem("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=48", "2026-02-01")).toMatch(/from 2026-02-01.*INTERVAL=48/);
    expect(recurrenceProblem("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=48", "2028-02-01")).toBeUndefined();
    expect(recurrenceProblem("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=12", "2026-02-01")).toBeUndefined();
    // Every other month from January never reaches June.
    expect(recurrenceProblem("FREQ=MONTHLY;INTERVAL=2;BYMONTH=6;BYMONTHDAY=1", "2027-01-01")).toMatch(/steps over/);
    expect(recurrenceProblem("FREQ=MONTHLY;INTERVAL=2;BYMONTH=6;BYMONTHDAY=1", "2027-02-01")).toBeUndefined();
  });
});

// --- Property: the expansion against the rule's meaning ---

const ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "UTC"];
const CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

const dayNumber = (date: string) => at(`${date}T00:00:00Z`) / DAY;
const weekdayOf = (date: string) => new Date(at(`${date}T00:00:00Z`)).getUTCDay();
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthLength = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

interface RuleSpec {
  rule: string;
  /** Whether a date (on or after the start date) is one of the rule's. */
  matches: (date: string, startDate: string) => boolean;
}

const dailySpec = fc.integer({ min: 1, max: 4 }).map((interval): RuleSpec => ({
  rule: `FREQ=DAILY;INTERVAL=${interval}`,
  matches: (date, startDate) => (dayNumber(date) - dayNumber(startDate)) % interval === 0,
}));

const weeklySpec = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }))
  .map(([interval, weekdays]): RuleSpec => ({
    rule: `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${weekdays.map((day) => CODES[day]).join(",")}`,
    matches: (date, startDate) => {
      // Weeks start on Monday (WKST=MO, the default).
      const mondayOf = (d: string) => dayNumber(d) - ((weekdayOf(d) + 6) % 7);
      return weekdays.includes(weekdayOf(date)) && ((mondayOf(date) - mondayOf(startDate)) / 7) % interval === 0;
    },
  }));

const monthDaySpec = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 })), { minLength: 1, maxLength: 3 }))
  .map(([interval, days]): RuleSpec => ({
    rule: `FREQ=MONTHLY;INTERVAL=${interval};BYMONTHDAY=${days.join(",")}`,
    matches: (date, startDate) => {
      const day = Number(date.slice(8, 10));
      const inMonth = days.some((wanted) => (wanted > 0 ? wanted === day : monthLength(date) + 1 + wanted === day));
      return inMonth && (monthNumber(date) - monthNumber(startDate)) % interval === 0;
    },
  }));

const nthWeekdaySpec = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.constantFrom(1, 2, 3, 4, -1, -2), fc.integer({ min: 0, max: 6 }))
  .map(([interval, nth, weekday]): RuleSpec => ({
    rule: `FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${nth}${CODES[weekday]}`,
    matches: (date, startDate) => {
      const day = Number(date.slice(8, 10));
      const place = nth > 0 ? Math.ceil(day / 7) : -Math.ceil((monthLength(date) - day + 1) / 7);
      return weekdayOf(date) === weekday && place === nth && (monthNumber(date) - monthNumber(startDate)) % interval === 0;
    },
  }));

const scenario = fc.record({
  spec: fc.oneof(dailySpec, weeklySpec, monthDaySpec, nthWeekdaySpec),
  zone: fc.constantFrom(...ZONES),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  startDay: fc.integer({ min: dayNumber("2025-01-01"), max: dayNumber("2029-12-31") }),
  windowOffsetHours: fc.integer({ min: -30 * 24, max: 400 * 24 }),
  windowHours: fc.integer({ min: 1, max: 120 * 24 }),
});

/** Whether the wall time exists on that local date (not skipped by a spring-forward change). */
function wallTimeExists(zone: string, date: string, minute: number): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const local = DateTime.fromObject({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone });
  return local.toISODate() === date && local.hour * 60 + local.minute === minute;
}

describe("expandSessions (property)", () => {
  it("yields exactly the rule's dates, each at the rule's local time in its zone", () => {
    fc.assert(
      fc.property(scenario, ({ spec, zone, minute, startDay, windowOffsetHours, windowHours }) => {
        const startDate = dateOf(startDay);
        const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const offering = recurring({ rule: spec.rule, time, timeZone: zone, startDate }, { id: "prop" });
        const start = startDay * DAY + windowOffsetHours * 3_600_000;
        const window = { start, end: start + windowHours * 3_600_000 };
        const sessions = expandSessions(offering, hostZone, window);

        for (const [i, session] of sessions.entries()) {
          expect(session.start).toBeGreaterThanOrEqual(window.start);
          expect(session.start).toBeLessThan(window.end);
          if (i > 0) expect(session.start).toBeGreaterThan(sessions[i - 1]!.start);
          expect(session.timeZone).toBe(zone);
          expect(session.id).toMatch(/^prop-\d{8}T\d{4}Z$/);
          const local = DateTime.fromMillis(session.start, { zone });
          const date = local.toISODate()!;
          expect(date >= startDate).toBe(true);
          expect(spec.matches(date, startDate)).toBe(true);
          if (wallTimeExists(zone, date, minute)) {
            expect(local.toFormat("HH:mm")).toBe(time);
          } else {
            // Skipped by spring-forward: the first minute after the gap, the offset changing just before.
            expect(local.hour * 60 + local.minute).toBeGreaterThan(minute);
            expect(DateTime.fromMillis(session.start - MINUTE, { zone }).offset).not.toBe(local.offset);
          }
        }

        // Every matching date wholly inside the window is there (its edges depend on the time of day).
        const first = dayNumber(DateTime.fromMillis(window.start, { zone }).toISODate()!) + 1;
        const last = dayNumber(DateTime.fromMillis(window.end, { zone }).toISODate()!) - 1;
        const expected: string[] = [];
        for (let day = Math.max(first, startDay); day <= last; day++) {
          if (spec.matches(dateOf(day), startDate)) expected.push(dateOf(day));
        }
        const found = localDates(sessions, zone).filter((date) => dayNumber(date) >= first && dayNumber(date) <= last);
        expect(found).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("finds each session again by its id", () => {
    fc.assert(
      fc.property(scenario, ({ spec, zone, minute, startDay }) => {
        const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const offering = recurring({ rule: spec.rule, time, timeZone: zone, startDate: dateOf(startDay) }, { id: "prop" });
        const sessions = expandSessions(offering, hostZone, { start: startDay * DAY, end: (startDay + 100) * DAY });
        for (const session of sessions.slice(0, 3)) expect(sessionById(offering, hostZone, session.id)).toEqual(session);
      }),
      { numRuns: 50 },
    );
  });
});

describe("sessionStartOf", () => {
  it("reads the start a session id names, and nothing from any other text", () => {
    expect(sessionStartOf("weekly-webinar-20261201T1600Z")).toBe(Date.parse("2026-12-01T16:00:00Z"));
    for (const id of ["weekly-webinar", "weekly-webinar-20261301T1600Z", "20261201T1600Z", "x-20261201T1600"]) expect(sessionStartOf(id), id).toBeUndefined();
  });

  it("reads back the id of every session a schedule expands to", () => {
    const sessions = expandSessions(recurring({ rule: "FREQ=WEEKLY;BYDAY=TU", startDate: "2026-09-01" }), hostZone, between("2026-10-01", "2026-11-10"));
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(sessionStartOf(session.id)).toBe(session.start);
  });
});
