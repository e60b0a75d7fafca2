import { describe, expect, it } from "vitest";
import { localDateAt, offsetAt, startOfLocalDay, toZonedIso, zonedToUtc } from "../../../functions/core/time/zoned-time";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("offsetAt", () => {
  it.each([
    ["America/Chicago", "2026-12-01T12:00:00Z", -6 * HOUR],
    ["America/Chicago", "2026-07-01T12:00:00Z", -5 * HOUR],
    ["Asia/Kolkata", "2026-12-01T12:00:00Z", 5.5 * HOUR],
    ["Asia/Kathmandu", "2026-12-01T12:00:00Z", 5.75 * HOUR],
    ["Pacific/Chatham", "2026-07-01T12:00:00Z", 12.75 * HOUR],
    ["Pacific/Chatham", "2026-12-01T12:00:00Z", 13.75 * HOUR],
  ])("%s at %s", (zone, iso, expected) => {
    expect(offsetAt(zone, at(iso))).toBe(expected);
  });
});

describe("zonedToUtc", () => {
  it("maps an ordinary wall time", () => {
    expect(zonedToUtc("Europe/Berlin", "2026-12-01", 9 * 60)).toBe(at("2026-12-01T08:00:00Z"));
  });

  it("returns undefined for a time skipped by spring-forward (New York, 2027-03-14 02:30)", () => {
    expect(zonedToUtc("America/New_York", "2027-03-14", 2 * 60 + 30)).toBeUndefined();
    expect(zonedToUtc("America/New_York", "2027-03-14", 60 + 30)).toBe(at("2027-03-14T06:30:00Z"));
    expect(zonedToUtc("America/New_York", "2027-03-14", 3 * 60)).toBe(at("2027-03-14T07:00:00Z"));
  });

  it("returns the first occurrence of a repeated time (New York, 2027-11-07 01:30)", () => {
    expect(zonedToUtc("America/New_York", "2027-11-07", 60 + 30)).toBe(at("2027-11-07T05:30:00Z"));
    expect(zonedToUtc("America/New_York", "2027-11-07", 2 * 60)).toBe(at("2027-11-07T07:00:00Z"));
  });

  it("handles the southern hemisphere's April change (Sydney, 2027-04-04: 03:00 → 02:00)", () => {
    expect(zonedToUtc("Australia/Sydney", "2027-04-04", 2 * 60 + 30)).toBe(at("2027-04-03T15:30:00Z"));
    expect(zonedToUtc("Australia/Sydney", "2027-04-04", 9 * 60)).toBe(at("2027-04-03T23:00:00Z"));
  });

  it("handles quarter-hour offsets (Kathmandu 09:00 = 03:15Z, Chatham 09:00 in July = 20:15Z the day before)", () => {
    expect(zonedToUtc("Asia/Kathmandu", "2026-12-01", 9 * 60)).toBe(at("2026-12-01T03:15:00Z"));
    expect(zonedToUtc("Pacific/Chatham", "2027-07-01", 9 * 60)).toBe(at("2027-06-30T20:15:00Z"));
  });
});

describe("rendering and local dates", () => {
  it("renders an instant with the zone's offset", () => {
    expect(toZonedIso(at("2026-12-01T16:00:00Z"), "America/Chicago")).toBe("2026-12-01T10:00:00.000-06:00");
    expect(toZonedIso(at("2026-12-01T16:00:00Z"), "Asia/Kathmandu")).toBe("2026-12-01T21:45:00.000+05:45");
    expect(toZonedIso(at("2026-12-01T16:00:00Z"), "UTC")).toBe("2026-12-01T16:00:00.000+00:00");
  });

  it("knows the local date of an instant", () => {
    expect(localDateAt("Asia/Kolkata", at("2026-12-01T19:00:00Z"))).toBe("2026-12-02");
    expect(localDateAt("America/Chicago", at("2026-12-01T03:00:00Z"))).toBe("2026-11-30");
  });

  it("finds the start of a local day", () => {
    expect(startOfLocalDay("America/Chicago", "2026-12-01")).toBe(at("2026-12-01T06:00:00Z"));
  });

  it("starts a day the zone skipped whole where the next day starts: an empty day, not an error", () => {
    // Samoa went from 2011-12-29 (UTC-10) straight to 2011-12-31 (UTC+14); the Marshall Islands skipped 1993-08-21.
    expect(startOfLocalDay("Pacific/Apia", "2011-12-29")).toBe(at("2011-12-29T10:00:00Z"));
    expect(startOfLocalDay("Pacific/Apia", "2011-12-30")).toBe(at("2011-12-30T10:00:00Z"));
    expect(startOfLocalDay("Pacific/Apia", "2011-12-31")).toBe(at("2011-12-30T10:00:00Z"));
    expect(startOfLocalDay("Pacific/Kwajalein", "1993-08-21")).toBe(startOfLocalDay("Pacific/Kwajalein", "1993-08-22"));
  });
});

describe("canonicalTimeZone", () => {
  it("fixes the case of a zone name and keeps current names that ICU would turn into legacy ones", async () => {
    const { canonicalTimeZone } = await import("../../../functions/core/time/time-zone");
    expect(canonicalTimeZone("america/chicago")).toBe("America/Chicago");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus")).toBeUndefined();
    expect(canonicalTimeZone("+05:30")).toBeUndefined();
  });
});

describe("rendering at the instant of a change", () => {
  it("uses the right offset on both sides of a transition", () => {
    expect(toZonedIso(at("2027-03-14T06:59:00Z"), "America/New_York")).toBe("2027-03-14T01:59:00.000-05:00");
    expect(toZonedIso(at("2027-03-14T07:00:00Z"), "America/New_York")).toBe("2027-03-14T03:00:00.000-04:00");
    expect(toZonedIso(at("2027-11-07T05:59:00Z"), "America/New_York")).toBe("2027-11-07T01:59:00.000-04:00");
    expect(toZonedIso(at("2027-11-07T06:00:00Z"), "America/New_York")).toBe("2027-11-07T01:00:00.000-05:00");
    expect(toZonedIso(at("2027-04-03T13:59:00Z"), "Pacific/Chatham")).toBe("2027-04-04T03:44:00.000+13:45");
    expect(toZonedIso(at("2027-04-03T14:00:00Z"), "Pacific/Chatham")).toBe("2027-04-04T02:45:00.000+12:45");
  });
});
