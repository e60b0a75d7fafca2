// HTTP API: the OpenAPI paths and schemas of "call me now" — the public availability, request and status
// routes and the rep's presence and claim — from api-schemas.ts and console-schemas.ts; merged into the one
// document by openapi-document.ts with its helpers.

import { instantAvailabilityQuery, instantAvailabilityResponse, instantCallBody, instantCallResponse } from "./api-schemas";
import { claimResponse, presenceBody, presenceResponse } from "./console-schemas";
import type { OpenApiHelpers } from "./console-openapi";

type JsonObject = Record<string, unknown>;

const signedIn = [{ consoleSession: [] }, { repToken: [] }];

export function instantCallsOpenApi(h: OpenApiHelpers): { paths: JsonObject; schemas: JsonObject } {
  return {
    paths: {
      "/api/instant-calls/availability": {
        get: {
          summary: "Whether a rep of the offering's pool would be rung now (presence on, inside working hours, not in a demo); names nobody",
          parameters: h.queryParameters(instantAvailabilityQuery),
          responses: { 200: { description: "Availability", content: h.json(h.ref("InstantAvailability")) }, 422: h.error("offering is missing or unknown") },
        },
      },
      "/api/instant-calls": {
        post: {
          summary:
            "Call me now: records the request as a contact request (its lead and speed-to-lead call-back), then rings the fairest reachable rep of the routed pool (an `instant` queue item and an e-mail). Unclaimed after the ring time it moves to the next reachable rep; with nobody left the status becomes unavailable. Send an Idempotency-Key: a retry with it answers the same call; a second request of the same person while one rings answers that one.",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }],
          requestBody: { required: true, content: h.json(h.ref("InstantCallRequest")) },
          responses: {
            201: { description: "Ringing a rep, or unavailable (nobody free: offer the slots)", content: h.json(h.ref("InstantCall")) },
            400: h.error("Not JSON, or a malformed Idempotency-Key"),
            413: h.error("Body over 16 KB"),
            422: h.error("A field is invalid (named in error.field), or the Idempotency-Key was used for another body"),
          },
        },
      },
      "/api/instant-calls/{id}": {
        get: {
          summary: "The call's status, for the page that waits (ringing, claimed or unavailable)",
          parameters: [h.idParameter("id")],
          responses: { 200: { description: "Status", content: h.json(h.ref("InstantCall")) }, 404: h.error("No such call") },
        },
      },
      "/api/console/presence": {
        get: {
          summary: "The rep's instant-call switch and whether a request would ring them now",
          security: signedIn,
          responses: { 200: { description: "Presence", content: h.json(h.ref("Presence")) }, 401: h.error("Not signed in") },
        },
        put: {
          summary: "Turn instant calls on (also the heartbeat: presence lapses after 30 minutes without one) or off",
          security: signedIn,
          requestBody: { required: true, content: h.json(h.ref("PresenceRequest")) },
          responses: {
            200: { description: "Presence now", content: h.json(h.ref("Presence")) },
            401: h.error("Not signed in"),
            403: h.error("Not sent from the site (Origin)"),
            422: h.error("available is missing or not a boolean"),
          },
        },
      },
      "/api/console/queue/{id}/claim": {
        post: {
          summary: "Take an instant call that rings you (one conditional write); log its outcome afterwards",
          parameters: [h.idParameter("id")],
          security: signedIn,
          responses: {
            200: { description: "Claimed", content: h.json(h.ref("InstantClaim")) },
            401: h.error("Not signed in"),
            403: h.error("It rings another rep, or not sent from the site (Origin)"),
            404: h.error("No such queue item"),
            409: h.error("Already claimed, moved on to another rep, or not an instant call"),
          },
        },
      },
    },
    schemas: {
      InstantAvailability: h.jsonSchema(instantAvailabilityResponse, "output"),
      InstantCallRequest: h.jsonSchema(instantCallBody, "input"),
      InstantCall: h.jsonSchema(instantCallResponse, "output"),
      PresenceRequest: h.jsonSchema(presenceBody, "input"),
      Presence: h.jsonSchema(presenceResponse, "output"),
      InstantClaim: h.jsonSchema(claimResponse, "output"),
    },
  };
}
