// Core: the e-mails of a webinar session (a group live session) — each attendee's own invitation, update or
// cancellation (one ATTENDEE, their own UID and SEQUENCE: nobody sees another's address, INVITES.md item 6),
// the waitlist confirmation, reminders, the host's attendee list, the replay offer to a no-show and the
// feedback request. Every time in the reader's zone; attendees' replies go to the host. Pure: `ctx.now`
// and all data come in, the raw message comes out.

import { buildCalendar, formatUtcDateTime } from "../calendar/icalendar";
import type { ComposedEmail } from "../bookings/invitation";
import type { MessageContext } from "../bookings/lifecycle-messages";
import { DEFAULT_LANGUAGE, type KeyOf, type Language, type MessageValues, messagesIn } from "../messages/catalogue";
import { COMMON_WORDS } from "../messages/catalogues/common";
import { WEBINAR_WORDS } from "../messages/catalogues/webinars";
import { buildMimeMessage } from "../messages/mime-message";
import type { MailAddress } from "../messages/mime-message";
import {
  checkNotOrganizer, checkRaisedSequence, composePlainEmail, domainOf, formatInZone, formatLong, formatRange, hello,
  letterKey, messageBodies, ratingLines, reminderWhen, unsubscribeLines, whenFromNow,
} from "../messages/message-parts";
import type { BodyLine, EventChange, PlainEmail, Rating, UnsubscribeLinks } from "../messages/message-parts";

const message = messagesIn(COMMON_WORDS, WEBINAR_WORDS);

export interface SessionView {
  id: string;
  title: string;
  description?: string;
  start: Date;
  end: Date;
  joinUrl: string;
  /** The first host: named in the body and the Reply-To; ORGANIZER stays the sender. */
  host: { name: string; email: string };
}

/** A registrant or a colleague they registered; colleagues may have no name yet. */
export interface PersonView {
  name?: string;
  email: string;
  timeZone: string;
  /** The language they are written to in (their registration's); English when absent. */
  locale?: Language;
}

export interface WebinarInvitationInput {
  session: SessionView;
  attendee: PersonView;
  /** Per attendee, stored by the caller: identical in the first invite, every update and the cancel. */
  uid: string;
  /** Per attendee, stored by the caller: 0 first, raised for every update and the cancel. */
  sequence: number;
  change: EventChange;
  /** Only the registrant's message carries the group's manage link. */
  manageUrl?: string;
  /** A colleague's message: who registered them ("Jane Doe registered you for …"). */
  invitedBy?: string;
  /** Cancel only: why (user text, escaped). */
  cancelReason?: string;
  /** Cancel only: the session to move to instead. */
  nextSession?: { start: Date; registerUrl: string };
}

export interface WaitlistInput {
  session: SessionView;
  person: PersonView;
  /** The registrant's manage link; a colleague gets the other sessions instead. */
  manageUrl?: string;
  otherSessionsUrl?: string;
  invitedBy?: string;
}

export interface WebinarReminderInput extends UnsubscribeLinks {
  session: SessionView;
  person: PersonView;
  /** The timer's configured lead time: "In 1 hour" even when it fires a few seconds late. */
  minutesBefore: number;
}

export interface HostListAttendee {
  name?: string;
  email: string;
  company?: string;
  /** What they asked to see. */
  interest?: string;
}

export interface HostListInput {
  session: SessionView;
  /** `language`: what the list is written in (config reps[].language); English unless set. */
  host: { name: string; email: string; timeZone: string; language?: Language };
  /** The seated attendees; the waitlisted are only counted. */
  attendees: readonly HostListAttendee[];
  waitlisted: number;
  /** The host page of this session, every registrant on it: linked when the mail lists only the first ones. */
  hostPageUrl?: string;
}

/**
 * How many attendees the hosts' mail lists, and how much of what each wants to see: a mail is stored whole
 * before it is sent, and a full session of long wishes would pass what one stored item holds (400 KB).
 */
export const HOST_LIST_MAX_ATTENDEES = 100;
const HOST_LIST_MAX_INTEREST = 280;

export interface ReplayOfferInput extends UnsubscribeLinks {
  session: SessionView;
  person: PersonView;
  /** No recording line without it. */
  replayUrl?: string;
  bookDemoUrl: string;
}

export interface WebinarFeedbackInput extends UnsubscribeLinks {
  session: SessionView;
  person: PersonView;
  ratingUrl: (rating: Rating) => string;
}

