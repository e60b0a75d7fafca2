// HTTP API: the request and response schemas — the one source for validating requests, for their
// TypeScript types (z.infer) and for the OpenAPI document served at /api/openapi.json.
// Each schema is built on first use (z.lazy): a cold start builds only the schemas of the route it serves,
// not all of them (building every schema here took some 4 ms of each API function's cold import); the
// types and the OpenAPI document are the same. A schema another one extends or checks stays eager.

import * as z from "zod/mini";
import {
  emailAddress,
  optionalMultiLineText,
  optionalSingleLineText,
  phoneNumber,
  requiredPhoneNumber,
  singleLineText,
  timeZoneName,
} from "../../validation/common-fields";
import { LEAD_SOURCE_MAX_CHARS } from "./body-limits";

const consent = z.lazy(() => z.literal(true, { error: "must be given: please agree to be contacted about your request" }));

/**
 * The years the product can serve: zone maths (Intl, and Date.UTC's reading of years 0-99 as 19xx) cannot
 * place a wall-clock time before 1970 or past 9999 reliably, and nobody books a demo there.
 */
export const FIRST_DATE = "1970-01-01";
export const LAST_DATE = "9999-12-31";

export const localDate = z.lazy(() => z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-12-01" }),
  z.refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
    error: "is not a real date",
  }),
  z.refine((text) => text >= FIRST_DATE && text <= LAST_DATE, { error: `must be between ${FIRST_DATE} and ${LAST_DATE}` }),
));

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant with its offset (as the slots list gives it), turned into epoch ms. */
export const instant = z.lazy(() => z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((value, ctx) => {
    const ms = Date.parse(value);
    if (!OFFSET_DATE_TIME.test(value) || Number.isNaN(ms)) {
      ctx.issues.push({ code: "custom", message: "must be a date-time with offset, e.g. 2026-12-01T10:00:00-06:00", input: value });
    } else if (ms < Date.parse(`${FIRST_DATE}T00:00:00Z`) || ms >= Date.parse(`${LAST_DATE}T00:00:00Z`)) {
      ctx.issues.push({ code: "custom", message: `must be between ${FIRST_DATE} and ${LAST_DATE}`, input: value });
    }
    return ms;
  }),
));

const countryCode = z.lazy(() => z.optional(
  z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter country code such as DE" })),
    z.transform((value) => value.toUpperCase()),
  ),
));

const languageTag = z.lazy(() => z.optional(
  z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: "must be a language code such as de or pt-BR" })),
    z.transform((value) => value.toLowerCase()),
  ),
));

const recordId = z.lazy(() => z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, { error: "is not a valid id" })));

/** A page's address as the browser gives it: absolute, http or https, bounded; blank counts as absent. */
const pageAddress = z.lazy(() => z.optional(
  z.pipe(
    z.string().check(z.maxLength(LEAD_SOURCE_MAX_CHARS.referrer)),
    z.transform((value, ctx) => {
      const trimmed = value.trim();
      if (trimmed === "") return undefined;
      if (!/^https?:\/\/[^\s]+$/i.test(trimmed) || !URL.canParse(trimmed)) ctx.issues.push({ code: "custom", message: "must be a page address starting with http:// or https://", input: value });
      return trimmed;
    }),
  ),
));

const utmValue = optionalSingleLineText(LEAD_SOURCE_MAX_CHARS.utm, "campaign text");

/**
 * Where the prospect came from, as the page saw it: its own utm_* parameters and the referring page (the
 * embed's host page, passed as ?ref=, or the browser's referrer). Kept with the lead, first touch only.
 */
export const leadSource = z.lazy(() => z.strictObject({
  utmSource: utmValue,
  utmMedium: utmValue,
  utmCampaign: utmValue,
  utmTerm: utmValue,
  utmContent: utmValue,
  referrer: pageAddress,
}));
export type LeadSourceBody = z.input<typeof leadSource>;

