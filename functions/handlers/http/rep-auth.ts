// HTTP API: who is calling the rep endpoints — `Authorization: Bearer <token>` checked against the rep's
// token hash in config (locally and in AWS alike; a Cognito authorizer can take its place later).

import type { RepConfig } from "../../config/liveline-config";
import { isPublishedDemoToken, repTokenMatches } from "../../core/access/rep-tokens";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import { HttpError, type RouteRequest } from "./http-route";

const CHALLENGE = { "www-authenticate": 'Bearer realm="liveline"' };

/** The rep in the path, when the bearer token is theirs; 401 without a token, 403 with someone else's. */
export function authenticatedRep(deps: UseCaseDependencies, request: RouteRequest, repId: string): RepConfig {
  const token = bearerToken(deps, request);
  if (!token) throw new HttpError(401, "unauthorized", "Send the rep's API token as Authorization: Bearer <token>.", undefined, CHALLENGE);
  const rep = deps.catalogue.activeReps().find((candidate) => candidate.id === repId);
  if (!rep || !repTokenMatches(token, rep.apiTokenSha256)) throw new HttpError(403, "forbidden", "This token does not belong to this rep.");
  return rep;
}

/** The rep a bearer token belongs to, if any (for endpoints open to a booking's rep or its prospect). */
export function repByToken(deps: UseCaseDependencies, request: RouteRequest): RepConfig | undefined {
  const token = bearerToken(deps, request);
  return token ? deps.catalogue.activeReps().find((rep) => repTokenMatches(token, rep.apiTokenSha256)) : undefined;
}

/** The bearer token; a published demo token is refused (401) wherever demo tokens are not allowed. */
function bearerToken(deps: UseCaseDependencies, request: RouteRequest): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (token !== undefined && deps.demoTokens !== "allow" && isPublishedDemoToken(token)) {
    throw new HttpError(401, "demo_token", "This is a published demo token; it never works here. Ask your operator for your own rep token.", undefined, CHALLENGE);
  }
  return token;
}
