// Property tests of slot computation against an independent oracle written with luxon: random reps in DST
// and quarter-hour zones, random hours, days off, bookings, calendar blocks, buffers, caps, notice, horizon.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeSlotStarts, computeSlots, type AvailabilityRep, type SlotRules } from "../../../functions/core/availability/availability";
import type { Interval } from "../../../functions/core/bookings/booking";
import { WEEKDAYS, toWeeklyHours } from "../../../functions/core/availability/working-hours";

const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "UTC"];
// Windows around real DST changes of 2027 and quiet weeks.
const WINDOW_STARTS = ["2027-03-12", "2027-03-26", "2027-04-02", "2027-10-29", "2027-11-05", "2027-09-24", "2027-06-10"];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 0–2 non-overlapping ranges on 15-minute boundaries. */
const dayRanges = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 40 })), { maxLength: 2 })
  .map((pairs) => {
    const ranges: string[] = [];
    let floor = 0;
    for (const [startQuarter, lengthQuarters] of pairs.sort((a, b) => a[0] - b[0])) {
      const start = Math.max(startQuarter * 15, floor);
      const end = Math.min(start + lengthQuarters * 15, 24 * 60);
      if (end <= start) continue;
      ranges.push(`${hhmm(start)}-${hhmm(end)}`);
      floor = end;
    }
    return ranges;
  });

interface RepSpec {
  id: string;
  zone: string;
  hours: Record<string, string[]>;
  /** Day offsets from the window start. */
  daysOff: number[];
}

const repSpec = (id: string) =>
  fc.record({
    id: fc.constant(id),
    zone: fc.constantFrom(...ZONES),
    hours: fc.tuple(...WEEKDAYS.map(() => dayRanges)).map((days) => Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i]!]))),
    daysOff: fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 2 }),
  });

const rulesSpec = fc.record({
  durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
  slotIntervalMinutes: fc.constantFrom(15, 30, 60),
  minimumNoticeMinutes: fc.constantFrom(0, 60, 240),
  horizonDays: fc.integer({ min: 1, max: 12 }),
  bufferBeforeMinutes: fc.constantFrom(0, 5, 15),
  bufferAfterMinutes: fc.constantFrom(0, 10, 30),
  dailyCapPerRep: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
});

const scenario = fc
  .record({
    windowStart: fc.constantFrom(...WINDOW_STARTS),
    days: fc.integer({ min: 2, max: 6 }),
    nowOffsetHours: fc.integer({ min: -30, max: 12 }),
    reps: fc.tuple(repSpec("a"), repSpec("b"), repSpec("c")).chain((all) => fc.integer({ min: 1, max: 3 }).map((n) => all.slice(0, n))),
    rules: rulesSpec,
    busyOffsets: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 * 24 * 4 }), fc.integer({ min: 1, max: 16 })), { maxLength: 25 }),
    dayCounts: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1, max: 7 }), fc.integer({ min: 1, max: 4 })), { maxLength: 6 }),
  })
  .map((s) => {
    const from = DateTime.fromISO(s.windowStart, { zone: "UTC" }).toMillis();
    const to = from + s.days * 24 * HOUR;
    const now = from + s.nowOffsetHours * HOUR;
    const busy = new Map<string, Interval[]>();
    for (const [repIndex, quarter, quarters] of s.busyOffsets) {
      const rep = s.reps[repIndex % s.reps.length]!;
      const start = from - 12 * HOUR + quarter * 15 * MINUTE;
      busy.set(rep.id, [...(busy.get(rep.id) ?? []), { start, end: start + quarters * 15 * MINUTE }]);
    }
    const perDay = new Map<string, Map<string, number>>();
    for (const [repIndex, dayOffset, count] of s.dayCounts) {
      const rep = s.reps[repIndex % s.reps.length]!;
      const date = DateTime.fromISO(s.windowStart).plus({ days: dayOffset }).toISODate()!;
      perDay.set(rep.id, new Map([...(perDay.get(rep.id) ?? new Map()), [date, count]]));
    }
    const daysOff = (rep: RepSpec) => rep.daysOff.map((offset) => DateTime.fromISO(s.windowStart).plus({ days: offset }).toISODate()!);
    return { ...s, from, to, now, busy, perDay, daysOff };
  });

function availabilityRep(rep: RepSpec, daysOff: string[]): AvailabilityRep {
  return { id: rep.id, timeZone: rep.zone, weeklyHours: toWeeklyHours(rep.hours), daysOff: new Set(daysOff) };
}

