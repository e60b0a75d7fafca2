// HTTP API: the language a prospect is written to in, from a public write — the body's `language` when
// Liveline writes it, else the request's Accept-Language (best supported match), else English. The routes
// that take a prospect's details store it with them (Prospect.locale); the OpenAPI document names the header.

import { chooseLanguage, LANGUAGES, type Language } from "../../core/messages/catalogue";
import type { RouteRequest } from "./http-route";

/** The writes whose prospect is stored with the language chosen here. */
export const LANGUAGE_WRITES = [
  "POST /api/contact-requests",
  "POST /api/bookings",
  "POST /api/instant-calls",
  "POST /api/webinars/{sessionId}/registrations",
] as const;

export function requestLanguage(request: RouteRequest, chosen: string | undefined): Language {
  return chooseLanguage(chosen, request.headers["accept-language"]);
}

/** The OpenAPI parameter of those writes. */
export const ACCEPT_LANGUAGE_PARAMETER = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: `The language the prospect's pages, e-mails and invitations are written in, unless the body's language is one of ${LANGUAGES.join(", ")} (that wins). The best match of ${LANGUAGES.join(", ")} by q, else en. Kept with the lead for every later message.`,
  schema: { type: "string", maxLength: 500 },
};
