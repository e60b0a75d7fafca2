// Tests: the invitation's iCalendar text, read back with ical.js (Thunderbird's parser), byte by byte.
import { describe, it, expect } from "vitest";
import ICAL from "ical.js";
import fc from "fast-check";
import { buildCalendar, buildPublishedCalendar, formatUtcDateTime } from "../../../functions/core/calendar/icalendar";
import type { CalendarEventInput, PublishedEventInput } from "../../../functions/core/calendar/icalendar";

const JOIN = "https://meet.example.com/liveline/abc-defg-hij?pwd=1,2";

function event(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    method: "REQUEST",
    uid: "3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example",
    sequence: 0,
    stamp: new Date("2026-11-20T09:15:00Z"),
    start: new Date("2026-12-01T16:00:00Z"),
    end: new Date("2026-12-01T16:30:00Z"),
    summary: "Live product demo — Acme",
    description: "A tour of the product.",
    joinUrl: JOIN,
    organizer: { name: "Acme Demos", email: "demos@acme.example" },
    attendee: { name: "Jane Doe", email: "jane@globex.example" },
    reminderMinutesBefore: 15,
    ...overrides,
  };
}

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function onlyEvent(calendar: ICAL.Component): ICAL.Component {
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  return events[0]!;
}

function property(component: ICAL.Component, name: string): ICAL.Property {
  const found = component.getFirstProperty(name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

/** The raw lines: the text must end with CRLF, so the last split piece is empty. */
function rawLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text.split("\r\n");
  expect(lines.pop()).toBe("");
  return lines;
}

function expectWellFormedLines(text: string): void {
  for (const line of rawLines(text)) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    // A split surrogate pair would not survive a UTF-8 round trip.
    expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
  }
}

/** What a TEXT value can carry: newlines as LF, no control characters but TAB. */
function normalisedText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

describe("buildCalendar: a REQUEST", () => {
  const text = buildCalendar(event());
  const calendar = parse(text);
  const vevent = onlyEvent(calendar);

  it("is an iTIP REQUEST with our PRODID", () => {
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Liveline//Scheduler//EN");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
  });

  it("carries our UID and SEQUENCE", () => {
    expect(vevent.getFirstPropertyValue("uid")).toBe("3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
  });

  it("writes DTSTAMP, DTSTART and DTEND in UTC, equal to the inputs", () => {
    const expected = { dtstamp: "2026-11-20T09:15:00Z", dtstart: "2026-12-01T16:00:00Z", dtend: "2026-12-01T16:30:00Z" };
    for (const [name, iso] of Object.entries(expected)) {
      const prop = property(vevent, name);
      expect(prop.type).toBe("date-time");
      expect(prop.toJSON()[3]).toBe(iso);
      const time = prop.getFirstValue() as ICAL.Time;
      expect(time.zone).toBe(ICAL.Timezone.utcTimezone);
      expect(time.toJSDate().toISOString()).toBe(new Date(iso).toISOString());
    }
    expect(text).toContain("\r\nDTSTART:20261201T160000Z\r\n");
    expect(text).not.toContain("TZID");
  });

  it("names the organizer and the one attendee who must answer", () => {
    const organizer = property(vevent, "organizer");
    expect(organizer.getFirstValue()).toBe("mailto:demos@acme.example");
    expect(organizer.getParameter("cn")).toBe("Acme Demos");

    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0]!;
    expect(attendee.getFirstValue()).toBe("mailto:jane@globex.example");
    expect(attendee.getParameter("cn")).toBe("Jane Doe");
    expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
    expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
  });

  it("puts the join link in LOCATION, URL, DESCRIPTION and CONFERENCE", () => {
    expect(vevent.getFirstPropertyValue("location")).toBe(JOIN);
    expect(vevent.getFirstPropertyValue("url")).toBe(JOIN);
    expect(vevent.getFirstPropertyValue("description")).toBe(`A tour of the product.\n\nJoin: ${JOIN}`);
    const conference = property(vevent, "conference");
    expect(conference.getParameter("feature")).toBe("VIDEO");
    expect(conference.getParameter("label")).toBe("Join");
    expect(conference.getFirstValue()).toBe(JOIN);
  });

  it("is confirmed, busy, and has one display alarm 15 minutes before", () => {
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("transp")).toBe("OPAQUE");
    const alarms = vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0]!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(alarm.getFirstPropertyValue("description")).toBe("Live product demo — Acme");
    expect((alarm.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-15 * 60);
    expect(text).toContain("\r\nTRIGGER:-PT15M\r\n");
  });

  it("has no X-PUBLISHED-TTL and is never PUBLISH", () => {
    expect(text).not.toContain("X-PUBLISHED-TTL");
    expect(text).not.toContain("PUBLISH");
  });

  it("has CRLF line ends and lines of at most 75 octets", () => {
    expectWellFormedLines(text);
  });
});