/** The oracle: every valid (rep, start) by brute force in luxon, independent of the core's zone code. */
function oracleStarts(rep: RepSpec, daysOff: string[], rules: SlotRules, busy: Interval[], perDay: Map<string, number> | undefined, from: number, to: number, now: number): number[] {
  const starts = new Set<number>();
  const earliest = Math.max(from, now + rules.minimumNoticeMinutes * MINUTE);
  const latest = Math.min(to, now + rules.horizonDays * 24 * HOUR + 1);
  let date = DateTime.fromMillis(from, { zone: rep.zone }).startOf("day").minus({ days: 1 });
  const lastDate = DateTime.fromMillis(to, { zone: rep.zone }).plus({ days: 1 });
  for (; date <= lastDate; date = date.plus({ days: 1 })) {
    const isoDate = date.toISODate()!;
    if (daysOff.includes(isoDate)) continue;
    if (rules.dailyCapPerRep !== undefined && (perDay?.get(isoDate) ?? 0) >= rules.dailyCapPerRep) continue;
    for (const text of rep.hours[WEEKDAYS[date.weekday - 1]!] ?? []) {
      const [a, b] = text.split("-").map((t) => t.split(":").map(Number)) as [[number, number], [number, number]];
      const rangeStart = a[0] * 60 + a[1];
      const rangeEnd = b[0] * 60 + b[1];
      const rangeEndInstant = localInstantOrLater(date, rangeEnd);
      for (let minute = rangeStart; minute + rules.durationMinutes <= rangeEnd; minute += rules.slotIntervalMinutes) {
        const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: rep.zone });
        if (local.hour !== Math.floor(minute / 60) || local.minute !== minute % 60) continue; // skipped by DST
        const start = firstOccurrence(local);
        const end = start + rules.durationMinutes * MINUTE;
        if (start < earliest || start >= latest || end > rangeEndInstant) continue;
        const blocked = { start: start - (rules.bufferBeforeMinutes ?? 0) * MINUTE, end: end + (rules.bufferAfterMinutes ?? 0) * MINUTE };
        if (busy.some((b) => b.start < blocked.end && blocked.start < b.end)) continue;
        starts.add(start);
      }
    }
  }
  return [...starts].sort((x, y) => x - y);
}

/** For a repeated wall time, the earlier instant. */
function firstOccurrence(local: DateTime): number {
  const earlier = local.toMillis() - HOUR;
  const shifted = DateTime.fromMillis(earlier, { zone: local.zoneName! });
  return shifted.hour === local.hour && shifted.minute === local.minute ? earlier : local.toMillis();
}

function localInstantOrLater(date: DateTime, minuteOfDay: number): number {
  for (let minute = minuteOfDay; ; minute += 5) {
    const local = date.startOf("day").set({ hour: Math.floor(minute / 60) % 24, minute: minute % 60 }).plus({ days: minute >= 1440 ? 1 : 0 });
    if (minute >= 1440 || (local.hour === Math.floor(minute / 60) && local.minute === minute % 60)) return local.toMillis();
  }
}

describe("computeSlots (properties)", () => {
  it("offers exactly the starts the luxon oracle finds, with the free reps of each", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const reps = s.reps.map((rep) => availabilityRep(rep, s.daysOff(rep)));
        const slots = computeSlots({ reps, rules: s.rules, busy: s.busy, bookingsPerDay: s.perDay, from: s.from, to: s.to, now: s.now });
        const expected = new Map<number, string[]>();
        for (const rep of s.reps) {
          for (const start of oracleStarts(rep, s.daysOff(rep), s.rules, s.busy.get(rep.id) ?? [], s.perDay.get(rep.id), s.from, s.to, s.now)) {
            expected.set(start, [...(expected.get(start) ?? []), rep.id]);
          }
        }
        expect(slots.map((slot) => [slot.start, [...slot.repIds].sort()])).toEqual([...expected.entries()].sort((x, y) => x[0] - y[0]).map(([start, ids]) => [start, ids.sort()]));
        for (const slot of slots) expect(slot.end - slot.start).toBe(s.rules.durationMinutes * MINUTE);
      }),
      { numRuns: 300 },
    );
  });

  it("re-finds every offered slot when asked for exactly its start (what booking checks)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const reps = s.reps.map((rep) => availabilityRep(rep, s.daysOff(rep)));
        const query = { reps, rules: s.rules, busy: s.busy, bookingsPerDay: s.perDay, now: s.now };
        for (const slot of computeSlots({ ...query, from: s.from, to: s.to })) {
          expect(computeSlots({ ...query, from: slot.start, to: slot.start + 1 })).toEqual([slot]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("with a second pool, offers a slot only when one rep of each pool is free", () => {
    fc.assert(
      fc.property(scenario, repSpec("s"), (s, second) => {
        const reps = s.reps.map((rep) => availabilityRep(rep, s.daysOff(rep)));
        const secondRep = availabilityRep(second, []);
        const query = { reps, rules: s.rules, busy: s.busy, bookingsPerDay: s.perDay, from: s.from, to: s.to, now: s.now };
        const firstOnly = new Map(computeSlots(query).map((slot) => [slot.start, slot.repIds]));
        const secondOnly = new Map(computeSlots({ ...query, reps: [secondRep] }).map((slot) => [slot.start, slot.repIds]));
        const both = computeSlots({ ...query, secondReps: [secondRep] });
        expect(both.map((slot) => slot.start)).toEqual([...firstOnly.keys()].filter((start) => secondOnly.has(start)).sort((x, y) => x - y));
        for (const slot of both) {
          expect([...slot.repIds].sort()).toEqual([...firstOnly.get(slot.start)!].sort());
          expect(slot.secondRepIds).toEqual(["s"]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("lists the same starts without rep bookkeeping (what GET /api/slots uses)", () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, twoPools) => {
        const reps = s.reps.map((rep) => availabilityRep(rep, s.daysOff(rep)));
        const query = { reps, secondReps: twoPools ? reps.slice(0, 1) : undefined, rules: s.rules, busy: s.busy, bookingsPerDay: s.perDay, from: s.from, to: s.to, now: s.now };
        expect(computeSlotStarts(query)).toEqual(computeSlots(query).map((slot) => slot.start));
      }),
      { numRuns: 200 },
    );
  });
});
