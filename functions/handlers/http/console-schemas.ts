// HTTP API: request and response schemas of sign-in and the rep console — validation, types and the
// OpenAPI document (console-openapi.ts) all come from here, like api-schemas.ts for the public API.
// Built on first use (z.lazy), as api-schemas.ts says why; a schema z.extend builds on stays eager.

import * as z from "zod/mini";
import { emailAddress, optionalMultiLineText, timeZoneName } from "../../validation/common-fields";
import { INSIGHTS_GROUPINGS, LEAD_FIGURE_NAMES } from "../../core/insights/insights-report";
import { WEEKDAYS } from "../../core/availability/working-hours";
import { allTimes, instant, localDate, OUTCOMES, protectionFields, withoutProtection } from "./api-schemas";

export const signInBody = z.lazy(() => z.pipe(z.strictObject({ email: emailAddress, ...protectionFields }), z.transform(withoutProtection)));
export const sessionBody = z.lazy(() => z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)) }));

export const signInResponse = z.lazy(() => z.object({ message: z.string() }));

const repSummary = z.lazy(() => z.object({ id: z.string(), name: z.string(), role: z.enum(["rep", "manager"]) }));
export const meResponse = z.lazy(() => z.object({ rep: repSummary }));
/** The team a manager may filter by and hand call-backs to. */
export const teamResponse = z.lazy(() => z.object({ reps: z.array(repSummary) }));
export const signOutResponse = z.lazy(() => z.object({ signedOut: z.boolean() }));

const queueItemIdParam = z.lazy(() => z.string().check(z.minLength(3), z.maxLength(200)));
export const queueQuery = z.lazy(() => z.strictObject({ rep: z.optional(z.string().check(z.regex(/^(all|[a-z0-9-]{1,40})$/, { error: "must be a rep id or all" }))) }));
export const consoleOutcomeBody = z.lazy(() => z.strictObject({ outcome: z.enum(OUTCOMES), note: optionalMultiLineText(2000) }));
export const assignBody = z.lazy(() => z.strictObject({ repId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, { error: "is not a rep id" })) }));
export const noteBody = z.lazy(() => z.strictObject({ text: z.pipe(z.string().check(z.maxLength(4000)), z.transform((text, ctx) => { const trimmed = text.trim(); if (!trimmed) ctx.issues.push({ code: "custom", message: "is required", input: text }); return trimmed; })) }));

export { queueItemIdParam };

/** Booking a demo for a lead from the lead page: the times (in the lead's zone), then the booking. */
const offeringParam = z.lazy(() => z.string().check(z.minLength(1), z.maxLength(40)));
export const leadSlotsQuery = z.lazy(() => z.strictObject({ offering: offeringParam, from: z.optional(localDate), to: z.optional(localDate), allTimes }));
export const leadBookingBody = z.lazy(() => z.strictObject({ offering: offeringParam, start: instant, notes: optionalMultiLineText(2000) }));
export type LeadBookingBody = z.output<typeof leadBookingBody>;

const leadSummary = z.lazy(() => z.object({ id: z.string(), name: z.string(), company: z.optional(z.string()), email: z.string(), phone: z.optional(z.string()), timeZone: z.string() }));
export const queueResponse = z.lazy(() => z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      repId: z.string(),
      dueAt: z.string(),
      attempt: z.int(),
      overdue: z.boolean(),
      escalated: z.boolean(),
      lead: leadSummary,
      bookingId: z.optional(z.string()),
      /** In the team's pool (its rep was deactivated): any rep may take it by logging an outcome. */
      inPool: z.optional(z.boolean()),
      /** kind "instant": the prospect waits for a call; claim it before ringUntil or it moves to the next rep. */
      instant: z.optional(z.object({ callId: z.string(), ringUntil: z.optional(z.string()), claimedAt: z.optional(z.string()) })),
    }),
  ),
}));
/** "Call me now": the rep's switch (a heartbeat while the console is open and it is on). */
export const presenceBody = z.lazy(() => z.strictObject({ available: z.boolean() }));
export const presenceResponse = z.lazy(() => z.object({
  available: z.boolean(),
  reachable: z.boolean(),
  until: z.optional(z.string()),
  reason: z.optional(z.enum(["off", "outside-hours", "day-off", "in-demo"])),
}));
export const claimResponse = z.lazy(() => z.object({ id: z.string(), callId: z.string(), status: z.enum(["claimed"]), claimedAt: z.string() }));

