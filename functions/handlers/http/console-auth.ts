// HTTP API: who is calling the console endpoints — a console session (the `__Host-liveline_session`
// cookie) or a rep's bearer token (scripts and integrations). A request that changes something with the
// cookie must come from the site itself: its Origin is checked, so another site cannot post in the rep's name.

import type { RepConfig } from "../../config/liveline-config";
import { SESSION_ABSOLUTE_MS } from "../../core/access/sign-in";
import { NotYourLead } from "../../use-cases/workspace/console-leads";
import { sessionRep } from "../../use-cases/access/sign-in";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import { HttpError, type RouteRequest } from "./http-route";
import { repByToken } from "./rep-auth";

/** `__Host-`: only set over a secure connection, with Path=/ and no Domain — no subdomain can overwrite it. */
export const SESSION_COOKIE = "__Host-liveline_session";

export interface Caller {
  rep: RepConfig;
  via: "session" | "bearer";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CHALLENGE = { "www-authenticate": 'Bearer realm="liveline"' };

/** The signed-in rep; 401 without a valid session or token, 403 for a cross-site change made with the cookie. */
export async function consoleCaller(deps: UseCaseDependencies, request: RouteRequest): Promise<Caller> {
  if (request.headers.authorization) {
    const rep = repByToken(deps, request);
    if (!rep) throw new HttpError(401, "unauthorized", "This API token is not valid.", undefined, CHALLENGE);
    return { rep, via: "bearer" };
  }
  const sessionId = request.cookies?.[SESSION_COOKIE];
  const rep = sessionId ? await sessionRep(deps, sessionId) : undefined;
  if (!rep) throw new HttpError(401, "unauthorized", "Sign in first (or send a rep's API token as Authorization: Bearer <token>).", undefined, CHALLENGE);
  if (!SAFE_METHODS.has(request.method)) requireSameOrigin(deps, request);
  return { rep, via: "session" };
}

/** Refuses a state-changing request whose Origin is not the site (browsers send Origin on every POST). */
export function requireSameOrigin(deps: UseCaseDependencies, request: RouteRequest): void {
  if (request.headers.origin !== new URL(deps.publicUrl).origin) {
    throw new HttpError(403, "cross_origin", "This request must come from the Liveline site itself.", "Origin");
  }
}

export function isManager(rep: RepConfig): boolean {
  return rep.role === "manager";
}

/** A rep may act on their own work; a manager on the team's. */
export function requireAccessTo(caller: Caller, repId: string): void {
  if (caller.rep.id !== repId && !isManager(caller.rep)) throw new HttpError(403, "forbidden", "This belongs to another rep.");
}

export function requireManager(caller: Caller): void {
  if (!isManager(caller.rep)) throw new HttpError(403, "forbidden", "Only a manager can do this.");
}

export function sessionCookie(sessionId: string): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${SESSION_ABSOLUTE_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

/** A lead the caller may not see (use-cases/workspace/console-leads.ts) is a 403 for every route that opens one. */
export async function asLeadViewer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotYourLead) throw new HttpError(403, "forbidden", error.message);
    throw error;
  }
}
