// Core: the pieces every e-mail of a booking's or a webinar's life is made of — body lines rendered as text
// and as escaped HTML, times shown in the reader's zone, names, tel: links, Message-ID parts, the plain
// (calendar-less) message with its unsubscribe headers, and the invitation checks. Shared by invitation.ts,
// lifecycle-messages.ts and webinar-messages.ts so they all read alike.

import { DEFAULT_PRIMARY_COLOR, type CompanyIdentity } from "./brand";
import type { Prospect } from "../bookings/booking";
import type { KeyOf, Language } from "./catalogue";
import { COMMON_WORDS, commonMessage as message, countOf } from "./catalogues/common";
import { buildMimeMessage } from "./mime-message";
import type { MailAddress } from "./mime-message";
import { linkShortener, type LinkShortener, type ShortLink } from "./short-links";
import { localDateAt } from "../time/zoned-time";

/** What a composer hands back when there is no calendar part; ComposedEmail adds one. */
export interface PlainEmail {
  to: string;
  subject: string;
  raw: string;
  /** The short links its visible text shows, to be stored before it is sent (short-links.ts). */
  links?: ShortLink[];
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
  /** HTML: the label is the link, in the text's style (the address it shows in the text form is not shown). */
  labelLink?: boolean;
}

/** The contact details of a person who asked for a demo, as both the rep and a manager need them. */
export type ContactPerson = Pick<Prospect, "name" | "email" | "phone" | "company" | "teamSize" | "interest">;

