// Tests: the prospect's reasonable hours — a slot is offered only when the whole meeting lies inside them in
// the prospect's zone; a property test across zones and DST days (with real slot computation) checks every
// offered slot against luxon's reading of the local time.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeSlotStarts } from "../../../functions/core/availability/availability";
import { withinProspectHours } from "../../../functions/core/availability/prospect-hours";
import { parseMinuteRange, toWeeklyHours, type MinuteRange } from "../../../functions/core/availability/working-hours";

const DEFAULT = parseMinuteRange("08:00-20:00") as MinuteRange;
const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe("withinProspectHours (08:00–20:00)", () => {
  it("refuses the issue's New York night slots and keeps the day ones", () => {
    // 00:00 and 05:30 in New York (December, UTC-5), then 08:00, and a meeting ending at 20:00 sharp.
    expect(withinProspectHours(at("2026-12-01T05:00:00Z"), at("2026-12-01T05:30:00Z"), "America/New_York", DEFAULT)).toBe(false);
    expect(withinProspectHours(at("2026-12-01T10:30:00Z"), at("2026-12-01T11:00:00Z"), "America/New_York", DEFAULT)).toBe(false);
    expect(withinProspectHours(at("2026-12-01T13:00:00Z"), at("2026-12-01T13:30:00Z"), "America/New_York", DEFAULT)).toBe(true);
    expect(withinProspectHours(at("2026-12-02T00:30:00Z"), at("2026-12-02T01:00:00Z"), "America/New_York", DEFAULT)).toBe(true);
  });

  it("refuses a meeting that starts inside but runs past the end, or into the next day", () => {
    expect(withinProspectHours(at("2026-12-02T00:45:00Z"), at("2026-12-02T01:15:00Z"), "America/New_York", DEFAULT)).toBe(false);
    const late = parseMinuteRange("20:00-24:00") as MinuteRange;
    expect(withinProspectHours(at("2026-12-01T23:45:00Z"), at("2026-12-02T00:15:00Z"), "UTC", late)).toBe(false);
    expect(withinProspectHours(at("2026-12-01T23:30:00Z"), at("2026-12-02T00:00:00Z"), "UTC", late)).toBe(true);
  });
});

const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "UTC"];
const DAYS = ["2027-03-12", "2027-03-26", "2027-04-02", "2027-10-29", "2027-11-05", "2027-06-10"];

describe("property: no offered slot falls outside the prospect's hours", () => {
  it("filtering a rep's round-the-clock slots leaves only meetings inside the hours, by luxon, and drops none inside", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...DAYS),
        fc.constantFrom(15, 30, 45, 60),
        fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 13, max: 24 })),
        (repZone, prospectZone, day, duration, [fromHour, toHour]) => {
          const hours: MinuteRange = { startMinute: fromHour * 60, endMinute: toHour * 60 };
          const from = at(`${day}T00:00:00Z`);
          const starts = computeSlotStarts({
            reps: [{ id: "r", timeZone: repZone, weeklyHours: toWeeklyHours({ mon: ["00:00-24:00"], tue: ["00:00-24:00"], wed: ["00:00-24:00"], thu: ["00:00-24:00"], fri: ["00:00-24:00"], sat: ["00:00-24:00"], sun: ["00:00-24:00"] }) }],
            rules: { durationMinutes: duration, slotIntervalMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 10 },
            busy: new Map(),
            from,
            to: from + 4 * 24 * 60 * MINUTE,
            now: from - 60 * MINUTE,
          });
          const offered = starts.filter((start) => withinProspectHours(start, start + duration * MINUTE, prospectZone, hours));
          const oracle = (start: number) => {
            const first = DateTime.fromMillis(start, { zone: prospectZone });
            const last = DateTime.fromMillis(start + (duration - 1) * MINUTE, { zone: prospectZone });
            const firstMinute = first.hour * 60 + first.minute;
            const lastMinute = last.hour * 60 + last.minute;
            return first.toISODate() === last.toISODate() && firstMinute >= hours.startMinute && lastMinute < hours.endMinute && lastMinute >= firstMinute;
          };
          for (const start of offered) expect(oracle(start)).toBe(true);
          expect(offered.length).toBe(starts.filter(oracle).length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
