// Tests: web/src/booking/slot-window — the 14 local days asked for after a time-zone change.

import { describe, expect, it } from "vitest";
import { addDays, slotWindow, todayIn } from "../../../web/src/booking/slot-window";

describe("slot window", () => {
  it("counts today in the chosen zone, not the browser's", () => {
    const instant = new Date("2026-11-30T19:00:00Z");
    expect(todayIn("Asia/Kathmandu", instant)).toBe("2026-12-01"); // 00:45 there
    expect(todayIn("America/Chicago", instant)).toBe("2026-11-30");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-31T10:00:00Z"))).toBe("2027-01-01");
  });

  it("adds calendar days across months, years and DST changes", () => {
    expect(addDays("2026-10-25", 13)).toBe("2026-11-07");
    expect(addDays("2026-12-25", 13)).toBe("2027-01-07");
    expect(addDays("2028-02-20", 13)).toBe("2028-03-04");
  });

  it("spans 14 days, both ends included", () => {
    expect(slotWindow("America/Chicago", new Date("2026-12-01T12:00:00Z"))).toEqual({ from: "2026-12-01", to: "2026-12-14" });
  });
});
