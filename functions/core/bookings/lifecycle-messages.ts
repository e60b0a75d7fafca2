// Core: the e-mails of a booking's life after the invitation — the prospect's reminders, feedback request
// and rebook invite; the rep's prep note, call prompt and complaint alert; the manager's escalation.
// Plain text and HTML (no calendar part), every time in the reader's zone, one recipient each, in the reader's
// language (the prospect's stored one; the rep's or manager's `language` from config). Mail to a prospect that
// is not transactional carries one-click unsubscribe (INVITES.md item 22); rep mail does not.

import type { CompanyIdentity } from "../messages/brand";
import { prospectLanguage } from "./booking";
import type { Prospect } from "./booking";
import { formatUtcDateTime } from "../calendar/icalendar";
import type { MailAddress } from "../messages/mime-message";
import {
  buttonLine, calendarDaysBetween, composePlainEmail, contactLines, displayPhone, duration, firstName, formatDay,
  formatInZone, formatLong, formatRange, formatTime, hello, ratingLines, RATINGS, reminderWhen, telLink,
  unsubscribeLines, whenFromNow, zoneAbbreviation,
} from "../messages/message-parts";
import type { BodyLine, ContactPerson, PlainEmail, Rating, UnsubscribeLinks } from "../messages/message-parts";
import { type Language, messagesIn } from "../messages/catalogue";
import { COMMON_WORDS, countOf } from "../messages/catalogues/common";
import { LIFECYCLE_WORDS } from "../messages/catalogues/lifecycle";
import { timeForRep } from "../calls/rep-facing-time";

const message = messagesIn(COMMON_WORDS, LIFECYCLE_WORDS);

// Defined with the other message parts (the webinar messages use them too); still named from here.
export type { Rating, UnsubscribeLinks } from "../messages/message-parts";

export interface MessageContext {
  /** The Date header and every "in 15 minutes" / "5 minutes ago". */
  now: Date;
  company: CompanyIdentity;
  /** From: a verified identity that receives replies. */
  sender: MailAddress;
  /** The site's address, under which signed links are shown short; absent, they are shown whole. */
  linkBase?: string;
}

export interface DemoView {
  id: string;
  start: Date;
  end: Date;
  offeringTitle: string;
  joinUrl: string;
  manageUrl: string;
  notes?: string;
  prospect: Prospect & { timeZone: string };
  /** `language`: what the rep's own mail (prep note, complaint alert) is written in; English unless set. */
  rep: { name: string; email: string; phone?: string; timeZone: string; language?: Language };
}

export interface LinkView {
  label: string;
  url: string;
}

/** The lead's person as a call prompt shows them, with their zone and the language they are written to in. */
export type LeadView = ContactPerson & Pick<Prospect, "locale"> & { timeZone: string };

export interface ReminderOptions extends UnsubscribeLinks {
  minutesBefore: number;
}

export interface FeedbackOptions extends UnsubscribeLinks {
  ratingUrl: (rating: Rating) => string;
}

export interface CallPromptInput {
  lead: LeadView;
  rep: { name: string; email: string; timeZone: string; language?: Language };
  attempt: number;
  /** Calls in the chain: the first call-back and every further attempt ("Attempt 2 of 4"). */
  attemptsInAll: number;
  reason: "after-demo" | "after-webinar" | "unbooked-request" | "retry" | "instant";
  /** "instant": where the rep claims the call, and how long it rings them before the next rep. */
  instant?: { consoleUrl: string; ringSeconds: number };
  /** With `end`, the prompt says how long ago the demo ended. */
  demo?: { start: Date; end?: Date; offeringTitle: string };
  /** "after-webinar": the session they stayed in; with `end`, "stayed 40 of 45 minutes". */
  webinar?: { title: string; start: Date; end?: Date; minutesAttended?: number };
  /** "unbooked-request": when they asked, for "asked … 15 minutes ago". */
  requestedAt?: Date;
  /** "retry": how the previous attempt ended. */
  lastOutcome?: "voicemail" | "no_answer";
  outcomeLinks: LinkView[];
  attendanceLinks?: LinkView[];
  promptId: string;
}

export interface ComplaintInput {
  rating: number;
  comment?: string;
}

