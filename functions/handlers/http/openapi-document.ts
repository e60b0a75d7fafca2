// HTTP API: the OpenAPI 3.1 document, generated from the same zod schemas that validate requests
// (api-schemas.ts), so the documentation cannot drift from what the API accepts.

import * as z from "zod/mini";
import { WEBHOOK_EVENT_EXAMPLES, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from "../../validation/webhook-events";
import {
  bookingBody,
  bookingConfirmation,
  bookingIcsQuery,
  bookingView,
  challengeQuery,
  challengeResponse,
  cancelBody,
  cancelResponse,
  contactRequestBody,
  contactRequestResponse,
  errorResponse,
  feedbackBody,
  feedbackResponse,
  followUpsResponse,
  manageQuery,
  manageSlotsQuery,
  offeringSummary,
  brandResponse,
  outcomeBody,
  outcomeResponse,
  outcomeViewResponse,
  repOutcomeBody,
  rescheduleBody,
  slotListResponse,
  slotsQuery,
  timelineResponse,
  unsubscribeQuery,
  unsubscribeResponse,
  attendanceBody,
  attendanceResponse,
  attendeesResponse,
  registrationBody,
  registrationCancelBody,
  registrationColleaguesBody,
  registrationManageQuery,
  registrationAccepted,
  registrationView,
  sessionCancelBody,
  sessionFullError,
  sessionRescheduleBody,
  sessionSummary,
  webinarsQuery,
  webinarsResponse,
} from "./api-schemas";
import { consoleOpenApi } from "./console-openapi";
import { instantCallsOpenApi } from "./instant-calls-openapi";
import { privacyOpenApi } from "./privacy-schemas";
import { PUBLIC_WRITES } from "./all-public-writes";
import { SHORT_CODE, SHORT_LINK_HEADER } from "./short-link-header";
import { ACCEPT_LANGUAGE_PARAMETER, LANGUAGE_WRITES } from "./request-language";

export type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParameter = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const bearer = [{ repToken: [] }];
const json = (schema: JsonObject) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(ref("Error")) });

/** Query parameters from an object schema's properties. */
function queryParameters(schema: z.ZodMiniType): JsonObject[] {
  const object = jsonSchema(schema, "input") as { properties: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: object.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * A link's token, in the Liveline-Token header (what the pages send: they read it from the link's fragment,
 * so it stays out of access logs) or, for links a mail program or calendar calls itself, as ?token=.
 */
function linkTokenParameters(schema: z.ZodMiniType): JsonObject[] {
  const description = "The link's signed token; send this or the Liveline-Token header.";
  return [
    ...queryParameters(schema).map((parameter) => (parameter.name === "token" ? { ...parameter, required: false, description } : parameter)),
    { name: "Liveline-Token", in: "header", required: false, description: "The link's signed token (wins over ?token=).", schema: { type: "string" } },
  ];
}

const PROTECTION_NOTE =
  "Abuse protection: send `altcha`, the solution of a fresh challenge from GET /api/challenge (each works once, and not sooner than the challenge's data.minFormMs after the page's first challenge), unless you send a rep's bearer token; leave the honeypot `website` out. Refusals are 400 and store nothing.";

/** Every public write documents its protection: the 400 refusals, and the bearer token that skips the challenge. */
function withProtection(paths: Record<string, Record<string, JsonObject>>): Record<string, Record<string, JsonObject>> {
  for (const write of PUBLIC_WRITES.keys()) {
    const [method, path] = write.split(" ") as [string, string];
    const operation = paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`the OpenAPI document lacks the public write ${write}`);
    operation.description = [operation.description, PROTECTION_NOTE].filter(Boolean).join("\n\n");
    operation.security = [{}, { repToken: [] }];
    operation.responses = {
      ...(operation.responses as JsonObject),
      400: error("Not JSON; or refused by abuse protection: challenge_required, challenge_used or too_fast (field altcha), honeypot (field website)"),
      429: {
        ...error("rate_limited: too many writes from this client address (or bearer token), too many live bookings for this address (field email) or colleagues invited today (field colleagues)"),
        headers: { "Retry-After": { description: "Seconds until the limit has room again", schema: { type: "integer" } } },
      },
    };
  }
  return paths;
}