/** Name, company, e-mail, phone (tel: link), team size, interest and notes; what was not given is left out. */
export function contactLines(person: ContactPerson, options: { notes?: string; phoneText?: (phone: string) => string; language?: Language } = {}): BodyLine[] {
  const label = (key: KeyOf<typeof COMMON_WORDS>) => message(options.language ?? "en", key);
  const lines: BodyLine[] = [{ label: label("rep.label.name"), text: person.name }];
  if (person.company) lines.push({ label: label("rep.label.company"), text: person.company });
  lines.push({ label: label("rep.label.email"), text: person.email, href: `mailto:${person.email}` });
  if (person.phone) lines.push({ label: label("rep.label.phone"), text: (options.phoneText ?? String)(person.phone), href: telLink(person.phone) });
  if (person.teamSize !== undefined) lines.push({ label: label("rep.label.teamSize"), text: String(person.teamSize) });
  if (person.interest) lines.push({ label: label("rep.label.wantsToSee"), text: person.interest });
  if (options.notes) lines.push({ label: label("rep.label.notes"), text: options.notes });
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

/** "Tue, Dec 1, 10:00 AM" in the zone ("Di., 1. Dez., 10:00" in German): the short form subjects use. */
export function formatInZone(date: Date, timeZone: string, language: Language = "en"): string {
  if (language !== "en") return localFormat(language, timeZone, "short").format(date);
  const local = inZone(date, timeZone);
  return `${local.weekday.slice(0, 3)}, ${local.month.slice(0, 3)} ${local.day}, ${clock(local)}`;
}

/** "Tue, Dec 1" in the zone: a day named without its time. */
export function formatDay(date: Date, timeZone: string, language: Language = "en"): string {
  if (language !== "en") return localFormat(language, timeZone, "day").format(date);
  const local = inZone(date, timeZone);
  return `${local.weekday.slice(0, 3)}, ${local.month.slice(0, 3)} ${local.day}`;
}

/** "10:00 AM" in the zone ("10:00" where the language reads a 24-hour clock). */
export function formatTime(date: Date, timeZone: string, language: Language = "en"): string {
  if (language !== "en") return localFormat(language, timeZone, "time").format(date);
  return clock(inZone(date, timeZone));
}

/** "CST", or "GMT+1" where en-US has no abbreviation for the zone. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  return inZone(date, timeZone).timeZoneName;
}

/** "Tuesday, December 1, 2026, 10:00 AM – 10:30 AM". */
export function formatRange(start: Date, end: Date, timeZone: string, language: Language = "en"): string {
  return `${formatLong(start, timeZone, language)} – ${formatTime(end, timeZone, language)}`;
}

/** "Tuesday, December 1, 2026, 10:00 AM" ("Dienstag, 1. Dezember 2026 um 10:00" in German). */
export function formatLong(date: Date, timeZone: string, language: Language = "en"): string {
  if (language !== "en") return localFormat(language, timeZone, "long").format(date);
  const local = inZone(date, timeZone);
  return `${local.weekday}, ${local.month} ${local.day}, ${local.year}, ${clock(local)}`;
}

type LocalForm = "long" | "short" | "day" | "time";

const LOCAL_FORMS: Record<LocalForm, Intl.DateTimeFormatOptions> = {
  long: { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" },
  short: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  day: { weekday: "short", month: "short", day: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
};

/**
 * Dates as the language writes them, by Intl (English keeps the forms above, which its tests pin down).
 * Cached per language, zone and form; an unknown zone fails here rather than printing something odd.
 */
const localFormats = new Map<string, Intl.DateTimeFormat>();

function localFormat(language: Language, timeZone: string, form: LocalForm): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${form}`;
  let format = localFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { timeZone, ...LOCAL_FORMS[form] });
    } catch {
      throw new RangeError(`cannot show times in time zone ${timeZone}`);
    }
    localFormats.set(key, format);
  }
  return format;
}

/** Whole calendar days from `now`'s local date to `date`'s, in the zone: 0 today, 1 tomorrow. */
export function calendarDaysBetween(now: Date, date: Date, timeZone: string): number {
  inZone(now, timeZone);
  const from = Date.parse(localDateAt(timeZone, now.getTime()));
  const to = Date.parse(localDateAt(timeZone, date.getTime()));
  return Math.round((to - from) / 86_400_000);
}

/** An instant's en-US names and numbers in a zone: "Tuesday", "December", "1", "2026", "10", "00", "AM", "CST". */
export interface LocalParts {
  weekday: string;
  month: string;
  day: string;
  year: string;
  hour: string;
  minute: string;
  dayPeriod: string;
  timeZoneName: string;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hourCycle: "h12",
      timeZoneName: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function inZone(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  try {
    for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  } catch {
    // An unknown zone (or an invalid date) must not print something odd into a subject: fail instead.
    throw new RangeError(`cannot show ${String(date)} in time zone ${timeZone}`);
  }
  return parts as unknown as LocalParts;
}

/** "10:00 AM": put together here, so the space is a plain one whatever the ICU version prints. */
function clock(local: LocalParts): string {
  return `${local.hour}:${local.minute} ${local.dayPeriod}`;
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

/**
 * The lines as a reader sees them: the text form shows every signed link short; the HTML part shows a labelled
 * line's label as its link (a button stays a button), so no address with a token is shown, and the link itself
 * stays whole. A signed link with no label to show is short in both.
 */
export function withShortLinks(paragraphs: BodyLine[][], shortener: LinkShortener): BodyLine[][] {
  return paragraphs.map((lines) =>
    lines.map((line) => {
      const text = shortener.shorten(line.text);
      if (text === line.text) return line;
      if (line.href && line.label) return { ...line, text, labelLink: true };
      return { ...line, text, ...(line.href ? { href: shortener.shorten(line.href) } : {}) };
    }),
  );
}

export function renderText(paragraphs: BodyLine[][]): string {
  const blocks = paragraphs.map((lines) => lines.map(renderTextLine).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

function renderTextLine(line: BodyLine): string {
  return line.label ? `${line.label}${line.separator ?? ": "}${line.text}` : line.text;
}

/** The body font: the brand's stack first, then the system's (no web font is fetched by a mail program). */
const SYSTEM_FONTS = '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The HTML part: one column at most 600 px wide (a phone shows it without sideways scrolling), the company's
 * header in its brand colour, readable type, buttons instead of raw addresses, and a dark scheme for the
 * mail programs that honour prefers-color-scheme. Inline styles: most mail programs drop <style> blocks,
 * so the dark scheme is the only thing that lives in one.
 */
export function renderHtml(paragraphs: BodyLine[][], company?: CompanyIdentity): string {
  const primary = company?.brand?.primaryColor ?? DEFAULT_PRIMARY_COLOR;
  const font = company?.brand?.fontStack ? `${company.brand.fontStack}, ${SYSTEM_FONTS}` : SYSTEM_FONTS;
  const blocks = paragraphs.map((lines) => `<p style="margin:0 0 16px">${lines.map((line) => renderHtmlLine(line, primary)).join("<br>\n")}</p>`);
  const card = `background:#ffffff;color:#16181d;padding:20px 16px;border-radius:${company ? "0 0 8px 8px" : "8px"};overflow-wrap:anywhere`;
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">',
    `<style>${DARK_SCHEME}</style></head>`,
    '<body class="ll-body" style="margin:0;padding:0;background:#f5f6fa">',
    `<div style="max-width:600px;margin:0 auto;padding:16px 12px;font-family:${escapeHtml(font)};font-size:16px;line-height:1.5">`,
    ...(company ? [headerHtml(company, primary)] : []),
    `<div class="ll-card" style="${card}">`,
    blocks.join("\n"),
    "</div></div></body></html>",
    "",
  ].join("\n");
}

/** Dark mail programs: dark page and card, light text, and links (not buttons) in a colour that reads on dark. */
const DARK_SCHEME =
  "@media (prefers-color-scheme: dark){.ll-body{background:#0f1115!important}.ll-card{background:#181b22!important;color:#eceef3!important}.ll-card a:not(.ll-button){color:#a5b4fc!important}}";

/** The company's name, after its logo, white on the brand colour (config guarantees AA contrast). */
function headerHtml(company: CompanyIdentity, primary: string): string {
  const logo = company.brand?.logoUrl ? `<img src="${escapeHtml(company.brand.logoUrl)}" alt="" height="32" style="height:32px;width:auto;vertical-align:middle;margin-right:10px;border:0">` : "";
  return `<div class="ll-header" style="background:${primary};color:#ffffff;padding:12px 16px;border-radius:8px 8px 0 0;font-size:18px;font-weight:bold">${logo}${escapeHtml(company.name)}</div>`;
}

function renderHtmlLine(line: BodyLine, primary: string): string {
  const html = line.button && line.href && line.label ? buttonHtml(line.label, line.href, primary) : labelledHtml(line);
  return line.prominent ? `<span style="font-size:20px;font-weight:bold">${html}</span>` : html;
}

function labelledHtml(line: BodyLine): string {
  if (line.labelLink && line.href && line.label) return `<a href="${escapeHtml(line.href)}">${escapeHtml(line.label)}</a>`;
  const label = line.label ? `${escapeHtml(line.label)}${escapeHtml(line.separator ?? ": ")}` : "";
  const text = escapeHtml(line.text).replace(/\r\n|\r|\n/g, "<br>\n");
  if (!line.href) return `${label}${text}`;
  return `${label}<a href="${escapeHtml(line.href)}">${text}</a>`;
}

function buttonHtml(label: string, href: string, primary: string): string {
  const style = `display:inline-block;padding:10px 18px;margin:4px 0;border-radius:6px;background:${primary};color:#ffffff;text-decoration:none;font-weight:600`;
  return `<a href="${escapeHtml(href)}" class="ll-button" style="${style}">${escapeHtml(label)}</a>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One-click unsubscribe (RFC 8058): the header's POST target, and optionally a page for the body link. */
export interface UnsubscribeLinks {
  /** List-Unsubscribe: must accept a POST of "List-Unsubscribe=One-Click". */
  unsubscribeUrl: string;
  /** Shown in the body (opened with GET); the one-click URL unless given. */
  unsubscribePageUrl?: string;
}

export type Rating = 1 | 2 | 3 | 4 | 5;

export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** Who sends, and the Date header: all a plain message needs besides its letter. */
export interface SendingContext {
  now: Date;
  sender: MailAddress;
  /** The site's address, under which signed links are shown short; absent, they are shown whole. */
  linkBase?: string;
  /** The HTML part's header and colours; absent, a plain layout in the default colour. */
  company?: CompanyIdentity;
}

/** Message-ID parts: kind, what it is about, and what makes this one differ from its siblings. */
export interface LetterId {
  kind: string;
  about: string;
  variant?: string;
}

/**
 * A message's text and HTML parts from its paragraphs, each signed link of our site shortened in the text and
 * shown by its label in the HTML; the shortener is handed back for the calendar part's text and the links to store.
 */
export function messageBodies(paragraphs: BodyLine[][], linkBase: string | undefined, now: Date, company?: CompanyIdentity): { text: string; html: string; shortener: LinkShortener } {
  const shortener = linkShortener(linkBase, now);
  const shown = withShortLinks(paragraphs, shortener);
  return { text: renderText(shown), html: renderHtml(shown, company), shortener };
}

/** What differs between plain messages; composePlainEmail does the rest. */
export interface Letter {
  id: LetterId;
  to: MailAddress;
  replyTo?: MailAddress;
  subject: string;
  paragraphs: BodyLine[][];
  /** Only for mail the reader may refuse (reminders, follow-ups). */
  unsubscribe?: UnsubscribeLinks;
}

/** Text and HTML, no calendar part: every message that is not an invitation. */
export function composePlainEmail(ctx: SendingContext, letter: Letter): PlainEmail {
  const key = letterKey(letter.id, letter.to.email);
  const { text, html, shortener } = messageBodies(letter.paragraphs, ctx.linkBase, ctx.now, ctx.company);
  const raw = buildMimeMessage({
    from: ctx.sender,
    to: letter.to,
    replyTo: letter.replyTo,
    subject: letter.subject,
    date: ctx.now,
    messageId: `${key}@${domainOf(ctx.sender.email)}`,
    text,
    html,
    headers: plainHeaders(letter),
    boundarySeed: key,
  });
  return { to: letter.to.email, subject: letter.subject, raw, links: shortener.links() };
}

/**
 * Unique per message and recipient: Gmail drops a message whose Message-ID it has already seen, so a
 * reminder for a rescheduled demo carries the new start. Parts are kept to atext so the id stays well formed.
 */
export function letterKey(id: LetterId, to: string): string {
  const parts = [id.kind, id.about, addressTag(to), ...(id.variant === undefined ? [] : [id.variant])];
  return parts.map((part) => part.replace(/[^A-Za-z0-9._-]/g, "-")).join(".");
}

/** Auto-Submitted stops vacation auto-replies (RFC 3834); one-click unsubscribe where the reader may refuse. */
function plainHeaders(letter: Letter): Record<string, string> {
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (letter.unsubscribe) {
    headers["List-Unsubscribe"] = `<${letter.unsubscribe.unsubscribeUrl.replace(/[\s<>]/g, "")}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return headers;
}

/** The body's unsubscribe link: the page when there is one, since a click is a GET. */
export function unsubscribeLines(label: string, links: UnsubscribeLinks): BodyLine[] {
  const url = links.unsubscribePageUrl ?? links.unsubscribeUrl;
  return [{ label, text: url, href: url }];
}

/** "Hi Jane,", or "Hi there," for someone we know only by address (in the reader's language). */
export function hello(name: string | undefined, language: Language = "en"): BodyLine[] {
  const first = firstName(name ?? "");
  return [{ text: first ? message(language, "hello.named", { name: first }) : message(language, "hello.anonymous") }];
}

/** A one-click choice: a button in HTML, the URL beside its label in text. */
export function buttonLine(link: { label: string; url: string }): BodyLine {
  return { label: link.label, text: link.url, href: link.url, button: true };
}

/** The five ratings, worded alike in every feedback request: each link opens the page with it chosen. */
export function ratingLines(ratingUrl: (rating: Rating) => string, language: Language = "en"): BodyLine[] {
  const ratings = RATINGS.map((rating) => buttonLine({ label: `${"★".repeat(rating)} ${rating}`, url: ratingUrl(rating) }));
  // A star opens the page with that rating chosen; nothing is sent until the person presses Send there.
  return [{ text: message(language, "feedback.ratings") }, ...ratings];
}

/** A "when" for a subject ("In 1 hour") and for a sentence ("starts in 1 hour"). */
export interface When {
  subject: string;
  sentence: string;
}

const MINUTE_MS = 60_000;
/** From 12 hours ahead a "when" names the day ("Tomorrow at 10:00 AM") rather than counting hours. */
const DAY_FORM_MINUTES = 12 * 60;

/** A reminder's "when": the day and time from 12 hours ahead, else a count of minutes or hours. */
export function reminderWhen(now: Date, start: Date, timeZone: string, minutesBefore: number, language: Language = "en"): When {
  if (!Number.isFinite(minutesBefore) || minutesBefore < 0) throw new RangeError(`minutesBefore must be ≥ 0, got ${minutesBefore}`);
  if (minutesBefore >= DAY_FORM_MINUTES) return dayWhen(now, start, timeZone, false, language);
  // The configured lead time, not start − now: a timer firing a few seconds late still says "In 1 hour".
  return countdownWhen(Math.round(minutesBefore), language);
}

/** Staff's "when": measured from now, since their timers' lead time is not passed in; staff see the zone. */
export function whenFromNow(now: Date, start: Date, timeZone: string, language: Language = "en"): When {
  const minutes = Math.round((start.getTime() - now.getTime()) / MINUTE_MS);
  return minutes >= DAY_FORM_MINUTES ? dayWhen(now, start, timeZone, true, language) : countdownWhen(minutes, language);
}

/** A "when" by the day and time ("is tomorrow at 8:30 AM"), whatever the lead time (a text moved out of quiet hours). */
export function clockWhen(now: Date, start: Date, timeZone: string, language: Language = "en"): When {
  return dayWhen(now, start, timeZone, false, language);
}

function dayWhen(now: Date, start: Date, timeZone: string, withZone: boolean, language: Language = "en"): When {
  const time = formatTime(start, timeZone, language) + (withZone ? ` ${zoneAbbreviation(start, timeZone)}` : "");
  const days = calendarDaysBetween(now, start, timeZone);
  const form = days === 0 ? "today" : days === 1 ? "tomorrow" : "day";
  const values = { time, day: form === "day" ? formatDay(start, timeZone, language) : "" };
  return { subject: message(language, `when.subject.${form}`, values), sentence: message(language, `when.sentence.${form}`, values) };
}

function countdownWhen(minutes: number, language: Language = "en"): When {
  if (minutes < 1) return { subject: message(language, "when.subject.now"), sentence: message(language, "when.sentence.now") };
  const values = { duration: duration(minutes, language) };
  return { subject: message(language, "when.subject.in", values), sentence: message(language, "when.sentence.in", values) };
}

/** "1 minute", "45 minutes", "1 hour", "1 hour 30 minutes", "2 days 3 hours" (in the language). */
export function duration(totalMinutes: number, language: Language = "en"): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return [countOf(language, "day", days), ...(hours > 0 ? [countOf(language, "hour", hours)] : [])].join(" ");
  if (hours > 0) return [countOf(language, "hour", hours), ...(minutes > 0 ? [countOf(language, "minute", minutes)] : [])].join(" ");
  return countOf(language, "minute", minutes);
}

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** What happened to an invited event: its first invitation, a reschedule, or a cancellation. */
export type EventChange = "new" | "update" | "cancel";

/** Calendars ignore an update or cancel whose SEQUENCE is not above the first invite's 0 (item 12). */
export function checkRaisedSequence(change: EventChange, sequence: number): void {
  if (change !== "new" && !(sequence >= 1)) {
    throw new RangeError(`an ${change} needs the raised SEQUENCE (≥ 1), got ${sequence}`);
  }
}

/** Gmail shows no Accept/Decline on an event the reader organises (item 14). */
export function checkNotOrganizer(recipient: string, sender: MailAddress): void {
  if (sameMailbox(recipient, sender.email)) {
    throw new Error("the sender (ORGANIZER) must not be the recipient of the invitation");
  }
}
