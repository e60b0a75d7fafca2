// Local runtime: the HTTP server of `npm start` — web/ as static files (pages also without ".html":
// /webinars), and /api/* handed to the API Lambda's handler as API Gateway v2 events (what CloudFront +
// HTTP API do in AWS), with the headers and CORS answers CloudFront and API Gateway give (site-headers.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "../../functions/handlers/http-api-types";
import { LOGO_FOLDER } from "../../functions/core/messages/logo-image";
import { corsHeaders, corsPreflightHeaders, localPageHeaders } from "../lib/site-headers";
import { apiGatewayEvent } from "./api-gateway-event";
import { staticFileFor } from "./static-path";

export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway refuses bodies over 10 MB; locally we stop reading far earlier. */
const MAX_LOCAL_BODY = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

export interface LocalServerOptions {
  port: number;
  host?: string;
  webDir: string;
  handler: ApiHandler;
  /** config embed.allowedOrigins: who may frame the framable pages and call the API cross-origin. */
  allowedOrigins: readonly string[];
  now?: () => Date;
  /** Extra local-only routes (e.g. the clock control), tried before the API. */
  extraRoutes?: (request: IncomingMessage, body: Buffer, response: ServerResponse) => Promise<boolean>;
  /** Local-only pages, served under /_local/. */
  localDir?: string;
  /** The files the product added to the site (LIVELINE_SITE_UPLOADS_DIR: an uploaded logo), served at their site path. */
  uploadsDir?: string;
}

export function startLocalServer(options: LocalServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    serve(options, request, response).catch((error) => {
      console.error("local server error", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "internal_error", message: "The local server failed." } }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve(server));
  });
}

async function serve(options: LocalServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (options.localDir && (path === "/_local" || path.startsWith("/_local/"))) {
    return serveStatic(options.localDir, path.slice("/_local".length) || "/", localPageHeaders(path, options.allowedOrigins), request, response);
  }
  if (options.uploadsDir && path.startsWith(`/${LOGO_FOLDER}/`)) return serveStatic(options.uploadsDir, path, localPageHeaders(path, options.allowedOrigins), request, response);
  if (!path.startsWith("/api/") && path !== "/api") return serveStatic(options.webDir, path, localPageHeaders(path, options.allowedOrigins), request, response);
  const origin = request.headers.origin;
  if (request.method === "OPTIONS" && origin !== undefined && request.headers["access-control-request-method"] !== undefined) {
    // A preflight: API Gateway answers it itself and never invokes the function.
    response.writeHead(204, corsPreflightHeaders(origin, options.allowedOrigins));
    response.end();
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ error: { code: "body_too_large", message: "The request body is too large." } }));
    return;
  }
  if (options.extraRoutes && (await options.extraRoutes(request, body, response))) return;
  const result = await options.handler(apiGatewayEvent(request, body, options.now?.() ?? new Date()));
  const headers: Record<string, string | string[]> = { ...(result.headers ?? {}), ...corsHeaders(origin, options.allowedOrigins) };
  if (result.cookies?.length) headers["set-cookie"] = result.cookies;
  response.writeHead(result.statusCode, headers);
  response.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8"));
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_LOCAL_BODY) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

async function serveStatic(webDir: string, path: string, pageHeaders: Record<string, string>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" });
    response.end();
    return;
  }
  // "/webinars" is webinars.html: short page addresses, as in links people type.
  const relative = staticFileFor(path);
  const file = relative === undefined ? "" : normalize(join(webDir, relative));
  if (relative === undefined || !file.startsWith(webDir + sep)) {
    response.writeHead(404, pageHeaders);
    response.end("Not found");
    return;
  }
  try {
    const content = await readFile(file);
    response.writeHead(200, {
      ...pageHeaders,
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    response.end(request.method === "HEAD" ? undefined : content);
  } catch {
    response.writeHead(404, { ...pageHeaders, "content-type": "text/plain; charset=utf-8" });
    response.end("Not found");
  }
}
