// Core: the raw RFC 5322 / MIME message a Mailer sends (SESv2 Content.Raw). For an invitation the shape
// is the one calendar clients look for (INVITES.md items 1–7): multipart/mixed whose first child is
// multipart/alternative with text, HTML and the text/calendar part, then an invite.ics copy attached.

export interface MailAddress {
  name: string;
  email: string;
}

export interface MimeMessageInput {
  from: MailAddress;
  to: MailAddress;
  replyTo?: MailAddress;
  subject: string;
  date: Date;
  /** Without angle brackets, e.g. "abc@acme.example". */
  messageId: string;
  text: string;
  html: string;
  /** iCalendar text; `method` must equal its METHOD line. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** Extra headers, e.g. List-Unsubscribe; values are sanitised like every other header. */
  headers?: Record<string, string>;
  /** Boundaries are derived from it: core has no randomness, and tests compare whole messages. */
  boundarySeed: string;
}

const CRLF = "\r\n";
const MAX_HEADER_LINE = 78;
const MAX_LINE = 998;
const BODY_LINE = 76;
// 39 octets make 52 base64 characters: "=?UTF-8?B?" + 52 + "?=" is 64, so "Subject: " and a word fit in 78.
const ENCODED_WORD_OCTETS = 39;
const LONGEST_PLAIN_WORD = 66;
const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Headers this module writes itself; an extra header may not replace or add to them.
const RESERVED_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date", "message-id", "mime-version",
  "content-type", "content-transfer-encoding", "content-disposition",
]);

const utf8 = new TextEncoder();

export function buildMimeMessage(input: MimeMessageInput): string {
  const body = input.calendar ? mixedBody(input, input.calendar) : alternativeBody(input);
  const headers = [...messageHeaders(input), ...body.headers];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body.content}`;
}

interface Part {
  headers: string[];
  content: string;
}

function messageHeaders(input: MimeMessageInput): string[] {
  const headers = [
    foldHeader(`From: ${formatAddress(input.from)}`),
    foldHeader(`To: ${formatAddress(input.to)}`),
  ];
  if (input.replyTo) headers.push(foldHeader(`Reply-To: ${formatAddress(input.replyTo)}`));
  headers.push(
    foldHeader(`Subject: ${encodeUnstructured(input.subject)}`),
    `Date: ${formatDate(input.date)}`,
    `Message-ID: <${cleanMessageId(input.messageId)}>`,
    "MIME-Version: 1.0",
  );
  for (const [name, value] of Object.entries(input.headers ?? {})) headers.push(extraHeader(name, value));
  return headers;
}

/**
 * Extra headers may be structured (List-Unsubscribe: <https://...>), where encoded-words are not allowed,
 * so ASCII stays as it is, however long its words; only non-ASCII text is encoded.
 */
function extraHeader(name: string, value: string): string {
  const clean = cleanHeaderText(value);
  const text = /[^\x20-\x7e]/.test(clean) ? encodedWords(clean) : clean;
  const header = foldHeader(`${checkHeaderName(name)}: ${text}`);
  if (header.split(CRLF).some((line) => line.length > MAX_LINE)) {
    throw new Error(`header ${name} has a line over ${MAX_LINE} characters`);
  }
  return header;
}

function mixedBody(input: MimeMessageInput, calendar: { method: string; content: string }): Part {
  checkCalendarMethod(calendar.method, calendar.content);
  const boundary = boundaryFor("mixed", input.boundarySeed);
  const alternative = alternativeBody(input, calendarPart(calendar.method, calendar.content));
  const attachment: Part = {
    headers: [
      'Content-Type: application/ics; name="invite.ics"',
      'Content-Disposition: attachment; filename="invite.ics"',
      "Content-Transfer-Encoding: base64",
    ],
    content: encodeBase64Lines(calendar.content),
  };
  return multipart("mixed", boundary, [alternative, attachment]);
}

function alternativeBody(input: MimeMessageInput, calendar?: Part): Part {
  const parts = [textPart("plain", input.text), textPart("html", input.html)];
  if (calendar) parts.push(calendar);
  return multipart("alternative", boundaryFor("alt", input.boundarySeed), parts);
}

function textPart(subtype: "plain" | "html", text: string): Part {
  return {
    headers: [`Content-Type: text/${subtype}; charset=UTF-8`, "Content-Transfer-Encoding: quoted-printable"],
    content: encodeQuotedPrintable(text),
  };
}

/** No Content-Disposition: with one, Outlook shows a file instead of the invitation (item 3). */
function calendarPart(method: string, content: string): Part {
  return {
    headers: [`Content-Type: text/calendar; charset=UTF-8; method=${method}`, "Content-Transfer-Encoding: base64"],
    content: encodeBase64Lines(content),
  };
}

function multipart(subtype: "mixed" | "alternative", boundary: string, parts: Part[]): Part {
  const sections = parts.map((part) => `--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}${part.content}`);
  return {
    headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"`],
    content: `${sections.join(CRLF)}${CRLF}--${boundary}--${CRLF}`,
  };
}

/** The `method=` parameter must equal the calendar's METHOD, or clients show no invitation (item 2). */
function checkCalendarMethod(method: string, content: string): void {
  const match = /(?:^|\r\n)METHOD:([^\r\n]*)\r\n/.exec(content);
  if (match?.[1] !== method) {
    throw new Error(`calendar METHOD is ${match?.[1] ?? "missing"}, the MIME part says ${method}`);
  }
}

