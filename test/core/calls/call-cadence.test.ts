// Tests: the call cadence behind a logged voicemail or no answer — the delays' ISO durations, when each
// further attempt is due (+2 h, the next business morning in the prospect's zone, +2 days) and where the
// chain ends, so the outcome use case knows to prompt again or to close the lead as unreachable.
import { describe, expect, it } from "vitest";
import { attemptsInAll, durationMinutes, nextAttemptAt, nextBusinessMorning, type CallCadence } from "../../../functions/core/calls/call-cadence";

const DEFAULT: CallCadence = { retryDelays: ["PT2H", "next-business-morning", "P2D"], maxAttempts: 3 };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("durationMinutes", () => {
  it("reads days, hours and minutes", () => {
    expect(durationMinutes("PT2H")).toBe(120);
    expect(durationMinutes("P2D")).toBe(2 * 24 * 60);
    expect(durationMinutes("PT30M")).toBe(30);
    expect(durationMinutes("P1DT2H30M")).toBe(24 * 60 + 150);
    expect(durationMinutes("PT90M")).toBe(90);
  });

  it("throws on anything else", () => {
    for (const bad of ["2h", "PT2S", "P1W", "-PT2H", "PT2.5H", "next-business-morning", ""]) {
      expect(() => durationMinutes(bad), bad).toThrow(/not a duration/);
    }
  });
});

describe("nextAttemptAt with the default cadence", () => {
  // Pat is in Paris (UTC+1 in December). Tuesday, Dec 1, 2026.
  const next = (attempt: number, after: string) => iso(nextAttemptAt(DEFAULT, attempt, at(after), "Europe/Paris", "09:00"));

  it("counts the first call-back and three further attempts", () => {
    expect(attemptsInAll(DEFAULT)).toBe(4);
  });

  it("after the first call-back: two hours later", () => {
    expect(next(1, "2026-12-01T17:35:00Z")).toBe("2026-12-01T19:35:00.000Z");
  });

  it("after the second: the next business morning in the prospect's zone", () => {
    // 20:35 in Paris: Wednesday 09:00 there.
    expect(next(2, "2026-12-01T19:35:00Z")).toBe("2026-12-02T08:00:00.000Z");
  });

  it("after the third: two days later", () => {
    expect(next(3, "2026-12-02T08:10:00Z")).toBe("2026-12-04T08:10:00.000Z");
  });

  it("after the fourth (the last further attempt): nothing — the lead is unreachable", () => {
    expect(next(4, "2026-12-04T08:10:00Z")).toBeUndefined();
    expect(next(5, "2026-12-04T08:10:00Z")).toBeUndefined();
  });
});

describe("nextAttemptAt with other cadences", () => {
  it("maxAttempts counts further attempts: 1 allows one more call after the first call-back", () => {
    const one: CallCadence = { retryDelays: ["PT30M"], maxAttempts: 1 };
    expect(iso(nextAttemptAt(one, 1, at("2026-12-01T10:00:00Z"), "UTC", "09:00"))).toBe("2026-12-01T10:30:00.000Z");
    expect(nextAttemptAt(one, 2, at("2026-12-01T10:30:00Z"), "UTC", "09:00")).toBeUndefined();
  });

  it("repeats the last delay when there are more attempts than delays", () => {
    const five: CallCadence = { retryDelays: ["PT2H", "P1D"], maxAttempts: 5 };
    const after = at("2026-12-01T10:00:00Z");
    expect([1, 2, 3, 4, 5, 6].map((attempt) => iso(nextAttemptAt(five, attempt, after, "UTC", "09:00")))).toEqual([
      "2026-12-01T12:00:00.000Z",
      "2026-12-02T10:00:00.000Z",
      "2026-12-02T10:00:00.000Z",
      "2026-12-02T10:00:00.000Z",
      "2026-12-02T10:00:00.000Z",
      undefined,
    ]);
  });
});

describe("nextBusinessMorning", () => {
  const morning = (after: string, zone: string, time = "09:00") => iso(nextBusinessMorning(at(after), zone, time));

  it("is later the same weekday when that morning is still ahead, else the next weekday", () => {
    // Thursday Dec 3, 07:00 in New York (UTC-5).
    expect(morning("2026-12-03T12:00:00Z", "America/New_York")).toBe("2026-12-03T14:00:00.000Z");
    // Exactly 09:00 is not after: Friday.
    expect(morning("2026-12-03T14:00:00Z", "America/New_York")).toBe("2026-12-04T14:00:00.000Z");
  });

  it("skips the weekend: Friday evening and Saturday morning both lead to Monday", () => {
    // Friday Dec 4, 18:00 in New York.
    expect(morning("2026-12-04T23:00:00Z", "America/New_York")).toBe("2026-12-07T14:00:00.000Z");
    // Saturday Dec 5, 08:00 in New York.
    expect(morning("2026-12-05T13:00:00Z", "America/New_York")).toBe("2026-12-07T14:00:00.000Z");
  });

  it("reads the weekday in the prospect's zone, ahead of UTC", () => {
    // Sunday Dec 6, 20:00Z is already Monday 05:00 in Tokyo (UTC+9): Monday 09:00 there, the same UTC evening.
    expect(morning("2026-12-06T20:00:00Z", "Asia/Tokyo")).toBe("2026-12-07T00:00:00.000Z");
    // Friday Dec 4, 23:30Z is Saturday 08:30 in Tokyo: the weekend there, so Monday.
    expect(morning("2026-12-04T23:30:00Z", "Asia/Tokyo")).toBe("2026-12-07T00:00:00.000Z");
    // Thursday Dec 3, 22:00Z is Friday 03:30 in Kolkata (UTC+5:30): Friday 09:00 there.
    expect(morning("2026-12-03T22:00:00Z", "Asia/Kolkata")).toBe("2026-12-04T03:30:00.000Z");
  });

  it("keeps the local time across a DST change over the weekend, and takes the configured time", () => {
    // Friday Mar 26, 2027, 19:00 in Paris (CET); summer time starts Sunday: Monday 09:00 CEST is 07:00Z.
    expect(morning("2027-03-26T18:00:00Z", "Europe/Paris")).toBe("2027-03-29T07:00:00.000Z");
    expect(morning("2027-03-26T18:00:00Z", "Europe/Paris", "08:30")).toBe("2027-03-29T06:30:00.000Z");
  });
});