describe("buildCalendar: a CANCEL", () => {
  const text = buildCalendar(event({ method: "CANCEL", sequence: 3, reminderMinutesBefore: 15 }));
  const calendar = parse(text);
  const vevent = onlyEvent(calendar);

  it("is METHOD:CANCEL and STATUS:CANCELLED with the same UID and the higher SEQUENCE", () => {
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("uid")).toBe("3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(3);
  });

  it("still names the organizer and the attendee", () => {
    expect(property(vevent, "organizer").getFirstValue()).toBe("mailto:demos@acme.example");
    expect(vevent.getAllProperties("attendee").map((p) => p.getFirstValue())).toEqual(["mailto:jane@globex.example"]);
  });

  it("has no alarm even when one was asked for", () => {
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(text).not.toContain("VALARM");
  });
});

describe("buildPublishedCalendar: a public entry anyone may download", () => {
  const published = (overrides: Partial<PublishedEventInput> = {}): PublishedEventInput => ({
    uid: "webinar-session-weekly-20261201T1600Z@acme.example",
    sequence: 0,
    stamp: new Date("2026-11-20T09:15:00Z"),
    start: new Date("2026-12-01T16:00:00Z"),
    end: new Date("2026-12-01T16:45:00Z"),
    summary: "Weekly tour; Q&A, roadmap — Acme",
    description: "Hosted by Lukas\nThe join link is in your invitation e-mail.",
    location: "Online",
    url: "https://acme.example/webinars?session=weekly-20261201T1600Z",
    organizer: { name: "Acme Events", email: "events@acme.example" },
    cancelled: false,
    ...overrides,
  });
  const text = buildPublishedCalendar(published());
  const calendar = parse(text);
  const vevent = onlyEvent(calendar);

  it("is METHOD:PUBLISH with our PRODID, one VEVENT, the organizer and no attendee, alarm or conference", () => {
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Liveline//Scheduler//EN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vevent.getFirstPropertyValue("uid")).toBe("webinar-session-weekly-20261201T1600Z@acme.example");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(property(vevent, "organizer").getFirstValue()).toBe("mailto:events@acme.example");
    expect(property(vevent, "organizer").getParameter("cn")).toBe("Acme Events");
    expect(vevent.getAllProperties("attendee")).toHaveLength(0);
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(text).not.toMatch(/ATTENDEE|CONFERENCE|VALARM|X-PUBLISHED-TTL|RSVP/);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("writes DTSTAMP, DTSTART and DTEND in UTC", () => {
    expect(text).toContain("\r\nDTSTAMP:20261120T091500Z\r\n");
    expect(text).toContain("\r\nDTSTART:20261201T160000Z\r\n");
    expect(text).toContain("\r\nDTEND:20261201T164500Z\r\n");
    expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(text).not.toContain("TZID");
  });

  it("escapes its text, keeps the page as URL and the place as LOCATION, and folds by octets", () => {
    expect(text).toContain("SUMMARY:Weekly tour\\; Q&A\\, roadmap — Acme\r\n");
    expect(vevent.getFirstPropertyValue("summary")).toBe("Weekly tour; Q&A, roadmap — Acme");
    expect(vevent.getFirstPropertyValue("description")).toBe("Hosted by Lukas\nThe join link is in your invitation e-mail.");
    expect(vevent.getFirstPropertyValue("location")).toBe("Online");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://acme.example/webinars?session=weekly-20261201T1600Z");
    expectWellFormedLines(text);
    const long = buildPublishedCalendar(published({ summary: `Démo für Zoë 日本語 😀 ${"Ünïcödé ".repeat(20)}`, description: "Straße ✓ 🚀 ".repeat(30) }));
    expectWellFormedLines(long);
    expect(onlyEvent(parse(long)).getFirstPropertyValue("description")).toBe("Straße ✓ 🚀 ".repeat(30));
  });

  it("says CANCELLED (with its raised SEQUENCE) for a cancelled event, and checks times and SEQUENCE as an invitation does", () => {
    const cancelled = onlyEvent(parse(buildPublishedCalendar(published({ cancelled: true, sequence: 2 }))));
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.getFirstPropertyValue("sequence")).toBe(2);
    expect(() => buildPublishedCalendar(published({ sequence: -1 }))).toThrow(RangeError);
    expect(() => buildPublishedCalendar(published({ end: new Date("2026-12-01T15:00:00Z") }))).toThrow(RangeError);
  });
});

describe("buildCalendar: text values", () => {
  it("escapes backslash, semicolon, comma and newlines, and ical.js reads back the original", () => {
    const summary = "Q&A; pricing, roadmap \\ and: more";
    const description = "Line one; with, commas\nLine two \\n is not a newline\n\nJoin below";
    const text = buildCalendar(event({ summary, description }));
    expect(text).toContain("SUMMARY:Q&A\\; pricing\\, roadmap \\\\ and: more\r\n");
    const vevent = onlyEvent(parse(text));
    expect(vevent.getFirstPropertyValue("summary")).toBe(summary);
    expect(vevent.getFirstPropertyValue("description")).toBe(`${description}\n\nJoin: ${JOIN}`);
  });

  it("turns CRLF and CR into newlines and drops other control characters", () => {
    const text = buildCalendar(event({ summary: "One\r\nTwo\rThree\u0000\u0007\tTabbed" }));
    expectWellFormedLines(text);
    expect(onlyEvent(parse(text)).getFirstPropertyValue("summary")).toBe("One\nTwo\nThree\tTabbed");
  });

  it("does not repeat the join link when the description already has it", () => {
    const text = buildCalendar(event({ description: `Join here: ${JOIN}` }));
    expect(onlyEvent(parse(text)).getFirstPropertyValue("description")).toBe(`Join here: ${JOIN}`);
  });

  it("gives an empty description the join link alone", () => {
    const text = buildCalendar(event({ description: "" }));
    expect(onlyEvent(parse(text)).getFirstPropertyValue("description")).toBe(`Join: ${JOIN}`);
  });

  it("folds long non-ASCII lines by octets without splitting a character", () => {
    const summary = `Démo für Zoë 日本語のデモ — ${"Ünïcödé 😀 テスト ".repeat(12)}`;
    const description = `${"Straße über Café ✓ — 中文说明 🚀 ".repeat(20)}\n${JOIN}`;
    const text = buildCalendar(event({ summary, description }));
    expect(text.split("\r\n").length).toBeGreaterThan(30);
    expectWellFormedLines(text);
    const vevent = onlyEvent(parse(text));
    expect(vevent.getFirstPropertyValue("summary")).toBe(summary);
    expect(vevent.getFirstPropertyValue("description")).toBe(description);
  });
});

describe("buildCalendar: names and addresses", () => {
  it("keeps ORGANIZER and ATTENDEE parseable when names hold quotes, colons, semicolons and commas", () => {
    const text = buildCalendar(
      event({
        organizer: { name: 'Acme "Demo" Team: Sales; EMEA, West', email: "demos@acme.example" },
        attendee: { name: 'Doe, Jane "JD": CTO; Globex ^ Co', email: "jane@globex.example" },
      }),
    );
    expectWellFormedLines(text);
    const vevent = onlyEvent(parse(text));
    const organizer = property(vevent, "organizer");
    expect(organizer.getFirstValue()).toBe("mailto:demos@acme.example");
    expect(organizer.getParameter("cn")).toBe("Acme Demo Team: Sales; EMEA, West");
    const attendee = property(vevent, "attendee");
    expect(attendee.getFirstValue()).toBe("mailto:jane@globex.example");
    expect(attendee.getParameter("cn")).toBe("Doe, Jane JD: CTO; Globex ^ Co");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
  });

  it("cannot be made to add a property through a name or an address with CR/LF", () => {
    const text = buildCalendar(
      event({
        attendee: { name: "Eve\r\nATTENDEE:mailto:victim@example.com", email: "eve@example.com\r\nATTENDEE:mailto:x@y.z" },
      }),
    );
    expectWellFormedLines(text);
    const attendees = onlyEvent(parse(text)).getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter("cn")).toBe("Eve ATTENDEE:mailto:victim@example.com");
    expect(attendees[0]!.getFirstValue()).toBe("mailto:eve@example.comATTENDEE:mailto:x@y.z");
  });

  it("leaves CN out when the name is empty", () => {
    const text = buildCalendar(event({ attendee: { name: ' "" ', email: "jane@globex.example" } }));
    const attendee = property(onlyEvent(parse(text)), "attendee");
    expect(attendee.getParameter("cn")).toBeUndefined();
    expect(attendee.getFirstValue()).toBe("mailto:jane@globex.example");
  });
});

