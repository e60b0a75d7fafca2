// Tests: every time a rep reads names whose zone it is in — the lead's, then the rep's own.
import { describe, expect, it } from "vitest";
import { timeForRep } from "../../../functions/core/calls/rep-facing-time";

const DANA = { name: "Dana Scully", timeZone: "America/New_York" };

describe("timeForRep", () => {
  it("names the lead's zone and gives the rep's own time: the issue's example", () => {
    expect(timeForRep(new Date("2026-12-01T14:05:00Z"), DANA, "Europe/Berlin")).toBe("9:05 AM Dana's time (America/New_York) · 3:05 PM yours");
  });

  it("names the rep's day when it differs from the lead's", () => {
    expect(timeForRep(new Date("2026-12-02T04:20:00Z"), DANA, "Asia/Kolkata", { withDay: true })).toBe("Tue, Dec 1, 11:20 PM Dana's time (America/New_York) · Wed, Dec 2, 9:50 AM yours");
  });

  it("says so when lead and rep share the zone", () => {
    expect(timeForRep(new Date("2026-12-01T14:05:00Z"), DANA, "America/New_York")).toBe("9:05 AM Dana's time (America/New_York), yours too");
  });
});
