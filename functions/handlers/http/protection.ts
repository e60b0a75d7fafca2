// HTTP API: abuse protection in front of the public unauthenticated writes (contact request, booking,
// instant call, webinar registration, sign-in request) — each API function's route list wraps exactly
// those. Before the route runs: the honeypot must be empty, and (unless LIVELINE_PROTECTION=off) the body must carry a valid
// proof-of-work solution sent no sooner than minFormSeconds after its page (a rep's bearer token skips it),
// and the rate limits (rate-limits.ts; a bearer token its own) must have room, else 429 with Retry-After.
// The solution's used mark and the counters are conditioned items (core/access/protection.ts ProtectionWrite): a
// booking writes them in its own transaction (with the address's answered mark for the mail budget, and its
// live bookings, at most rateLimits.liveBookingsPerAddress, read in the booking's one batch read), and so does
// a webinar registration (a full or closed session spends nothing), other writes in one request before the
// route runs. The body is checked against the route's schema first: a 422
// uses up no solution and stores nothing. The protection fields are then taken out of the body, so the
// route, its idempotency hash and the use cases never see them. A refusal stores nothing.

import { ProtectionRefused } from "../../core/errors";
import type { ProtectionWrite } from "../../core/access/protection";
import { answeredMark } from "../../use-cases/messages/mail-budget";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import { protectionInput } from "./api-schemas";
import { jsonBody, parseWith, type Route, type RouteRequest } from "./http-route";
import { checkSolution } from "./proof-of-work";
import type { PublicWrite, PublicWrites } from "./public-writes";
import { type LimitedBody, rateLimitCounters } from "./rate-limits";
import { repByToken } from "./rep-auth";

/** The routes, each of the function's public writes behind the challenge, the honeypot, the form timer and the rate limits. */
export function withAbuseProtection(deps: UseCaseDependencies, writes: PublicWrites, routes: Route[]): Route[] {
  return routes.map((route) => {
    const write = writes.get(`${route.method} ${route.pattern}`);
    return write ? protectedWrite(deps, route, write) : route;
  });
}

function protectedWrite(deps: UseCaseDependencies, route: Route, write: PublicWrite): Route {
  return { ...route, handle: async (request) => route.handle(await admitted(deps, request, write)) };
}

/** The request with its protection fields checked and removed. */
async function admitted(deps: UseCaseDependencies, request: RouteRequest, write: PublicWrite): Promise<RouteRequest> {
  // Not JSON, or a field the route refuses: the same 400 or 422 the route gives, before anything else.
  const valid = jsonBody(request, write.body) as LimitedBody;
  const { altcha, website, ...rest } = JSON.parse(request.body!) as Record<string, unknown>;
  const fields = parseWith(protectionInput, { altcha, website });
  // People never see the honeypot; whatever fills it in is not a person. Checked whatever the switch says.
  if (fields.website !== undefined && fields.website.trim() !== "") {
    throw new ProtectionRefused("honeypot", "website", "This request was refused: the field website must stay empty.");
  }
  const stripped = { ...request, body: JSON.stringify(rest) };
  if (deps.protection.mode === "off") return stripped;
  const rep = repByToken(deps, request);
  const writes: ProtectionWrite[] = [...(rep ? [] : [await checkSolution(deps, fields.altcha)]), ...rateLimitCounters(deps, request, valid, rep)];
  if (!write.inRouteTransaction) {
    await deps.protection.store.write(writes);
    return stripped;
  }
  if (!write.isBooking) return { ...stripped, protection: { writes } };
  if (typeof valid.email === "string") writes.push(answeredMark(deps, valid.email));
  return { ...stripped, protection: { writes, ...(rep ? {} : { liveBookingsPerAddress: deps.catalogue.config.protection.rateLimits.liveBookingsPerAddress }) } };
}