export interface EscalationInput {
  managerEmail: string;
  rep: { name: string; email: string };
  lead: LeadView;
  attempt: number;
  promptDueAt: Date;
  promptId: string;
  /** The zone the manager reads times in; UTC unless given. */
  managerTimeZone?: string;
  /** The language the manager reads; English unless given. */
  managerLanguage?: Language;
}

export interface RebookInput extends UnsubscribeLinks {
  lead: LeadView;
  rep: { name: string; email: string };
  bookingPageUrl: string;
}

const MINUTE_MS = 60_000;

/** To the prospect, before the demo: when, the join link first, how to move it, how to stop reminders. */
export function composeReminder(ctx: MessageContext, demo: DemoView, options: ReminderOptions): PlainEmail {
  const { prospect, rep } = demo;
  const language = prospectLanguage(prospect);
  const when = reminderWhen(ctx.now, demo.start, prospect.timeZone, options.minutesBefore, language);
  const names = { offering: demo.offeringTitle, rep: firstName(rep.name), company: ctx.company.name };
  return composePlainEmail(ctx, {
    id: { kind: "reminder", about: demo.id, variant: `${options.minutesBefore}.${formatUtcDateTime(demo.start)}` },
    to: { name: prospect.name, email: prospect.email },
    replyTo: { name: rep.name, email: rep.email },
    subject: message(language, "reminder.subject", { ...names, when: when.subject }),
    paragraphs: [
      hello(prospect.name, language),
      [{ text: message(language, "reminder.body", { ...names, when: when.sentence }) }],
      [{ label: message(language, "label.join"), text: demo.joinUrl, href: demo.joinUrl, prominent: true }],
      [{ label: message(language, "label.when"), text: `${formatRange(demo.start, demo.end, prospect.timeZone, language)} (${prospect.timeZone})` }],
      // A colleague of a team demo has no manage link: the booking is the booker's to move.
      ...(demo.manageUrl ? [[{ label: message(language, "label.manage"), text: demo.manageUrl, href: demo.manageUrl }]] : []),
      [{ text: ctx.company.name }],
      unsubscribeLines(message(language, "reminder.unsubscribe"), options),
    ],
    unsubscribe: options,
  });
}

/** To the rep, shortly before the demo: who is coming, what they want, their local time, the join link. */
export function composePrepNote(ctx: MessageContext, demo: DemoView): PlainEmail {
  const { prospect, rep } = demo;
  const language = rep.language ?? "en";
  const when = whenFromNow(ctx.now, demo.start, rep.timeZone, language);
  const who = personWho(prospect);
  return composePlainEmail(ctx, {
    id: { kind: "prep", about: demo.id, variant: formatUtcDateTime(demo.start) },
    to: { name: rep.name, email: rep.email },
    subject: message(language, "rep.prep.subject", { when: when.subject, who }),
    paragraphs: [
      [{ text: message(language, "rep.prep.body", { offering: demo.offeringTitle, who, when: when.sentence }) }],
      [
        { label: message(language, "label.join"), text: demo.joinUrl, href: demo.joinUrl, prominent: true },
        { label: message(language, "label.when"), text: `${formatRange(demo.start, demo.end, rep.timeZone, language)} (${rep.timeZone})` },
        { label: message(language, "rep.label.theirLocalTime"), text: `${formatRange(demo.start, demo.end, prospect.timeZone, language)} (${prospect.timeZone})` },
      ],
      contactLines(prospect, { notes: demo.notes, phoneText: displayPhone, language }),
    ],
  });
}

/**
 * To the rep: call this person now — the number first, why, who they are, then the outcome links (each opens
 * a page that records it only when the rep confirms). A lead without a phone is an e-mail follow-up task.
 */
