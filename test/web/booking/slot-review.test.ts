// Tests: web/src/booking/slot-review — the confirm step names the time in the prospect's zone and the zone; the
// prospect hours are said in words.
import { describe, expect, it } from "vitest";
import { prospectHoursText, slotReview } from "../../../web/src/booking/slot-review";

describe("slotReview", () => {
  it("gives the picked time in the prospect's zone and names the zone", () => {
    expect(slotReview("2026-12-01T10:00:00.000-05:00", "America/New_York")).toEqual({
      when: "Tuesday, December 1 at 10:00 AM",
      zone: "America/New York time",
      prompt: "Book Tuesday, December 1 at 10:00 AM (America/New York time)?",
    });
    expect(slotReview("2026-12-01T10:00:00.000-05:00", "America/New_York", "en-US", "Move to").prompt).toBe("Move to Tuesday, December 1 at 10:00 AM (America/New York time)?");
  });
});

describe("prospectHoursText", () => {
  it("says which hours the times are limited to", () => {
    expect(prospectHoursText("08:00-20:00")).toBe("Showing times from 8:00 AM to 8:00 PM your time.");
    expect(prospectHoursText("07:30-24:00")).toBe("Showing times from 7:30 AM to midnight your time.");
  });

  it("says nothing when all times are shown", () => {
    expect(prospectHoursText(undefined)).toBeUndefined();
  });
});