const prospectFields = {
  name: singleLineText(200, "name"),
  email: emailAddress,
  company: optionalSingleLineText(200, "company name"),
  phone: z.optional(phoneNumber),
  teamSize: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
  interest: optionalMultiLineText(2000),
  country: countryCode,
  language: languageTag,
  timeZone: timeZoneName,
  consent,
  /** The separate "Text me reminders" box: texts (reminders, a missed-call follow-up) to `phone`, which it needs. */
  smsConsent: z.optional(z.boolean()),
  source: z.optional(leadSource),
};

/** smsConsent: true without a phone is a 422 naming smsConsent (there is nowhere to text). */
const smsConsentNeedsPhone = z.refine<{ smsConsent?: boolean; phone?: string }>((body) => body.smsConsent !== true || body.phone !== undefined, {
  error: "needs a phone number to text",
  path: ["smsConsent"],
});

/**
 * Abuse protection's fields, on every public write: checked and taken out of the body by
 * handlers/http/protection.ts before the route reads it (so an idempotent retry with a new solution is the
 * same request), and dropped again here so no use case ever sees them.
 */
export const protectionFields = {
  /**
   * The proof-of-work solution (the ALTCHA widget's payload: base64 of {challenge, solution}) for a
   * challenge from GET /api/challenge; each works once. Required unless the request carries a rep's bearer
   * token (integrations) or the server runs with LIVELINE_PROTECTION=off.
   */
  altcha: z.optional(z.string().check(z.maxLength(4000))),
  /** A honeypot: the pages hide this field from people; leave it out or empty. A filled-in value is refused. */
  website: z.optional(z.string().check(z.maxLength(2000))),
};
export const protectionInput = z.lazy(() => z.object(protectionFields));

export const challengeQuery = z.lazy(() => z.strictObject({ stamp: z.optional(z.string().check(z.maxLength(200))) }));
/** An ALTCHA challenge (v2): solve it with the widget or altcha-lib's solveChallenge, send the payload as altcha. */
export const challengeResponse = z.lazy(() => z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.int(),
    keyLength: z.int(),
    keyPrefix: z.string(),
    keySignature: z.optional(z.string()),
    /** kid: the key that signed; expires: epoch ms; stamp: when the page first asked (pass it back as ?stamp=); minFormMs: how long a page waits before it sends. */
    data: z.object({ kid: z.string(), expires: z.int(), stamp: z.string(), minFormMs: z.number() }),
  }),
  signature: z.string(),
}));

export const withoutProtection = <T extends { altcha?: string; website?: string }>({ altcha: _altcha, website: _website, ...rest }: T) => rest;

export const contactRequestBody = z.lazy(() => z.pipe(z.strictObject({ ...prospectFields, ...protectionFields }).check(smsConsentNeedsPhone), z.transform(withoutProtection)));
export type ContactRequestBody = z.output<typeof contactRequestBody>;

export const bookingBody = z.lazy(() => z.pipe(
  z.strictObject({
  offering: z.string().check(z.minLength(1), z.maxLength(40)),
  start: instant,
  ...prospectFields,
  notes: optionalMultiLineText(2000),
  contactRequestId: z.optional(recordId),
  /** For an offering that takes colleagues (a private group session): each gets their own invitation. */
  colleagues: z.optional(z.array(emailAddress).check(z.maxLength(50, { error: "has too many addresses" }))),
  ...protectionFields,
  }).check(smsConsentNeedsPhone),
  z.transform(withoutProtection),
));
export type BookingBody = z.output<typeof bookingBody>;