export function composeCallPrompt(ctx: MessageContext, input: CallPromptInput): PlainEmail {
  checkAttempt(input.attempt, input.attemptsInAll);
  const { lead, rep } = input;
  const language = rep.language ?? "en";
  const paragraphs: BodyLine[][] = [
    [callLine(lead, language)],
    callReason(ctx.now, input, language),
    [
      ...contactLines(lead, { phoneText: displayPhone, language }),
      localTimeLine(ctx.now, lead, language, rep.timeZone),
      ...demoLine(input, rep.timeZone, language),
      ...webinarLine(input, rep.timeZone, language),
    ],
  ];
  // An instant call is claimed in the console first; its outcome is logged there.
  if (input.outcomeLinks.length) paragraphs.push([{ text: message(language, "rep.call.logOutcome") }, ...input.outcomeLinks.map(buttonLine)]);
  if (input.attendanceLinks?.length) {
    paragraphs.push([{ text: message(language, "rep.call.didAttend", { name: firstName(lead.name) }) }, ...input.attendanceLinks.map(buttonLine)]);
  }
  // Without a phone there is nobody to call: it is a task to write to them.
  const subject =
    input.reason === "instant"
      ? message(language, "rep.call.subject.instant", { name: lead.name })
      : lead.phone
        ? message(language, "rep.call.subject.phone", { name: lead.name, phone: displayPhone(lead.phone) })
        : message(language, "rep.call.subject.email", { name: lead.name });
  return composePlainEmail(ctx, {
    id: { kind: "call", about: input.promptId, variant: String(input.attempt) },
    to: { name: rep.name, email: rep.email },
    subject,
    paragraphs,
  });
}

/** To the prospect after the demo: five one-click ratings; the page they open takes a comment. */
export function composeFeedbackRequest(ctx: MessageContext, demo: DemoView, options: FeedbackOptions): PlainEmail {
  const { prospect, rep } = demo;
  const language = prospectLanguage(prospect);
  const when = formatLong(demo.start, prospect.timeZone, language);
  return composePlainEmail(ctx, {
    id: { kind: "feedback", about: demo.id },
    to: { name: prospect.name, email: prospect.email },
    replyTo: { name: rep.name, email: rep.email },
    subject: message(language, "feedback.subject", { rep: firstName(rep.name) }),
    paragraphs: [
      hello(prospect.name, language),
      [{ text: message(language, "feedback.thanks", { offering: demo.offeringTitle, rep: firstName(rep.name), company: ctx.company.name, when, zone: prospect.timeZone }) }],
      ratingLines(options.ratingUrl, language),
      [{ text: message(language, "feedback.comment") }],
      [{ text: ctx.company.name }],
      unsubscribeLines(message(language, "unsubscribe.other"), options),
    ],
    unsubscribe: options,
  });
}

/** To the rep: a low rating to handle, with the comment and how to reach the prospect. */
export function composeComplaintAlert(ctx: MessageContext, demo: DemoView, input: ComplaintInput): PlainEmail {
  checkRating(input.rating);
  const { prospect, rep } = demo;
  const language = rep.language ?? "en";
  const comment = input.comment?.trim();
  return composePlainEmail(ctx, {
    id: { kind: "complaint", about: demo.id, variant: String(input.rating) },
    to: { name: rep.name, email: rep.email },
    subject: message(language, "rep.complaint.subject", { name: prospect.name, rating: input.rating }),
    paragraphs: [
      [{ text: message(language, "rep.complaint.body", { name: prospect.name, offering: demo.offeringTitle, rating: input.rating }) }],
      [
        comment ? { label: message(language, "rep.label.theirComment"), text: comment } : { text: message(language, "rep.complaint.noComment") },
        { label: message(language, "rep.label.demo"), text: `${formatInZone(demo.start, rep.timeZone, language)} ${zoneAbbreviation(demo.start, rep.timeZone)} (${rep.timeZone})` },
      ],
      [{ text: message(language, "rep.complaint.reachOut") }, callLine(prospect, language)],
      contactLines(prospect, { notes: demo.notes, phoneText: displayPhone, language }),
    ],
  });
}

/** To the manager: a call prompt nobody acted on — who was to call whom, since when, and the contact. */
export function composeEscalation(ctx: MessageContext, input: EscalationInput): PlainEmail {
  const { rep, lead } = input;
  const zone = input.managerTimeZone ?? "UTC";
  const language = input.managerLanguage ?? "en";
  return composePlainEmail(ctx, {
    id: { kind: "escalation", about: input.promptId, variant: String(input.attempt) },
    to: { name: "", email: input.managerEmail },
    subject: message(language, "rep.escalation.subject", { lead: lead.name, rep: firstName(rep.name), attempt: input.attempt }),
    paragraphs: [
      [{ text: message(language, "rep.escalation.body", { rep: rep.name, lead: lead.name }) }],
      [
        { label: message(language, "rep.label.dueSince"), text: `${formatLong(input.promptDueAt, zone, language)} (${zone}), ${ago(ctx.now, input.promptDueAt, language)}` },
        { label: message(language, "rep.label.rep"), text: `${rep.name} (${rep.email})`, href: `mailto:${rep.email}` },
        { label: message(language, "rep.label.attempt"), text: String(input.attempt) },
      ],
      [{ text: message(language, "rep.escalation.followUp", { rep: firstName(rep.name), lead: firstName(lead.name) }) }, callLine(lead, language)],
      [...contactLines(lead, { phoneText: displayPhone, language }), localTimeLine(ctx.now, lead, language)],
    ],
  });
}

