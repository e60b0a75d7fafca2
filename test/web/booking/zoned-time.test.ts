// Tests: web/src/booking/zoned-time — moments rewritten in the zone the person wants to read them in.

import { describe, expect, it } from "vitest";
import { slotLabel } from "../../../web/src/booking/slot-groups";
import { isoInZone, shortDateTime } from "../../../web/src/booking/zoned-time";

describe("isoInZone", () => {
  it("writes the same instant as another zone's wall time and offset", () => {
    const start = "2026-12-01T10:00:00.000-06:00";
    expect(isoInZone(start, "America/Chicago")).toBe("2026-12-01T10:00:00.000-06:00");
    expect(isoInZone(start, "Asia/Kolkata")).toBe("2026-12-01T21:30:00.000+05:30");
    expect(isoInZone(start, "Asia/Tokyo")).toBe("2026-12-02T01:00:00.000+09:00");
    expect(isoInZone("2026-12-01T16:00:00Z", "UTC")).toBe("2026-12-01T16:00:00.000+00:00");
    for (const zone of ["Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"]) expect(Date.parse(isoInZone(start, zone))).toBe(Date.parse(start));
  });

  it("follows daylight saving time", () => {
    expect(isoInZone("2026-07-01T12:00:00Z", "Europe/Berlin")).toBe("2026-07-01T14:00:00.000+02:00");
    expect(isoInZone("2026-12-01T12:00:00Z", "Europe/Berlin")).toBe("2026-12-01T13:00:00.000+01:00");
  });

  it("feeds the booking page's labels", () => {
    expect(slotLabel(isoInZone("2026-12-01T10:00:00.000-06:00", "Asia/Tokyo"))).toBe("Wednesday, December 2 at 1:00 AM");
  });

  it("leaves the string alone for an unknown zone or an unreadable moment", () => {
    expect(isoInZone("2026-12-01T10:00:00.000-06:00", "Mars/Olympus")).toBe("2026-12-01T10:00:00.000-06:00");
    expect(isoInZone("soon", "UTC")).toBe("soon");
  });
});

describe("shortDateTime", () => {
  it("writes a moment briefly in the given zone", () => {
    expect(shortDateTime("2026-12-01T17:00:00.000Z", "en-US", "America/New_York")).toBe("Tue, Dec 1, 12:00 PM");
    expect(shortDateTime("2026-12-01T17:00:00.000Z", "en-GB", "Europe/London")).toMatch(/^Tue,? 1 Dec,? 17:00$/);
    expect(shortDateTime("nope")).toBe("");
  });
});
