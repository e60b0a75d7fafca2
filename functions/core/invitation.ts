// Core: the booking invitation e-mails, one per recipient (INVITES.md item 6): the prospect's and the rep's.
// Each is a full iMIP message (text, HTML, the REQUEST calendar part, an invite.ics copy) with every time
// shown in the reader's own zone. Pure: `now` and all data come in, the raw message comes out.

import { DateTime } from "luxon";
import type { Prospect } from "./booking";
import { buildCalendar } from "./icalendar";
import type { CalendarPerson } from "./icalendar";
import { buildMimeMessage } from "./mime-message";
import type { MailAddress } from "./mime-message";

export interface InvitationInput {
  recipient: "prospect" | "rep";
  /** DTSTAMP and the Date header. */
  now: Date;
  company: { name: string };
  /** From and ORGANIZER: a mailbox that receives replies, never the recipient. */
  sender: MailAddress;
  offering: { title: string; description?: string; durationMinutes: number };
  booking: {
    id: string;
    start: Date;
    end: Date;
    icalUid: string;
    sequence: number;
    joinUrl: string;
    manageUrl: string;
    notes?: string;
  };
  prospect: Prospect & { timeZone: string };
  rep: { name: string; email: string; phone?: string; timeZone: string };
  /** The other participant of a two-pool offering (for the rep's message: the other rep). */
  cohost?: { name: string; label: string };
}

export interface ComposedEmail {
  to: string;
  subject: string;
  raw: string;
  calendar: string;
}

const REMINDER_MINUTES = 15;

/** One line of a body: rendered as text, and as HTML with the user's text escaped. */
interface BodyLine {
  label?: string;
  text: string;
  href?: string;
}

/** What differs between the two messages; composeInvitation does the rest. */
interface Draft {
  to: CalendarPerson;
  replyTo?: MailAddress;
  subject: string;
  summary: string;
  description: string;
  paragraphs: BodyLine[][];
}

export function composeInvitation(input: InvitationInput): ComposedEmail {
  const draft = input.recipient === "prospect" ? prospectDraft(input) : repDraft(input);
  if (sameMailbox(draft.to.email, input.sender.email)) {
    // Gmail shows no Accept/Decline on an event the reader organises (item 14).
    throw new Error("the sender (ORGANIZER) must not be the recipient of the invitation");
  }
  const calendar = buildCalendar({
    method: "REQUEST",
    uid: input.booking.icalUid,
    sequence: input.booking.sequence,
    stamp: input.now,
    start: input.booking.start,
    end: input.booking.end,
    summary: draft.summary,
    description: draft.description,
    joinUrl: input.booking.joinUrl,
    organizer: input.sender,
    attendee: draft.to,
    reminderMinutesBefore: REMINDER_MINUTES,
  });
  // Per recipient: two reps of a two-pool demo get messages with different ids.
  const key = `${input.booking.id}.${input.recipient}.${addressTag(draft.to.email)}.${input.booking.sequence}`;
  const raw = buildMimeMessage({
    from: input.sender,
    to: draft.to,
    replyTo: draft.replyTo,
    subject: draft.subject,
    date: input.now,
    messageId: `${key}@${domainOf(input.sender.email)}`,
    text: renderText(draft.paragraphs),
    html: renderHtml(draft.paragraphs),
    calendar: { method: "REQUEST", content: calendar },
    boundarySeed: key,
  });
  return { to: draft.to.email, subject: draft.subject, raw, calendar };
}

/** To the prospect; replies go to the rep, who is the person they will meet. */
function prospectDraft(input: InvitationInput): Draft {
  const { booking, prospect, rep, company, offering } = input;
  const repFirst = firstName(rep.name);
  const when = `${formatRange(booking.start, booking.end, prospect.timeZone)} (${prospect.timeZone})`;
  const joinLine = { label: "Join", text: booking.joinUrl, href: booking.joinUrl };
  const manageLine = { label: "Need another time? Reschedule or cancel", text: booking.manageUrl, href: booking.manageUrl };
  const paragraphs: BodyLine[][] = [
    [{ text: `Hi ${firstName(prospect.name) || "there"},` }],
    [{ text: `Your ${offering.title} is confirmed.` }],
    [{ label: "When", text: when }, { label: "Who", text: `${repFirst} from ${company.name}${cohostText(input)}` }, joinLine],
  ];
  if (prospect.interest) paragraphs.push([{ label: "You asked to see", text: prospect.interest }]);
  paragraphs.push([manageLine], [{ text: company.name }]);
  const description = [offering.description, `With ${repFirst} from ${company.name}${cohostText(input)}`, `Join: ${booking.joinUrl}`, `${manageLine.label}: ${booking.manageUrl}`];
  return {
    to: { name: prospect.name, email: prospect.email },
    replyTo: { name: rep.name, email: rep.email },
    subject: `Confirmed: ${offering.title} with ${repFirst} — ${formatInZone(booking.start, prospect.timeZone)} (${prospect.timeZone})`,
    summary: `${offering.title} — ${company.name}`,
    description: description.filter(Boolean).join("\n"),
    paragraphs,
  };
}