/** To the rep: the lead answered a text — what they wrote, and how to reach them. Replies go to the lead. */
export function composeTextReplyNotice(ctx: MessageContext, input: { rep: { name: string; email: string; timeZone: string }; lead: LeadView; body: string; receivedAt: Date; messageId: string }): PlainEmail {
  const { rep, lead } = input;
  return composePlainEmail(ctx, {
    id: { kind: "text-reply", about: input.messageId },
    to: { name: rep.name, email: rep.email },
    replyTo: { name: lead.name, email: lead.email },
    subject: `Text from ${lead.name}: ${input.body.replace(/\s+/g, " ").slice(0, 60)}`,
    paragraphs: [
      [{ text: `${lead.name} answered a text from ${ctx.company.name}:` }],
      [{ text: input.body }],
      [{ label: "Received", text: `${formatLong(input.receivedAt, rep.timeZone)} (${rep.timeZone})` }],
      [{ text: `Call or write back to ${firstName(lead.name)}:` }, callLine(lead, "en")],
      [...contactLines(lead, { phoneText: displayPhone }), localTimeLine(ctx.now, lead, "en")],
    ],
  });
}

/** To the prospect who wants another demo: the booking page, with replies to the rep. */
export function composeRebookInvite(ctx: MessageContext, input: RebookInput): PlainEmail {
  const { lead, rep } = input;
  const language = prospectLanguage(lead);
  return composePlainEmail(ctx, {
    id: { kind: "rebook", about: formatUtcDateTime(ctx.now) },
    to: { name: lead.name, email: lead.email },
    replyTo: { name: rep.name, email: rep.email },
    subject: message(language, "rebook.subject", { rep: firstName(rep.name) }),
    paragraphs: [
      hello(lead.name, language),
      [{ text: message(language, "rebook.body", { rep: firstName(rep.name), company: ctx.company.name }) }],
      [{ label: message(language, "label.bookATime"), text: input.bookingPageUrl, href: input.bookingPageUrl, prominent: true }],
      [{ text: ctx.company.name }],
      unsubscribeLines(message(language, "unsubscribe.other"), input),
    ],
    unsubscribe: input,
  });
}

/** "Jane Doe (Globex)", or the name alone. */
function personWho(person: { name: string; company?: string }): string {
  return person.company ? `${person.name} (${person.company})` : person.name;
}

/** "Call Jane now at +1 312 555 0199" as a big tel: link; without a phone, the address to write to. */
function callLine(person: { name: string; email: string; phone?: string }, language: Language): BodyLine {
  const name = firstName(person.name) || person.name;
  if (person.phone) return { label: message(language, "rep.call.callNow", { name }), separator: " ", text: displayPhone(person.phone), href: telLink(person.phone), prominent: true };
  return { label: message(language, "rep.call.writeTo", { name }), separator: " ", text: person.email, href: `mailto:${person.email}`, prominent: true };
}

function callReason(now: Date, input: CallPromptInput, language: Language): BodyLine[] {
  const name = firstName(input.lead.name) || input.lead.name;
  const counts = { attempt: input.attempt, total: input.attemptsInAll };
  const attempt: BodyLine = { text: message(language, "rep.call.attempt", counts) };
  switch (input.reason) {
    case "after-demo":
      return [{ text: afterDemoText(now, name, input.demo, language) }, attempt];
    case "after-webinar":
      return [{ text: afterWebinarText(now, name, input, language) }, attempt];
    case "unbooked-request": {
      const text = input.requestedAt ? message(language, "rep.call.unbookedAgo", { name, ago: ago(now, input.requestedAt, language) }) : message(language, "rep.call.unbooked", { name });
      return [{ text }, attempt];
    }
    case "retry":
      if (input.lastOutcome === "voicemail") return [{ text: message(language, "rep.call.retryVoicemail", counts) }];
      if (input.lastOutcome === "no_answer") return [{ text: message(language, "rep.call.retryNoAnswer", counts) }];
      return [attempt];
    case "instant": {
      const ring = input.instant;
      return [
        { text: message(language, "rep.call.instant", { name }) },
        ring
          ? { label: message(language, "rep.call.claimWithin", { minutes: countOf(language, "minute", Math.max(1, Math.round(ring.ringSeconds / 60))) }), separator: " ", text: ring.consoleUrl, href: ring.consoleUrl }
          : { text: message(language, "rep.call.claim") },
      ];
    }
  }
}

