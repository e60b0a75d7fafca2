// HTTP API: the writes anybody may send without a token or session — the routes put behind abuse protection
// (protection.ts), with the body schema each is checked against before a solution is used
// (a body the route would refuse with 422 must not use up the page's solution, nor leave a trace), and
// the operations the OpenAPI document marks as protected.

import type * as z from "zod/mini";
import { bookingBody, contactRequestBody, instantCallBody, registrationBody } from "./api-schemas";
import { signInBody } from "./console-schemas";

export interface PublicWrite {
  body: z.ZodMiniType;
  /**
   * A booking: protection's items go into the booking's own transaction (one write on the request path, issue
   * 10), and a booking made is an answer (the mail budget no longer holds the address back).
   */
  inRouteTransaction?: boolean;
}

/** By "METHOD pattern", as the routes name themselves. */
export const PUBLIC_WRITES: ReadonlyMap<string, PublicWrite> = new Map<string, PublicWrite>([
  ["POST /api/contact-requests", { body: contactRequestBody }],
  ["POST /api/bookings", { body: bookingBody, inRouteTransaction: true }],
  ["POST /api/instant-calls", { body: instantCallBody }],
  ["POST /api/webinars/{sessionId}/registrations", { body: registrationBody }],
  ["POST /api/auth/sign-in", { body: signInBody }],
]);