/** The one DISPLAY alarm an invitation carries (item 19); clients mostly keep their own anyway. */
const ALARM_MINUTES = 10;

/** What differs between the three invitation changes; composeWebinarInvitation does the rest. */
interface InvitationDraft {
  subject: string;
  description: string;
  paragraphs: BodyLine[][];
}

const INVITATION_DRAFTS: Record<EventChange, (ctx: MessageContext, input: WebinarInvitationInput) => InvitationDraft> = {
  new: newDraft,
  update: updateDraft,
  cancel: cancelDraft,
};

/** To one attendee: a full iMIP message (text, HTML, the calendar part, an invite.ics copy). */
export function composeWebinarInvitation(ctx: MessageContext, input: WebinarInvitationInput): ComposedEmail {
  const { session, attendee, change } = input;
  checkRaisedSequence(change, input.sequence);
  checkNotOrganizer(attendee.email, ctx.sender);
  const draft = INVITATION_DRAFTS[change](ctx, input);
  const { text, html, shortener } = messageBodies(draft.paragraphs, ctx.linkBase, ctx.now, ctx.company);
  const method = change === "cancel" ? "CANCEL" : "REQUEST";
  const to = address(attendee);
  const calendar = buildCalendar({
    method,
    uid: input.uid,
    sequence: input.sequence,
    stamp: ctx.now,
    start: session.start,
    end: session.end,
    summary: say(attendee, "invitation.summary", { offering: session.title, company: ctx.company.name }),
    description: shortener.shorten(draft.description),
    joinUrl: session.joinUrl,
    organizer: ctx.sender,
    attendee: to,
    // A cancelled event carries no alarm (item 16).
    reminderMinutesBefore: method === "REQUEST" ? ALARM_MINUTES : undefined,
  });
  // Per recipient, change and SEQUENCE: Gmail drops a Message-ID it has seen.
  const key = letterKey({ kind: `webinar-${change}`, about: session.id, variant: String(input.sequence) }, attendee.email);
  const raw = buildMimeMessage({
    from: ctx.sender,
    to,
    replyTo: session.host,
    subject: draft.subject,
    date: ctx.now,
    messageId: `${key}@${domainOf(ctx.sender.email)}`,
    text,
    html,
    calendar: { method, content: calendar },
    boundarySeed: key,
  });
  return { to: attendee.email, subject: draft.subject, raw, calendar, links: shortener.links() };
}

/** The first invitation: the registrant is told they are in; a colleague, who put them in. */
function newDraft(ctx: MessageContext, input: WebinarInvitationInput): InvitationDraft {
  const { session, attendee } = input;
  const invitedBy = input.invitedBy?.trim();
  const values = { by: invitedBy ?? "", title: session.title, company: ctx.company.name, when: shortWhen(session.start, attendee) };
  return {
    subject: say(attendee, invitedBy ? "webinar.registeredBy.subject" : "webinar.registered.subject", values),
    description: sessionDescription(input),
    paragraphs: [hello(attendee.name, languageOf(attendee)), [{ text: say(attendee, invitedBy ? "webinar.registeredBy.body" : "webinar.registered.body", values) }], ...sessionParagraphs(ctx, input)],
  };
}

function updateDraft(ctx: MessageContext, input: WebinarInvitationInput): InvitationDraft {
  const { session, attendee } = input;
  const zone = attendee.timeZone;
  return {
    subject: say(attendee, "webinar.updated.subject", { title: session.title, when: shortWhen(session.start, attendee) }),
    description: sessionDescription(input),
    paragraphs: [
      hello(attendee.name, languageOf(attendee)),
      [{ text: say(attendee, "webinar.updated.body", { title: session.title, start: formatLong(session.start, zone, languageOf(attendee)), zone }) }],
      ...sessionParagraphs(ctx, input),
    ],
  };
}