/** The writes that keep the prospect's language name the header it falls back on. */
function withLanguage(paths: Record<string, Record<string, JsonObject>>): Record<string, Record<string, JsonObject>> {
  for (const write of LANGUAGE_WRITES) {
    const [method, path] = write.split(" ") as [string, string];
    const operation = paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`the OpenAPI document lacks ${write}`);
    operation.parameters = [...((operation.parameters as JsonObject[] | undefined) ?? []), ACCEPT_LANGUAGE_PARAMETER];
  }
  return paths;
}

function buildDocument(): JsonObject {
  const consoleApi = consoleOpenApi({ jsonSchema, ref, json, error, idParameter, queryParameters });
  const privacyApi = privacyOpenApi({ jsonSchema, ref, json, error, idParameter, queryParameters });
  const instantApi = instantCallsOpenApi({ jsonSchema, ref, json, error, idParameter, queryParameters });
  return {
    openapi: "3.1.0",
    info: {
      title: "Liveline API",
      version: "0.1.0",
      description: "Turn a Contact Us request into a booked live demo. Every error is {\"error\":{\"code\",\"message\",\"field?\"}}.",
    },
    paths: withLanguage(withProtection({
      "/api/challenge": {
        get: {
          summary: "A proof-of-work challenge (ALTCHA v2) for the public writes",
          parameters: queryParameters(challengeQuery),
          responses: { 200: { description: "Solve it, send the widget's payload as altcha", content: json(ref("Challenge")) } },
        },
      },
      "/api/health": { get: { summary: "Liveness", responses: { 200: { description: "Running" } } } },
      "/api/brand": {
        get: { summary: "The company's name, colour, logo and font for the pages", responses: { 200: { description: "Brand", content: json(ref("Brand")) } } },
      },
      "/api/offerings": {
        get: { summary: "What can be booked", responses: { 200: { description: "Offerings", content: json({ type: "array", items: ref("Offering") }) } } },
      },
      "/api/contact-requests": {
        post: {
          summary: "Record a Contact Us request (the lead) and list the next 14 days of slots",
          requestBody: { required: true, content: json(ref("ContactRequest")) },
          responses: {
            201: { description: "Stored", content: json(ref("ContactRequestResult")) },
            400: error("Not JSON"),
            413: error("Body over 16 KB"),
            422: error("A field is invalid (named in error.field)"),
          },
        },
      },
      "/api/slots": {
        get: {
          summary: "Free slots between two local dates, in the asker's zone",
          parameters: queryParameters(slotsQuery),
          responses: { 200: { description: "Slots", content: json(ref("SlotList")) }, 422: error("A parameter is invalid") },
        },
      },
      "/api/bookings": {
        post: {
          summary: "Book a slot",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Retrying with the same key returns the first result instead of booking twice.",
              schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7E]{1,255}$" },
            },
          ],
          requestBody: { required: true, content: json(ref("BookingRequest")) },
          responses: {
            201: { description: "Booked; invitations are on their way", content: json(ref("BookingConfirmation")) },
            400: error("Not JSON, or a bad Idempotency-Key"),
            409: error("slot_taken: the slot is gone"),
            413: error("Body over 16 KB"),
            422: error("A field is invalid, or the start is not an offered slot"),
          },
        },
      },
      "/api/bookings/{id}": {
        get: {
          summary: "The booking behind a manage link",
          parameters: [idParameter("id"), ...linkTokenParameters(manageQuery)],
          responses: { 200: { description: "The booking", content: json(ref("BookingView")) }, 403: error("Forged, expired or replaced token"), 404: error("No such booking") },
        },
      },
      "/api/bookings/{id}/slots": {
        get: {
          summary: "Free times to move the booking to (its own time counts as free)",
          parameters: [idParameter("id"), ...linkTokenParameters(manageSlotsQuery)],
          responses: { 200: { description: "Slots", content: json(ref("SlotList")) }, 403: error("Forged, expired or replaced token") },
        },
      },
      "/api/bookings/{id}/reschedule": {
        post: {
          summary: "Move the booking: same UID, SEQUENCE + 1, new timers, a new manage link",
          parameters: [idParameter("id")],
          requestBody: { required: true, content: json(ref("RescheduleRequest")) },
          responses: {
            200: { description: "Moved", content: json(ref("BookingConfirmation")) },
            403: error("Forged, expired or replaced token"),
            409: error("slot_taken, or booking_changed meanwhile"),
            422: error("Not an offered slot, or too late to change"),
          },
        },
      },
      "/api/bookings/{id}/cancel": {
        post: {
          summary: "Cancel the booking: METHOD:CANCEL to everyone, timers deleted, slot freed",
          parameters: [idParameter("id")],
          requestBody: { required: true, content: json(ref("CancelRequest")) },
          responses: { 200: { description: "Cancelled", content: json(ref("CancelResult")) }, 403: error("Forged, expired or used token") },
        },
      },
      "/api/bookings/{id}/timeline": {
        get: {
          summary: "The lead's log, for the prospect (manage token) or the booking's rep (bearer token)",
          parameters: [idParameter("id"), ...linkTokenParameters(manageQuery)],
          security: [{}, { repToken: [] }],
          responses: { 200: { description: "Events, oldest first", content: json(ref("Timeline")) }, 403: error("Not yours") },
        },
      },
      "/api/outcomes": {
        post: {
          summary: "Log the outcome a signed one-click link names (once per prompt; attendance once per booking)",
          requestBody: { required: true, content: json(ref("OutcomeRequest")) },
          responses: {
            200: { description: "Logged", content: json(ref("OutcomeResult")) },
            403: error("Forged or expired link"),
            409: error("Already logged (outcome_already_recorded), the follow-up moved to another rep since the link was mailed (call_back_moved), or in the team's pool (call_back_in_pool)"),
          },
        },
      },
      "/api/outcomes/view": {
        post: {
          summary: "What a signed outcome link would log, for whom, and what was logged already (and when); changes nothing",
          requestBody: { required: true, content: json(ref("OutcomeRequest")) },
          responses: {
            200: { description: "The link's outcome", content: json(ref("OutcomeView")) },
            403: error("Forged or expired link"),
            409: error("The follow-up moved to another rep since the link was mailed (call_back_moved), or is in the team's pool (call_back_in_pool)"),
            422: error("An attendance outcome on a follow-up without a demo (outcome)"),
          },
        },
      },
      "/api/reps/{repId}/follow-ups": {
        get: {
          summary: "The rep's open call prompts, due and overdue first",
          parameters: [idParameter("repId")],
          security: bearer,
          responses: { 200: { description: "Follow-ups", content: json(ref("FollowUps")) }, 401: error("No token"), 403: error("Another rep's token") },
        },
      },
      "/api/reps/{repId}/follow-ups/{leadId}/{promptId}/outcome": {
        post: {
          summary: "Log a call outcome as the rep",
          parameters: [idParameter("repId"), idParameter("leadId"), idParameter("promptId")],
          security: bearer,
          requestBody: { required: true, content: json(ref("RepOutcomeRequest")) },
          responses: { 200: { description: "Logged", content: json(ref("OutcomeResult")) }, 401: error("No token"), 409: error("Already logged (outcome_already_recorded), moved to another rep meanwhile (call_back_moved), in the team's pool (call_back_in_pool), or an instant call not claimed yet (instant_call_not_claimed)") },
        },
      },
      "/api/feedback": {
        post: {
          summary: "The prospect's rating (1–5) and comment, once per demo",
          requestBody: { required: true, content: json(ref("FeedbackRequest")) },
          responses: { 200: { description: "Received", content: json(ref("FeedbackResult")) }, 403: error("Forged or expired link"), 409: error("Already received") },
        },
      },
      "/api/unsubscribe": {
        post: {
          summary: "RFC 8058 one-click unsubscribe from reminders and follow-ups",
          parameters: linkTokenParameters(unsubscribeQuery),
          responses: { 200: { description: "Unsubscribed", content: json(ref("UnsubscribeResult")) }, 403: error("Forged or expired link") },
        },
      },
      "/api/short-links": {
        get: {
          summary: "The signed link an e-mail's short link (/l#<code>) stands for, always on this site",
          parameters: [{ name: SHORT_LINK_HEADER, in: "header", required: true, description: "The short link's code (the address's fragment).", schema: { type: "string", pattern: SHORT_CODE.source } }],
          responses: {
            200: { description: "The long link", content: json({ type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" } } }) },
            400: error("No well-formed code"),
            404: error("Unknown or expired"),
          },
        },
      },
      "/api/bookings/{id}/invite.ics": {
        get: {
          summary: "The booking's calendar file",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, ...linkTokenParameters(bookingIcsQuery)],
          responses: { 200: { description: "iCalendar", content: { "text/calendar": { schema: { type: "string" } } } }, 403: error("Bad or expired token") },
        },
      },
      "/api/webinars": {
        get: {
          summary: "Upcoming webinar sessions with seats left, times in the asker's zone",
          parameters: queryParameters(webinarsQuery),
          responses: { 200: { description: "Sessions", content: json(ref("WebinarSessions")) }, 422: error("A parameter is invalid") },
        },
      },
      "/api/webinars/{sessionId}/registrations": {
        post: {
          summary: "Register a person and colleagues: one seat per address, each gets their own invitation",
          parameters: [idParameter("sessionId")],
          requestBody: { required: true, content: json(ref("RegistrationRequest")) },
          responses: {
            202: { description: "Accepted: each person gets their registration (invitation or waitlist place; the registrant's with the manage link) by e-mail. An address that already holds a place gets the same answer, and its registration is e-mailed to that address again.", content: json(ref("RegistrationAccepted")) },
            404: error("No such session"),
            409: { description: "session_full, with the next session that has room", content: json(ref("SessionFullError")) },
            422: error("A field is invalid, too many colleagues, or registration_closed"),
            503: error("busy: lost every race for the session's seats under a rush; nothing was saved, send it again after Retry-After"),
          },
        },
      },
      "/api/webinars/{sessionId}/calendar.ics": {
        get: {
          summary: "The session's public calendar entry (METHOD:PUBLISH): its time, no attendee and no join link (that comes in the invitation e-mail)",
          parameters: [idParameter("sessionId")],
          responses: { 200: { description: "iCalendar", content: { "text/calendar": { schema: { type: "string" } } } }, 404: error("No such session") },
        },
      },
      "/api/registrations/{id}": {
        get: {
          summary: "The registration behind a manage link",
          parameters: [idParameter("id"), ...linkTokenParameters(registrationManageQuery)],
          responses: { 200: { description: "The registration", content: json(ref("RegistrationView")) }, 403: error("Forged or expired token"), 404: error("No such registration") },
        },
      },
      "/api/registrations/{id}/cancel": {
        post: {
          summary: "Cancel members (or the whole group): CANCEL to each, the waitlist is promoted",
          parameters: [idParameter("id")],
          requestBody: { required: true, content: json(ref("RegistrationCancelRequest")) },
          responses: { 200: { description: "Cancelled", content: json(ref("RegistrationView")) }, 403: error("Forged or expired token") },
        },
      },
      "/api/registrations/{id}/colleagues": {
        post: {
          summary: "Add colleagues to the registration (seated while there is room, else waitlisted)",
          parameters: [idParameter("id")],
          requestBody: { required: true, content: json(ref("RegistrationColleaguesRequest")) },
          responses: { 200: { description: "Added", content: json(ref("RegistrationView")) }, 403: error("Forged or expired token"), 422: error("Too many colleagues, or too late") },
        },
      },
      "/api/webinars/{sessionId}/attendees": {
        get: {
          summary: "Who is registered, for the session's hosts",
          parameters: [idParameter("sessionId")],
          security: bearer,
          responses: { 200: { description: "Attendees", content: json(ref("Attendees")) }, 401: error("No token"), 403: error("Not a host of this session") },
        },
      },
      "/api/webinars/{sessionId}/attendance": {
        post: {
          summary: "Record attendance: marks, minutes per address, or the platform's CSV export (e-mail, minutes)",
          parameters: [idParameter("sessionId")],
          security: bearer,
          requestBody: { required: true, content: { ...json(ref("AttendanceRequest")), "text/csv": { schema: { type: "string" } } } },
          responses: { 200: { description: "Who stayed, left early, did not come, or is unknown", content: json(ref("AttendanceResult")) }, 401: error("No token"), 403: error("Not a host of this session"), 422: error("No usable rows") },
        },
      },
      "/api/webinars/{sessionId}/reschedule": {
        post: {
          summary: "Move the session: every registrant gets an update (same UID, SEQUENCE + 1)",
          parameters: [idParameter("sessionId")],
          security: bearer,
          requestBody: { required: true, content: json(ref("SessionRescheduleRequest")) },
          responses: { 200: { description: "Moved", content: json(ref("WebinarSession")) }, 403: error("Not a host of this session"), 422: error("The new start is invalid") },
        },
      },
      "/api/webinars/{sessionId}/cancel": {
        post: {
          summary: "Cancel the session: CANCEL to every registrant, with the next session offered",
          parameters: [idParameter("sessionId")],
          security: bearer,
          requestBody: { required: true, content: json(ref("SessionCancelRequest")) },
          responses: { 200: { description: "Cancelled", content: json(ref("WebinarSession")) }, 403: error("Not a host of this session") },
        },
      },
      ...consoleApi.paths,
      ...privacyApi.paths,
      ...instantApi.paths,
    })),
    webhooks: webhooksSection(),
    components: {
      schemas: {
        Offering: jsonSchema(offeringSummary, "output"),
        Brand: jsonSchema(brandResponse, "output"),
        Challenge: jsonSchema(challengeResponse, "output"),
        ContactRequest: jsonSchema(contactRequestBody, "input"),
        ContactRequestResult: jsonSchema(contactRequestResponse, "output"),
        SlotList: jsonSchema(slotListResponse, "output"),
        BookingRequest: jsonSchema(bookingBody, "input"),
        BookingConfirmation: jsonSchema(bookingConfirmation, "output"),
        Error: jsonSchema(errorResponse, "output"),
        BookingView: jsonSchema(bookingView, "output"),
        RescheduleRequest: jsonSchema(rescheduleBody, "input"),
        CancelRequest: jsonSchema(cancelBody, "input"),
        CancelResult: jsonSchema(cancelResponse, "output"),
        Timeline: jsonSchema(timelineResponse, "output"),
        OutcomeRequest: jsonSchema(outcomeBody, "input"),
        RepOutcomeRequest: jsonSchema(repOutcomeBody, "input"),
        OutcomeResult: jsonSchema(outcomeResponse, "output"),
        OutcomeView: jsonSchema(outcomeViewResponse, "output"),
        FollowUps: jsonSchema(followUpsResponse, "output"),
        FeedbackRequest: jsonSchema(feedbackBody, "input"),
        FeedbackResult: jsonSchema(feedbackResponse, "output"),
        UnsubscribeResult: jsonSchema(unsubscribeResponse, "output"),
        WebinarSessions: jsonSchema(webinarsResponse, "output"),
        WebinarSession: jsonSchema(sessionSummary, "output"),
        RegistrationRequest: jsonSchema(registrationBody, "input"),
        RegistrationAccepted: jsonSchema(registrationAccepted, "output"),
        SessionFullError: jsonSchema(sessionFullError, "output"),
        RegistrationView: jsonSchema(registrationView, "output"),
        RegistrationCancelRequest: jsonSchema(registrationCancelBody, "input"),
        RegistrationColleaguesRequest: jsonSchema(registrationColleaguesBody, "input"),
        Attendees: jsonSchema(attendeesResponse, "output"),
        AttendanceRequest: jsonSchema(attendanceBody, "input"),
        AttendanceResult: jsonSchema(attendanceResponse, "output"),
        SessionRescheduleRequest: jsonSchema(sessionRescheduleBody, "input"),
        SessionCancelRequest: jsonSchema(sessionCancelBody, "input"),
        ...consoleApi.schemas,
        ...privacyApi.schemas,
        ...instantApi.schemas,
      },
      securitySchemes: { repToken: { type: "http", scheme: "bearer", description: "A rep's API token (its SHA-256 is in the config)." }, ...consoleApi.securitySchemes },
    },
  };
}

