// Core: which stored items are about one person, what of them an export shows, and how an erase leaves
// the rest — pure functions over the table's items, so the rules are tested without a table. A person is
// found by their e-mail address; their name and phone numbers, read from their own records, are then
// searched for too, so a message that names them without the address is found as well.

import { addressKey } from "./protection";
import { sessionStartOf } from "../webinars/session-schedule";

export interface StoredItem {
  pk: string;
  sk: string;
  [attribute: string]: unknown;
}

export interface PersonIdentifiers {
  email: string;
  /** E.164 numbers, compared without spaces, dashes and brackets. */
  phones: string[];
  /** Full names (at least two words or six letters: shorter ones would match strangers). */
  names: string[];
}

export const ERASED = "[erased]";

export function identifiersOf(email: string, items: readonly StoredItem[]): PersonIdentifiers {
  const address = email.trim().toLowerCase();
  const phones = new Set<string>();
  const names = new Set<string>();
  for (const item of items) {
    visitObjects(item, (node) => {
      if (typeof node.email !== "string" || node.email.toLowerCase() !== address) return;
      if (typeof node.phone === "string" && node.phone.length >= 7) phones.add(digitsOf(node.phone));
      if (typeof node.name === "string" && isDistinctiveName(node.name)) names.add(node.name.trim());
    });
  }
  return { email: address, phones: [...phones], names: [...names] };
}

function isDistinctiveName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.split(/\s+/).length >= 2 || trimmed.length >= 6;
}

const digitsOf = (phone: string) => phone.replace(/[\s().-]/g, "");

/**
 * Whether a text names the person (address, phone or name), case-insensitively, each as a whole: ann@x.example
 * is not in joann@x.example nor in ann@x.example.org, "Ann Lee" is not in "Joann Leeds", +33123456789 is not
 * in +331234567890 (a substring match exported and erased other people's data). A phone is compared without
 * its spacing; it starts with "+", so whatever stands before it (a date) does not matter.
 */
export function textMentions(text: string, who: PersonIdentifiers): boolean {
  const lower = text.toLowerCase();
  if (mentionsAddress(lower, who.email)) return true;
  if (who.names.some((name) => containsWhole(lower, name.toLowerCase(), isNameCharacter, isNameCharacter))) return true;
  if (who.phones.length > 0) {
    const compact = digitsOf(text);
    if (who.phones.some((phone) => containsWhole(compact, phone, phone.startsWith("+") ? never : isDigit, isDigit))) return true;
  }
  return false;
}

/** Whether a lower-cased text holds this lower-cased address as a whole address, not as the end or start of a longer one. */
export function mentionsAddress(lowerText: string, address: string): boolean {
  return containsWhole(lowerText, address, continuesLocalPart, continuesDomain);
}

function containsWhole(text: string, part: string, continuesBefore: (text: string, at: number) => boolean, continuesAfter: (text: string, at: number) => boolean): boolean {
  if (part === "") return false;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    if (!continuesBefore(text, at - 1) && !continuesAfter(text, at + part.length)) return true;
  }
  return false;
}

const isNameCharacter = (text: string, at: number) => /[\p{L}\p{N}]/u.test(text.charAt(at));
const isDigit = (text: string, at: number) => /\d/.test(text.charAt(at));
const never = () => false;
/**
 * The characters of a longer address's local part before the one searched for: letters, digits and . _ + -
 * (what addresses use in practice), and an apostrophe inside a name (o'brien@…). Anything else ends it: a
 * key's "#", a query's "=", a path's "/", a quote.
 */
const continuesLocalPart = (text: string, at: number) => /[a-z0-9._+-]/.test(text.charAt(at)) || (text.charAt(at) === "'" && /[a-z0-9]/.test(text.charAt(at - 1)));
/** A domain goes on after it with a letter, digit or dash, or with a dot and another label (x.co → x.co.uk). */
const continuesDomain = (text: string, at: number) => /[a-z0-9_-]/.test(text.charAt(at)) || (text.charAt(at) === "." && /[a-z0-9]/.test(text.charAt(at + 1)));

export function itemMentions(item: StoredItem, who: PersonIdentifiers): boolean {
  let found = false;
  visitStrings(item, (text) => {
    if (!found && textMentions(text, who)) found = true;
  });
  return found;
}

/**
 * Whether an item is abuse protection's about the person's address — its key holds the address's hash
 * (core/protection.ts addressKey): the colleagues counter, the answered mark, the live bookings, the mails
 * sent. Nothing in them names the person, so only the hash finds them; an erase removes them with the rest.
 */
export function addressHashItems(who: PersonIdentifiers): (item: StoredItem) => boolean {
  const hash = addressKey(who.email);
  return (item) => item.pk.includes(hash);
}

