// HTTP API: GET /api/short-links — the long, signed link a short link's code (in the Liveline-Link header)
// stands for, for the link page to open (core/messages/short-links.ts). Unknown or expired: 404.
import { NotFound } from "../../../core/errors";
import { isOwnSiteLink } from "../../../core/messages/short-links";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { HttpError, type Route } from "../http-route";
import { SHORT_CODE, SHORT_LINK_HEADER } from "../short-link-header";

export function shortLinksRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/short-links",
    handle: async (request) => {
      const code = request.headers[SHORT_LINK_HEADER.toLowerCase()];
      if (!code || !SHORT_CODE.test(code)) throw new HttpError(400, "invalid_link", `The ${SHORT_LINK_HEADER} header must hold a link's 16-character code.`, SHORT_LINK_HEADER);
      const url = await deps.shortLinks.find(code, deps.clock.now());
      // Only ever our own site's address: a stored item is never a way to send someone elsewhere.
      if (!url || !isOwnSiteLink(url, deps.publicUrl)) throw new NotFound("This link has expired or is not known.");
      return { statusCode: 200, json: { url }, headers: { "cache-control": "no-store" } };
    },
  };
}