/** "Call me now": a phone is required (that is the point), the rest is a contact request's. */
export const instantCallBody = z.lazy(() => z.pipe(
  z.strictObject({
    offering: z.string().check(z.minLength(1), z.maxLength(40)),
    ...prospectFields,
    phone: requiredPhoneNumber,
    ...protectionFields,
  }),
  z.transform(withoutProtection),
));
export type InstantCallBody = z.output<typeof instantCallBody>;
export const instantAvailabilityQuery = z.lazy(() => z.strictObject({
  offering: z.string().check(z.minLength(1, { error: "is required" }), z.maxLength(40)),
  /** The reps this contact request was routed to, rather than the offering's whole pool. */
  contactRequest: z.optional(recordId),
}));
export const instantAvailabilityResponse = z.lazy(() => z.object({ available: z.boolean() }));
/** ringing: a rep is being alerted; claimed: a rep took it and calls now; unavailable: nobody was free. */
export const instantCallResponse = z.lazy(() => z.object({ id: z.string(), status: z.enum(["ringing", "claimed", "unavailable"]) }));
export type InstantCallResponse = z.output<typeof instantCallResponse>;

export const allTimes = z.lazy(() => z.optional(
  z.pipe(
    z.enum(["true", "false"], { error: 'must be "true" or "false"' }),
    z.transform((value) => value === "true"),
  ),
));

export const slotsQuery = z.lazy(() => z.strictObject({
  offering: z.string().check(z.minLength(1), z.maxLength(40)),
  from: z.optional(localDate),
  to: z.optional(localDate),
  timeZone: timeZoneName,
  /** Show the slots of the reps this contact request was routed to. */
  contactRequest: z.optional(recordId),
  /** "true": every free time, also outside the offering's prospect hours (for night owls). */
  allTimes,
}));

export const bookingIcsQuery = z.lazy(() => z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1000)) }));

/** Header names are case-insensitive; we read it lower-cased. */
export const IDEMPOTENCY_HEADER = "idempotency-key";
/** 1–255 visible ASCII characters, as Stripe and the IETF Idempotency-Key draft accept (a UUID fits). */
export const idempotencyKey = z.lazy(() => z.string().check(
  z.regex(/^[\x21-\x7E]{1,255}$/, { error: "must be 1–255 visible ASCII characters (no spaces)" }),
));

// Responses (documented, and the types route handlers build).

export const offeringSummary = z.lazy(() => z.object({
  id: z.string(),
  title: z.string(),
  durationMinutes: z.int(),
  kind: z.enum(["demo", "webinar"]),
  description: z.optional(z.string()),
}));
export type OfferingSummary = z.output<typeof offeringSummary>;

/** The company's look for the pages and the embed (config company.brand); no colour: the pages' own. */
export const brandResponse = z.lazy(() => z.object({
  company: z.string(),
  primaryColor: z.optional(z.string()),
  hoverColor: z.optional(z.string()),
  /** A path on the site, e.g. brand/logo.svg. */
  logo: z.optional(z.string()),
  fontStack: z.optional(z.string()),
}));
export type BrandResponse = z.output<typeof brandResponse>;

const zonedSlot = z.lazy(() => z.object({ start: z.string(), end: z.string() }));

export const slotListResponse = z.lazy(() => z.object({
  offering: z.string(),
  timeZone: z.string(),
  slots: z.array(zonedSlot),
  /** The prospect hours the slots were limited to ("08:00-20:00"); absent when all times were asked. */
  prospectHours: z.optional(z.string()),
}));
export type SlotListResponse = z.output<typeof slotListResponse>;

/** Which routing rule matched and why the others did not: for the operator. */
const routingTrace = z.lazy(() => z.object({
  rule: z.nullable(z.string()),
  pool: z.array(z.string()),
  trace: z.array(z.object({ rule: z.string(), matched: z.boolean(), reason: z.optional(z.string()) })),
}));

