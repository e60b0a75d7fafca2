// Config: the one schema of liveline.config.json (company, sender, reps, offerings). The local runtime
// validates it at start, the CDK app at synth (and inlines it into the Lambda bundle), the Lambda at cold start.

import * as z from "zod/mini";
import {
  MAX_TRANSACTION_ITEMS,
  MAX_WEBINAR_COLLEAGUES,
  REGISTRATION_ITEMS_PER_PERSON,
  demoTransactionItems,
  maxDemoBlockedMinutes,
  maxDemoColleagues,
} from "../adapters/dynamodb/transaction-limits";
import { brandColorProblem } from "../core/messages/brand";
import { DEFAULT_CALLING_HOURS, hasAnyHour } from "../core/calls/calling-hours";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../core/messages/catalogue";
import { daysOffProblem } from "../core/availability/days-off";
import { DEFAULT_PROSPECT_HOURS } from "../core/availability/prospect-hours";
import { recurrenceProblem } from "../core/webinars/session-schedule";
import { LOCK_CELL_MINUTES } from "../core/availability/slot-locks";
import { WEEKDAYS, findOverlap, parseMinuteRange } from "../core/availability/working-hours";
import { emailAddress, httpsUrl, phoneNumber, singleLineText, timeZoneName } from "../validation/common-fields";
import { embedSchema } from "./embed-config";
import { followUpsSchema } from "./follow-ups-config";
import { DEFAULT_TEXTS_CONFIG, textsSchema } from "./texts-config";
import { identifier, routingSchema, tag, type RepSelector } from "./routing-config";
import { webhooksSchema } from "./webhooks-config";

/** An http(s) URL in which "{placeholder}" is replaced per booking or session. */
function urlTemplate(placeholder: string) {
  return z.string().check(
    z.refine((text) => URL.canParse(text.replaceAll(`{${placeholder}}`, "x")) && /^https?:\/\//.test(text), {
      error: `must be an http(s) URL, optionally containing {${placeholder}}`,
    }),
  );
}

const minutes = (min: number, max: number) =>
  z.int().check(
    z.gte(min, { error: `must be at least ${min}` }),
    z.lte(max, { error: `must be at most ${max}` }),
    z.multipleOf(5, { error: "must be a multiple of 5 minutes" }),
  );

/** The most reminders a demo or a session sends: each is a timer and a message, all written with the booking. */
const MAX_REMINDERS = 10;

/**
 * Reminders, in minutes before the start (5 minutes to 2 weeks): at most MAX_REMINDERS, none twice — a booking
 * writes them all in its one timers item, and thousands would not fit in it.
 */
const reminderMinutes = (fallback: number[]) =>
  z._default(
    z.array(z.int().check(z.gte(5), z.lte(60 * 24 * 14))).check(
      z.maxLength(MAX_REMINDERS, { error: `must list at most ${MAX_REMINDERS} reminders` }),
      z.refine((list) => new Set(list).size === list.length, { error: "must not list the same time twice" }),
    ),
    fallback,
  );

const dayRanges = z.array(
  z.string().check(
    z.refine((text) => typeof parseMinuteRange(text) !== "string", {
      error: (issue) => String(parseMinuteRange(String(issue.input))),
    }),
  ),
).check(
  z.refine((texts) => findOverlap(texts) === undefined, { error: (issue) => findOverlap(issue.input as string[]) ?? "overlap" }),
);

/**
 * When a rep may be asked to call a lead: per weekday, ranges in the lead's own zone (default 09:00–19:00,
 * Monday to Friday). A call-back due outside moves to the start of the next window.
 */
const callingHours = z._default(
  z.partialRecord(z.enum(WEEKDAYS), dayRanges).check(z.refine(hasAnyHour, { error: "must have at least one range on some weekday" })),
  { ...DEFAULT_CALLING_HOURS },
);