/** `total`: with `figure`, how many leads are behind it (the most recent FIGURE_LEADS_LIMIT are listed). */
export const leadsResponse = z.lazy(() => z.object({ leads: z.array(leadSummary), total: z.optional(z.int()) }));
export const leadPageResponse = z.lazy(() => z.object({ lead: leadSummary, events: z.array(z.object({ at: z.string(), kind: z.string(), data: z.optional(z.record(z.string(), z.unknown())) })) }));

export const scheduleResponse = z.lazy(() => z.object({
  entries: z.array(
    z.object({
      kind: z.enum(["demo", "webinar"]),
      repId: z.string(),
      start: z.string(),
      end: z.string(),
      title: z.string(),
      joinUrl: z.string(),
      bookingId: z.optional(z.string()),
      lead: z.optional(z.object({ id: z.string(), name: z.string(), company: z.optional(z.string()), interest: z.optional(z.string()), notes: z.optional(z.string()) })),
      timeZone: z.optional(z.string()),
      sessionId: z.optional(z.string()),
      seatsTaken: z.optional(z.int()),
    }),
  ),
}));

/** Insights: a date range in the viewer's zone, optionally one rep, one offering and one source, grouped by period, rep, offering or source. */
export const INSIGHTS_MAX_DAYS = 366;
const repIdField = z.lazy(() => z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, { error: "is not a rep id" })));
const offeringIdField = z.lazy(() => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "is not an offering id" })));
/** A source as the figures name it (utm_source, else the referring host, else "direct"; lower case). */
const sourceField = z.lazy(() => z.string().check(z.regex(/^[a-z0-9._-]{1,64}$/, { error: "is not a source as the figures name it (lower case letters, digits, '.', '_' or '-')" })));
export const insightsQuery = z.lazy(() => z.strictObject({
  from: localDate,
  to: localDate,
  timeZone: timeZoneName,
  rep: z.optional(repIdField),
  offering: z.optional(offeringIdField),
  source: z.optional(sourceField),
  groupBy: z._default(z.enum(INSIGHTS_GROUPINGS, { error: "must be day, week, rep, offering or source" }), "day"),
}));

/**
 * Lead search: by what a rep remembers (`query`), or the leads behind an insights figure (`figure` with the
 * figure's own filter: from, to and timeZone required; rep — `-` for the not yet assigned —, offering, source).
 */
export const leadsQuery = z.lazy(() => z.strictObject({
  query: z.optional(z.string().check(z.minLength(1, { error: "is required" }), z.maxLength(200))),
  figure: z.optional(z.enum(LEAD_FIGURE_NAMES, { error: `must be one of ${LEAD_FIGURE_NAMES.join(", ")}` })),
  from: z.optional(localDate),
  to: z.optional(localDate),
  timeZone: z.optional(timeZoneName),
  rep: z.optional(repIdField),
  offering: z.optional(offeringIdField),
  source: z.optional(sourceField),
}));
const rate = z.lazy(() => z.nullable(z.number()));
const insightsFigures = z.object({
  contactRequests: z.int(),
  bookings: z.int(),
  requestsBookedWithin7Days: z.int(),
  bookingRate: rate,
  demosHeld: z.int(),
  demosAttended: z.int(),
  noShows: z.int(),
  showRate: rate,
  callAttempts: z.int(),
  callsReached: z.int(),
  voicemails: z.int(),
  noAnswers: z.int(),
  connectRate: rate,
  voicemailShare: rate,
  noAnswerShare: rate,
  converted: z.int(),
  leadsWithDemo: z.int(),
  conversionRate: rate,
  medianDaysToConvert: z.nullable(z.int()),
  requestsReached: z.int(),
  requestsNeverReached: z.int(),
  speedToLeadMedianMinutes: rate,
  speedToLeadP90Minutes: rate,
  reachedWithin5MinutesShare: rate,
  reachedWithin1HourShare: rate,
  reachedWithin1DayShare: rate,
  webinarRegistered: z.int(),
  webinarRegistrations: z.int(),
  webinarColleagues: z.int(),
  colleaguesPerRegistration: rate,
  webinarAttended: z.int(),
  webinarStayedEngaged: z.int(),
  webinarAttendanceRate: rate,
  webinarEngagedShare: rate,
});
export const insightsResponse = z.lazy(() => z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  groupBy: z.enum(INSIGHTS_GROUPINGS),
  rep: z.optional(z.string()),
  offering: z.optional(z.string()),
  source: z.optional(z.string()),
  totals: insightsFigures,
  /** key: the local date, the Monday of the week, the rep id, the offering id or the source. */
  series: z.array(z.extend(insightsFigures, { key: z.string() })),
}));
export type InsightsResponseBody = z.output<typeof insightsResponse>;

