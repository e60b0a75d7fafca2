// HTTP API: the OpenAPI paths and schemas of sign-in and the rep console, from console-schemas.ts; merged
// into the one document by openapi-document.ts (which lends its helpers, so both build alike).

import type * as z from "zod/mini";
import { meResponse, sessionBody, signInBody, signInResponse, signOutResponse } from "./console-schemas";

type JsonObject = Record<string, unknown>;

export interface OpenApiHelpers {
  jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonObject;
  ref(name: string): JsonObject;
  json(schema: JsonObject): JsonObject;
  error(description: string): JsonObject;
  idParameter(name: string): JsonObject;
  queryParameters(schema: z.ZodMiniType): JsonObject[];
}

/** Either the console's session cookie or a rep's bearer token. */
const signedIn = [{ consoleSession: [] }, { repToken: [] }];

export function consoleOpenApi(h: OpenApiHelpers): { paths: JsonObject; schemas: JsonObject; securitySchemes: JsonObject } {
  const body = (name: string) => ({ required: true, content: h.json(h.ref(name)) });
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
    },
    schemas: {
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
