// Core: the booking invitation e-mails, one per recipient (INVITES.md item 6): the prospect's and the rep's,
// for a new booking, a reschedule (REQUEST, same UID, higher SEQUENCE) or a cancellation (CANCEL).
// Each is a full iMIP message (text, HTML, the calendar part, an invite.ics copy) with every time
// shown in the reader's own zone. Pure: `now` and all data come in, the raw message comes out.

import type { CompanyIdentity } from "../messages/brand";
import { prospectLanguage } from "./booking";
import type { Prospect } from "./booking";
import { buildCalendar } from "../calendar/icalendar";
import type { CalendarPerson } from "../calendar/icalendar";
import { buildMimeMessage } from "../messages/mime-message";
import type { MailAddress } from "../messages/mime-message";
import {
  addressTag, checkNotOrganizer, checkRaisedSequence, contactLines, domainOf, firstName, formatInZone, formatLong,
  formatRange, hello, messageBodies, zoneAbbreviation,
} from "../messages/message-parts";
import { messagesIn } from "../messages/catalogue";
import { COMMON_WORDS } from "../messages/catalogues/common";
import { INVITATION_WORDS } from "../messages/catalogues/invitations";
import type { Language } from "../messages/catalogue";
import type { BodyLine, EventChange, PlainEmail } from "../messages/message-parts";

const message = messagesIn(COMMON_WORDS, INVITATION_WORDS);

/** What happened to the booking: its first invitation, a reschedule, or a cancellation. */
export type InvitationChange = EventChange;

export interface InvitationInput {
  recipient: "prospect" | "rep";
  /** "new" unless given. Update and cancel need the raised SEQUENCE in `booking.sequence`. */
  change?: InvitationChange;
  /** DTSTAMP and the Date header. */
  now: Date;
  company: CompanyIdentity;
  /** From and ORGANIZER: a mailbox that receives replies, never the recipient. */
  sender: MailAddress;
  /** The site's address, under which signed links are shown short; absent, they are shown whole. */
  linkBase?: string;
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
  /** `language`: what the rep's copy is written in (config reps[].language); English unless set. */
  rep: { name: string; email: string; phone?: string; timeZone: string; language?: Language };
  /** The other participant of a two-pool offering (for the rep's message: the other rep). */
  cohost?: { name: string; label: string };
  /** Update only: the time it moved from, shown so the reader sees what changed. */
  previousStart?: Date;
  /** Cancel only: why, shown to the reader (user text, escaped). */
  cancelReason?: string;
  /** Cancel only, prospect only: where to book another time; no line without it. */
  rebookUrl?: string;
}

export interface ComposedEmail extends PlainEmail {
  calendar: string;
}

const REMINDER_MINUTES = 15;

/** What differs between the messages; composeInvitation does the rest. */
interface Draft {
  to: CalendarPerson;
  replyTo?: MailAddress;
  subject: string;
  summary: string;
  description: string;
  paragraphs: BodyLine[][];
}

type DraftMaker = (input: InvitationInput) => Draft;

const DRAFTS: Record<InvitationInput["recipient"], Record<InvitationChange, DraftMaker>> = {
  prospect: { new: prospectDraft, update: prospectUpdateDraft, cancel: prospectCancelDraft },
  rep: { new: repDraft, update: repUpdateDraft, cancel: repCancelDraft },
};

export function composeInvitation(input: InvitationInput): ComposedEmail {
  const change = input.change ?? "new";
  checkRaisedSequence(change, input.booking.sequence);
  const draft = DRAFTS[input.recipient][change](input);
  checkNotOrganizer(draft.to.email, input.sender);
  const { text, html, shortener } = messageBodies(draft.paragraphs, input.linkBase, input.now, input.company);
  const method = change === "cancel" ? "CANCEL" : "REQUEST";
  const calendar = buildCalendar({
    method,
    uid: input.booking.icalUid,
    sequence: input.booking.sequence,
    stamp: input.now,
    start: input.booking.start,
    end: input.booking.end,
    summary: draft.summary,
    description: shortener.shorten(draft.description),
    joinUrl: input.booking.joinUrl,
    organizer: input.sender,
    attendee: draft.to,
    // A cancelled event carries no alarm (item 16).
    reminderMinutesBefore: method === "REQUEST" ? REMINDER_MINUTES : undefined,
  });
  const raw = buildMimeMessage({
    from: input.sender,
    to: draft.to,
    replyTo: draft.replyTo,
    subject: draft.subject,
    date: input.now,
    messageId: `${messageKey(input, change, draft.to.email)}@${domainOf(input.sender.email)}`,
    text,
    html,
    calendar: { method, content: calendar },
    boundarySeed: messageKey(input, change, draft.to.email),
  });
  return { to: draft.to.email, subject: draft.subject, raw, calendar, links: shortener.links() };
}

/**
 * Per recipient (two reps of a two-pool demo get different ids) and per change and SEQUENCE: Gmail
 * drops a message whose Message-ID it has seen. A new booking keeps its original form.
 */