export const contactRequestResponse = z.lazy(() => z.object({
  id: z.string(),
  offering: offeringSummary,
  timeZone: z.string(),
  slots: z.array(zonedSlot),
  /** The prospect hours the slots are limited to ("08:00-20:00"); GET /api/slots with allTimes=true shows all. */
  prospectHours: z.optional(z.string()),
  routing: routingTrace,
  /** For a large team: a private group session they may book instead (with colleagues). */
  groupSession: z.optional(z.object({ offering: offeringSummary, maxColleagues: z.int() })),
}));
export type ContactRequestResponse = z.output<typeof contactRequestResponse>;

export const bookingConfirmation = z.lazy(() => z.object({
  id: z.string(),
  status: z.enum(["confirmed"]),
  offering: z.object({ id: z.string(), title: z.string() }),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  rep: z.object({ name: z.string(), firstName: z.string() }),
  /** The second participant of a two-pool offering. */
  secondRep: z.optional(z.object({ name: z.string(), firstName: z.string(), label: z.string() })),
  joinUrl: z.string(),
  manageUrl: z.string(),
  icsUrl: z.string(),
  googleCalendarUrl: z.string(),
}));
export type BookingConfirmationBody = z.output<typeof bookingConfirmation>;

export const errorResponse = z.lazy(() => z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
}));
export type ErrorResponseBody = z.output<typeof errorResponse>;

// The lifecycle: manage (reschedule, cancel), outcomes, feedback, unsubscribe, timeline, follow-ups.

const token = z.lazy(() => z.string().check(z.minLength(10), z.maxLength(2000)));

export const manageQuery = z.lazy(() => z.strictObject({ token }));

export const manageSlotsQuery = z.lazy(() => z.strictObject({
  token,
  timeZone: timeZoneName,
  from: z.optional(localDate),
  to: z.optional(localDate),
  allTimes,
}));

export const rescheduleBody = z.lazy(() => z.strictObject({ token, start: instant }));
export const cancelBody = z.lazy(() => z.strictObject({ token, reason: optionalMultiLineText(1000) }));

