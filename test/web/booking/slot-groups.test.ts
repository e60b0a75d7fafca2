// Tests: web/src/booking/slot-groups — slots are grouped by the local date written in the slot itself, whatever
// the browser's zone, with English day and time labels; then by part of the day.

import { describe, expect, it } from "vitest";
import {
  chooseDay,
  dayLabel,
  groupByPartOfDay,
  groupSlotsByDay,
  offsetLabel,
  partOfDay,
  shortDayLabel,
  slotLabel,
  timeLabel,
} from "../../../web/src/booking/slot-groups";
import { timesCount } from "../../../web/src/booking/day-tabs";

const slot = (start: string, minutes = 30) => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

describe("groupSlotsByDay", () => {
  it("groups by local date in time order, omitting days without slots", () => {
    const days = groupSlotsByDay([
      slot("2026-12-03T09:00:00.000-06:00"),
      slot("2026-12-01T10:00:00.000-06:00"),
      slot("2026-12-01T09:30:00.000-06:00"),
    ]);
    expect(days.map((d) => d.date)).toEqual(["2026-12-01", "2026-12-03"]);
    expect(days[0]?.label).toBe("Tuesday, December 1");
    expect(days[0]?.shortLabel).toBe("Tue Dec 1");
    expect(days[0]?.slots.map((s) => s.timeLabel)).toEqual(["9:30 AM", "10:00 AM"]);
    expect(days[1]?.label).toBe("Thursday, December 3");
  });

  it("keeps each slot's own local date across a DST change (America/Chicago, 1 Nov 2026)", () => {
    const days = groupSlotsByDay([
      slot("2026-10-30T16:30:00.000-05:00"),
      slot("2026-11-02T09:00:00.000-06:00"),
      // 23:30 local on Oct 31 is already Nov 1 in UTC: it must stay on Saturday.
      slot("2026-10-31T23:30:00.000-05:00"),
    ]);
    expect(days.map((d) => [d.date, d.label])).toEqual([
      ["2026-10-30", "Friday, October 30"],
      ["2026-10-31", "Saturday, October 31"],
      ["2026-11-02", "Monday, November 2"],
    ]);
    expect(days[1]?.slots[0]?.timeLabel).toBe("11:30 PM");
    expect(days[2]?.slots[0]?.timeLabel).toBe("9:00 AM");
  });

  it("tells apart the wall time that happens twice when clocks fall back", () => {
    const [day] = groupSlotsByDay([
      slot("2026-11-01T01:30:00.000-06:00"),
      slot("2026-11-01T01:30:00.000-05:00"),
      slot("2026-11-01T03:00:00.000-06:00"),
    ]);
    expect(day?.slots.map((s) => s.timeLabel)).toEqual(["1:30 AM (UTC-05:00)", "1:30 AM (UTC-06:00)", "3:00 AM"]);
  });

  it("uses the local date for a +05:45 zone (Asia/Kathmandu), not the UTC one", () => {
    // 00:15 on Dec 1 in Kathmandu is 18:30 on Nov 30 in UTC.
    const days = groupSlotsByDay([slot("2026-12-01T00:15:00.000+05:45"), slot("2026-11-30T17:45:00.000+05:45")]);
    expect(days.map((d) => d.date)).toEqual(["2026-11-30", "2026-12-01"]);
    expect(days[1]?.slots[0]?.timeLabel).toBe("12:15 AM");
    expect(days[0]?.slots[0]?.timeLabel).toBe("5:45 PM");
  });

  it("shows an instant offered by several reps once", () => {
    const [day] = groupSlotsByDay([slot("2026-12-01T10:00:00.000-06:00"), slot("2026-12-01T10:00:00.000-06:00")]);
    expect(day?.slots).toHaveLength(1);
  });

  it("returns no days for no slots and skips malformed ones", () => {
    expect(groupSlotsByDay([])).toEqual([]);
    expect(groupSlotsByDay([{ start: "soon", end: "later" }])).toEqual([]);
  });

  it("keeps start and end untouched for the booking request", () => {
    const s = slot("2026-12-01T10:00:00.000-06:00");
    expect(groupSlotsByDay([s])[0]?.slots[0]).toMatchObject({ start: s.start, end: s.end });
  });
});

