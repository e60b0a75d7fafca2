// HTTP API: GET /l/{code} — a short link from an e-mail (core/messages/short-links.ts) redirects to the long,
// signed link it stands for. An unknown or expired code is a page for a browser (a person clicked it), and the
// API's JSON 404 for any other client.
import { bookingPageUrl } from "../../../core/bookings/link-language";
import { NotFound } from "../../../core/errors";
import { chooseLanguage, message, type Language } from "../../../core/messages/catalogue";
import { escapeHtml } from "../../../core/messages/message-parts";
import { SHORT_CODE, SHORT_LINK_PATH } from "../../../core/messages/short-links";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import type { Route, RouteResponse } from "../http-route";

/** Never cached (the link may be replaced by a newer one), and the long link is not passed on as a referrer. */
const PRIVATE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export function shortLinksRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: `${SHORT_LINK_PATH}/{code}`,
    handle: async (request) => {
      const code = request.params.code!;
      const url = SHORT_CODE.test(code) ? await deps.shortLinks.find(code, deps.clock.now()) : undefined;
      if (url) return { statusCode: 302, headers: { ...PRIVATE, location: url } };
      // A browser asks for a page; any other client gets the API's JSON error, as from every route.
      if (!/text\/html/.test(request.headers.accept ?? "")) throw new NotFound("This link has expired or is not known.");
      return expiredPage(deps.publicUrl, chooseLanguage(undefined, request.headers["accept-language"]));
    },
  };
}

function expiredPage(publicUrl: string, language: Language): RouteResponse {
  const say = (key: "link.expired.title" | "link.expired.body" | "link.expired.home") => escapeHtml(message(language, key));
  const html = [
    "<!doctype html>",
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${say("link.expired.title")}</title><link rel="stylesheet" href="/styles.css"></head>`,
    `<body><main><h1>${say("link.expired.title")}</h1><p>${say("link.expired.body")}</p>`,
    `<p><a href="${escapeHtml(bookingPageUrl(publicUrl, language))}">${say("link.expired.home")}</a></p></main></body></html>`,
    "",
  ].join("\n");
  return { statusCode: 404, text: html, headers: { ...PRIVATE, "content-type": "text/html; charset=utf-8" } };
}