/**
 * "=_" never occurs in quoted-printable or base64 output, so the boundary cannot collide with a body
 * line; "mixed" and "alt" keep either boundary from being a prefix of the other.
 */
function boundaryFor(kind: "mixed" | "alt", seed: string): string {
  const clean = seed.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 50);
  return `=_${kind}_${clean}`;
}

function checkHeaderName(name: string): string {
  if (!/^[!-9;-~]+$/.test(name)) throw new Error(`not a header name: ${JSON.stringify(name)}`);
  if (RESERVED_HEADERS.has(name.toLowerCase())) throw new Error(`header ${name} is written by buildMimeMessage`);
  return name;
}

/**
 * Header text from user input: every control character (CR and LF above all: header injection) and the
 * Unicode line separators become one space.
 */
function cleanHeaderText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}

function cleanMessageId(id: string): string {
  return id.replace(/[^!-~]|[<>]/g, "");
}

/** RFC 5322 date-time in UTC: "Tue, 01 Dec 2026 16:00:00 +0000". */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("the Date header needs a valid date");
  return date.toUTCString().replace(/GMT$/, "+0000");
}

/** `Name <email>`, the name as atoms, a quoted string, or RFC 2047 encoded-words, as it needs. */
function formatAddress(address: MailAddress): string {
  const email = address.email.replace(/[\s\u0000-\u001f\u007f<>]/g, "");
  const name = cleanHeaderText(address.name);
  if (name === "") return email;
  return `${formatDisplayName(name)} <${email}>`;
}

function formatDisplayName(name: string): string {
  if (needsEncodedWords(name)) return encodedWords(name);
  // atext and spaces only: the name can stand as it is.
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return name;
  return `"${name.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** Unstructured header text (Subject): plain when it can be folded as is, else encoded. */
function encodeUnstructured(value: string): string {
  const clean = cleanHeaderText(value);
  return needsEncodedWords(clean) ? encodedWords(clean) : clean;
}

/**
 * Non-ASCII needs RFC 2047; so does text that looks like an encoded-word (a reader would decode it) and
 * a word too long to fold, which could otherwise push a line past 998 characters.
 */
function needsEncodedWords(text: string): boolean {
  if (/[^\x20-\x7e]/.test(text) || text.includes("=?")) return true;
  return text.split(" ").some((word) => word.length > LONGEST_PLAIN_WORD);
}

/** `=?UTF-8?B?...?=` words of whole characters, separated by spaces so the header can fold between them. */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = Array.from(utf8.encode(char));
    if (chunk.length + bytes.length > ENCODED_WORD_OCTETS) {
      words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
  return words.join(" ");
}

/**
 * Folds a header line before spaces so each line stays within 78 characters where a space allows it
 * (RFC 5322 2.2.3: unfolding removes only the CRLF, so the text is unchanged).
 */
function foldHeader(line: string): string {
  const lines: string[] = [];
  let rest = line;
  while (rest.length > MAX_HEADER_LINE) {
    const at = foldPoint(rest);
    if (at <= 0) break;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  lines.push(rest);
  return lines.join(CRLF);
}

/** The last space within the limit, else the first one after it; never the leading space of a line. */
function foldPoint(line: string): number {
  const before = line.lastIndexOf(" ", MAX_HEADER_LINE);
  if (before > 0 && line.slice(0, before).trim() !== "") return before;
  return line.indexOf(" ", MAX_HEADER_LINE);
}

/**
 * Quoted-printable (RFC 2045 6.7) of UTF-8 text. Every newline form becomes a CRLF hard break; "=",
 * controls and non-ASCII octets are =XX; a space or tab ending a line is encoded so transports cannot
 * strip it; soft breaks keep every line within 76 characters without splitting an =XX.
 */
function encodeQuotedPrintable(text: string): string {
  return text.split(/\r\n|\r|\n/).map(encodeQuotedPrintableLine).join(CRLF);
}

function encodeQuotedPrintableLine(line: string): string {
  const bytes = utf8.encode(line);
  const lines: string[] = [];
  let current = "";
  bytes.forEach((byte, index) => {
    const token = quotedPrintableToken(byte, index === bytes.length - 1);
    if (current.length + token.length > BODY_LINE - 1) {
      lines.push(`${current}=`);
      current = "";
    }
    current += token;
  });
  lines.push(current);
  return lines.join(CRLF);
}

function quotedPrintableToken(byte: number, endsLine: boolean): string {
  const printable = byte >= 33 && byte <= 126 && byte !== 61;
  const blank = (byte === 32 || byte === 9) && !endsLine;
  if (printable || blank) return String.fromCharCode(byte);
  return `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

function encodeBase64Lines(text: string): string {
  const encoded = encodeBase64(utf8.encode(text));
  const lines: string[] = [];
  for (let at = 0; at < encoded.length; at += BODY_LINE) lines.push(encoded.slice(at, at + BODY_LINE));
  return lines.join(CRLF);
}

function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let at = 0; at < bytes.length; at += 3) {
    const count = Math.min(3, bytes.length - at);
    const triple = ((bytes[at] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
    for (let sextet = 0; sextet < 4; sextet++) {
      out += sextet <= count ? BASE64_ALPHABET.charAt((triple >> (18 - 6 * sextet)) & 63) : "=";
    }
  }
  return out;
}
