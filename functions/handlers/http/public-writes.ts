// HTTP API: the writes anybody may send without a token or session — the routes put behind abuse protection
// (protection.ts), with the body schema each is checked against before a solution is used
// (a body the route would refuse with 422 must not use up the page's solution, nor leave a trace). Each API
// function wraps its own family's, so the public function carries no console schema (the workspace's are in
// workspace-public-writes.ts; all-public-writes.ts has both, for the OpenAPI document and the tests).

import type * as z from "zod/mini";
import { bookingBody, contactRequestBody, instantCallBody, registrationBody } from "./api-schemas";

export interface PublicWrite {
  body: z.ZodMiniType;
  /**
   * A booking or a webinar registration: protection's items go into the write's own transaction (a booking's
   * one write on the request path, issue 10), so a write the route refuses (a taken slot, a full session)
   * spends no solution and no counter.
   */
  inRouteTransaction?: boolean;
  /** A booking: a booking made is an answer (the mail budget no longer holds the address back), and it counts among the address's live bookings. */
  isBooking?: boolean;
}

/** By "METHOD pattern", as the routes name themselves. */
export type PublicWrites = ReadonlyMap<string, PublicWrite>;

/** The prospects' writes, served by the public API function. */
export const PROSPECT_WRITES: PublicWrites = new Map<string, PublicWrite>([
  ["POST /api/contact-requests", { body: contactRequestBody }],
  ["POST /api/bookings", { body: bookingBody, inRouteTransaction: true, isBooking: true }],
  ["POST /api/instant-calls", { body: instantCallBody }],
  ["POST /api/webinars/{sessionId}/registrations", { body: registrationBody, inRouteTransaction: true }],
]);