describe("labels", () => {
  it("formats days and times from the local wall clock", () => {
    expect(dayLabel("2026-12-01")).toBe("Tuesday, December 1");
    expect(dayLabel("2026-02-28T23:00:00.000+05:45")).toBe("Saturday, February 28");
    expect(timeLabel("2026-12-01T10:00:00.000-06:00")).toBe("10:00 AM");
    expect(timeLabel("2026-12-01T00:00:00.000Z")).toBe("12:00 AM");
    expect(timeLabel("2026-12-01T13:05:00.000+09:00")).toBe("1:05 PM");
    expect(slotLabel("2026-12-01T10:00:00.000-06:00")).toBe("Tuesday, December 1 at 10:00 AM");
  });

  it("writes the day picker's short day", () => {
    expect(shortDayLabel("2026-12-01")).toBe("Tue Dec 1");
    expect(shortDayLabel("2026-12-01", "en-GB")).toBe("Tue 1 Dec");
    expect(shortDayLabel("2026-12-01", "en-IN")).toBe("Tue 1 Dec");
    // The local date of the string, not the UTC one (00:15 in Kathmandu is still Nov 30 in UTC).
    expect(shortDayLabel("2026-12-01T00:15:00.000+05:45")).toBe("Tue Dec 1");
    expect(timesCount(1)).toBe("1 time");
    expect(timesCount(9)).toBe("9 times");
  });

  it("follows the locale it is given", () => {
    expect(dayLabel("2026-12-01", "en-GB")).toBe("Tuesday 1 December");
    expect(timeLabel("2026-12-01T15:30:00.000+01:00", "en-GB")).toBe("15:30");
  });

  it("names offsets", () => {
    expect(offsetLabel("2026-12-01T10:00:00.000+05:45")).toBe("UTC+05:45");
    expect(offsetLabel("2026-12-01T10:00:00.000Z")).toBe("UTC");
  });
});

describe("chooseDay", () => {
  const days = groupSlotsByDay([slot("2026-12-01T10:00:00.000-06:00"), slot("2026-12-03T10:00:00.000-06:00")]);

  it("keeps the chosen day while it has times, else falls back to the first", () => {
    expect(chooseDay(days, "2026-12-03")?.date).toBe("2026-12-03");
    expect(chooseDay(days, "2026-12-02")?.date).toBe("2026-12-01");
    expect(chooseDay(days, undefined)?.date).toBe("2026-12-01");
    expect(chooseDay([], "2026-12-01")).toBeUndefined();
  });
});

describe("parts of the day", () => {
  it("splits at 12:00 and 17:00 local wall time", () => {
    expect(partOfDay("2026-12-01T00:00:00.000+05:45")).toBe("Morning");
    expect(partOfDay("2026-12-01T11:30:00.000-06:00")).toBe("Morning");
    expect(partOfDay("2026-12-01T12:00:00.000-06:00")).toBe("Afternoon");
    expect(partOfDay("2026-12-01T16:30:00.000Z")).toBe("Afternoon");
    expect(partOfDay("2026-12-01T17:00:00.000+01:00")).toBe("Evening");
  });

  it("groups a day's times in order and leaves out empty parts", () => {
    const [day] = groupSlotsByDay(
      ["08:30", "11:30", "17:00", "18:30"].map((time) => slot(`2026-12-01T${time}:00.000+01:00`)),
    );
    const parts = groupByPartOfDay(day?.slots ?? []);
    expect(parts.map((p) => [p.part, p.slots.map((s) => s.timeLabel)])).toEqual([
      ["Morning", ["8:30 AM", "11:30 AM"]],
      ["Evening", ["5:00 PM", "6:30 PM"]],
    ]);
    expect(groupByPartOfDay([])).toEqual([]);
  });
});
