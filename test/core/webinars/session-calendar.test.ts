// Tests: a webinar session's public calendar entry — the .ics (PUBLISH, read back with ical.js) and the
// Google Calendar link — name no person and carry no join link, and say the join link comes by e-mail.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { JOIN_LINK_BY_EMAIL, sessionCalendar, sessionCalendarLinks, webinarHostPageUrl, type PublicSession } from "../../../functions/core/webinars/session-calendar";

const SESSION: PublicSession = {
  id: "weekly-webinar-20261201T1600Z",
  title: "Acme Analytics live: the weekly product tour",
  description: "A guided tour, then your questions; bring data, ideas.",
  start: new Date("2026-12-01T16:00:00Z"),
  end: new Date("2026-12-01T16:45:00Z"),
  hostName: "Lukas Berger",
  sequence: 0,
  cancelled: false,
};
const PUBLIC_URL = "https://acme.example/";
const organizer = { name: "Acme Events", email: "events@acme.example" };
const now = new Date("2026-11-30T06:00:00Z");

const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");

describe("sessionCalendar: the .ics of a session", () => {
  const text = sessionCalendar({ publicUrl: PUBLIC_URL, session: SESSION, companyName: "Acme", organizer, now });
  const calendar = new ICAL.Component(ICAL.parse(text));
  const [event] = vevents(text);

  it("is one published VEVENT at the session's UTC time, with the session's UID and SEQUENCE", () => {
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vevents(text)).toHaveLength(1);
    expect(text).toContain("\r\nDTSTART:20261201T160000Z\r\nDTEND:20261201T164500Z\r\n");
    expect(event!.getFirstPropertyValue("uid")).toBe("webinar-session-weekly-webinar-20261201T1600Z@acme.example");
    expect(event!.getFirstPropertyValue("summary")).toBe("Acme Analytics live: the weekly product tour — Acme");
    expect(event!.getFirstPropertyValue("url")).toBe("https://acme.example/webinars?session=weekly-webinar-20261201T1600Z");
  });

  it("names no attendee and holds no join link; its description says where the join link is", () => {
    expect(event!.getAllProperties("attendee")).toHaveLength(0);
    expect(text).not.toMatch(/ATTENDEE|CONFERENCE|meet\.|jit\.si/i);
    expect(event!.getFirstPropertyValue("location")).toBe("Online");
    expect(event!.getFirstPropertyValue("description")).toBe(`${SESSION.description}\nHosted by Lukas Berger\n${JOIN_LINK_BY_EMAIL}`);
  });

  it("follows a host's move (raised SEQUENCE) and cancel (STATUS:CANCELLED) under the same UID", () => {
    const moved = { ...SESSION, start: new Date("2026-12-01T17:00:00Z"), end: new Date("2026-12-01T17:45:00Z"), sequence: 1 };
    const [after] = vevents(sessionCalendar({ publicUrl: PUBLIC_URL, session: moved, companyName: "Acme", organizer, now }));
    expect(after!.getFirstPropertyValue("uid")).toBe(event!.getFirstPropertyValue("uid"));
    expect(after!.getFirstPropertyValue("sequence")).toBe(1);
    expect((after!.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2026-12-01T17:00:00.000Z");
    const [gone] = vevents(sessionCalendar({ publicUrl: PUBLIC_URL, session: { ...moved, sequence: 2, cancelled: true }, companyName: "Acme", organizer, now }));
    expect(gone!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("sessionCalendarLinks", () => {
  const links = sessionCalendarLinks(PUBLIC_URL, SESSION, "Acme");

  it("points the .ics at the public session calendar, with no token", () => {
    expect(links.icsUrl).toBe("https://acme.example/api/webinars/weekly-webinar-20261201T1600Z/calendar.ics");
  });

  it("fills Google's template with the session's UTC times, no join link, and the hint", () => {
    const url = new URL(links.googleCalendarUrl);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("dates")).toBe("20261201T160000Z/20261201T164500Z");
    expect(url.searchParams.get("text")).toBe("Acme Analytics live: the weekly product tour — Acme");
    expect(url.searchParams.get("location")).toBe("Online");
    expect(url.searchParams.get("details")).toContain(JOIN_LINK_BY_EMAIL);
    expect(url.searchParams.get("details")).toContain("https://acme.example/webinars?session=weekly-webinar-20261201T1600Z");
    expect(links.googleCalendarUrl).not.toMatch(/token|jit\.si|meet\./);
  });
});

describe("the host page's address", () => {
  it("names the session as the host page reads it (?session=), under the site's address", () => {
    expect(webinarHostPageUrl("https://demo.example/", SESSION.id)).toBe("https://demo.example/webinar-host.html?session=weekly-webinar-20261201T1600Z");
  });
});