/** What was cancelled, why, and where to go instead; no join or manage link for a session that is gone. */
function cancelDraft(ctx: MessageContext, input: WebinarInvitationInput): InvitationDraft {
  const { session, attendee } = input;
  const zone = attendee.timeZone;
  const reason = input.cancelReason?.trim();
  const language = languageOf(attendee);
  const reasonLabel = say(attendee, "label.reason");
  const paragraphs: BodyLine[][] = [
    hello(attendee.name, language),
    [{ text: say(attendee, "webinar.cancelled.body", { title: session.title, start: formatLong(session.start, zone, language), zone }) }, ...(reason ? [{ label: reasonLabel, text: reason }] : [])],
  ];
  if (input.nextSession) {
    const { start, registerUrl } = input.nextSession;
    paragraphs.push([{ label: say(attendee, "webinar.next", { start: formatLong(start, zone, language), zone }), text: registerUrl, href: registerUrl }]);
  }
  paragraphs.push([{ text: ctx.company.name }]);
  return {
    subject: say(attendee, "webinar.cancelled.subject", { title: session.title, when: shortWhen(session.start, attendee) }),
    description: [say(attendee, "webinar.cancelled.description", { title: session.title }), ...(reason ? [`${reasonLabel}: ${reason}`] : [])].join("\n"),
    paragraphs,
  };
}

/** When, join, host, and for the registrant the group's manage link. */
function sessionParagraphs(ctx: MessageContext, input: WebinarInvitationInput): BodyLine[][] {
  const { session, attendee } = input;
  const paragraphs: BodyLine[][] = [
    [
      whenLine(session, attendee),
      { label: say(attendee, "label.join"), text: session.joinUrl, href: session.joinUrl },
      { label: say(attendee, "label.host"), text: session.host.name },
    ],
  ];
  if (session.description) paragraphs.push([{ text: session.description }]);
  if (input.manageUrl) paragraphs.push([manageLine(input.manageUrl, attendee)]);
  paragraphs.push([{ text: ctx.company.name }]);
  return paragraphs;
}

function sessionDescription(input: WebinarInvitationInput): string {
  const { session, attendee } = input;
  const manage = input.manageUrl ? manageLine(input.manageUrl, attendee) : undefined;
  const lines = [session.description, say(attendee, "webinar.hostedBy", { host: session.host.name }), `${say(attendee, "label.join")}: ${session.joinUrl}`, manage && `${manage.label}: ${manage.text}`];
  return lines.filter(Boolean).join("\n");
}

function manageLine(url: string, person: PersonView): BodyLine {
  return { label: say(person, "webinar.manageGroup"), text: url, href: url };
}

/** To someone who registered when the session was full: they hold a place in line, and how to leave it. */
export function composeWaitlistConfirmation(ctx: MessageContext, input: WaitlistInput): PlainEmail {
  const { session, person } = input;
  const zone = person.timeZone;
  return composePlainEmail(ctx, {
    id: { kind: "waitlist", about: session.id, variant: formatUtcDateTime(session.start) },
    to: address(person),
    replyTo: session.host,
    subject: say(person, "webinar.waitlist.subject", { title: session.title, when: shortWhen(session.start, person) }),
    paragraphs: [
      hello(person.name, languageOf(person)),
      [{ text: say(person, "webinar.waitlist.full", { title: session.title, start: formatLong(session.start, zone, languageOf(person)), zone }) }],
      [{ text: say(person, "webinar.waitlist.promise") }],
      ...(input.invitedBy ? [[{ text: say(person, "webinar.registeredYou", { by: input.invitedBy }) }]] : []),
      ...(input.manageUrl ? [[{ label: say(person, "webinar.manageOwn"), text: input.manageUrl, href: input.manageUrl }]] : []),
      ...(input.otherSessionsUrl ? [[{ label: say(person, "webinar.otherSessions"), text: input.otherSessionsUrl, href: input.otherSessionsUrl }]] : []),
      [{ text: ctx.company.name }],
    ],
  });
}

export interface RegistrationReminderInput {
  session: SessionView;
  person: PersonView;
  /** The person's place: a seat (the join link is sent) or the waitlist. */
  status: "confirmed" | "waitlisted";
  /** The registrant's group manage link; a colleague is told who registered them instead. */
  manageUrl?: string;
  invitedBy?: string;
  /** Sets the Message-ID apart from earlier reminders (Gmail drops a Message-ID it has seen). */
  variant: string;
}

/**
 * To an address that already holds a place and was registered again (by them, or by anyone who typed
 * their address): their registration, sent only to them — the API tells the asker nothing more than it
 * tells a new registrant.
 */
