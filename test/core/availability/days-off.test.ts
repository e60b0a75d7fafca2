import { describe, expect, it } from "vitest";
import { daysOffProblem, daysOffSet } from "../../../functions/core/availability/days-off";

describe("days off", () => {
  it("answers a message, never a RangeError, for dates that do not exist", () => {
    for (const entry of ["2026-13-01", "2026-12-32", "2026-00-10", "2026-02-30", "2026-12-01..2026-13-01"]) {
      expect(daysOffProblem(entry), entry).toBe(`"${entry}" is not a date like 2026-12-24 or a range like 2026-12-28..2027-01-01`);
    }
  });

  it("accepts real dates and ranges, and expands a range over the year's end", () => {
    expect(daysOffProblem("2028-02-29")).toBeUndefined();
    expect(daysOffProblem("2026-12-30..2027-01-02")).toBeUndefined();
    expect([...daysOffSet(["2026-12-30..2027-01-02"])]).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });
});