const repSchema = z.strictObject({
  id: identifier,
  name: singleLineText(100, "name"),
  email: emailAddress,
  phone: z.optional(phoneNumber),
  timeZone: timeZoneName,
  /** Weekly hours in the rep's own zone, e.g. { "mon": ["09:00-12:00", "13:00-17:00"] }. */
  workingHours: z.partialRecord(z.enum(WEEKDAYS), dayRanges),
  /** The rep's personal meeting room; when set it replaces the offering's joinUrl for this rep. */
  meetingUrl: z.optional(httpsUrl),
  /** Vacations and holidays in the rep's zone: "2026-12-24" or "2026-12-28..2027-01-01". */
  datesOff: z._default(
    z.array(z.string().check(z.refine((entry) => daysOffProblem(entry) === undefined, { error: (issue) => daysOffProblem(String(issue.input)) }))),
    [],
  ),
  /** Share of assignments relative to other reps: 2 gets twice the demos of 1. */
  weight: z._default(z.number().check(z.gt(0, { error: "must be more than 0" }), z.lte(100, { error: "must be at most 100" })), 1),
  skills: z._default(z.array(tag), []),
  /** Regions the rep covers, matching the names in routing.regions. */
  regions: z._default(z.array(tag), []),
  /** Languages the rep runs demos in, e.g. ["en", "de"]. */
  languages: z._default(z.array(tag), []),
  /** The language of the mail Liveline writes to this rep (prep notes, call prompts, sign-in, digest): one it writes in. */
  language: z._default(z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` }), DEFAULT_LANGUAGE),
  /**
   * SHA-256 (hex) of the rep's API token: `Authorization: Bearer <token>` on the rep endpoints (follow-ups,
   * timelines, outcomes). Locally a token from config; in AWS the same check, ready to give way to Cognito.
   */
  apiTokenSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex characters (sha256)" }))),
  /** In the console a rep sees their own work; a manager sees the team's and reassigns call-backs. */
  role: z._default(z.enum(["rep", "manager"]), "rep"),
  /**
   * false: deactivated (the console's Team page) — kept for their history (bookings, leads, figures name
   * them), but in no pool, hosting no webinar, unable to sign in, their call-backs in the team's pool.
   */
  active: z.optional(z.boolean({ error: "must be true or false" })),
  /** A manager's weekly e-mail digest (Monday 08:00 in their zone): on unless false; only for managers. */
  weeklyDigest: z.optional(z.boolean({ error: "must be true or false" })),
  /** The rep's private calendar feed (the iCalendar "secret address"): its busy events block slots. */
  calendarFeed: z.optional(
    z
      .strictObject({
        url: z.optional(z.url({ protocol: /^(https?|webcal)$/, error: "must be an http(s) or webcal URL" })),
        /** A file, relative to the config file. */
        path: z.optional(z.string().check(z.minLength(1))),
        refreshMinutes: z._default(z.int().check(z.gte(1), z.lte(24 * 60)), 15),
      })
      .check(z.refine((feed) => (feed.url === undefined) !== (feed.path === undefined), { error: "needs exactly one of url or path" })),
  ),
});

const demoOfferingSchema = z.strictObject({
  id: identifier,
  title: singleLineText(120, "title"),
  kind: z.literal("demo"),
  description: z.optional(singleLineText(500, "description")),
  durationMinutes: minutes(5, 480),
  /** Distance between offered start times; defaults to the duration. */
  slotIntervalMinutes: z.optional(minutes(5, 480)),
  /** How far ahead a slot must start at least, from the moment of booking. */
  minimumNoticeMinutes: z._default(z.int().check(z.gte(0), z.lte(60 * 24 * 30)), 120),
  /** How many days ahead slots are offered. */
  horizonDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
  /** The reps who run this offering (ids); all reps when absent. */
  reps: z.optional(z.array(identifier).check(z.minLength(1))),
  /** Time kept free before and after each demo (never overlapping another demo's or its buffers). */
  bufferBeforeMinutes: z._default(minutes(0, 240), 0),
  bufferAfterMinutes: z._default(minutes(0, 240), 0),
  /** At most this many demos of this offering per rep per local day. */
  dailyCapPerRep: z.optional(z.int().check(z.gte(1), z.lte(100))),
  /** Fair assignment counts each rep's demos over this many past days. */
  fairnessWindowDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
  /** A second required participant (e.g. a solutions engineer): a slot needs one free rep of each pool. */
  secondPool: z.optional(
    z.strictObject({
      reps: z.array(identifier).check(z.minLength(1)),
      /** How the second participant is introduced, e.g. "Solutions engineer". */
      label: z._default(singleLineText(60, "label"), "Specialist"),
    }),
  ),
  /** When the lifecycle's messages go out, relative to the demo. */
  lifecycle: z._default(
    z.strictObject({
      /** Reminders to the prospect, minutes before the start; one already past at booking is skipped. */
      remindersMinutesBefore: reminderMinutes([24 * 60, 60]),
      /** The rep's prep note. */
      prepMinutesBefore: z._default(z.int().check(z.gte(0), z.lte(24 * 60)), 15),
      /** The rep's call-back prompt, after the end. */
      callBackMinutesAfterEnd: z._default(z.int().check(z.gte(0), z.lte(24 * 60)), 5),
      /** The prospect's feedback request, after the end. */
      feedbackMinutesAfterEnd: z._default(z.int().check(z.gte(0), z.lte(7 * 24 * 60)), 120),
    }),
    { remindersMinutesBefore: [24 * 60, 60], prepMinutesBefore: 15, callBackMinutesAfterEnd: 5, feedbackMinutesAfterEnd: 120 },
  ),
  /** Where to meet; "{bookingId}" is replaced, so each demo gets its own room. */
  joinUrl: urlTemplate("bookingId"),
  /** A private group session: the prospect may invite this many colleagues, each with their own invitation. */
  maxColleagues: z._default(z.int().check(z.gte(0), z.lte(50)), 0),
  /** Slots are offered only inside these hours of the prospect's own zone, unless they ask for all times. */
  prospectHours: z._default(
    z.string().check(z.refine((text) => typeof parseMinuteRange(text) !== "string", { error: (issue) => String(parseMinuteRange(String(issue.input))) })),
    DEFAULT_PROSPECT_HOURS,
  ),
  callingHours,
});

/** A date that is on the calendar (no month 13, no February 31), judged as a datesOff entry is. */
const isCalendarDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && daysOffProblem(text) === undefined;

/** "2026-11-03"; an impossible date is refused with the same message as a malformed one. */
const calendarDate = (example: string) => z.string().check(z.refine(isCalendarDate, { error: `must be a date like ${example}` }));

const localDateTime = z.string().check(
  z.refine((text) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(text) && isCalendarDate(text.slice(0, 10)), {
    error: 'must be a local date and time like "2026-12-08T16:00"',
  }),
);

const webinarSessionSchema = z.strictObject({
  /** Local start in the session's zone (default: the first host's), e.g. "2026-12-08T16:00". */
  start: localDateTime,
  timeZone: z.optional(timeZoneName),
  capacity: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  hosts: z.optional(z.array(identifier).check(z.minLength(1))),
  joinUrl: z.optional(urlTemplate("sessionId")),
});

const webinarOfferingSchema = z
  .strictObject({
    id: identifier,
    title: singleLineText(120, "title"),
    kind: z.literal("webinar"),
    description: z.optional(singleLineText(500, "description")),
    durationMinutes: minutes(5, 480),
    /** The reps who run the sessions (ids); the first is the organiser people see. */
    hosts: z.array(identifier).check(z.minLength(1, { error: "must list at least one host" })),
    capacity: z._default(z.int().check(z.gte(1), z.lte(10_000)), 50),
    /** Registration closes this many minutes before a session starts. */
    registrationCutoffMinutes: z._default(z.int().check(z.gte(0), z.lte(7 * 24 * 60)), 60),
    /** A registrant may bring this many colleagues, each with their own invitation (all in one transaction). */
    maxColleagues: z._default(
      z.int().check(
        z.gte(0),
        z.lte(MAX_WEBINAR_COLLEAGUES, {
          error: `must be at most ${MAX_WEBINAR_COLLEAGUES}: a registration writes the registrant and every colleague (${REGISTRATION_ITEMS_PER_PERSON} items each) in one DynamoDB transaction, which takes at most ${MAX_TRANSACTION_ITEMS} items`,
        }),
      ),
      10,
    ),
    /** Where to meet; "{sessionId}" is replaced. */
    joinUrl: urlTemplate("sessionId"),
    /** The recording, sent to those who missed the session; "{sessionId}" is replaced. */
    replayUrl: z.optional(urlTemplate("sessionId")),
    /** One-off sessions. */
    sessions: z._default(z.array(webinarSessionSchema), []),
    /** Recurring sessions: an iCalendar RRULE expanded in the zone (default: the first host's), so DST keeps the local time. */
    recurrence: z.optional(
      z.strictObject({
        rule: z.string().check(z.regex(/^FREQ=(DAILY|WEEKLY|MONTHLY)(;[A-Z]+=[A-Za-z0-9,+-]+)*$/, { error: 'must be an iCalendar RRULE like "FREQ=WEEKLY;BYDAY=TU"' })),
        /** Local start time, "16:00". */
        time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like "16:00"' })),
        timeZone: z.optional(timeZoneName),
        /** The first date the rule may produce. */
        startDate: calendarDate("2026-11-03"),
        until: z.optional(calendarDate("2027-06-30")),
      }),
    ),
    /** Sessions are listed this many days ahead. */
    horizonDays: z._default(z.int().check(z.gte(1), z.lte(365)), 60),
    lifecycle: z._default(
      z.strictObject({
        /** Reminders to every registrant, minutes before the start. */
        remindersMinutesBefore: reminderMinutes([24 * 60, 60, 10]),
        /** The hosts get the attendee list this long before. */
        hostListMinutesBefore: z._default(z.int().check(z.gte(0), z.lte(24 * 60)), 60),
        /** Everyone gets the feedback request this long after the end. */
        feedbackMinutesAfterEnd: z._default(z.int().check(z.gte(0), z.lte(7 * 24 * 60)), 120),
      }),
      { remindersMinutesBefore: [24 * 60, 60, 10], hostListMinutesBefore: 60, feedbackMinutesAfterEnd: 120 },
    ),
    /** Attendees who stayed get their call-back prompt inside these hours of their own zone. */
    callingHours,
    attendance: z._default(
      z.strictObject({
        /** Attendees who stayed at least this share of the session get a rep's call-back prompt. */
        stayedShareAtLeast: z._default(z.number().check(z.gt(0), z.lte(1)), 0.5),
      }),
      { stayedShareAtLeast: 0.5 },
    ),
  })
  .check(z.refine((webinar) => webinar.sessions.length > 0 || webinar.recurrence !== undefined, { error: "needs sessions or a recurrence" }));

const offeringSchema = z.discriminatedUnion("kind", [demoOfferingSchema, webinarOfferingSchema]);

/** At most `max` in each window of `windowMinutes` (fixed windows, counted in the table). */
const windowLimit = (max: number, windowMinutes: number) =>
  z._default(
    z.strictObject({
      max: z.int().check(z.gte(1, { error: "must be at least 1" }), z.lte(1_000_000)),
      windowMinutes: z.int().check(z.gte(1), z.lte(24 * 60)),
    }),
    { max, windowMinutes },
  );

const DEFAULT_RATE_LIMITS = {
  writesPerIp: { max: 20, windowMinutes: 10 },
  writesPerToken: { max: 600, windowMinutes: 10 },
  liveBookingsPerAddress: 3,
  colleaguesPerAddressPerDay: 10,
};

/** Abuse protection's rate limits of the public writes; 429 with Retry-After past them. */
const rateLimitsSchema = z.strictObject({
  /** Public writes from one client address (CloudFront-Viewer-Address in AWS, the socket's locally; an IPv6 /64 counts as one). */
  writesPerIp: windowLimit(20, 10),
  /** Writes with one rep's bearer token (integrations skip the challenge, not a limit). */
  writesPerToken: windowLimit(600, 10),
  /** Confirmed bookings not yet over, per prospect address (public bookings; a bearer token's are not limited). */
  liveBookingsPerAddress: z._default(z.int().check(z.gte(1, { error: "must be at least 1" }), z.lte(100)), 3),
  /** Colleagues one address may invite (bookings and webinar registrations together) per UTC day. */
  colleaguesPerAddressPerDay: z._default(z.int().check(z.gte(0), z.lte(1000)), 10),
});

/**
 * The company's look on every page, the embed and every e-mail. The logo is a file the site serves (pages
 * load only their own origin's images), shown in e-mails from the site's public address.
 */
const brandSchema = z.strictObject({
  primaryColor: z.string().check(
    z.refine((color) => brandColorProblem(color) === undefined, {
      error: (issue) => brandColorProblem(String(issue.input)) ?? "is not a usable colour",
    }),
  ),
  logo: z.optional(
    z.string().check(z.regex(/^(?!.*\.\.)[a-z0-9][a-z0-9/_.-]{0,120}\.(png|svg|jpg|jpeg|webp|gif)$/i, { error: "must be a path on the site such as brand/logo.svg (png, svg, jpg, webp or gif)" })),
  ),
  fontStack: z.optional(z.string().check(z.regex(/^[A-Za-z0-9 ,"'-]{1,200}$/, { error: 'must be a CSS font list such as "Inter", system-ui, sans-serif' }))),
});

export const livelineConfigSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    company: z.strictObject({ name: singleLineText(100, "name"), brand: z.optional(brandSchema) }),
    /** The From address of every e-mail and the ORGANIZER of every invitation: a mailbox that reads replies. */
    sender: z.strictObject({ name: singleLineText(100, "name"), email: emailAddress }),
    reps: z.array(repSchema).check(z.minLength(1, { error: "must list at least one rep" })),
    offerings: z.array(offeringSchema).check(z.minLength(1, { error: "must list at least one offering" })),
    routing: z._default(routingSchema, { regions: {}, rules: [] }),
    followUps: z._default(followUpsSchema, {
      leadCallBackMinutes: 15,
      escalationMinutes: 30,
      callCadence: { retryDelays: ["PT2H", "next-business-morning", "P2D"], maxAttempts: 3 },
      businessMorning: "09:00",
      complaintRatingAtMost: 2,
    }),
    /** How long personal data is kept: a lead with no activity for this many days is erased (daily). */
    retention: z._default(z.strictObject({ inactiveLeadDays: z._default(z.int().check(z.gte(30), z.lte(3650)), 730) }), { inactiveLeadDays: 730 }),
    /** "Call me now": how long a request rings one rep before the next, and how long presence lasts without a heartbeat. */
    instantCalls: z._default(
      z.strictObject({
        ringSeconds: z._default(z.int().check(z.gte(30), z.lte(600)), 120),
        presenceMinutes: z._default(z.int().check(z.gte(5), z.lte(240)), 30),
      }),
      { ringSeconds: 120, presenceMinutes: 30 },
    ),
    /**
     * Abuse protection of the public writes (handlers/http/protection.ts). Always on; only the environment's
     * LIVELINE_PROTECTION=off turns it off (load tests), never this file.
     */
    protection: z._default(
      z.strictObject({
        challenge: z._default(
          z.strictObject({
            /** Difficulty: the solver tries on average half this many hashes (tests use a small one). */
            maxNumber: z._default(z.int().check(z.gte(10, { error: "must be at least 10" }), z.lte(10_000_000)), 100_000),
            /** How long a challenge may be solved and sent. */
            expiresMinutes: z._default(z.int().check(z.gte(1), z.lte(24 * 60)), 30),
          }),
          { maxNumber: 100_000, expiresMinutes: 30 },
        ),
        /** A form sent sooner after its page asked for its first challenge is refused (a person needs longer). */
        minFormSeconds: z._default(z.number().check(z.gte(1, { error: "must be at least 1" }), z.lte(60)), 2),
        rateLimits: z._default(rateLimitsSchema, DEFAULT_RATE_LIMITS),
        /**
         * The mail budget: an address that has not answered any of our e-mails (booked, opened its manage
         * link) gets at most this many in any 24 hours, whatever sent them; the rest are not sent (and logged).
         */
        mailsPerAddressPerDay: z._default(z.int().check(z.gte(1, { error: "must be at least 1" }), z.lte(1000)), 10),
      }),
      { challenge: { maxNumber: 100_000, expiresMinutes: 30 }, minFormSeconds: 2, rateLimits: DEFAULT_RATE_LIMITS, mailsPerAddressPerDay: 10 },
    ),
    /** The sites that embed the booking pages (embed.js) or attach them to their own forms. */
    embed: z._default(embedSchema, { allowedOrigins: [] }),
    /** Text messages (SMS) to prospects who opted in: reminder, missed-call follow-up, HELP answer. */
    texts: z._default(textsSchema, DEFAULT_TEXTS_CONFIG),
    /** Where every recorded outcome is sent, signed (Standard Webhooks): a CRM, n8n, Zapier… */
    webhooks: z._default(webhooksSchema, []),
    contactRequests: z._default(
      z.strictObject({
        /** The offering a "Contact Us" request is turned into; the first demo offering when absent. */
        offering: z.optional(identifier),
        /** A team this large is offered a private group session (a demo offering that takes colleagues) too. */
        groupSession: z.optional(z.strictObject({ offering: identifier, minTeamSize: z._default(z.int().check(z.gte(2)), 8) })),
      }),
      {},
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      const repIds = new Set<string>();
      const repEmails = new Set<string>();
      const inactive = new Set(config.reps.filter((rep) => rep.active === false).map((rep) => rep.id));
      const sender = config.sender.email.toLowerCase();
      config.reps.forEach((rep, index) => {
        if (repIds.has(rep.id)) ctx.issues.push({ code: "custom", path: ["reps", index, "id"], message: `"${rep.id}" is used twice`, input: rep.id });
        repIds.add(rep.id);
        // Sign-in finds the rep by address: two reps with one address would be one person.
        if (repEmails.has(rep.email.toLowerCase())) ctx.issues.push({ code: "custom", path: ["reps", index, "email"], message: "is another rep's address", input: rep.email });
        repEmails.add(rep.email.toLowerCase());
        if (rep.weeklyDigest !== undefined && rep.role !== "manager") {
          ctx.issues.push({ code: "custom", path: ["reps", index, "weeklyDigest"], message: 'is for managers only (role "manager")', input: rep.weeklyDigest });
        }
        // The sender organises every invitation; a rep receiving their own as organiser gets no Accept/Decline.
        if (rep.email.toLowerCase() === sender) {
          ctx.issues.push({ code: "custom", path: ["reps", index, "email"], message: "must differ from sender.email (the invitations' organiser)", input: rep.email });
        }
      });
      const offeringIds = new Set<string>();
      config.offerings.forEach((offering, index) => {
        if (offeringIds.has(offering.id)) {
          ctx.issues.push({ code: "custom", path: ["offerings", index, "id"], message: `"${offering.id}" is used twice`, input: offering.id });
        }
        offeringIds.add(offering.id);
        const checkReps = (ids: readonly string[] | undefined, path: (string | number)[]) =>
          ids?.forEach((repId, repIndex) => {
            if (!repIds.has(repId)) ctx.issues.push({ code: "custom", path: [...path, repIndex], message: `"${repId}" is not a rep id`, input: repId });
          });
        if (offering.kind === "webinar") {
          checkReps(offering.hosts, ["offerings", index, "hosts"]);
          offering.sessions.forEach((session, sessionIndex) => checkReps(session.hosts, ["offerings", index, "sessions", sessionIndex, "hosts"]));
          // A deactivated rep runs no session: another host takes their webinars first.
          const checkActive = (ids: readonly string[] | undefined, path: (string | number)[]) =>
            ids?.forEach((repId, repIndex) => {
              if (inactive.has(repId)) ctx.issues.push({ code: "custom", path: [...path, repIndex], message: `"${repId}" is deactivated: choose another host of ${offering.id}`, input: repId });
            });
          checkActive(offering.hosts, ["offerings", index, "hosts"]);
          offering.sessions.forEach((session, sessionIndex) => checkActive(session.hosts, ["offerings", index, "sessions", sessionIndex, "hosts"]));
          const recurrence = offering.recurrence;
          // A bad startDate is its own field's problem (refinements still run past it): judge the rule alone then.
          const startDate = recurrence && isCalendarDate(recurrence.startDate) ? recurrence.startDate : undefined;
          const problem = recurrence && recurrenceProblem(recurrence.rule, startDate);
          if (problem) ctx.issues.push({ code: "custom", path: ["offerings", index, "recurrence", "rule"], message: problem, input: recurrence.rule });
          return;
        }
        checkReps(offering.reps, ["offerings", index, "reps"]);
        checkReps(offering.secondPool?.reps, ["offerings", index, "secondPool", "reps"]);
        // Without its own list, the pool is every rep not in the second pool: then only an empty pool is wrong.
        const secondPool = offering.secondPool?.reps;
        const overlap = offering.reps && secondPool?.find((id) => offering.reps!.includes(id));
        if (overlap) {
          ctx.issues.push({ code: "custom", path: ["offerings", index, "secondPool", "reps"], message: `"${overlap}" cannot be in both pools`, input: overlap });
        } else if (!offering.reps && secondPool && [...repIds].every((id) => secondPool.includes(id))) {
          ctx.issues.push({ code: "custom", path: ["offerings", index, "secondPool", "reps"], message: "takes every rep: list the first pool in reps, or leave a rep out of the second pool", input: secondPool });
        }
        transactionProblem(offering, index, ctx.issues);
      });
      const kindOf = new Map(config.offerings.map((offering) => [offering.id, offering]));
      const checkSelector = (selector: RepSelector | undefined, path: (string | number)[]) =>
        selector?.reps?.forEach((repId, repIndex) => {
          if (!repIds.has(repId)) ctx.issues.push({ code: "custom", path: [...path, "reps", repIndex], message: `"${repId}" is not a rep id`, input: repId });
        });
      const regionNames = new Set(Object.keys(config.routing.regions));
      config.routing.rules.forEach((rule, index) => {
        checkSelector(rule.route, ["routing", "rules", index, "route"]);
        rule.when.regions?.forEach((region, regionIndex) => {
          if (!regionNames.has(region)) {
            ctx.issues.push({ code: "custom", path: ["routing", "rules", index, "when", "regions", regionIndex], message: `"${region}" is not defined in routing.regions`, input: region });
          }
        });
      });
      checkSelector(config.routing.fallback, ["routing", "fallback"]);
      const wanted = config.contactRequests.offering;
      if (wanted !== undefined && kindOf.get(wanted)?.kind !== "demo") {
        ctx.issues.push({ code: "custom", path: ["contactRequests", "offering"], message: `"${wanted}" is not a demo offering id`, input: wanted });
      }
      if (![...kindOf.values()].some((offering) => offering.kind === "demo")) {
        ctx.issues.push({ code: "custom", path: ["offerings"], message: "must include at least one demo offering", input: config.offerings });
      }
      const group = config.contactRequests.groupSession;
      const groupOffering = group && kindOf.get(group.offering);
      if (group && !(groupOffering?.kind === "demo" && groupOffering.maxColleagues > 0)) {
        ctx.issues.push({ code: "custom", path: ["contactRequests", "groupSession", "offering"], message: `"${group.offering}" is not a demo offering that takes colleagues (maxColleagues > 0)`, input: group.offering });
      }
    }),
  );

/**
 * A demo's booking, reschedule and cancel are each one DynamoDB transaction: one lock item per 5-minute
 * cell of the meeting and its buffers for each rep (a reschedule releases the old cells as it claims the
 * new ones), plus the booking, its log, its invitations (one per colleague too) and its timers. An offering
 * that would need more items than a transaction takes is refused here, not failed at its first booking.
 */
function transactionProblem(offering: z.output<typeof demoOfferingSchema>, index: number, issues: z.core.$ZodRawIssue[]): void {
  const blockedMinutes = offering.bufferBeforeMinutes + offering.durationMinutes + offering.bufferAfterMinutes;
  const participants = offering.secondPool ? 2 : 1;
  const colleagues = offering.maxColleagues;
  const items = demoTransactionItems({ blockedMinutes, participants, colleagues });
  if (items <= MAX_TRANSACTION_ITEMS) return;
  const moving = `moving it writes up to ${items} items in one DynamoDB transaction (a lock per ${LOCK_CELL_MINUTES} minutes of the meeting and its buffers, old and new, for each rep, and an invitation per colleague), over the limit of ${MAX_TRANSACTION_ITEMS}`;
  const reps = participants === 2 ? " and two reps (secondPool)" : "";
  const fittingColleagues = maxDemoColleagues({ blockedMinutes, participants });
  if (fittingColleagues >= 0) {
    issues.push({
      code: "custom",
      path: ["offerings", index, "maxColleagues"],
      message: `is too many for a demo of ${blockedMinutes} minutes with its buffers${reps}: ${moving}; at most ${fittingColleagues} colleagues fit`,
      input: colleagues,
    });
    return;
  }
  const fittingMinutes = maxDemoBlockedMinutes({ participants, colleagues });
  issues.push({
    code: "custom",
    path: ["offerings", index, "durationMinutes"],
    message: `is too long: with its buffers the demo blocks ${blockedMinutes} minutes${reps}, and ${moving}; at most ${fittingMinutes} minutes of duration and buffers fit${colleagues > 0 ? ` with ${colleagues} colleagues` : ""}`,
    input: offering.durationMinutes,
  });
}

export type LivelineConfig = z.output<typeof livelineConfigSchema>;
export type RepConfig = LivelineConfig["reps"][number];
export type OfferingConfig = LivelineConfig["offerings"][number];
export type DemoOfferingConfig = Extract<OfferingConfig, { kind: "demo" }>;
export type WebinarOfferingConfig = Extract<OfferingConfig, { kind: "webinar" }>;