/** One webhook delivery as the console lists it (the body stays in the table). */
const webhookDelivery = z.lazy(() => z.object({
  id: z.string(),
  type: z.string(),
  createdAt: z.string(),
  status: z.enum(["pending", "retrying", "delivered", "failed", "endpoint-disabled"]),
  attempts: z.number(),
  lastAttemptAt: z.optional(z.string()),
  lastStatusCode: z.optional(z.number()),
  lastError: z.optional(z.string()),
  nextAttemptAt: z.optional(z.string()),
  deliveredAt: z.optional(z.string()),
}));
/** Each configured endpoint with its last 100 deliveries, newest first (managers). */
export const webhooksResponse = z.lazy(() => z.object({
  endpoints: z.array(z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), disabledAt: z.optional(z.string()), deliveries: z.array(webhookDelivery) })),
}));
export const resendResponse = webhookDelivery;

/**
 * The settings document (liveline.config.json's schema): judged by the config schema itself on a save
 * (config/liveline-config.ts, field errors named as at start), so here only "a JSON object".
 */
export const settingsDocument = z.lazy(() => z.record(z.string(), z.unknown()));
/** GET/PUT /api/settings: the version in force (also the ETag) and its document. */
export const settingsResponse = z.lazy(() => z.object({ version: z.int(), savedAt: z.string(), savedBy: z.string(), settings: settingsDocument }));
export type SettingsResponseBody = z.output<typeof settingsResponse>;
const settingsChange = z.lazy(() => z.object({ path: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) }));
/** GET /api/settings/history: the versions, newest first, each with who saved it, when and what changed. */
export const settingsHistoryResponse = z.lazy(() => z.object({ versions: z.array(z.object({ version: z.int(), savedAt: z.string(), savedBy: z.string(), changes: z.array(settingsChange) })) }));
export type SettingsHistoryBody = z.output<typeof settingsHistoryResponse>;

/**
 * A manager's logo upload: the file's bytes as base64 (the API takes JSON) and the type the browser named;
 * the bytes themselves are judged (PNG, JPEG, GIF or WebP, at most 256 KB) before anything is stored.
 */
export const logoUploadBody = z.lazy(() => z.strictObject({
  contentType: z.string().check(z.maxLength(100)),
  data: z.base64(),
}));
export type LogoUploadBody = z.output<typeof logoUploadBody>;

/** Per weekday, several "HH:MM-HH:MM" ranges in the rep's zone; a day left out is not worked. */
const weeklyRanges = z.lazy(() => z.partialRecord(z.enum(WEEKDAYS), z.array(z.string().check(z.maxLength(20))).check(z.maxLength(12))));
const textList = z.lazy(() => z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)));

/** A rep's own availability ("My availability"); the values are judged by the config schema on save. */
export const availabilityBody = z.lazy(() => z.strictObject({
  timeZone: timeZoneName,
  workingHours: weeklyRanges,
  /** "2027-01-08" or a range "2027-01-04..2027-01-08". */
  datesOff: z.array(z.string().check(z.maxLength(30))).check(z.maxLength(400)),
  /** The calendar's secret iCalendar address; empty: none. */
  calendarFeedUrl: z.optional(z.string().check(z.maxLength(2000))),
  /** The rep's own meeting room; empty: the offering's. */
  meetingUrl: z.optional(z.string().check(z.maxLength(2000))),
  phone: z.optional(z.string().check(z.maxLength(40))),
  /** Languages the rep runs demos in, e.g. ["en", "de"]. */
  languages: textList,
}));
export type AvailabilityBody = z.output<typeof availabilityBody>;
export const availabilityResponse = z.lazy(() => z.object({
  version: z.int(),
  repId: z.string(),
  availability: availabilityBody,
  preview: z.optional(z.object({ offeringId: z.string(), timeZone: z.string(), from: z.string(), to: z.string(), slots: z.array(z.object({ start: z.string(), end: z.string() })) })),
}));
export type AvailabilityResponseBody = z.output<typeof availabilityResponse>;

/**
 * The Team page (managers): a rep as a manager keeps them up — the values judged by the config schema on
 * save (reps[] of liveline.config.json), errors named by these fields. Hours and days off are the rep's own
 * ("My availability"); a new rep's first weekly hours come here, an edit leaves them unless sent.
 */
