// Fixed cases across DST changes and odd offsets: a rep's hours stay local; skipped times are not offered,
// repeated ones once.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeSlots, type SlotRules } from "../../../functions/core/availability/availability";
import { toWeeklyHours, WEEKDAYS } from "../../../functions/core/availability/working-hours";

const rules: SlotRules = { durationMinutes: 30, slotIntervalMinutes: 30, minimumNoticeMinutes: 0, horizonDays: 3650 };
const everyDay = (ranges: string[]) => toWeeklyHours(Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])));
const NOW = Date.parse("2026-01-01T00:00:00Z");

/** Local "HH:MM" of every slot on a local date, for one rep in `zone`. */
function localTimes(zone: string, ranges: string[], isoDate: string): string[] {
  const day = DateTime.fromISO(isoDate, { zone });
  const slots = computeSlots({
    reps: [{ id: "r", timeZone: zone, weeklyHours: everyDay(ranges) }],
    rules,
    busy: new Map(),
    from: day.startOf("day").toMillis(),
    to: day.plus({ days: 1 }).startOf("day").toMillis(),
    now: NOW,
  });
  return slots.map((slot) => DateTime.fromMillis(slot.start, { zone }).toFormat("HH:mm"));
}

const NINE_TO_FIVE = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);

describe.each([
  ["America/New_York", "2027-03-14", "spring forward 02:00 → 03:00"],
  ["America/New_York", "2027-11-07", "fall back 02:00 → 01:00"],
  ["Europe/Berlin", "2027-03-28", "spring forward 02:00 → 03:00"],
  ["Europe/Berlin", "2027-10-31", "fall back 03:00 → 02:00"],
  ["Australia/Sydney", "2027-04-04", "fall back 03:00 → 02:00"],
  ["Australia/Sydney", "2027-10-03", "spring forward 02:00 → 03:00"],
  ["Pacific/Chatham", "2027-04-04", "fall back 03:45 → 02:45"],
  ["Asia/Kolkata", "2027-03-28", "no DST, +05:30"],
  ["Asia/Kathmandu", "2027-03-28", "no DST, +05:45"],
])("%s on %s (%s)", (zone, date) => {
  it("keeps 09:00–17:00 local the day before, the day of, and the day after the change", () => {
    for (const offset of [-1, 0, 1]) {
      const isoDate = DateTime.fromISO(date).plus({ days: offset }).toISODate()!;
      expect(localTimes(zone, ["09:00-17:00"], isoDate), isoDate).toEqual(NINE_TO_FIVE);
    }
  });
});

describe("the night of a change", () => {
  it.each([
    ["America/New_York", "2027-03-14", ["01:00", "01:30", "03:00", "03:30"]],
    ["Europe/Berlin", "2027-03-28", ["01:00", "01:30", "03:00", "03:30"]],
    ["Australia/Sydney", "2027-10-03", ["01:00", "01:30", "03:00", "03:30"]],
  ])("%s %s skips the local times that do not exist", (zone, date, expected) => {
    expect(localTimes(zone, ["01:00-04:00"], date)).toEqual(expected);
  });

  it.each([
    ["America/New_York", "2027-11-07", 6],
    ["Europe/Berlin", "2027-10-31", 6],
    ["Australia/Sydney", "2027-04-04", 6],
    ["Pacific/Chatham", "2027-04-04", 6],
  ])("%s %s offers each repeated local time once", (zone, date, count) => {
    const times = localTimes(zone, ["01:00-04:00"], date);
    expect(new Set(times).size).toBe(times.length);
    expect(times).toHaveLength(count);
  });

  it("Chatham's 45-minute offset puts 09:00 local at 20:15Z (winter) and 19:15Z (summer) the day before", () => {
    const first = (date: string) =>
      computeSlots({
        reps: [{ id: "r", timeZone: "Pacific/Chatham", weeklyHours: everyDay(["09:00-10:00"]) }],
        rules,
        busy: new Map(),
        from: Date.parse(`${date}T00:00:00Z`) - 86_400_000,
        to: Date.parse(`${date}T00:00:00Z`),
        now: NOW,
      })[0]!.start;
    expect(new Date(first("2027-07-01")).toISOString()).toBe("2027-06-30T20:15:00.000Z");
    expect(new Date(first("2027-01-15")).toISOString()).toBe("2027-01-14T19:15:00.000Z");
  });
});