export function composeRegistrationReminder(ctx: MessageContext, input: RegistrationReminderInput): PlainEmail {
  const { session, person } = input;
  const seated = input.status === "confirmed";
  return composePlainEmail(ctx, {
    id: { kind: "registration-reminder", about: session.id, variant: input.variant },
    to: address(person),
    replyTo: session.host,
    subject: say(person, "webinar.again.subject", { title: session.title, when: shortWhen(session.start, person) }),
    paragraphs: [
      hello(person.name, languageOf(person)),
      [{ text: say(person, seated ? "webinar.again.seated" : "webinar.again.waitlisted", { title: session.title }) }],
      [
        whenLine(session, person),
        ...(seated ? [{ label: say(person, "label.join"), text: session.joinUrl, href: session.joinUrl }] : []),
        { label: say(person, "label.host"), text: session.host.name },
      ],
      ...(input.manageUrl ? [[manageLine(input.manageUrl, person)]] : []),
      ...(input.invitedBy ? [[{ text: say(person, "webinar.registeredYou", { by: input.invitedBy }) }]] : []),
      [{ text: say(person, "webinar.again.ignore") }],
      [{ text: ctx.company.name }],
    ],
  });
}

/** To a seated attendee before the session: the join link first, then when and who hosts. */
export function composeWebinarReminder(ctx: MessageContext, input: WebinarReminderInput): PlainEmail {
  const { session, person } = input;
  const zone = person.timeZone;
  const when = reminderWhen(ctx.now, session.start, zone, input.minutesBefore, languageOf(person));
  return composePlainEmail(ctx, {
    // A reminder for a moved session carries the new start, so it is not taken for the old one.
    id: { kind: "webinar-reminder", about: session.id, variant: `${input.minutesBefore}.${formatUtcDateTime(session.start)}` },
    to: address(person),
    replyTo: session.host,
    subject: say(person, "webinar.reminder.subject", { when: when.subject, title: session.title }),
    paragraphs: [
      hello(person.name, languageOf(person)),
      [{ text: say(person, "webinar.reminder.body", { title: session.title, when: when.sentence }) }],
      [{ label: say(person, "label.join"), text: session.joinUrl, href: session.joinUrl, prominent: true }],
      [whenLine(session, person), { label: say(person, "label.host"), text: session.host.name }],
      [{ text: ctx.company.name }],
      unsubscribeLines(say(person, "reminder.unsubscribe"), input),
    ],
    unsubscribe: input,
  });
}

/** To a host before the session, in the host's language: who is coming and what they want to see, in the host's zone. */
export function composeHostAttendeeList(ctx: MessageContext, input: HostListInput): PlainEmail {
  const { session, host, attendees } = input;
  const language = host.language ?? DEFAULT_LANGUAGE;
  const when = whenFromNow(ctx.now, session.start, host.timeZone, language);
  return composePlainEmail(ctx, {
    id: { kind: "host-list", about: session.id, variant: formatUtcDateTime(session.start) },
    to: { name: host.name, email: host.email },
    subject: message(language, "rep.hostList.subject", { when: when.subject, title: session.title, count: attendees.length }),
    paragraphs: [
      [{ text: message(language, "rep.hostList.body", { title: session.title, when: when.sentence }) }],
      [
        { label: message(language, "label.join"), text: session.joinUrl, href: session.joinUrl, prominent: true },
        { label: message(language, "label.when"), text: `${formatRange(session.start, session.end, host.timeZone, language)} (${host.timeZone})` },
      ],
      [
        { label: message(language, "rep.hostList.registered"), text: String(attendees.length) },
        { label: message(language, "rep.hostList.waitlisted"), text: String(input.waitlisted) },
      ],
      attendees.length > 0 ? whoIsComing(input, language) : [{ text: message(language, "rep.hostList.nobody") }],
    ],
  });
}

/** The first HOST_LIST_MAX_ATTENDEES attendees, then how many more, with the host page where all are. */
function whoIsComing(input: HostListInput, language: Language): BodyLine[] {
  const listed = input.attendees.slice(0, HOST_LIST_MAX_ATTENDEES).map((attendee) => attendeeLine(attendee, language));
  const more = input.attendees.length - listed.length;
  return [{ text: message(language, "rep.hostList.whoIsComing") }, ...listed, ...(more > 0 ? [moreLine(message(language, "rep.hostList.more", { count: more }), input.hostPageUrl)] : [])];
}

/** "And 30 more, all on the host page: <link>", or without the link when there is none to give. */
function moreLine(words: string, hostPageUrl: string | undefined): BodyLine {
  return hostPageUrl ? { label: words, text: hostPageUrl, href: hostPageUrl } : { text: words };
}