describe("buildCalendar: alarms and checks", () => {
  it.each([
    [90, "-PT1H30M", -5400],
    [60, "-PT1H", -3600],
    [1440, "-P1D", -86400],
    [1500, "-P1DT1H", -90000],
    [0, "PT0M", 0],
  ])("writes a %i-minute reminder as TRIGGER:%s", (minutes, trigger, seconds) => {
    const text = buildCalendar(event({ reminderMinutesBefore: minutes }));
    expect(text).toContain(`\r\nTRIGGER:${trigger}\r\n`);
    const alarm = onlyEvent(parse(text)).getFirstSubcomponent("valarm")!;
    expect((alarm.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(seconds);
  });

  it("has no alarm when no reminder is asked for", () => {
    expect(buildCalendar(event({ reminderMinutesBefore: undefined }))).not.toContain("VALARM");
  });

  it("rejects a negative or fractional SEQUENCE, an event that ends before it starts, a bad reminder", () => {
    expect(() => buildCalendar(event({ sequence: -1 }))).toThrow(RangeError);
    expect(() => buildCalendar(event({ sequence: 1.5 }))).toThrow(RangeError);
    expect(() => buildCalendar(event({ end: new Date("2026-12-01T15:00:00Z") }))).toThrow(RangeError);
    expect(() => buildCalendar(event({ reminderMinutesBefore: -5 }))).toThrow(RangeError);
    expect(() => buildCalendar(event({ start: new Date("nope") }))).toThrow(RangeError);
  });

  it("formats UTC date-times without separators or milliseconds", () => {
    expect(formatUtcDateTime(new Date("2026-03-08T07:05:09.123Z"))).toBe("20260308T070509Z");
  });
});

describe("buildCalendar: any text", () => {
  it("keeps every line within 75 octets with CRLF, and ical.js reads back summary, description and names", () => {
    const anyText = fc.string({ unit: "binary", maxLength: 200 });
    fc.assert(
      fc.property(anyText, anyText, anyText, (summary, body, name) => {
        const description = `${body}\n${JOIN}`;
        const text = buildCalendar(event({ summary, description, organizer: { name, email: "demos@acme.example" } }));
        expectWellFormedLines(text);
        const vevent = onlyEvent(parse(text));
        expect(vevent.getFirstPropertyValue("summary")).toBe(normalisedText(summary));
        expect(vevent.getFirstPropertyValue("description")).toBe(normalisedText(description));
        const organizer = property(vevent, "organizer");
        expect(organizer.getFirstValue()).toBe("mailto:demos@acme.example");
        const cleanName = name.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/"/g, "").trim();
        expect(organizer.getParameter("cn")).toBe(cleanName === "" ? undefined : cleanName);
      }),
      { numRuns: 300 },
    );
  });
});