/** The partitions that are this person's alone: their leads, their bookings and those bookings' feedback. */
export function ownedPartitions(items: readonly StoredItem[], who: PersonIdentifiers): Set<string> {
  const owned = new Set<string>();
  for (const item of items) {
    if (item.sk === "LEAD" && (emailOf(item) ?? emailOf(item.prospect)) === who.email) owned.add(item.pk);
    if (item.sk === "BOOKING" && emailOf(item.prospect) === who.email) {
      owned.add(item.pk);
      owned.add(`FEEDBACK#${String(item.pk).slice("BOOKING#".length)}`);
    }
  }
  return owned;
}

function emailOf(value: unknown): string | undefined {
  const email = (value as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.toLowerCase() : undefined;
}

export interface ErasePlan {
  remove: StoredItem[];
  /** Items others still need (a group registration, a session's list), with the person's data taken out. */
  replace: StoredItem[];
}

/**
 * What erasing leaves: items of the person's own partitions, items whose key names them (a seat, a plain
 * suppression entry) or holds their address's hash (abuse protection's counters and marks) and idempotency
 * records (replayable answers) go; any other item that mentions them stays with every mention replaced (a
 * member of someone else's group keeps a place, not a name).
 */
export function erasePlan(items: readonly StoredItem[], who: PersonIdentifiers, owned: ReadonlySet<string>): ErasePlan {
  const plan: ErasePlan = { remove: [], replace: [] };
  const hashed = addressHashItems(who);
  for (const item of items) {
    const keyMentions = textMentions(item.pk, who) || textMentions(item.sk, who) || hashed(item);
    if (owned.has(item.pk) || keyMentions || item.pk.startsWith("IDEMP#")) plan.remove.push(item);
    else if (itemMentions(item, who)) plan.replace.push(anonymised(item, who));
  }
  // The lead items go last: they are how the retention sweep finds a person (inactiveAddresses), so an erase
  // cut off part-way leaves them, and the next sweep finishes it.
  plan.remove.sort((a, b) => Number(a.sk === "LEAD") - Number(b.sk === "LEAD"));
  return plan;
}

/** The item with every object that is the person blanked and every string that names them replaced. */
export function anonymised(item: StoredItem, who: PersonIdentifiers): StoredItem {
  return scrub(item, who) as StoredItem;
}

const PERSONAL_FIELDS = ["name", "email", "phone", "company", "notes", "interest", "note", "comment"];

function scrub(value: unknown, who: PersonIdentifiers): unknown {
  if (typeof value === "string") return textMentions(value, who) ? scrubbedText(value, who) : value;
  if (Array.isArray(value)) return value.map((inner) => scrub(inner, who));
  if (value instanceof Set) return new Set([...value].map((inner) => scrub(inner, who)));
  if (value && typeof value === "object") {
    const node = value as Record<string, unknown>;
    const isThePerson = emailOf(node) === who.email;
    return Object.fromEntries(
      Object.entries(node).map(([key, inner]) => [key, isThePerson && PERSONAL_FIELDS.includes(key) && typeof inner === "string" ? ERASED : scrub(inner, who)]),
    );
  }
  return value;
}

/**
 * A text that names the person: erased whole — unless it is a JSON document (a webhook delivery's stored body),
 * which keeps its shape with the person's details erased inside, so a resend still sends a valid event.
 */
function scrubbedText(text: string, who: PersonIdentifiers): string {
  if (!/^\s*[{[]/.test(text)) return ERASED;
  try {
    return JSON.stringify(scrub(JSON.parse(text), who));
  } catch {
    return ERASED;
  }
}

/** One JSON document of everything held about the person, grouped by what it is. */
export interface PersonalDataExport {
  email: string;
  exportedAt: string;
  leads: Record<string, unknown>[];
  history: Record<string, unknown>[];
  bookings: Record<string, unknown>[];
  registrations: Record<string, unknown>[];
  feedback: Record<string, unknown>[];
  emailsSent: { to: unknown; type: unknown; status: unknown; sentAt: unknown; subject?: string }[];
  /** The texts (SMS): to which number, what they said, whether and when they went. */
  textsSent: { to: unknown; body: unknown; status: unknown; sentAt: unknown }[];
  consents: { given: unknown; at: unknown; where: string }[];
  suppression: Record<string, unknown>[];
  other: Record<string, unknown>[];
}

export function exportDocument(items: readonly StoredItem[], who: PersonIdentifiers, now: Date): PersonalDataExport {
  const document: PersonalDataExport = {
    email: who.email,
    exportedAt: now.toISOString(),
    leads: [],
    history: [],
    bookings: [],
    registrations: [],
    feedback: [],
    emailsSent: [],
    textsSent: [],
    consents: [],
    suppression: [],
    other: [],
  };
  for (const item of items) {
    const record = withoutKeys(item);
    if (item.sk === "LEAD") document.leads.push(record);
    else if (item.sk.startsWith("EVENT#") || item.sk.startsWith("PROMPT#")) document.history.push(record);
    else if (item.sk === "BOOKING") document.bookings.push(record);
    else if (item.sk === "REGISTRATION") document.registrations.push(record);
    else if (item.pk.startsWith("FEEDBACK#") || item.sk === "ATTENDANCE") document.feedback.push(record);
    else if (item.sk.startsWith("OUTBOX#") && item.type === "text") document.textsSent.push(sentTextOf(item));
    else if (item.sk.startsWith("OUTBOX#")) document.emailsSent.push(sentEmailOf(item));
    else if (item.pk.startsWith("SUPPRESS#")) document.suppression.push(record);
    else if (!item.pk.startsWith("TIMER#") && !item.pk.startsWith("IDEMP#")) document.other.push(record);
    if (typeof item.consentAt === "string") document.consents.push({ given: true, at: item.consentAt, where: item.sk === "LEAD" ? "contact form" : item.sk });
  }
  return document;
}

function withoutKeys(item: StoredItem): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ttl: _ttl, ...rest } = item;
  return rest;
}

/** An outbox item says what was sent to whom and when; the raw message itself is not repeated. */
function sentEmailOf(item: StoredItem): PersonalDataExport["emailsSent"][number] {
  const mail = (item.item ?? {}) as { to?: unknown; raw?: unknown };
  const subject = typeof mail.raw === "string" ? /^Subject: (.*)$/m.exec(mail.raw)?.[1] : undefined;
  return { to: mail.to, type: item.type, status: item.status, sentAt: item.finishedAt, ...(subject ? { subject } : {}) };
}

function sentTextOf(item: StoredItem): PersonalDataExport["textsSent"][number] {
  const text = (item.item ?? {}) as { to?: unknown; body?: unknown };
  return { to: text.to, body: text.body, status: item.status, sentAt: item.finishedAt };
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value) || value instanceof Set) for (const inner of value) visitStrings(inner, visit);
  else if (value && typeof value === "object") for (const inner of Object.values(value)) visitStrings(inner, visit);
}

