// Tests: web/src/booking/time-zone-options — the time-zone <select> choices.

import { describe, expect, it } from "vitest";
import {
  FALLBACK_TIME_ZONES,
  availableTimeZones,
  detectedTimeZone,
  gmtOffset,
  splitZoneName,
  timeZoneGroups,
  zoneDisplayName,
} from "../../../web/src/booking/time-zone-options";

const fakeIntl = (extra: object) => ({ ...Intl, ...extra }) as typeof Intl;

describe("availableTimeZones", () => {
  it("uses Intl.supportedValuesOf when there is one", () => {
    expect(availableTimeZones(fakeIntl({ supportedValuesOf: () => ["Europe/Berlin", "America/Chicago"] }))).toEqual([
      "Europe/Berlin",
      "America/Chicago",
    ]);
  });

  it("falls back to the short list when it is missing, throws or is empty", () => {
    expect(availableTimeZones(fakeIntl({ supportedValuesOf: undefined }))).toEqual(FALLBACK_TIME_ZONES);
    expect(
      availableTimeZones(
        fakeIntl({
          supportedValuesOf: () => {
            throw new RangeError("no");
          },
        }),
      ),
    ).toEqual(FALLBACK_TIME_ZONES);
    expect(availableTimeZones(fakeIntl({ supportedValuesOf: () => [] }))).toEqual(FALLBACK_TIME_ZONES);
  });

  it("has only zones this runtime knows in the fallback list", () => {
    for (const zone of FALLBACK_TIME_ZONES) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
  });
});

describe("detectedTimeZone", () => {
  it("reads the browser's zone and falls back to UTC", () => {
    const intlWith = (timeZone: string) =>
      fakeIntl({ DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone }) }) });
    expect(detectedTimeZone(intlWith("Asia/Kathmandu"))).toBe("Asia/Kathmandu");
    expect(detectedTimeZone(intlWith(""))).toBe("UTC");
  });
});

describe("timeZoneGroups", () => {
  const offsets: Record<string, string> = { "America/Chicago": "GMT-6", "Asia/Katmandu": "GMT+5:45", UTC: "GMT" };
  const offsetOf = (zone: string) => offsets[zone] ?? "";

  it("groups by region, sorts places, puts Other last and labels with the offset", () => {
    const groups = timeZoneGroups(["Asia/Katmandu", "America/Chicago", "America/Argentina/Buenos_Aires", "Europe/Berlin"], "UTC", offsetOf);
    expect(groups.map((g) => g.label)).toEqual(["America", "Asia", "Europe", "Other"]);
    expect(groups[0]?.options).toEqual([
      { value: "America/Argentina/Buenos_Aires", label: "Argentina / Buenos Aires" },
      { value: "America/Chicago", label: "Chicago (GMT-6)" },
    ]);
    // The value stays the runtime's spelling; the label uses the current name.
    expect(groups[1]?.options).toEqual([{ value: "Asia/Katmandu", label: "Kathmandu (GMT+5:45)" }]);
    expect(groups[3]?.options).toEqual([{ value: "UTC", label: "UTC (GMT)" }]);
  });

  it("always offers the detected zone, once", () => {
    const all = (groups: ReturnType<typeof timeZoneGroups>) => groups.flatMap((g) => g.options.map((o) => o.value));
    expect(all(timeZoneGroups(["Europe/Berlin"], "Asia/Calcutta", offsetOf))).toEqual(["Asia/Calcutta", "Europe/Berlin"]);
    expect(all(timeZoneGroups(["Europe/Berlin"], "Europe/Berlin", offsetOf))).toEqual(["Europe/Berlin"]);
  });

  it("computes real offsets by default", () => {
    expect(gmtOffset("Asia/Kathmandu", new Date("2026-06-01T00:00:00Z"))).toBe("GMT+5:45");
    expect(gmtOffset("America/Chicago", new Date("2026-12-01T00:00:00Z"))).toBe("GMT-6");
    expect(gmtOffset("Not/AZone")).toBe("");
  });
});

describe("zone names", () => {
  it("shows current spellings with spaces", () => {
    expect(zoneDisplayName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(zoneDisplayName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(zoneDisplayName("America/Los_Angeles")).toBe("America/Los Angeles");
    expect(splitZoneName("Asia/Saigon")).toEqual({ region: "Asia", place: "Ho Chi Minh" });
    expect(splitZoneName("UTC")).toEqual({ region: "Other", place: "UTC" });
  });
});
