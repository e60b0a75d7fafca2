// Core: the pieces every e-mail of a booking's life is made of — body lines rendered as text and as
// escaped HTML, times shown in the reader's zone, names, tel: links and Message-ID parts. Shared by the
// invitation (invitation.ts) and the lifecycle messages (lifecycle-messages.ts) so both read alike.

import { DateTime } from "luxon";

/** What a composer hands back when there is no calendar part; ComposedEmail adds one. */
export interface PlainEmail {
  to: string;
  subject: string;
  raw: string;
}

/** One line of a body: rendered as text, and as HTML with the user's text escaped. */
export interface BodyLine {
  label?: string;
  text: string;
  href?: string;
  /** Between label and text; ": " unless a sentence runs on ("Call Jane now at" + " " + phone). */
  separator?: string;
  /** HTML: large and bold, for the one thing the reader should do (join, call). */
  prominent?: boolean;
  /** HTML: the label alone is the link (a one-click choice); the text form still shows the URL. */
  button?: boolean;
}

/** The contact details of a person who asked for a demo, as both the rep and a manager need them. */
export interface ContactPerson {
  name: string;
  email: string;
  phone?: string;
  company?: string;
  teamSize?: number;
  interest?: string;
}

/** Name, company, e-mail, phone (tel: link), team size, interest and notes; what was not given is left out. */
export function contactLines(person: ContactPerson, options: { notes?: string; phoneText?: (phone: string) => string } = {}): BodyLine[] {
  const lines: BodyLine[] = [{ label: "Name", text: person.name }];
  if (person.company) lines.push({ label: "Company", text: person.company });
  lines.push({ label: "E-mail", text: person.email, href: `mailto:${person.email}` });
  if (person.phone) lines.push({ label: "Phone", text: (options.phoneText ?? String)(person.phone), href: telLink(person.phone) });
  if (person.teamSize !== undefined) lines.push({ label: "Team size", text: String(person.teamSize) });
  if (person.interest) lines.push({ label: "Wants to see", text: person.interest });
  if (options.notes) lines.push({ label: "Notes", text: options.notes });
  return lines;
}

/** Phones are stored in E.164; keep only "+" and digits so the link dials from any phone. */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** "+1 312 555 0199" for a North American number; other countries' groupings vary, so E.164 as is. */
export function displayPhone(phone: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : phone;
}

/** "Tue, Dec 1, 10:00 AM" in the zone: the short form subjects use. */
export function formatInZone(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("ccc, LLL d, h:mm a");
}

/** "10:00 AM" in the zone. */
export function formatTime(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("h:mm a");
}

/** "CST", or "GMT+1" where en-US has no abbreviation for the zone. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("ZZZZ");
}

/** "Tuesday, December 1, 2026, 10:00 AM – 10:30 AM". */
export function formatRange(start: Date, end: Date, timeZone: string): string {
  const from = inZone(start, timeZone);
  return `${from.toFormat("cccc, LLLL d, yyyy, h:mm a")} – ${inZone(end, timeZone).toFormat("h:mm a")}`;
}

/** "Tuesday, December 1, 2026, 10:00 AM". */
export function formatLong(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat("cccc, LLLL d, yyyy, h:mm a");
}

/** Whole calendar days from `now`'s local date to `date`'s, in the zone: 0 today, 1 tomorrow. */
export function calendarDaysBetween(now: Date, date: Date, timeZone: string): number {
  const from = inZone(now, timeZone).startOf("day");
  const to = inZone(date, timeZone).startOf("day");
  return Math.round(to.diff(from, "days").days);
}

export function inZone(date: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(date, { zone: timeZone }).setLocale("en-US");
  // An unknown zone would print "Invalid DateTime" into the subject; fail instead.
  if (!local.isValid) throw new RangeError(`cannot show ${date.toISOString()} in time zone ${timeZone}`);
  return local;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** A short, stable tag of an address for Message-IDs (FNV-1a, base 36). */
export function addressTag(email: string): string {
  let hash = 0x811c9dc5;
  for (const char of email.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}

export function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) throw new Error(`the sender address has no domain: ${email}`);
  return email.slice(at + 1);
}

export function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function renderText(paragraphs: BodyLine[][]): string {
  const blocks = paragraphs.map((lines) => lines.map(renderTextLine).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

function renderTextLine(line: BodyLine): string {
  return line.label ? `${line.label}${line.separator ?? ": "}${line.text}` : line.text;
}

export function renderHtml(paragraphs: BodyLine[][]): string {
  const blocks = paragraphs.map((lines) => `<p>${lines.map(renderHtmlLine).join("<br>\n")}</p>`);
  return `<!doctype html>\n<html><body>\n${blocks.join("\n")}\n</body></html>\n`;
}

function renderHtmlLine(line: BodyLine): string {
  const html = line.button && line.href && line.label ? buttonHtml(line.label, line.href) : labelledHtml(line);
  return line.prominent ? `<span style="font-size:20px;font-weight:bold">${html}</span>` : html;
}

function labelledHtml(line: BodyLine): string {
  const label = line.label ? `${escapeHtml(line.label)}${escapeHtml(line.separator ?? ": ")}` : "";
  const text = escapeHtml(line.text).replace(/\r\n|\r|\n/g, "<br>\n");
  if (!line.href) return `${label}${text}`;
  return `${label}<a href="${escapeHtml(line.href)}">${text}</a>`;
}

function buttonHtml(label: string, href: string): string {
  const style = "display:inline-block;padding:6px 14px;margin:2px 0;border:1px solid #1a56db;border-radius:6px;color:#1a56db;text-decoration:none";
  return `<a href="${escapeHtml(href)}" style="${style}">${escapeHtml(label)}</a>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
