// Tests: the lead's calling hours — a call-back due outside them moves to the start of the next window in
// the lead's own zone (weekends, nights, DST changes), and a property test across zones and DST days checks
// every result against an independent reading of the local time with luxon.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_CALLING_HOURS, callingHoursOf, insideCallingHours, nextCallingTime } from "../../../functions/core/calls/calling-hours";
import { WEEKDAYS, toWeeklyHours } from "../../../functions/core/availability/working-hours";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const next = (instant: string, zone: string) => iso(nextCallingTime(at(instant), zone, DEFAULT_WEEKLY_CALLING_HOURS));

describe("nextCallingTime with the default hours (09:00–19:00, Monday to Friday)", () => {
  it("keeps a time inside the window", () => {
    // Tuesday 10:15 in New York.
    expect(next("2026-12-01T15:15:00Z", "America/New_York")).toBe("2026-12-01T15:15:00.000Z");
  });

  it("moves 00:20 (the issue's 12:20 a.m. prompt) to 09:00 the same day, in the lead's zone", () => {
    // Tuesday 00:20 in New York is 05:20Z; 09:00 there is 14:00Z.
    expect(next("2026-12-01T05:20:00Z", "America/New_York")).toBe("2026-12-01T14:00:00.000Z");
  });

  it("moves 19:00 and later to the next weekday's 09:00; Friday evening to Monday", () => {
    expect(next("2026-12-02T00:00:00Z", "America/New_York")).toBe("2026-12-02T14:00:00.000Z"); // Tue 19:00 → Wed 09:00
    expect(next("2026-12-05T01:00:00Z", "America/New_York")).toBe("2026-12-07T14:00:00.000Z"); // Fri 20:00 → Mon 09:00
    expect(next("2026-12-05T15:00:00Z", "Europe/Berlin")).toBe("2026-12-07T08:00:00.000Z"); // Sat 16:00 → Mon 09:00
  });

  it("reads the lead's zone, not UTC: 08:30Z is inside in Berlin, before the window in Chicago", () => {
    expect(next("2026-12-01T08:30:00Z", "Europe/Berlin")).toBe("2026-12-01T08:30:00.000Z");
    expect(next("2026-12-01T08:30:00Z", "America/Chicago")).toBe("2026-12-01T15:00:00.000Z");
  });

  it("keeps 09:00 local across a DST change (New York, March 2027)", () => {
    // Friday Mar 12, 20:00 EST → Monday Mar 15, 09:00 EDT (13:00Z).
    expect(next("2027-03-13T01:00:00Z", "America/New_York")).toBe("2027-03-15T13:00:00.000Z");
  });

  it("starts a window whose start is skipped by spring-forward at the first minute that exists", () => {
    const hours = callingHoursOf({ sun: ["02:30-05:00"] });
    // Sunday Mar 14, 2027 in New York: 02:00–03:00 does not exist; 03:00 EDT is 07:00Z.
    expect(iso(nextCallingTime(at("2027-03-14T05:00:00Z"), "America/New_York", hours))).toBe("2027-03-14T07:00:00.000Z");
  });

  it("uses the configured hours: a Saturday window", () => {
    const hours = callingHoursOf({ sat: ["10:00-14:00"] });
    expect(iso(nextCallingTime(at("2026-12-01T12:00:00Z"), "UTC", hours))).toBe("2026-12-05T10:00:00.000Z");
  });
});

const ZONES = ["America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "UTC"];
// Around the DST changes of 2027 in both hemispheres, and quiet weeks.
const BASES = ["2027-03-13", "2027-03-27", "2027-04-03", "2027-10-02", "2027-10-30", "2027-11-06", "2027-06-10"].map((d) => at(`${d}T00:00:00Z`));
const WEEKDAY_OF_LUXON = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const rangeText = fc.tuple(fc.integer({ min: 0, max: 22 * 4 }), fc.integer({ min: 1, max: 16 * 4 })).map(([q, len]) => `${hhmm(q * 15)}-${hhmm(Math.min(24 * 60, q * 15 + len * 15))}`);
const weeklyText = fc
  .tuple(...WEEKDAYS.map(() => fc.option(rangeText, { nil: undefined })))
  .map((days) => Object.fromEntries(WEEKDAYS.flatMap((day, i) => (days[i] ? [[day, [days[i]!]]] : []))) as Record<string, string[]>)
  .filter((byDay) => Object.keys(byDay).length > 0);

/** The oracle: luxon's reading of the local weekday and time. */
function insideByLuxon(instant: number, zone: string, byDay: Record<string, string[]>): boolean {
  const local = DateTime.fromMillis(instant, { zone });
  const minute = local.hour * 60 + local.minute;
  return (byDay[WEEKDAY_OF_LUXON[local.weekday]!] ?? []).some((text) => {
    const [start, end] = text.split("-").map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
    return minute >= start! && minute < end!;
  });
}

describe("property: no call-back is due outside calling hours", () => {
  it("the result is at or after the due time, inside the hours (by luxon), and equal to it when it was inside", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...BASES),
        fc.integer({ min: 0, max: 8 * 24 * 60 }),
        fc.option(weeklyText, { nil: undefined }),
        (zone, base, minutes, byDay) => {
          const due = base + minutes * 60_000;
          const written = byDay ?? { mon: ["09:00-19:00"], tue: ["09:00-19:00"], wed: ["09:00-19:00"], thu: ["09:00-19:00"], fri: ["09:00-19:00"] };
          const hours = byDay ? toWeeklyHours(byDay) : DEFAULT_WEEKLY_CALLING_HOURS;
          const result = nextCallingTime(due, zone, hours);
          expect(result).toBeGreaterThanOrEqual(due);
          expect(insideByLuxon(result, zone, written)).toBe(true);
          expect(insideCallingHours(result, zone, hours)).toBe(true);
          if (insideByLuxon(due, zone, written)) expect(result).toBe(due);
          // Nothing earlier qualifies: the minute before the result is outside, unless the result is the due time.
          if (result > due) expect(insideByLuxon(result - 60_000, zone, written)).toBe(false);
        },
      ),
      { numRuns: 600 },
    );
  });
});