function afterDemoText(now: Date, name: string, demo: CallPromptInput["demo"], language: Language): string {
  if (demo?.end) return message(language, "rep.call.demoEnded", { name, ago: ago(now, demo.end, language) });
  if (demo) return message(language, "rep.call.demoStarted", { name, ago: ago(now, demo.start, language) });
  return message(language, "rep.call.demoOver", { name });
}

/** "Jane attended “Product tour” today and stayed 40 of 45 minutes.": how keen they were. */
function afterWebinarText(now: Date, name: string, input: CallPromptInput, language: Language): string {
  const { webinar } = input;
  if (!webinar) return message(language, "rep.call.webinarSome", { name });
  const said = { name, title: webinar.title, day: dayWord(now, webinar.start, input.rep.timeZone, language) };
  if (webinar.minutesAttended === undefined) return message(language, "rep.call.webinar", said);
  const attended = Math.round(webinar.minutesAttended);
  if (!webinar.end) return message(language, "rep.call.webinarStayed", { ...said, minutes: countOf(language, "minute", attended) });
  const length = Math.round((webinar.end.getTime() - webinar.start.getTime()) / MINUTE_MS);
  return message(language, "rep.call.webinarStayedOf", { ...said, attended, minutes: countOf(language, "minute", length) });
}

/** "today", "yesterday", or "on Tue, Dec 8", in the rep's zone. */
function dayWord(now: Date, start: Date, timeZone: string, language: Language): string {
  const days = calendarDaysBetween(start, now, timeZone);
  if (days === 0) return message(language, "rep.day.today");
  if (days === 1) return message(language, "rep.day.yesterday");
  return message(language, "rep.day.on", { day: formatDay(start, timeZone, language) });
}

function demoLine(input: CallPromptInput, timeZone: string, language: Language): BodyLine[] {
  const { demo } = input;
  if (!demo) return [];
  return [{ label: message(language, "rep.label.demo"), text: `${demo.offeringTitle}, ${timeForRep(demo.start, input.lead, timeZone, { withDay: true, language })}` }];
}

function webinarLine(input: CallPromptInput, timeZone: string, language: Language): BodyLine[] {
  const { webinar } = input;
  if (!webinar || input.reason !== "after-webinar") return [];
  return [{ label: message(language, "rep.label.webinar"), text: `${webinar.title}, ${timeForRep(webinar.start, input.lead, timeZone, { withDay: true, language })}` }];
}

/** The caller should know whether it is 8 AM or 8 PM where the person is — and that it is their time, not the rep's. */
function localTimeLine(now: Date, person: { name: string; timeZone: string }, language: Language, repTimeZone?: string): BodyLine {
  if (!repTimeZone) return { label: message(language, "rep.label.theirTimeNow"), text: `${formatTime(now, person.timeZone, language)} (${person.timeZone})` };
  return { label: message(language, "rep.label.now"), text: timeForRep(now, person, repTimeZone, { language }) };
}

/** "5 minutes ago", "2 hours 10 minutes ago", or "just now". */
function ago(now: Date, then: Date, language: Language): string {
  const minutes = Math.round((now.getTime() - then.getTime()) / MINUTE_MS);
  return minutes < 1 ? message(language, "rep.justNow") : message(language, "rep.ago", { duration: duration(minutes, language) });
}

function checkAttempt(attempt: number, attemptsInAll: number): void {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > attemptsInAll) {
    throw new RangeError(`attempt must be a whole number from 1 to ${attemptsInAll}, got ${attempt}`);
  }
}

function checkRating(rating: number): void {
  if (!RATINGS.includes(rating as Rating)) throw new RangeError(`a rating is a whole number from 1 to 5, got ${rating}`);
}