function messageKey(input: InvitationInput, change: InvitationChange, to: string): string {
  const changePart = change === "new" ? "" : `.${change}`;
  return `${input.booking.id}.${input.recipient}.${addressTag(to)}${changePart}.${input.booking.sequence}`;
}

/** To the prospect, in their language; replies go to the rep, who is the person they will meet. */
function prospectDraft(input: InvitationInput): Draft {
  const { prospect, offering } = input;
  const language = prospectLanguage(prospect);
  const paragraphs: BodyLine[][] = [hello(prospect.name, language), [{ text: message(language, "invitation.confirmed.body", { offering: offering.title }) }], prospectMeetingLines(input)];
  if (prospect.interest) paragraphs.push([{ label: message(language, "label.youAskedToSee"), text: prospect.interest }]);
  paragraphs.push([manageLine(input)], [{ text: input.company.name }]);
  return {
    ...prospectEnvelope(input),
    subject: prospectSubject(input, "invitation.confirmed.subject"),
    description: prospectDescription(input),
    paragraphs,
  };
}

/** The reschedule: the new time first, the old one beside it when known, links unchanged. */
function prospectUpdateDraft(input: InvitationInput): Draft {
  const { prospect, offering } = input;
  const language = prospectLanguage(prospect);
  const paragraphs: BodyLine[][] = [hello(prospect.name, language), [{ text: message(language, "invitation.updated.body", { offering: offering.title }) }]];
  paragraphs.push([...prospectMeetingLines(input), ...previousLine(input, prospect.timeZone, language)]);
  if (prospect.interest) paragraphs.push([{ label: message(language, "label.youAskedToSee"), text: prospect.interest }]);
  paragraphs.push([manageLine(input)], [{ text: input.company.name }]);
  return {
    ...prospectEnvelope(input),
    subject: prospectSubject(input, "invitation.updated.subject"),
    description: prospectDescription(input),
    paragraphs,
  };
}

/** The cancellation: what was cancelled and why; no join or manage link for a meeting that is gone. */
function prospectCancelDraft(input: InvitationInput): Draft {
  const { booking, prospect, offering, company } = input;
  const language = prospectLanguage(prospect);
  const who = prospectWithWhom(input);
  const paragraphs: BodyLine[][] = [
    hello(prospect.name, language),
    [{ text: message(language, "invitation.cancelled.body", { offering: offering.title, who }) }],
    [{ label: message(language, "label.was"), text: `${formatRange(booking.start, booking.end, prospect.timeZone, language)} (${prospect.timeZone})` }, ...reasonLine(input, language)],
  ];
  if (input.rebookUrl) paragraphs.push([{ label: message(language, "label.bookAnotherTime"), text: input.rebookUrl, href: input.rebookUrl }]);
  paragraphs.push([{ text: company.name }]);
  return {
    ...prospectEnvelope(input),
    subject: prospectSubject(input, "invitation.cancelled.subject"),
    description: [message(language, "invitation.description.cancelled", { offering: offering.title, who }), ...reasonText(input, language)].join("\n"),
    paragraphs,
  };
}

function prospectSubject(input: InvitationInput, key: "invitation.confirmed.subject" | "invitation.updated.subject" | "invitation.cancelled.subject"): string {
  const { booking, prospect } = input;
  const language = prospectLanguage(prospect);
  const when = formatInZone(booking.start, prospect.timeZone, language);
  return message(language, key, { offering: input.offering.title, rep: firstName(input.rep.name), when, zone: prospect.timeZone });
}

function prospectEnvelope(input: InvitationInput): Pick<Draft, "to" | "replyTo" | "summary"> {
  const { prospect, rep } = input;
  return {
    to: { name: prospect.name, email: prospect.email },
    replyTo: { name: rep.name, email: rep.email },
    summary: message(prospectLanguage(prospect), "invitation.summary", { offering: input.offering.title, company: input.company.name }),
  };
}

/** "Jane from Acme", "Jane von Acme und Sam (Specialist)": whom the prospect meets, in their language. */
function prospectWithWhom(input: InvitationInput): string {
  const language = prospectLanguage(input.prospect);
  const who = message(language, "who.repFromCompany", { rep: firstName(input.rep.name), company: input.company.name });
  return input.cohost ? message(language, "who.withCohost", { who, cohost: firstName(input.cohost.name), role: input.cohost.label }) : who;
}

function prospectMeetingLines(input: InvitationInput): BodyLine[] {
  const { booking, prospect } = input;
  const language = prospectLanguage(prospect);
  return [
    { label: message(language, "label.when"), text: `${formatRange(booking.start, booking.end, prospect.timeZone, language)} (${prospect.timeZone})` },
    { label: message(language, "label.who"), text: prospectWithWhom(input) },
    { label: message(language, "label.join"), text: booking.joinUrl, href: booking.joinUrl },
  ];
}

function manageLine(input: InvitationInput): BodyLine {
  const label = message(prospectLanguage(input.prospect), "label.manage");
  return { label, text: input.booking.manageUrl, href: input.booking.manageUrl, button: true };
}

