// Tests: the "Add to Google Calendar" link, read back with URL like Google reads it.
import { describe, it, expect } from "vitest";
import { googleCalendarUrl } from "../../../functions/core/calendar/calendar-links";

describe("googleCalendarUrl", () => {
  const input = {
    title: "Live product demo — Acme & Co",
    start: new Date("2026-12-01T16:00:00Z"),
    end: new Date("2026-12-01T16:30:00Z"),
    details: "Join: https://meet.example.com/abc?x=1&y=2\nSee you soon",
    location: "https://meet.example.com/abc?x=1&y=2",
  };
  const url = new URL(googleCalendarUrl(input));

  it("points at Google's event template", () => {
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
  });

  it("carries the UTC start and end as YYYYMMDDTHHMMSSZ/YYYYMMDDTHHMMSSZ", () => {
    expect(url.searchParams.get("dates")).toBe("20261201T160000Z/20261201T163000Z");
  });

  it("encodes text, details and location so they decode to the original", () => {
    expect(url.searchParams.get("text")).toBe(input.title);
    expect(url.searchParams.get("details")).toBe(input.details);
    expect(url.searchParams.get("location")).toBe(input.location);
    expect(url.search).not.toMatch(/[ \n]/);
  });
});