export const OUTCOMES = ["attended", "no_show", "reached", "voicemail", "no_answer", "wrong_number", "not_interested", "converted", "wants_another_demo"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A signed outcome link names its outcome; the body carries only the token. */
export const outcomeBody = z.lazy(() => z.strictObject({ token }));
/** A rep logging an outcome through the API with their bearer token. */
export const repOutcomeBody = z.lazy(() => z.strictObject({ outcome: z.enum(OUTCOMES) }));

export const feedbackBody = z.lazy(() => z.strictObject({
  token,
  rating: z.int().check(z.gte(1, { error: "must be 1 to 5" }), z.lte(5, { error: "must be 1 to 5" })),
  comment: optionalMultiLineText(2000),
}));

export const unsubscribeQuery = z.lazy(() => z.strictObject({ token }));

export const bookingView = z.lazy(() => z.object({
  id: z.string(),
  status: z.enum(["confirmed", "cancelled"]),
  offering: z.object({ id: z.string(), title: z.string(), durationMinutes: z.int() }),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  rep: z.object({ name: z.string(), firstName: z.string() }),
  secondRep: z.optional(z.object({ name: z.string(), firstName: z.string(), label: z.string() })),
  joinUrl: z.string(),
  /** False once the demo is too close (the offering's minimum notice) or over, or cancelled. */
  canChange: z.boolean(),
}));
export type BookingViewBody = z.output<typeof bookingView>;

export const cancelResponse = z.lazy(() => z.object({ id: z.string(), status: z.enum(["cancelled"]) }));

export const outcomeResponse = z.lazy(() => z.object({
  outcome: z.enum(OUTCOMES),
  lead: z.object({ name: z.string() }),
  /** The attempt this outcome closed (attendance outcomes have none). */
  attempt: z.optional(z.int()),
  /** The next call attempt, when one was scheduled. */
  next: z.optional(
    z.object({
      attempt: z.int(),
      dueAt: z.string(),
      /** As the rep reads it, naming the zones: "Wed, Dec 2, 9:00 AM Pat's time (Europe/Paris) · 2:00 AM yours". */
      dueText: z.string(),
    }),
  ),
  /** Set when the lead is now closed: converted, not interested, wrong number, unreachable. */
  closed: z.optional(z.string()),
}));
export type OutcomeResponseBody = z.output<typeof outcomeResponse>;

/** POST /api/outcomes/view: what an outcome link would record, without recording it. */
export const outcomeViewResponse = z.lazy(() => z.object({
  outcome: z.enum(OUTCOMES),
  lead: z.object({ name: z.string() }),
  attempt: z.optional(z.int()),
  /** Set when an outcome was logged already (by this link or another): what, and when. */
  recorded: z.optional(z.object({ outcome: z.string(), at: z.string() })),
}));
export type OutcomeViewBody = z.output<typeof outcomeViewResponse>;

export const feedbackResponse = z.lazy(() => z.object({ received: z.boolean() }));
export const unsubscribeResponse = z.lazy(() => z.object({ unsubscribed: z.boolean() }));

export const timelineResponse = z.lazy(() => z.object({
  leadId: z.string(),
  events: z.array(z.object({ at: z.string(), kind: z.string(), data: z.optional(z.record(z.string(), z.unknown())) })),
}));

export const followUpsResponse = z.lazy(() => z.object({
  repId: z.string(),
  followUps: z.array(
    z.object({
      promptId: z.string(),
      leadId: z.string(),
      bookingId: z.optional(z.string()),
      attempt: z.int(),
      reason: z.enum(["after-demo", "after-webinar", "unbooked-request", "retry", "instant"]),
      dueAt: z.string(),
      /** As the rep reads it, naming the zones: "Tue, Dec 1, 9:05 AM Dana's time (America/New_York) · 3:05 PM yours". */
      dueText: z.string(),
      overdue: z.boolean(),
      lead: z.object({ name: z.string(), email: z.string(), phone: z.optional(z.string()), company: z.optional(z.string()), timeZone: z.string() }),
    }),
  ),
}));

// Webinars: sessions, registrations (with colleagues and a waitlist), the registrant's manage link, and
// the hosts' endpoints (attendee list, attendance, moving or cancelling a session).

/**
 * A colleague: their address, or `{ email, name? }` so their e-mails greet them by name. Either way it is
 * read as `{ email, name? }` (a blank name counts as none).
 */
const colleague = z.lazy(() => z.pipe(
  z.union([emailAddress, z.strictObject({ email: emailAddress, name: optionalSingleLineText(200, "name") })], {
    error: "must be an e-mail address, or an object with email and an optional name",
  }),
  z.transform((value): { email: string; name?: string } => (typeof value === "string" ? { email: value } : { email: value.email, ...(value.name ? { name: value.name } : {}) })),
));
const colleagueList = z.array(colleague).check(z.maxLength(50, { error: "has too many addresses" }));
const emailList = z.lazy(() => z.array(emailAddress).check(z.maxLength(50, { error: "has too many addresses" })));

export const webinarsQuery = z.lazy(() => z.strictObject({ timeZone: timeZoneName, offering: z.optional(z.string().check(z.minLength(1), z.maxLength(40))) }));

export const registrationBody = z.lazy(() => z.pipe(
  z.strictObject({
    ...prospectFields,
    /** Colleagues to invite too (each gets their own invitation, greeting them by name when given); at most the webinar's maxColleagues. */
    colleagues: z.optional(colleagueList),
    /** When the session is full: join the waitlist instead of being refused. */
    waitlist: z.optional(z.boolean()),
    ...protectionFields,
  }).check(smsConsentNeedsPhone),
  z.transform(withoutProtection),
));
export type RegistrationBody = z.output<typeof registrationBody>;

export const registrationManageQuery = z.lazy(() => z.strictObject({ token }));
export const registrationCancelBody = z.lazy(() => z.strictObject({
  token,
  /** Only these members (by e-mail); the whole group when absent. */
  emails: z.optional(emailList),
}));
export const registrationColleaguesBody = z.lazy(() => z.strictObject({ token, colleagues: colleagueList.check(z.minLength(1)) }));

export const attendanceBody = z.lazy(() => z.strictObject({
  /** Minutes each address stayed (from the webinar platform's export), or… */
  attendees: z.optional(z.array(z.strictObject({ email: emailAddress, minutes: z.number().check(z.gte(0), z.lte(24 * 60)) }))),
  /** …marks from the host's page: attended or not. */
  marks: z.optional(z.array(z.strictObject({ email: emailAddress, attended: z.boolean() }))),
}));
export const sessionRescheduleBody = z.lazy(() => z.strictObject({ start: instant }));
export const sessionCancelBody = z.lazy(() => z.strictObject({ reason: optionalMultiLineText(1000) }));

export const sessionSummary = z.lazy(() => z.object({
  id: z.string(),
  offering: z.object({ id: z.string(), title: z.string() }),
  title: z.string(),
  description: z.optional(z.string()),
  start: z.string(),
  end: z.string(),
  capacity: z.int(),
  seatsLeft: z.int(),
  /** How many colleagues a registrant may bring. */
  maxColleagues: z.int(),
  /** False after the registration cut-off (or once cancelled). */
  registrationOpen: z.boolean(),
}));
export type SessionSummaryBody = z.output<typeof sessionSummary>;

export const webinarsResponse = z.lazy(() => z.object({ timeZone: z.string(), sessions: z.array(sessionSummary) }));

/** A member of a registration, shown only behind its manage link. */
export const registrationMember = z.lazy(() => z.object({ email: z.string(), name: z.optional(z.string()), status: z.enum(["confirmed", "waitlisted", "cancelled"]) }));

/**
 * The answer to a registration, new or repeated alike: it names no person, seat or link (those go by
 * e-mail to each address), so typing someone's address reveals nothing about their registration.
 */
export const registrationAccepted = z.lazy(() => z.object({
  message: z.string(),
  /** The session and its time in the asker's zone; no seat count (a repeat takes none, a new one does). */
  session: z.object({
    id: z.string(),
    title: z.string(),
    start: z.string(),
    end: z.string(),
    /** The session's public calendar entry (GET /api/webinars/{sessionId}/calendar.ics): no attendee, no join link. */
    icsUrl: z.string(),
    /** The same entry as an "Add to Google Calendar" link; the join link comes in the invitation e-mail. */
    googleCalendarUrl: z.string(),
  }),
}));
export type RegistrationAcceptedBody = z.output<typeof registrationAccepted>;

/** What the registration answer says, in one place (the page shows it as is). */
export const REGISTRATION_ACCEPTED_MESSAGE = "We have e-mailed you your registration.";

export const registrationView = z.lazy(() => z.object({
  id: z.string(),
  session: sessionSummary,
  timeZone: z.string(),
  members: z.array(registrationMember),
  /** How many colleagues may still be added. */
  colleaguesLeft: z.int(),
  canChange: z.boolean(),
}));

export const sessionFullError = z.lazy(() => z.object({
  error: z.object({
    code: z.literal("session_full"),
    message: z.string(),
    /** The next session of this webinar with room, if any. */
    nextSession: z.optional(sessionSummary),
  }),
}));

export const attendeesResponse = z.lazy(() => z.object({
  session: sessionSummary,
  attendees: z.array(z.object({ email: z.string(), name: z.string(), company: z.optional(z.string()), interest: z.optional(z.string()), status: z.enum(["confirmed", "waitlisted"]) })),
}));

export const attendanceResponse = z.lazy(() => z.object({
  stayed: z.array(z.string()),
  leftEarly: z.array(z.string()),
  noShows: z.array(z.string()),
  /** Addresses in the upload that are not registered for the session. */
  unknown: z.array(z.string()),
}));
