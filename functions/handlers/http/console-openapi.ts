// HTTP API: the OpenAPI paths and schemas of sign-in and the rep console, from console-schemas.ts; merged
// into the one document by openapi-document.ts (which lends its helpers, so both build alike).

import type * as z from "zod/mini";
import {
  assignBody,
  consoleOutcomeBody,
  insightsQuery,
  insightsResponse,
  leadBookingBody,
  leadPageResponse,
  leadSlotsQuery,
  leadsQuery,
  leadsResponse,
  meResponse,
  noteBody,
  queueQuery,
  queueResponse,
  scheduleResponse,
  sessionBody,
  signInBody,
  signInResponse,
  signOutResponse,
  teamResponse,
  webhooksResponse,
  resendResponse,
  settingsResponse,
  settingsHistoryResponse,
  availabilityBody,
  logoUploadBody,
  availabilityResponse,
  deactivationResponse,
  offeringsSettingsResponse,
  routingTestBody,
  routingTestResponse,
  newTeamMemberBody,
  teamMemberBody,
  teamMemberResponse,
  teamSettingsResponse,
} from "./console-schemas";

type JsonObject = Record<string, unknown>;

export interface OpenApiHelpers {
  jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonObject;
  ref(name: string): JsonObject;
  json(schema: JsonObject): JsonObject;
  error(description: string): JsonObject;
  idParameter(name: string): JsonObject;
  queryParameters(schema: z.ZodMiniType): JsonObject[];
}

/** The version a change is based on (the ETag of the GET): required, 428 without. */
const ifMatch = { name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: 'The settings version the change is based on, e.g. "3"' };

/** Either the console's session cookie or a rep's bearer token. */
const signedIn = [{ consoleSession: [] }, { repToken: [] }];

