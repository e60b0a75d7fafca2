// HTTP API: the writes anybody may send without a token or session — the routes put behind abuse protection
// (protection.ts), with the body schema each is checked against before a solution is used
// (a body the route would refuse with 422 must not use up the page's solution, nor leave a trace), and
// the operations the OpenAPI document marks as protected.

import type * as z from "zod/mini";
import { bookingBody, contactRequestBody, instantCallBody, registrationBody } from "./api-schemas";
import { signInBody } from "./console-schemas";

/** By "METHOD pattern", as the routes name themselves. */
export const PUBLIC_WRITES: ReadonlyMap<string, z.ZodMiniType> = new Map<string, z.ZodMiniType>([
  ["POST /api/contact-requests", contactRequestBody],
  ["POST /api/bookings", bookingBody],
  ["POST /api/instant-calls", instantCallBody],
  ["POST /api/webinars/{sessionId}/registrations", registrationBody],
  ["POST /api/auth/sign-in", signInBody],
]);