const WEBHOOK_HEADERS = [
  { name: "webhook-id", description: "The message id: the same on every attempt of one delivery (deduplicate on it)." },
  { name: "webhook-timestamp", description: "When this attempt was sent, in seconds since the epoch." },
  { name: "webhook-signature", description: 'Standard Webhooks signature, "v1,<base64 HMAC-SHA256 of id.timestamp.body>"; verify with any Standard Webhooks library.' },
];

/** What Liveline POSTs to a configured webhook endpoint: one operation per event type, with its schema and example. */
function webhooksSection(): JsonObject {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: type,
          description: `${WEBHOOK_EVENTS[type].description} Signed per Standard Webhooks; retried with backoff for over 24 hours until a 2xx.`,
          parameters: WEBHOOK_HEADERS.map((header) => ({ ...header, in: "header", required: true, schema: { type: "string" } })),
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(WEBHOOK_EVENTS[type].schema, "output"), example: WEBHOOK_EVENT_EXAMPLES[type] } } },
          responses: {
            "2XX": { description: "Received: the delivery is done" },
            410: { description: "Gone: the endpoint is disabled; nothing more is sent to it" },
            default: { description: "Any other answer, or none within 10 s: tried again later with the same webhook-id" },
          },
        },
      },
    ]),
  );
}

let document: JsonObject | undefined;

export function openApiDocument(): JsonObject {
  document ??= buildDocument();
  return document;
}
