// Tests: quiet hours for texts (21:00–08:00 in the recipient's zone) — a reminder moves earlier to 20:59
// when that is still ahead, else it is skipped; a follow-up waits for 08:00.
import { describe, expect, it } from "vitest";
import { inQuietHours, nextTextingTime, reminderTextTime } from "../../../functions/core/texts/quiet-hours";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("quiet hours", () => {
  it("are 21:00 to 08:00 in the recipient's zone", () => {
    // New York in December is UTC-5.
    expect(inQuietHours(at("2026-12-08T01:59:00Z"), "America/New_York")).toBe(false); // 20:59
    expect(inQuietHours(at("2026-12-08T02:00:00Z"), "America/New_York")).toBe(true); // 21:00
    expect(inQuietHours(at("2026-12-08T12:59:00Z"), "America/New_York")).toBe(true); // 07:59
    expect(inQuietHours(at("2026-12-08T13:00:00Z"), "America/New_York")).toBe(false); // 08:00
    expect(inQuietHours(at("2026-12-08T02:00:00Z"), "Europe/Berlin")).toBe(true); // 03:00 in Berlin
    expect(inQuietHours(at("2026-12-08T10:00:00Z"), "Europe/Berlin")).toBe(false); // 11:00
  });

  it("a follow-up due at night waits for 08:00 (the same morning or the next one)", () => {
    expect(iso(nextTextingTime(at("2026-12-08T03:30:00Z"), "America/New_York"))).toBe("2026-12-08T13:00:00.000Z"); // 22:30 → 08:00
    expect(iso(nextTextingTime(at("2026-12-08T10:00:00Z"), "America/New_York"))).toBe("2026-12-08T13:00:00.000Z"); // 05:00 → 08:00
    expect(iso(nextTextingTime(at("2026-12-08T15:00:00Z"), "America/New_York"))).toBe("2026-12-08T15:00:00.000Z"); // 10:00 stays
  });

  it("a reminder outside quiet hours goes at its time", () => {
    expect(iso(reminderTextTime(at("2026-12-08T15:00:00Z"), "America/New_York", at("2026-12-07T12:00:00Z")))).toBe("2026-12-08T15:00:00.000Z");
  });

  it("a reminder due at 07:30 (an 08:30 demo) moves to 20:59 the evening before", () => {
    expect(iso(reminderTextTime(at("2026-12-08T12:30:00Z"), "America/New_York", at("2026-12-07T12:00:00Z")))).toBe("2026-12-08T01:59:00.000Z");
  });

  it("a reminder due at 22:00 moves to 20:59 the same evening", () => {
    expect(iso(reminderTextTime(at("2026-12-08T21:00:00Z"), "Europe/Berlin", at("2026-12-07T12:00:00Z")))).toBe("2026-12-08T19:59:00.000Z");
  });

  it("is skipped when the moved time has passed (booked at 22:00 for 08:30 the next morning)", () => {
    expect(reminderTextTime(at("2026-12-08T12:30:00Z"), "America/New_York", at("2026-12-08T03:00:00Z"))).toBeUndefined();
  });

  it("keeps 20:59 and 08:00 on clock-change days (Europe/Berlin, 29 March 2026)", () => {
    // 07:30 CEST on Sunday 29 March is 05:30Z; 20:59 CET on Saturday 28 March is 19:59Z.
    expect(iso(reminderTextTime(at("2026-03-29T05:30:00Z"), "Europe/Berlin", at("2026-03-27T00:00:00Z")))).toBe("2026-03-28T19:59:00.000Z");
    // 02:30 on the 29th (before the change) waits for 08:00 CEST = 06:00Z.
    expect(iso(nextTextingTime(at("2026-03-29T00:30:00Z"), "Europe/Berlin"))).toBe("2026-03-29T06:00:00.000Z");
  });
});
