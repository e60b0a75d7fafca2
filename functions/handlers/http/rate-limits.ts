// HTTP API: abuse protection's rate limits of the public writes (protection.ts asks for them once a write has
// passed its challenge) — the counters to add, as conditioned items (core/access/protection.ts ProtectionWrite) that
// a booking writes in its own transaction and other writes on their own; fixed windows removed by TTL. Past a
// limit the write is refused whole: 429 with Retry-After. A rep's bearer token has a limit of its own instead
// of the per-address ones.

import type { RepConfig } from "../../config/liveline-config";
import { addressKey, clientKey, type ProtectionWrite, windowCounter } from "../../core/access/protection";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { RouteRequest } from "./http-route";

/** What a write's validated body may hold that a limit counts. */
export interface LimitedBody {
  email?: unknown;
  colleagues?: unknown;
}

const DAY_MINUTES = 24 * 60;

export function rateLimitCounters(deps: UseCaseDependencies, request: RouteRequest, body: LimitedBody, rep: RepConfig | undefined): ProtectionWrite[] {
  const limits = deps.catalogue.config.protection.rateLimits;
  const now = deps.clock.now().getTime();
  if (rep) return [windowCounter(now, `token#${rep.id}`, 1, limits.writesPerToken, "This API token sent too many writes; please slow down.")];
  const client = clientKey(request.headers["cloudfront-viewer-address"], request.sourceIp ?? "unknown");
  const counters = [windowCounter(now, `ip#${client}`, 1, limits.writesPerIp, "Too many requests from your network. Please wait a few minutes and try again.")];
  const colleagues = Array.isArray(body.colleagues) ? body.colleagues.length : 0;
  if (typeof body.email === "string" && colleagues > 0) {
    const day = { max: limits.colleaguesPerAddressPerDay, windowMinutes: DAY_MINUTES };
    counters.push(windowCounter(now, `colleagues#${addressKey(body.email)}`, colleagues, day, `One address may invite at most ${day.max} colleagues a day.`, "colleagues"));
  }
  return counters;
}
