// Core: the signed links of the lifecycle's e-mails — one-click outcomes for reps, the feedback page and
// one-click unsubscribe for prospects. Each token names what it is for; outcome tokens also name their
// outcome, so a link can only ever log the outcome it says. Links to pages carry the token in the URL
// fragment (#token=…), which browsers never send, so it stays out of CDN and proxy logs; the page hands it
// to the API in a header or the body. Only API links a mail program calls itself (one-click unsubscribe)
// keep it in the query. A prospect's page link names the prospect's language (`language`, link-language.ts).

import { pageQuery } from "./link-language";
import type { Language } from "../messages/catalogue";
import { signToken } from "../access/signed-token";
import type { SigningKeys } from "../access/signing-keys";

export const OUTCOME_PURPOSE = "outcome";
export const FEEDBACK_PURPOSE = "feedback";
export const UNSUBSCRIBE_PURPOSE = "unsubscribe";
export const REGISTRATION_PURPOSE = "registration";

const DAY_SECONDS = 86_400;
/** Outcome links stay usable two weeks: long enough for a rep back from a trip. */
const OUTCOME_VALID_SECONDS = 14 * DAY_SECONDS;
const FEEDBACK_VALID_SECONDS = 30 * DAY_SECONDS;
/** Unsubscribe links must keep working long after the e-mail (RFC 8058 expects them to). */
const UNSUBSCRIBE_VALID_SECONDS = 365 * DAY_SECONDS;

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");
const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

/**
 * What an outcome link logs: which prompt of which lead, which outcome, and for which rep — the prompt's
 * owner when the link was mailed, so the link stops logging once the follow-up is moved to someone else.
 */
export interface OutcomeSubject {
  leadId: string;
  promptId: string;
  outcome: string;
  /** Absent in a link mailed before links named their rep (they stay valid 14 days). */
  repId?: string;
}

export function outcomeSubject({ leadId, promptId, outcome, repId }: OutcomeSubject): string {
  return [leadId, promptId, outcome, ...(repId ? [repId] : [])].join("|");
}

export function parseOutcomeSubject(subject: string): OutcomeSubject | undefined {
  const [leadId, promptId, outcome, repId, extra] = subject.split("|");
  if (!leadId || !promptId || !outcome || repId === "" || extra !== undefined) return undefined;
  return { leadId, promptId, outcome, ...(repId ? { repId } : {}) };
}

/** The outcome page for a rep's link, in the rep's language (`?lang=`, outside the token) when one is set. */
export function outcomeUrl(publicUrl: string, keys: SigningKeys, now: Date, subject: OutcomeSubject & { repId: string }, language?: Language): string {
  const token = signToken({ purpose: OUTCOME_PURPOSE, subject: outcomeSubject(subject), expiresAt: seconds(now) + OUTCOME_VALID_SECONDS }, keys);
  return `${base(publicUrl)}/outcome.html${pageQuery([], language)}#token=${token}`;
}

export function feedbackUrl(publicUrl: string, keys: SigningKeys, now: Date, bookingId: string, rating: number, language?: Language): string {
  return feedbackLink(publicUrl, keys, now, bookingId, rating, language);
}

/** A private team demo's colleague's feedback link (subject "c:<bookingId>:<index>"): each rates once. */
export function colleagueFeedbackUrl(publicUrl: string, keys: SigningKeys, now: Date, bookingId: string, colleagueIndex: number, rating: number, language?: Language): string {
  return feedbackLink(publicUrl, keys, now, `c:${bookingId}:${colleagueIndex}`, rating, language);
}

/** A webinar attendee's feedback link: the member of a registration (subject "w:<registrationId>:<index>"). */
export function webinarFeedbackUrl(publicUrl: string, keys: SigningKeys, now: Date, registrationId: string, memberIndex: number, rating: number, language?: Language): string {
  return feedbackLink(publicUrl, keys, now, `w:${registrationId}:${memberIndex}`, rating, language);
}

function feedbackLink(publicUrl: string, keys: SigningKeys, now: Date, subject: string, rating: number, language: Language | undefined): string {
  const token = signToken({ purpose: FEEDBACK_PURPOSE, subject, expiresAt: seconds(now) + FEEDBACK_VALID_SECONDS }, keys);
  return `${base(publicUrl)}/feedback.html${pageQuery([["rating", String(rating)]], language)}#token=${token}`;
}

/** The unsubscribe page; the List-Unsubscribe header points one-click POSTs at the API with the same token. */
export function unsubscribeUrls(publicUrl: string, keys: SigningKeys, now: Date, email: string, language?: Language): { page: string; oneClick: string } {
  const token = signToken({ purpose: UNSUBSCRIBE_PURPOSE, subject: email.toLowerCase(), expiresAt: seconds(now) + UNSUBSCRIBE_VALID_SECONDS }, keys);
  return { page: `${base(publicUrl)}/unsubscribe.html${pageQuery([], language)}#token=${token}`, oneClick: `${base(publicUrl)}/api/unsubscribe?token=${token}` };
}

/** The registrant's link to manage their group for the session's whole life (changes do not replace it). */
export function registrationManageUrl(publicUrl: string, keys: SigningKeys, registrationId: string, sessionEnd: number, language?: Language): string {
  const token = signToken({ purpose: REGISTRATION_PURPOSE, subject: registrationId, expiresAt: Math.floor(sessionEnd / 1000) + 7 * DAY_SECONDS }, keys);
  return `${base(publicUrl)}/registration.html${pageQuery([["registration", registrationId]], language)}#token=${token}`;
}