/** "• Jane Doe <jane@globex.example>, Globex — wants to see: Reporting". */
function attendeeLine(attendee: HostListAttendee, language: Language): BodyLine {
  const name = attendee.name?.trim();
  const who = [name && name !== attendee.email ? `${name} <${attendee.email}>` : attendee.email, attendee.company].filter(Boolean).join(", ");
  const wish = attendee.interest?.trim();
  // Cut by characters as people read them, so an emoji is never split in half.
  const characters = wish ? Array.from(wish) : [];
  const interest = characters.length > HOST_LIST_MAX_INTEREST ? `${characters.slice(0, HOST_LIST_MAX_INTEREST - 1).join("")}…` : wish;
  return { text: `• ${interest ? message(language, "rep.hostList.wantsToSee", { who, interest }) : who}` };
}

/** To a no-show: the recording when there is one, and a 1:1 demo at a time that suits them. */
export function composeReplayOffer(ctx: MessageContext, input: ReplayOfferInput): PlainEmail {
  const { session, person } = input;
  const zone = person.timeZone;
  const replay: BodyLine[][] = input.replayUrl
    ? [[{ text: say(person, "webinar.replay.catchUp") }, { label: say(person, "webinar.replay.watch"), text: input.replayUrl, href: input.replayUrl, prominent: true }]]
    : [];
  return composePlainEmail(ctx, {
    id: { kind: "replay", about: session.id, variant: formatUtcDateTime(session.start) },
    to: address(person),
    replyTo: session.host,
    subject: say(person, "webinar.replay.subject", { title: session.title }),
    paragraphs: [
      hello(person.name, languageOf(person)),
      [{ text: say(person, "webinar.replay.missed", { title: session.title, start: formatLong(session.start, zone, languageOf(person)), zone }) }],
      ...replay,
      [
        { text: say(person, "webinar.replay.oneOnOne") },
        { label: say(person, "webinar.replay.book"), text: input.bookDemoUrl, href: input.bookDemoUrl, button: true, prominent: !input.replayUrl },
      ],
      [{ text: ctx.company.name }],
      unsubscribeLines(say(person, "unsubscribe.other"), input),
    ],
    unsubscribe: input,
  });
}

/** To an attendee after the session: five one-click ratings; the page they open takes a comment. */
export function composeWebinarFeedbackRequest(ctx: MessageContext, input: WebinarFeedbackInput): PlainEmail {
  const { session, person } = input;
  const zone = person.timeZone;
  return composePlainEmail(ctx, {
    id: { kind: "webinar-feedback", about: session.id, variant: formatUtcDateTime(session.start) },
    to: address(person),
    replyTo: session.host,
    subject: say(person, "webinar.feedback.subject", { title: session.title }),
    paragraphs: [
      hello(person.name, languageOf(person)),
      [{ text: say(person, "webinar.feedback.thanks", { title: session.title, host: session.host.name, company: ctx.company.name, start: formatLong(session.start, zone, languageOf(person)), zone }) }],
      ratingLines(input.ratingUrl, languageOf(person)),
      [{ text: say(person, "feedback.comment") }],
      [{ text: ctx.company.name }],
      unsubscribeLines(say(person, "unsubscribe.other"), input),
    ],
    unsubscribe: input,
  });
}

/** "Tue, Dec 8, 4:00 PM (Europe/London)": the subject's time, in the reader's zone and language. */
function shortWhen(start: Date, person: PersonView): string {
  return `${formatInZone(start, person.timeZone, languageOf(person))} (${person.timeZone})`;
}

/** "When: Tuesday, December 8, 2026, 4:00 PM – 5:00 PM (Europe/London)", in the reader's language. */
function whenLine(session: SessionView, person: PersonView): BodyLine {
  return { label: say(person, "label.when"), text: `${formatRange(session.start, session.end, person.timeZone, languageOf(person))} (${person.timeZone})` };
}

function languageOf(person: PersonView): Language {
  return person.locale ?? DEFAULT_LANGUAGE;
}

/** A message in the reader's language. */
function say(person: PersonView, key: KeyOf<typeof COMMON_WORDS> | KeyOf<typeof WEBINAR_WORDS>, values?: MessageValues): string {
  return message(languageOf(person), key, values);
}

function address(person: PersonView): MailAddress {
  return { name: person.name?.trim() ?? "", email: person.email };
}