export function consoleOpenApi(h: OpenApiHelpers): { paths: JsonObject; schemas: JsonObject; securitySchemes: JsonObject } {
  const body = (name: string) => ({ required: true, content: h.json(h.ref(name)) });
  /** How the Team page's changes are refused (as every settings change is). */
  const teamChangeRefusals = {
    403: h.error("Not a manager, or not sent from the site (Origin)"),
    412: h.error("Another change came first: currentVersion names the version in force"),
    422: h.error("Fields are invalid (each named in fields, as the body names them), e.g. an id or address in use, or a webinar's only host"),
    428: h.error("If-Match is missing"),
  };
  return {
    paths: {
      "/api/auth/sign-in": {
        post: {
          summary: "E-mail a one-time sign-in link (15 minutes) to a rep's address; the same 202 for any address, at most 5 e-mails an hour",
          requestBody: body("SignInRequest"),
          responses: { 202: { description: "Accepted (sent only to a rep)", content: h.json(h.ref("SignInAccepted")) }, 422: h.error("email is not an address") },
        },
      },
      "/api/auth/session": {
        post: {
          summary: "Trade the link's token (once) for the __Host-liveline_session cookie",
          requestBody: body("SessionRequest"),
          responses: {
            200: { description: "Signed in; Set-Cookie carries the session", content: h.json(h.ref("Me")) },
            403: h.error("Unknown, used or expired link; or not sent from the site (Origin)"),
            422: h.error("token is missing"),
          },
        },
      },
      "/api/auth/sign-out": {
        post: {
          summary: "End the session at once and clear the cookie",
          responses: { 200: { description: "Signed out", content: h.json(h.ref("SignedOut")) }, 403: h.error("Not sent from the site (Origin)") },
        },
      },
      "/api/me": {
        get: {
          summary: "Who is signed in",
          security: signedIn,
          responses: { 200: { description: "The rep", content: h.json(h.ref("Me")) }, 401: h.error("No session or token") },
        },
      },
      "/api/console/queue": {
        get: {
          summary: "Open call-backs, earliest due first, with the lead's contact details and zone (a manager may ask for ?rep=<id> or ?rep=all)",
          parameters: h.queryParameters(queueQuery),
          security: signedIn,
          responses: { 200: { description: "The queue", content: h.json(h.ref("ConsoleQueue")) }, 401: h.error("Not signed in"), 403: h.error("Another rep's queue") },
        },
      },
      "/api/console/queue/{id}/outcome": {
        post: {
          summary: "Log a call-back's outcome with an optional note; voicemail and no answer schedule the next attempt",
          parameters: [h.idParameter("id")],
          security: signedIn,
          requestBody: body("ConsoleOutcomeRequest"),
          responses: {
            200: { description: "Logged (with the next attempt when one was scheduled)", content: h.json(h.ref("OutcomeResult")) },
            401: h.error("Not signed in"),
            403: h.error("Another rep's call-back, or not sent from the site (Origin)"),
            404: h.error("No such call-back"),
            409: h.error("Already logged (outcome_already_recorded), moved to another rep meanwhile (call_back_moved), or an instant call not claimed yet (instant_call_not_claimed); a call-back in the team's pool stays there"),
            422: h.error("outcome or note is invalid"),
          },
        },
      },
      "/api/console/queue/{id}/assign": {
        post: {
          summary: "Hand an open call-back to another rep (managers only)",
          parameters: [h.idParameter("id")],
          security: signedIn,
          requestBody: body("AssignRequest"),
          responses: { 200: { description: "Reassigned" }, 403: h.error("Not a manager"), 404: h.error("No such call-back"), 409: h.error("Closed meanwhile"), 422: h.error("repId is not a rep") },
        },
      },
      "/api/console/webhooks": {
        get: {
          summary: "Each webhook endpoint with its last 100 deliveries: status, attempts, last answer (managers only)",
          security: signedIn,
          responses: { 200: { description: "The endpoints", content: h.json(h.ref("ConsoleWebhooks")) }, 401: h.error("Not signed in"), 403: h.error("Not a manager") },
        },
      },
      "/api/console/webhooks/{endpointId}/deliveries/{deliveryId}/resend": {
        post: {
          summary: "Send one of the endpoint's last 100 deliveries again, now, with the same webhook-id (managers only; an endpoint that answered 410 is enabled again)",
          parameters: [h.idParameter("endpointId"), h.idParameter("deliveryId")],
          security: signedIn,
          responses: {
            202: { description: "Its next attempt is scheduled now", content: h.json(h.ref("ConsoleWebhookDelivery")) },
            403: h.error("Not a manager"),
            404: h.error("No such endpoint or delivery among the last 100"),
            409: h.error("delivery_in_progress: its next attempt is already scheduled"),
          },
        },
      },
      "/api/console/team": {
        get: {
          summary: "The reps, for a manager's filter and reassignment (managers only)",
          security: signedIn,
          responses: { 200: { description: "The team", content: h.json(h.ref("ConsoleTeam")) }, 401: h.error("Not signed in"), 403: h.error("Not a manager") },
        },
      },
      "/api/console/schedule": {
        get: {
          summary: "Upcoming demos (join link, what the prospect wants to see) and hosted webinar sessions",
          parameters: h.queryParameters(queueQuery),
          security: signedIn,
          responses: { 200: { description: "The schedule", content: h.json(h.ref("ConsoleSchedule")) }, 401: h.error("Not signed in"), 403: h.error("Another rep's schedule") },
        },
      },
      "/api/leads": {
        get: {
          summary: "Find leads by name, e-mail or company (a rep: leads routed to them)",
          parameters: h.queryParameters(leadsQuery),
          security: signedIn,
          responses: { 200: { description: "Leads, newest first", content: h.json(h.ref("Leads")) }, 422: h.error("query is missing") },
        },
      },
      "/api/leads/{leadId}": {
        get: {
          summary: "A lead and its whole history in time order",
          parameters: [h.idParameter("leadId")],
          security: signedIn,
          responses: { 200: { description: "The lead", content: h.json(h.ref("LeadPage")) }, 403: h.error("Another rep's lead"), 404: h.error("No such lead") },
        },
      },
      "/api/insights": {
        get: {
          summary: "Insights of a date range in the viewer's zone: totals and a series by day, week, rep, offering or source, optionally of one source (a manager sees the team or ?rep=<id>, a rep their own)",
          parameters: h.queryParameters(insightsQuery),
          security: signedIn,
          responses: { 200: { description: "Totals and series", content: h.json(h.ref("Insights")) }, 401: h.error("Not signed in"), 403: h.error("Another rep's figures"), 422: h.error("A parameter is invalid (named in field)") },
        },
      },
      "/api/insights.csv": {
        get: {
          summary: "The same rows as CSV (one per series entry, then the totals as key \"total\")",
          parameters: h.queryParameters(insightsQuery),
          security: signedIn,
          responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, 401: h.error("Not signed in"), 403: h.error("Another rep's figures"), 422: h.error("A parameter is invalid (named in field)") },
        },
      },
      "/api/leads/{leadId}/slots": {
        get: {
          summary: "The times a demo could be booked for this lead: the pool the lead's details route to, in the lead's zone and prospect hours (allTimes=true: every free time)",
          parameters: [h.idParameter("leadId"), ...h.queryParameters(leadSlotsQuery)],
          security: signedIn,
          responses: { 200: { description: "Slots", content: h.json(h.ref("SlotList")) }, 401: h.error("Not signed in"), 403: h.error("Another rep's lead"), 404: h.error("No such lead"), 422: h.error("A parameter is invalid (named in field)") },
        },
      },
      "/api/leads/{leadId}/bookings": {
        post: {
          summary: "Book a demo for this lead (Idempotency-Key aware): routed and checked like any booking; the prospect gets the normal invitation, and the booking names the rep who made it",
          parameters: [h.idParameter("leadId")],
          security: signedIn,
          requestBody: body("LeadBookingRequest"),
          responses: {
            201: { description: "Booked; invitations are on their way", content: h.json(h.ref("BookingConfirmation")) },
            401: h.error("Not signed in"),
            403: h.error("Another rep's lead, or not sent from the site (Origin)"),
            404: h.error("No such lead"),
            409: h.error("The time was just taken"),
            422: h.error("A field is invalid (named in field), or start is not one of the lead's slots"),
          },
        },
      },
      "/api/settings": {
        get: {
          summary: "The settings document in force (liveline.config.json's schema) and its version, also sent as the ETag (managers)",
          security: signedIn,
          responses: { 200: { description: "The settings", content: h.json(h.ref("Settings")) }, 401: h.error("Not signed in"), 403: h.error("Not a manager") },
        },
        put: {
          summary: "Replace the whole document (managers): validated as liveline.config.json is at start, every bad field named, nothing saved unless valid; If-Match: the version it is based on",
          security: signedIn,
          parameters: [ifMatch],
          requestBody: { required: true, content: h.json({ type: "object", description: "The whole settings document (liveline.config.json's schema)" }) },
          responses: {
            200: { description: "Saved as the next version (ETag)", content: h.json(h.ref("Settings")) },
            403: h.error("Not a manager, or not sent from the site (Origin)"),
            412: h.error("Another change came first: currentVersion names the version in force"),
            422: h.error("Fields are invalid (each named in fields), or a deployment's field (sender, webhooks, embed) was changed"),
            428: h.error("If-Match is missing"),
          },
        },
      },
      "/api/settings/history": {
        get: {
          summary: "Every version, newest first: who saved it, when, and what changed (path, before, after) (managers)",
          security: signedIn,
          responses: { 200: { description: "The versions", content: h.json(h.ref("SettingsHistory")) }, 403: h.error("Not a manager") },
        },
      },
      "/api/settings/history/{version}/restore": {
        post: {
          summary: "Save an earlier version's document again, as the next version (managers); If-Match: the version in force",
          parameters: [h.idParameter("version"), ifMatch],
          security: signedIn,
          responses: {
            200: { description: "Restored (ETag)", content: h.json(h.ref("Settings")) },
            403: h.error("Not a manager"),
            404: h.error("No such version"),
            412: h.error("Another change came first"),
            422: h.error("The earlier document is no longer valid as it stands, or would be too large to store (settings), naming the field"),
            428: h.error("If-Match is missing"),
          },
        },
      },
      "/api/settings/brand/logo": {
        put: {
          summary: "Upload the company's logo (managers): stored on the site under a name made from its content and made the brand's logo as the next settings version; If-Match: the version it is based on",
          parameters: [ifMatch],
          security: signedIn,
          requestBody: body("LogoUploadRequest"),
          responses: {
            200: { description: "Saved (ETag): settings.company.brand.logo is the new file's site path", content: h.json(h.ref("Settings")) },
            403: h.error("Not a manager, or not sent from the site (Origin)"),
            412: h.error("Another change came first: currentVersion names the version in force"),
            422: h.error("Not a PNG, JPEG, GIF or WebP image, a type other than contentType, or larger than 256 KB (fields names data or contentType)"),
            428: h.error("If-Match is missing"),
          },
        },
      },
      "/api/settings/reps/{repId}/availability": {
        get: {
          summary: "A rep's own availability (the rep or a manager), with the demo slots it gives next week; the settings version as ETag",
          parameters: [h.idParameter("repId")],
          security: signedIn,
          responses: { 200: { description: "The availability and next week's slots", content: h.json(h.ref("RepAvailability")) }, 403: h.error("Another rep's"), 404: h.error("No such rep") },
        },
        put: {
          summary: "Save a rep's availability (the rep or a manager) as the next settings version; If-Match: the version it is based on",
          parameters: [h.idParameter("repId"), ifMatch],
          security: signedIn,
          requestBody: body("RepAvailabilityRequest"),
          responses: {
            200: { description: "Saved; next week's slots as they are now", content: h.json(h.ref("RepAvailability")) },
            403: h.error("Another rep's, or not sent from the site (Origin)"),
            412: h.error("Another change came first: currentVersion names the version in force"),
            422: h.error("Fields are invalid (each named in fields)"),
            428: h.error("If-Match is missing"),
          },
        },
      },
      "/api/settings/reps": {
        get: {
          summary: "The team (managers): every rep, deactivated ones too, with the demo offerings whose pool holds them; the settings version as ETag",
          security: signedIn,
          responses: { 200: { description: "The team", content: h.json(h.ref("TeamSettings")) }, 401: h.error("Not signed in"), 403: h.error("Not a manager") },
        },
        post: {
          summary: "Add a rep (managers) as the next settings version, validated as liveline.config.json is at start; If-Match: the version it is based on",
          security: signedIn,
          parameters: [ifMatch],
          requestBody: body("NewTeamMemberRequest"),
          responses: { 201: { description: "Added (ETag: the new version)", content: h.json(h.ref("TeamMember")) }, ...teamChangeRefusals },
        },
      },
      "/api/settings/reps/{repId}": {
        put: {
          summary: "Change a rep (managers): name, address, role, weight, skills, regions, languages, mail language, zone, phone, meeting link, calendar feed (weekly hours only when sent); If-Match: the version it is based on",
          parameters: [h.idParameter("repId"), ifMatch],
          security: signedIn,
          requestBody: body("TeamMemberRequest"),
          responses: { 200: { description: "Saved (ETag: the new version)", content: h.json(h.ref("TeamMember")) }, 404: h.error("No such rep"), ...teamChangeRefusals },
        },
      },
      "/api/settings/reps/{repId}/deactivate": {
        post: {
          summary: "Deactivate a rep (managers): kept for their history, in no pool, unable to sign in; their open call-backs go to the team's pool, which every rep's queue lists. Again on an inactive rep: hands over what is left",
          parameters: [h.idParameter("repId"), ifMatch],
          security: signedIn,
          responses: { 200: { description: "Deactivated; handedToPool: call-backs moved now", content: h.json(h.ref("Deactivation")) }, 404: h.error("No such rep"), ...teamChangeRefusals },
        },
      },
      "/api/settings/reps/{repId}/reactivate": {
        post: {
          summary: "Take a deactivated rep back (managers); If-Match: the version it is based on",
          parameters: [h.idParameter("repId"), ifMatch],
          security: signedIn,
          responses: { 200: { description: "Active again", content: h.json(h.ref("TeamMember")) }, 404: h.error("No such rep"), ...teamChangeRefusals },
        },
      },
      "/api/settings/offerings": {
        get: {
          summary: "The offerings (demos; webinars with their recurrence and one-off sessions) and the routing rules in force, with the reps they may name (managers); the settings version as ETag",
          security: signedIn,
          responses: { 200: { description: "Offerings and routing", content: h.json(h.ref("OfferingsSettings")) }, 401: h.error("Not signed in"), 403: h.error("Not a manager") },
        },
        post: {
          summary: "Add an offering (managers): a demo or a webinar as liveline.config.json has them, validated as at start; If-Match: the version it is based on",
          security: signedIn,
          parameters: [ifMatch],
          requestBody: { required: true, content: h.json({ type: "object", description: "One offering (liveline.config.json's offerings[])" }) },
          responses: { 201: { description: "Added (ETag: the new version)", content: h.json(h.ref("OfferingsSettings")) }, ...teamChangeRefusals },
        },
      },
      "/api/settings/offerings/{offeringId}": {
        put: {
          summary: "Replace an offering (managers), the whole offering as sent, its id the path's; If-Match: the version it is based on",
          parameters: [h.idParameter("offeringId"), ifMatch],
          security: signedIn,
          requestBody: { required: true, content: h.json({ type: "object", description: "One offering (liveline.config.json's offerings[])" }) },
          responses: { 200: { description: "Saved (ETag: the new version)", content: h.json(h.ref("OfferingsSettings")) }, 404: h.error("No such offering"), ...teamChangeRefusals },
        },
      },
      "/api/settings/routing": {
        put: {
          summary: "Replace the routing section (managers): regions, ordered rules, fallback; If-Match: the version it is based on",
          security: signedIn,
          parameters: [ifMatch],
          requestBody: { required: true, content: h.json({ type: "object", description: "liveline.config.json's routing section" }) },
          responses: { 200: { description: "Saved (ETag: the new version)", content: h.json(h.ref("OfferingsSettings")) }, ...teamChangeRefusals },
        },
      },
      "/api/settings/routing/test": {
        post: {
          summary: "Test the routing (managers): sample answers routed as a contact request would be, by the rules in force or a draft routing section, with the trace of each rule (matched, or why not); nothing saved",
          security: signedIn,
          requestBody: body("RoutingTestRequest"),
          responses: { 200: { description: "The decision and its trace", content: h.json(h.ref("RoutingTest")) }, 403: h.error("Not a manager"), 422: h.error("An answer, the offering or the draft is invalid (named in field or fields)") },
        },
      },
      "/api/leads/{leadId}/notes": {
        post: {
          summary: "Add a note to the lead's history",
          parameters: [h.idParameter("leadId")],
          security: signedIn,
          requestBody: body("NoteRequest"),
          responses: { 201: { description: "Added" }, 403: h.error("Another rep's lead"), 422: h.error("text is empty") },
        },
      },
    },
    schemas: {
      ConsoleQueue: h.jsonSchema(queueResponse, "output"),
      ConsoleOutcomeRequest: h.jsonSchema(consoleOutcomeBody, "input"),
      AssignRequest: h.jsonSchema(assignBody, "input"),
      ConsoleSchedule: h.jsonSchema(scheduleResponse, "output"),
      ConsoleTeam: h.jsonSchema(teamResponse, "output"),
      ConsoleWebhooks: h.jsonSchema(webhooksResponse, "output"),
      ConsoleWebhookDelivery: h.jsonSchema(resendResponse, "output"),
      Settings: h.jsonSchema(settingsResponse, "output"),
      SettingsHistory: h.jsonSchema(settingsHistoryResponse, "output"),
      RepAvailabilityRequest: h.jsonSchema(availabilityBody, "input"),
      LogoUploadRequest: h.jsonSchema(logoUploadBody, "input"),
      RepAvailability: h.jsonSchema(availabilityResponse, "output"),
      TeamSettings: h.jsonSchema(teamSettingsResponse, "output"),
      TeamMemberRequest: h.jsonSchema(teamMemberBody, "input"),
      NewTeamMemberRequest: h.jsonSchema(newTeamMemberBody, "input"),
      TeamMember: h.jsonSchema(teamMemberResponse, "output"),
      Deactivation: h.jsonSchema(deactivationResponse, "output"),
      OfferingsSettings: h.jsonSchema(offeringsSettingsResponse, "output"),
      RoutingTestRequest: h.jsonSchema(routingTestBody, "input"),
      RoutingTest: h.jsonSchema(routingTestResponse, "output"),
      Insights: h.jsonSchema(insightsResponse, "output"),
      Leads: h.jsonSchema(leadsResponse, "output"),
      LeadPage: h.jsonSchema(leadPageResponse, "output"),
      LeadBookingRequest: h.jsonSchema(leadBookingBody, "input"),
      NoteRequest: h.jsonSchema(noteBody, "input"),
      SignInRequest: h.jsonSchema(signInBody, "input"),
      SignInAccepted: h.jsonSchema(signInResponse, "output"),
      SessionRequest: h.jsonSchema(sessionBody, "input"),
      Me: h.jsonSchema(meResponse, "output"),
      SignedOut: h.jsonSchema(signOutResponse, "output"),
    },
    securitySchemes: {
      consoleSession: {
        type: "apiKey",
        in: "cookie",
        name: "__Host-liveline_session",
        description: "The console's session (POST /api/auth/session). A request that changes something must come from the site: its Origin is checked.",
      },
    },
  };
}
