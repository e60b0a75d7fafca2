// HTTP API: GET /api/challenge[?stamp=] — a proof-of-work challenge for the ALTCHA widget on the pages (or any
// client), needed by every public write. `stamp` is the one in the page's previous challenge (its data):
// it keeps the moment the page first asked, which the too-fast check measures from.
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { challengeQuery } from "../api-schemas";
import { parseWith, type Route } from "../http-route";
import { issueChallenge } from "../proof-of-work";

export function challengeRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/challenge",
    handle: async (request) => {
      const { stamp } = parseWith(challengeQuery, request.query);
      return { statusCode: 200, json: await issueChallenge(deps, stamp), headers: { "cache-control": "no-store" } };
    },
  };
}