/** To the rep: who is coming and what they want, in the rep's zone, with the prospect's own time beside it. */
function repDraft(input: InvitationInput): Draft {
  const { booking, prospect, rep, offering } = input;
  const who = prospect.company ? `${prospect.name} (${prospect.company})` : prospect.name;
  const details = prospectDetails(input);
  const description = [...details.map((line) => `${line.label}: ${line.text}`), `Join: ${booking.joinUrl}`];
  return {
    to: { name: rep.name, email: rep.email },
    subject: `New demo: ${who} — ${formatInZone(booking.start, rep.timeZone)} ${zoneAbbreviation(booking.start, rep.timeZone)}`,
    summary: `${offering.title}: ${who}`,
    description: description.join("\n"),
    paragraphs: [
      [{ text: `New booking: ${offering.title}` }],
      [
        { label: "When", text: `${formatRange(booking.start, booking.end, rep.timeZone)} (${rep.timeZone})` },
        { label: "Their local time", text: `${formatRange(booking.start, booking.end, prospect.timeZone)} (${prospect.timeZone})` },
        { label: "Join", text: booking.joinUrl, href: booking.joinUrl },
        ...(input.cohost ? [{ label: "With", text: `${input.cohost.name} (${input.cohost.label})` }] : []),
      ],
      details,
    ],
  };
}

function prospectDetails(input: InvitationInput): BodyLine[] {
  const { prospect, booking } = input;
  const lines: BodyLine[] = [{ label: "Name", text: prospect.name }];
  if (prospect.company) lines.push({ label: "Company", text: prospect.company });
  lines.push({ label: "E-mail", text: prospect.email, href: `mailto:${prospect.email}` });
  if (prospect.phone) lines.push({ label: "Phone", text: prospect.phone, href: telLink(prospect.phone) });
  if (prospect.teamSize !== undefined) lines.push({ label: "Team size", text: String(prospect.teamSize) });
  if (prospect.interest) lines.push({ label: "Wants to see", text: prospect.interest });
  if (booking.notes) lines.push({ label: "Notes", text: booking.notes });
  return lines;
}

/** " and Sam (Solutions engineer)" when a second participant joins. */
function cohostText(input: InvitationInput): string {
  return input.cohost ? ` and ${firstName(input.cohost.name)} (${input.cohost.label})` : "";
}

/** A short, stable tag of an address for Message-IDs (FNV-1a, base 36). */
function addressTag(email: string): string {
  let hash = 0x811c9dc5;
  for (const char of email.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** Phones are stored in E.164; keep only "+" and digits so the link dials from any phone. */
function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** "Tue, Dec 1, 10:00 AM" in the zone: the short form subjects use. */
function formatInZone(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("ccc, LLL d, h:mm a");
}

/** "CST", or "GMT+1" where en-US has no abbreviation for the zone. */
function zoneAbbreviation(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("ZZZZ");
}

/** "Tuesday, December 1, 2026, 10:00 AM – 10:30 AM". */
function formatRange(start: Date, end: Date, timeZone: string): string {
  const from = inZone(start, timeZone);
  return `${from.toFormat("cccc, LLLL d, yyyy, h:mm a")} – ${inZone(end, timeZone).toFormat("h:mm a")}`;
}

function inZone(date: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(date, { zone: timeZone }).setLocale("en-US");
  // An unknown zone would print "Invalid DateTime" into the subject; fail instead.
  if (!local.isValid) throw new RangeError(`cannot show ${date.toISOString()} in time zone ${timeZone}`);
  return local;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) throw new Error(`the sender address has no domain: ${email}`);
  return email.slice(at + 1);
}

function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function renderText(paragraphs: BodyLine[][]): string {
  const blocks = paragraphs.map((lines) => lines.map((line) => (line.label ? `${line.label}: ${line.text}` : line.text)).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

function renderHtml(paragraphs: BodyLine[][]): string {
  const blocks = paragraphs.map((lines) => `<p>${lines.map(renderHtmlLine).join("<br>\n")}</p>`);
  return `<!doctype html>\n<html><body>\n${blocks.join("\n")}\n</body></html>\n`;
}

function renderHtmlLine(line: BodyLine): string {
  const label = line.label ? `${escapeHtml(line.label)}: ` : "";
  const text = escapeHtml(line.text).replace(/\r\n|\r|\n/g, "<br>\n");
  if (!line.href) return `${label}${text}`;
  return `${label}<a href="${escapeHtml(line.href)}">${text}</a>`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