function visitObjects(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value) || value instanceof Set) for (const inner of value) visitObjects(inner, visit);
  else if (value && typeof value === "object") {
    visit(value as Record<string, unknown>);
    for (const inner of Object.values(value)) visitObjects(inner, visit);
  }
}

/** The demo or session starts an event names: a booking's start, a move's new start, a session's id. */
function startsNamedBy(data: unknown): string[] {
  const fields = (data ?? {}) as { start?: unknown; to?: unknown; sessionId?: unknown };
  const sessionStart = typeof fields.sessionId === "string" ? sessionStartOf(fields.sessionId) : undefined;
  return [fields.start, fields.to, sessionStart === undefined ? undefined : new Date(sessionStart).toISOString()].filter((at): at is string => typeof at === "string");
}

/**
 * The addresses of people with no activity since `cutoff`: a person's activity is the latest of their
 * leads' creation, closing and logged events (a booking, a call, a registration all log one) — and the start
 * of a demo or webinar session they are booked or registered for, which may lie beyond it: a booking made
 * before the cutoff for a day after it keeps its person.
 */
export function inactiveAddresses(items: readonly StoredItem[], cutoff: Date): string[] {
  const lastActivityByLead = new Map<string, number>();
  const emailByLead = new Map<string, string>();
  const touch = (pk: string, at: unknown) => {
    const time = typeof at === "string" ? Date.parse(at) : Number.NaN;
    if (!Number.isNaN(time)) lastActivityByLead.set(pk, Math.max(lastActivityByLead.get(pk) ?? 0, time));
  };
  for (const item of items) {
    if (!item.pk.startsWith("LEAD#")) continue;
    if (item.sk === "LEAD") {
      const email = emailOf(item.prospect) ?? emailOf(item);
      if (email) emailByLead.set(item.pk, email);
      touch(item.pk, item.createdAt);
      touch(item.pk, item.closedAt);
    } else if (item.sk.startsWith("EVENT#")) {
      touch(item.pk, item.sk.split("#")[1]);
      for (const at of startsNamedBy(item.data)) touch(item.pk, at);
    }
  }
  const lastActivityByEmail = new Map<string, number>();
  for (const [pk, email] of emailByLead) lastActivityByEmail.set(email, Math.max(lastActivityByEmail.get(email) ?? 0, lastActivityByLead.get(pk) ?? 0));
  return [...lastActivityByEmail].filter(([, last]) => last < cutoff.getTime()).map(([email]) => email).sort();
}
