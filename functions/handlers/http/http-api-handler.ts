// HTTP API: turns an API Gateway HTTP API (payload 2.0) event into a route call and the route's answer
// (or error) back into a result. The Lambda entry and the local runtime both run exactly this.

import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "../http-api-types";
import { MAX_BODY_BYTES } from "./body-limits";
import { errorLanguage } from "./error-language";
import { errorResponse } from "./error-responses";
import { HttpError, type Route, type RouteRequest, type RouteResponse } from "./http-route";
import { Router } from "./router";

export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** The handler of one API function: `routesOf` is its route list (public-api-routes.ts, workspace-api-routes.ts). */
export function createHttpApiHandler(deps: UseCaseDependencies, routesOf: (deps: UseCaseDependencies) => Route[]): HttpApiHandler {
  const router = new Router(routesOf(deps));
  return async (event) => {
    let response: RouteResponse;
    let request: RouteRequest | undefined;
    try {
      request = toRouteRequest(event);
      const { route, params } = router.match(request.method, request.path);
      request = { ...request, params, body: bodyOf(event, route.maxBodyBytes ?? MAX_BODY_BYTES) };
      response = await route.handle(request);
    } catch (error) {
      // In the asker's language: the body's `language`, else Accept-Language (a prospect's form sends both).
      const language = errorLanguage(request?.body, request?.headers["accept-language"]);
      response = errorResponse(error, (message, details) => deps.log("error", message, { ...details, path: event.rawPath }), language);
    }
    return toResult(response);
  };
}

function toRouteRequest(event: APIGatewayProxyEventV2): RouteRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(event.rawQueryString ?? "")) {
    if (!(name in query)) query[name] = value;
  }
  return { method: event.requestContext.http.method.toUpperCase(), path: event.rawPath, params: {}, query, headers, cookies: cookiesOf(event), sourceIp: event.requestContext.http.sourceIp };
}

/** API Gateway v2 moves the Cookie header into `cookies`; one without it (a test) may still send the header. */
function cookiesOf(event: APIGatewayProxyEventV2): Record<string, string> {
  const cookies: Record<string, string> = {};
  const pairs = event.cookies ?? (event.headers?.cookie ?? event.headers?.Cookie ?? "").split(/;\s*/);
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at > 0 && !(pair.slice(0, at).trim() in cookies)) cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return cookies;
}

function bodyOf(event: APIGatewayProxyEventV2, maxBytes: number): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
  if (bytes.length > maxBytes) {
    throw new HttpError(413, "body_too_large", `The request body is ${bytes.length} bytes; at most ${maxBytes} are accepted.`);
  }
  return bytes.toString("utf8");
}

const COMMON_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

function toResult(response: RouteResponse): APIGatewayProxyStructuredResultV2 {
  const cookies = response.cookies?.length ? { cookies: response.cookies } : {};
  if (response.text !== undefined) {
    return { statusCode: response.statusCode, headers: { ...COMMON_HEADERS, ...response.headers }, ...cookies, body: response.text };
  }
  return {
    statusCode: response.statusCode,
    ...cookies,
    headers: { "content-type": "application/json; charset=utf-8", ...COMMON_HEADERS, ...response.headers },
    body: response.json === undefined ? "" : JSON.stringify(response.json),
  };
}