function prospectDescription(input: InvitationInput): string {
  const { booking, offering } = input;
  const language = prospectLanguage(input.prospect);
  const manage = manageLine(input);
  const lines = [
    offering.description,
    message(language, "invitation.description.with", { who: prospectWithWhom(input) }),
    `${message(language, "label.join")}: ${booking.joinUrl}`,
    `${manage.label}: ${booking.manageUrl}`,
  ];
  return lines.filter(Boolean).join("\n");
}

/** To the rep, in the rep's language: who is coming and what they want, in the rep's zone, with the prospect's own time beside it. */
function repDraft(input: InvitationInput): Draft {
  const language = repLanguage(input);
  return {
    ...repEnvelope(input),
    subject: repSubject(input, "rep.invitation.new.subject"),
    description: repDescription(input),
    paragraphs: [[{ text: message(language, "rep.invitation.new.body", { offering: input.offering.title }) }], repMeetingLines(input), prospectDetails(input)],
  };
}

function repUpdateDraft(input: InvitationInput): Draft {
  const { rep } = input;
  const language = repLanguage(input);
  return {
    ...repEnvelope(input),
    subject: repSubject(input, "rep.invitation.updated.subject"),
    description: repDescription(input),
    paragraphs: [[{ text: message(language, "rep.invitation.updated.body", { offering: input.offering.title }) }], [...repMeetingLines(input), ...previousLine(input, rep.timeZone, language)], prospectDetails(input)],
  };
}

function repCancelDraft(input: InvitationInput): Draft {
  const { booking, rep, prospect } = input;
  const language = repLanguage(input);
  const times: BodyLine[] = [
    { label: message(language, "label.was"), text: `${formatRange(booking.start, booking.end, rep.timeZone, language)} (${rep.timeZone})` },
    { label: message(language, "rep.label.theirLocalTime"), text: `${formatRange(booking.start, booking.end, prospect.timeZone, language)} (${prospect.timeZone})` },
    ...reasonLine(input, language),
  ];
  const details = prospectDetails(input);
  const heading = message(language, "rep.invitation.cancelled.body", { offering: input.offering.title });
  return {
    ...repEnvelope(input),
    subject: repSubject(input, "rep.invitation.cancelled.subject"),
    description: [heading, ...reasonText(input, language), ...details.map((line) => `${line.label}: ${line.text}`)].join("\n"),
    paragraphs: [[{ text: heading }], times, details],
  };
}

const repLanguage = (input: InvitationInput): Language => input.rep.language ?? "en";

function repSubject(input: InvitationInput, key: "rep.invitation.new.subject" | "rep.invitation.updated.subject" | "rep.invitation.cancelled.subject"): string {
  const { booking, rep } = input;
  const when = `${formatInZone(booking.start, rep.timeZone, repLanguage(input))} ${zoneAbbreviation(booking.start, rep.timeZone)}`;
  return message(repLanguage(input), key, { who: prospectWho(input), when });
}

function repEnvelope(input: InvitationInput): Pick<Draft, "to" | "summary"> {
  return { to: { name: input.rep.name, email: input.rep.email }, summary: `${input.offering.title}: ${prospectWho(input)}` };
}

function repMeetingLines(input: InvitationInput): BodyLine[] {
  const { booking, prospect, rep } = input;
  const language = repLanguage(input);
  return [
    { label: message(language, "label.when"), text: `${formatRange(booking.start, booking.end, rep.timeZone, language)} (${rep.timeZone})` },
    { label: message(language, "rep.label.theirLocalTime"), text: `${formatRange(booking.start, booking.end, prospect.timeZone, language)} (${prospect.timeZone})` },
    { label: message(language, "label.join"), text: booking.joinUrl, href: booking.joinUrl },
    ...(input.cohost ? [{ label: message(language, "rep.label.with"), text: `${input.cohost.name} (${input.cohost.label})` }] : []),
  ];
}

function repDescription(input: InvitationInput): string {
  const lines = prospectDetails(input).map((line) => `${line.label}: ${line.text}`);
  return [...lines, `${message(repLanguage(input), "label.join")}: ${input.booking.joinUrl}`].join("\n");
}

/** "Jane Doe (Globex)", or the name alone. */
function prospectWho(input: InvitationInput): string {
  const { prospect } = input;
  return prospect.company ? `${prospect.name} (${prospect.company})` : prospect.name;
}

/** The prospect's details for the rep, labelled in the rep's language. */
function prospectDetails(input: InvitationInput): BodyLine[] {
  return contactLines(input.prospect, { notes: input.booking.notes, language: repLanguage(input) });
}

function previousLine(input: InvitationInput, timeZone: string, language: Language = "en"): BodyLine[] {
  if (!input.previousStart) return [];
  return [{ label: message(language, "label.previously"), text: `${formatLong(input.previousStart, timeZone, language)} (${timeZone})` }];
}

function reasonLine(input: InvitationInput, language: Language = "en"): BodyLine[] {
  const reason = input.cancelReason?.trim();
  return reason ? [{ label: message(language, "label.reason"), text: reason }] : [];
}

function reasonText(input: InvitationInput, language: Language = "en"): string[] {
  return reasonLine(input, language).map((line) => `${line.label}: ${line.text}`);
}
