import { describe, expect, it } from "vitest";
import { computeSlots, type AvailabilityRep, type SlotRules } from "../../../functions/core/availability/availability";
import { toWeeklyHours } from "../../../functions/core/availability/working-hours";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000", "");

const rules: SlotRules = { durationMinutes: 30, slotIntervalMinutes: 30, minimumNoticeMinutes: 0, horizonDays: 1000 };

function rep(id: string, timeZone: string, hours: Record<string, string[]>): AvailabilityRep {
  return { id, timeZone, weeklyHours: toWeeklyHours(hours) };
}

function slotsOn(reps: AvailabilityRep[], fromIso: string, toIso: string, options: Partial<{ busy: Map<string, { start: number; end: number }[]>; now: number; rules: SlotRules }> = {}) {
  return computeSlots({
    reps,
    rules: options.rules ?? rules,
    busy: options.busy ?? new Map(),
    from: at(fromIso),
    to: at(toIso),
    now: options.now ?? at("2026-01-01T00:00:00Z"),
  });
}

describe("computeSlots", () => {
  const maya = rep("maya", "America/Chicago", { tue: ["09:00-11:00"] });

  it("offers the working hours of a rep, on the interval grid, in UTC", () => {
    const slots = slotsOn([maya], "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    expect(slots.map((s) => iso(s.start))).toEqual(["2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z", "2026-12-01T16:00:00Z", "2026-12-01T16:30:00Z"]);
    expect(slots.every((s) => s.end - s.start === 30 * 60_000)).toBe(true);
    expect(slots[0]!.repIds).toEqual(["maya"]);
  });

  it("never offers a slot that overlaps the rep's busy time", () => {
    const busy = new Map([["maya", [{ start: at("2026-12-01T15:40:00Z"), end: at("2026-12-01T15:50:00Z") }]]]);
    const slots = slotsOn([maya], "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", { busy });
    expect(slots.map((s) => iso(s.start))).toEqual(["2026-12-01T15:00:00Z", "2026-12-01T16:00:00Z", "2026-12-01T16:30:00Z"]);
  });

  it("lists which reps are free, and a slot stays while any rep is free", () => {
    const ana = rep("ana", "America/Chicago", { tue: ["09:00-10:00"] });
    const busy = new Map([["maya", [{ start: at("2026-12-01T15:00:00Z"), end: at("2026-12-01T15:30:00Z") }]]]);
    const slots = slotsOn([maya, ana], "2026-12-01T15:00:00Z", "2026-12-01T16:00:00Z", { busy });
    expect(slots.map((s) => [iso(s.start), [...s.repIds].sort()])).toEqual([
      ["2026-12-01T15:00:00Z", ["ana"]],
      ["2026-12-01T15:30:00Z", ["ana", "maya"]],
    ]);
  });

  it("respects minimum notice and the horizon", () => {
    const now = at("2026-12-01T14:50:00Z");
    const noticed = slotsOn([maya], "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", { now, rules: { ...rules, minimumNoticeMinutes: 60 } });
    expect(noticed.map((s) => iso(s.start))).toEqual(["2026-12-01T16:00:00Z", "2026-12-01T16:30:00Z"]);
    const weekly = rep("w", "UTC", { mon: ["09:00-10:00"], tue: ["09:00-10:00"] });
    const horizon = slotsOn([weekly], "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z", { now: at("2026-11-29T12:00:00Z"), rules: { ...rules, horizonDays: 1 } });
    expect(horizon.map((s) => iso(s.start))).toEqual(["2026-11-30T09:00:00Z", "2026-11-30T09:30:00Z"]);
  });

  it("does not offer a meeting that would run past the end of a working range", () => {
    const odd = rep("odd", "UTC", { tue: ["09:00-10:10"] });
    const slots = slotsOn([odd], "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", { rules: { ...rules, durationMinutes: 45 } });
    expect(slots.map((s) => iso(s.start))).toEqual(["2026-12-01T09:00:00Z"]);
  });

  it("keeps 09:00 local across the New York spring-forward change (2027-03-14)", () => {
    const ny = rep("ny", "America/New_York", { fri: ["09:00-09:30"], mon: ["09:00-09:30"] });
    const slots = slotsOn([ny], "2027-03-12T00:00:00Z", "2027-03-16T00:00:00Z");
    expect(slots.map((s) => iso(s.start))).toEqual(["2027-03-12T14:00:00Z", "2027-03-15T13:00:00Z"]);
  });

  it("skips local times that do not exist and offers repeated ones once", () => {
    const night = rep("night", "America/New_York", { sun: ["01:00-04:00"] });
    const spring = slotsOn([night], "2027-03-14T00:00:00Z", "2027-03-15T00:00:00Z");
    // 01:00, 01:30 EST; 02:00 and 02:30 do not exist; 03:00, 03:30 EDT.
    expect(spring.map((s) => iso(s.start))).toEqual(["2027-03-14T06:00:00Z", "2027-03-14T06:30:00Z", "2027-03-14T07:00:00Z", "2027-03-14T07:30:00Z"]);
    const fall = slotsOn([night], "2027-11-07T00:00:00Z", "2027-11-08T00:00:00Z");
    // 01:00 and 01:30 happen twice: offered once (first, EDT); then 02:00, 02:30, 03:00, 03:30 EST.
    expect(fall.map((s) => iso(s.start))).toEqual([
      "2027-11-07T05:00:00Z",
      "2027-11-07T05:30:00Z",
      "2027-11-07T07:00:00Z",
      "2027-11-07T07:30:00Z",
      "2027-11-07T08:00:00Z",
      "2027-11-07T08:30:00Z",
    ]);
  });

  it("aligns the grid to each rep's local hours in quarter-hour zones", () => {
    const ktm = rep("ktm", "Asia/Kathmandu", { tue: ["09:00-10:00"] });
    const slots = slotsOn([ktm], "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    expect(slots.map((s) => iso(s.start))).toEqual(["2026-12-01T03:15:00Z", "2026-12-01T03:45:00Z"]);
  });
});
