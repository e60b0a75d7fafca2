// HTTP API: POST /api/unsubscribe?token — RFC 8058 one-click unsubscribe. Mail clients POST
// "List-Unsubscribe=One-Click" (form-encoded) to the List-Unsubscribe URL; the page sends the token in
// the Liveline-Token header instead.
import { unsubscribe } from "../../../use-cases/messages/suppress-addresses";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { unsubscribeQuery } from "../api-schemas";
import { parseWith, queryWithLinkToken, type Route } from "../http-route";

export function unsubscribeRoute(deps: UseCaseDependencies): Route {
  return {
    method: "POST",
    pattern: "/api/unsubscribe",
    handle: async (request) => {
      const { token } = parseWith(unsubscribeQuery, queryWithLinkToken(request));
      await unsubscribe(deps, token);
      return { statusCode: 200, json: { unsubscribed: true } };
    },
  };
}
