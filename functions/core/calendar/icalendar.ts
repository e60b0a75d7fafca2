// Core: the iCalendar text (RFC 5545) of one booking's invitation or cancellation, sent by iMIP — and of a
// public calendar entry (METHOD:PUBLISH, no attendee) that a page offers to anyone.
// Written by hand because the `ics` package gets invites wrong (INVITES.md items 9–21):
// METHOD is ours, one VEVENT, UTC times, escaped text, quoted names, lines folded by octets.

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEventInput {
  method: "REQUEST" | "CANCEL";
  /** Ours, stored with the booking, identical in every update and the cancel, e.g. "<uuid>@acme.example". */
  uid: string;
  /** 0 first, higher on each reschedule and on the cancel. */
  sequence: number;
  /** DTSTAMP: fresh for every message. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** Goes in LOCATION, URL, CONFERENCE and DESCRIPTION (appended when not already in it). */
  joinUrl: string;
  /** Must receive replies and must not be the attendee (Gmail shows no buttons on your own event). */
  organizer: CalendarPerson;
  /** The only ATTENDEE: one recipient per message. */
  attendee: CalendarPerson;
  /** REQUEST only; a cancelled event needs no alarm. */
  reminderMinutesBefore?: number;
}

/**
 * A public entry of an event (iTIP PUBLISH, RFC 5546 3.2.1): anyone may download it, so it names no
 * attendee and carries no join link; adding it to a calendar just shows the time.
 */
export interface PublishedEventInput {
  /** Ours and stable, so downloading it again updates the entry instead of adding a second one. */
  uid: string;
  /** Raised when the event moves or is cancelled. */
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** Where, in words ("Online"); never a join link. */
  location: string;
  /** A public page about the event. */
  url: string;
  organizer: CalendarPerson;
  cancelled: boolean;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const ANY_CONTROLS = /[\u0000-\u001f\u007f]+/g;

export function buildCalendar(event: CalendarEventInput): string {
  checkEvent(event);
  return calendarText(event.method, [
    ...timeLines(event),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(descriptionWithLink(event.description, event.joinUrl))}`,
    `LOCATION:${escapeText(event.joinUrl)}`,
    `URL:${cleanUri(event.joinUrl)}`,
    `CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join:${cleanUri(event.joinUrl)}`,
    `ORGANIZER${nameParameter(event.organizer.name)}:${mailto(event.organizer.email)}`,
    `ATTENDEE${nameParameter(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(event.attendee.email)}`,
    `STATUS:${event.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    ...alarmLines(event),
  ]);
}

/** A PUBLISH calendar of one VEVENT: ORGANIZER (RFC 5546 requires it), no ATTENDEE, no alarm. */
export function buildPublishedCalendar(event: PublishedEventInput): string {
  checkEvent(event);
  return calendarText("PUBLISH", [
    ...timeLines(event),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `URL:${cleanUri(event.url)}`,
    `ORGANIZER${nameParameter(event.organizer.name)}:${mailto(event.organizer.email)}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
  ]);
}

/** The calendar around one VEVENT's properties, folded, CRLF line ends. */
function calendarText(method: "REQUEST" | "CANCEL" | "PUBLISH", eventLines: string[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Liveline//Scheduler//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    ...eventLines,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function timeLines(event: { uid: string; sequence: number; stamp: Date; start: Date; end: Date }): string[] {
  return [
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtcDateTime(event.stamp)}`,
    `DTSTART:${formatUtcDateTime(event.start)}`,
    `DTEND:${formatUtcDateTime(event.end)}`,
  ];
}

/** iCalendar UTC DATE-TIME, "20261201T160000Z"; Google Calendar links use the same form. */
export function formatUtcDateTime(date: Date): string {
  // toISOString throws on an invalid Date, which is what we want: no event without a time.
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

function checkEvent(event: { sequence: number; start: Date; end: Date }): void {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`SEQUENCE must be a whole number ≥ 0, got ${event.sequence}`);
  }
  if (!(event.end.getTime() > event.start.getTime())) {
    throw new RangeError("an event must end after it starts");
  }
}

function alarmLines(event: CalendarEventInput): string[] {
  const minutes = event.reminderMinutesBefore;
  if (event.method !== "REQUEST" || minutes === undefined) return [];
  return [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(event.summary)}`,
    `TRIGGER:${minutes > 0 ? "-" : ""}${formatDuration(minutes)}`,
    "END:VALARM",
  ];
}

/** RFC 5545 dur-value from whole minutes: PT15M, PT1H30M, P1D, P1DT2H — never a dangling "T". */
function formatDuration(totalMinutes: number): string {
  if (!Number.isInteger(totalMinutes) || totalMinutes < 0) {
    throw new RangeError(`a duration must be whole minutes ≥ 0, got ${totalMinutes}`);
  }
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const datePart = days > 0 ? `${days}D` : "";
  let timePart = (hours > 0 ? `${hours}H` : "") + (minutes > 0 ? `${minutes}M` : "");
  if (timePart === "" && datePart === "") timePart = "0M";
  return `P${datePart}${timePart === "" ? "" : `T${timePart}`}`;
}

function descriptionWithLink(description: string, joinUrl: string): string {
  if (description.includes(joinUrl)) return description;
  if (description.trim() === "") return `Join: ${joinUrl}`;
  return `${description}\n\nJoin: ${joinUrl}`;
}

/** TEXT value (RFC 5545 3.3.11): backslash, ";", "," and newlines escaped; colons need no escape. */
function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // RFC 5545 CONTROL: every C0 character but HTAB (and the newlines just normalised), and DEL.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/**
 * `;CN="..."`, or nothing for an empty name. The value is always quoted, so ":", ";" and "," are safe;
 * a double quote cannot be escaped inside it, so it is dropped (parsers drop the whole property
 * otherwise), and "^" is written "^^" (RFC 6868), which ical.js and others decode.
 */
function nameParameter(name: string): string {
  const clean = name.replace(ANY_CONTROLS, " ").replace(/"/g, "").trim();
  if (clean === "") return "";
  return `;CN="${clean.replace(/\^/g, "^^")}"`;
}

function mailto(email: string): string {
  return `mailto:${email.replace(/[\s\u0000-\u001f\u007f]/g, "")}`;
}

/** URI values are not escaped, but a control character would end the line early. */
function cleanUri(uri: string): string {
  return uri.replace(ANY_CONTROLS, "");
}

/**
 * Folds one content line at 75 octets of UTF-8 (RFC 5545 3.1). Walks code points, so a multi-byte
 * character (or a surrogate pair) is never split; a continuation line's leading space counts too.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let currentOctets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const octets = utf8Length(char);
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = "";
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3; // a lone surrogate is sent as U+FFFD: 3 octets too
  return 4;
}
