// Local runtime: builds the API Gateway HTTP API (payload 2.0) event that AWS would send for a request,
// so the local server can call the very handler the stack deploys.

import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2 } from "../../functions/handlers/http-api-types";

/** Text bodies are passed as is, anything else base64-encoded — as API Gateway does. */
const TEXT_CONTENT = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+json)/i;

export function apiGatewayEvent(request: IncomingMessage, body: Buffer, now: Date): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? "/", "http://localhost");
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === "cookie") cookies.push(...String(value).split(/;\s*/));
    // API Gateway joins repeated headers with commas.
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  // As CloudFront in front of the API does: the viewer's address and port, never one the client sent
  // (abuse protection's per-client limit reads it; the socket's address is also sourceIp below).
  headers["cloudfront-viewer-address"] = viewerAddress(request);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const method = (request.method ?? "GET").toUpperCase();
  const isText = body.length === 0 || TEXT_CONTENT.test(headers["content-type"] ?? "text/plain");
  return {
    version: "2.0",
    routeKey: "ANY /api/{proxy+}",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: { proxy: url.pathname.replace(/^\/api\//, "") },
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "localhost",
      http: { method, path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp: request.socket.remoteAddress ?? "127.0.0.1", userAgent: headers["user-agent"] ?? "" },
      requestId: randomUUID(),
      routeKey: "ANY /api/{proxy+}",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? (isText ? body.toString("utf8") : body.toString("base64")) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** "203.0.113.7:4711" or "2001:db8::1:4711" (CloudFront's form: the port after the last colon). */
function viewerAddress(request: IncomingMessage): string {
  const address = (request.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return `${address}:${request.socket.remotePort ?? 0}`;
}
