// Core: whether a rep can be rung for an instant call, and who rings next.
import { describe, expect, it } from "vitest";
import { nextToRing, presenceState } from "../../../functions/core/calls/instant-calls";
import { toWeeklyHours } from "../../../functions/core/availability/working-hours";

const MINUTE = 60_000;
const rep = { id: "maya", timeZone: "America/Chicago", weeklyHours: toWeeklyHours({ tue: ["09:00-17:00"] }), daysOff: new Set(["2026-12-08"]) };
// Tuesday 1 December 2026, 10:00 in Chicago.
const now = Date.parse("2026-12-01T16:00:00Z");
const heartbeat = (minutesAgo: number) => ({ repId: "maya", heartbeatAt: now - minutesAgo * MINUTE });

describe("presenceState", () => {
  it("is reachable within the presence time after a heartbeat, inside hours, outside demos", () => {
    expect(presenceState(heartbeat(29), rep, [], now, 30)).toEqual({ reachable: true, until: now + MINUTE });
    expect(presenceState(heartbeat(30), rep, [], now, 30)).toEqual({ reachable: false, reason: "off" });
    expect(presenceState(undefined, rep, [], now, 30)).toEqual({ reachable: false, reason: "off" });
  });

  it("never rings outside working hours (the rep's zone), on a day off, or during a demo", () => {
    const evening = Date.parse("2026-12-01T23:30:00Z"); // 17:30 in Chicago
    expect(presenceState({ repId: "maya", heartbeatAt: evening }, rep, [], evening, 30)).toMatchObject({ reachable: false, reason: "outside-hours" });
    const dayOff = Date.parse("2026-12-08T16:00:00Z");
    expect(presenceState({ repId: "maya", heartbeatAt: dayOff }, rep, [], dayOff, 30)).toMatchObject({ reachable: false, reason: "day-off" });
    const demo = { start: now - 5 * MINUTE, end: now + 25 * MINUTE };
    expect(presenceState(heartbeat(1), rep, [demo], now, 30)).toMatchObject({ reachable: false, reason: "in-demo" });
    expect(presenceState(heartbeat(1), rep, [{ start: now + MINUTE, end: now + 31 * MINUTE }], now, 30)).toMatchObject({ reachable: true });
  });
});

describe("nextToRing", () => {
  const loads = [
    { id: "anna", weight: 1, assignedInWindow: 3 },
    { id: "ben", weight: 1, assignedInWindow: 1 },
    { id: "cleo", weight: 2, assignedInWindow: 1 },
  ];
  it("picks the fairest reachable rep not rung yet", () => {
    expect(nextToRing(loads, new Set(["anna", "ben", "cleo"]), [])).toBe("cleo");
    expect(nextToRing(loads, new Set(["anna", "ben", "cleo"]), ["cleo"])).toBe("ben");
    expect(nextToRing(loads, new Set(["anna"]), ["cleo"])).toBe("anna");
    expect(nextToRing(loads, new Set(["cleo"]), ["cleo"])).toBeUndefined();
  });
});