export const teamMemberBody = z.strictObject({
  name: z.string().check(z.maxLength(100)),
  email: z.string().check(z.maxLength(254)),
  role: z.enum(["rep", "manager"], { error: "must be rep or manager" }),
  /** Share of assignments relative to other reps: 2 gets twice the demos of 1. */
  weight: z.number({ error: "must be a number" }),
  skills: textList,
  /** Regions the rep covers, as named in routing.regions. */
  regions: textList,
  /** Languages the rep runs demos in. */
  languages: textList,
  /** The language of Liveline's mail to the rep (en, de, fr, es). */
  language: z.string().check(z.maxLength(10)),
  timeZone: timeZoneName,
  phone: z.optional(z.string().check(z.maxLength(40))),
  meetingUrl: z.optional(z.string().check(z.maxLength(2000))),
  calendarFeedUrl: z.optional(z.string().check(z.maxLength(2000))),
  workingHours: z.optional(weeklyRanges),
});
export type TeamMemberBody = z.output<typeof teamMemberBody>;
/** Adding a rep: their id too (lower-case letters, digits and dashes; never changed after). */
export const newTeamMemberBody = z.extend(teamMemberBody, { id: z.string().check(z.maxLength(40)) });
export type NewTeamMemberBody = z.output<typeof newTeamMemberBody>;
const teamMember = z.lazy(() => z.extend(newTeamMemberBody, {
  workingHours: weeklyRanges,
  /** false: deactivated — kept for their history, in no pool, unable to sign in. */
  active: z.boolean(),
  /** The demo offerings whose pool holds the rep. */
  offerings: z.array(z.string()),
}));
/** GET /api/settings/reps: every rep, deactivated ones too, with the settings version (also the ETag). */
export const teamSettingsResponse = z.lazy(() => z.object({ version: z.int(), reps: z.array(teamMember) }));
export type TeamSettingsBody = z.output<typeof teamSettingsResponse>;
/** A rep added or changed, with the settings version it made. */
export const teamMemberResponse = z.object({ version: z.int(), rep: teamMember });
export type TeamMemberResponseBody = z.output<typeof teamMemberResponse>;
/** A rep deactivated: how many open call-backs went to the team's pool. */
export const deactivationResponse = z.lazy(() => z.extend(teamMemberResponse, { handedToPool: z.int() }));
export type DeactivationBody = z.output<typeof deactivationResponse>;

/**
 * The "Offerings and webinars" page (managers): a whole offering (a demo, or a webinar with its recurrence
 * and one-off sessions) or the routing section, as liveline.config.json has them — judged by the config
 * schema on save (field errors named within the body), so here only "a JSON object".
 */
export const offeringBody = z.lazy(() => z.record(z.string(), z.unknown()));
export const routingBody = z.lazy(() => z.record(z.string(), z.unknown()));
/** GET /api/settings/offerings: the offerings and routing in force, the reps they may name, the version (also the ETag). */
export const offeringsSettingsResponse = z.lazy(() => z.object({
  version: z.int(),
  offerings: z.array(z.record(z.string(), z.unknown())),
  routing: z.record(z.string(), z.unknown()),
  reps: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
}));
export type OfferingsSettingsBody = z.output<typeof offeringsSettingsResponse>;
/** "Test this rule": sample answers routed as a contact request would be, by the rules in force or a draft of the routing section. */
export const routingTestBody = z.lazy(() => z.strictObject({
  answers: z.strictObject({
    email: emailAddress,
    country: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter country code such as DE" }))),
    language: z.optional(z.string().check(z.maxLength(20))),
    teamSize: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
    interest: z.optional(z.string().check(z.maxLength(2000))),
  }),
  /** The offering the request is for; the one a contact request becomes when absent. */
  offering: z.optional(offeringParam),
  /** A routing section not saved yet (e.g. with the rule being edited); the one in force when absent. */
  routing: z.optional(routingBody),
}));
export type RoutingTestBody = z.output<typeof routingTestBody>;
/** Which rule picked the pool (null: the fallback), the pool, and each rule's step: matched, or why not. */
export const routingTestResponse = z.lazy(() => z.object({
  offering: z.string(),
  rule: z.nullable(z.string()),
  pool: z.array(z.string()),
  trace: z.array(z.object({ rule: z.string(), matched: z.boolean(), reason: z.optional(z.string()) })),
}));
export type RoutingTestResponseBody = z.output<typeof routingTestResponse>;
