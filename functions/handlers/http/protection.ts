// HTTP API: abuse protection in front of the public unauthenticated writes (contact request, booking,
// instant call, webinar registration, sign-in request) — each API function's route list wraps exactly those. Before the
// route runs: the honeypot must be empty, and (unless a rep's bearer token calls, or LIVELINE_PROTECTION=off)
// the body must carry an unused proof-of-work solution sent no sooner than minFormSeconds after its page.
// The body is checked against the route's schema first: a 422 uses up no solution and stores nothing. The
// protection fields are then taken out of the body, so the route, its idempotency hash and the use cases
// never see them. A refusal stores nothing; a valid solution's used mark is its only trace.

import type * as z from "zod/mini";
import { ProtectionRefused } from "../../core/errors";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import { protectionInput } from "./api-schemas";
import { jsonBody, parseWith, type Route, type RouteRequest } from "./http-route";
import { useSolution } from "./proof-of-work";
import { PUBLIC_WRITES } from "./public-writes";
import { repByToken } from "./rep-auth";

/** The routes, each public write (PUBLIC_WRITES) behind the challenge, the honeypot and the form timer. */
export function withAbuseProtection(deps: UseCaseDependencies, routes: Route[]): Route[] {
  return routes.map((route) => {
    const body = PUBLIC_WRITES.get(`${route.method} ${route.pattern}`);
    return body ? protectedWrite(deps, route, body) : route;
  });
}

function protectedWrite(deps: UseCaseDependencies, route: Route, bodySchema: z.ZodMiniType): Route {
  return { ...route, handle: async (request) => route.handle(await admitted(deps, request, bodySchema)) };
}

/** The request with its protection fields checked and removed. */
async function admitted(deps: UseCaseDependencies, request: RouteRequest, bodySchema: z.ZodMiniType): Promise<RouteRequest> {
  // Not JSON, or a field the route refuses: the same 400 or 422 the route gives, before anything else.
  jsonBody(request, bodySchema);
  const { altcha, website, ...rest } = JSON.parse(request.body!) as Record<string, unknown>;
  const fields = parseWith(protectionInput, { altcha, website });
  // People never see the honeypot; whatever fills it in is not a person. Checked whatever the switch says.
  if (fields.website !== undefined && fields.website.trim() !== "") {
    throw new ProtectionRefused("honeypot", "website", "This request was refused: the field website must stay empty.");
  }
  if (deps.protection.mode === "on" && !repByToken(deps, request)) await useSolution(deps, fields.altcha);
  return { ...request, body: JSON.stringify(rest) };
}
