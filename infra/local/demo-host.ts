// Local runtime: the embed demo — `npm start` serves a stand-in for a company's own site on a second port
// (http://localhost:3100, another origin than the booking site), whose page embeds Liveline the way the
// README tells a company to: inline, as a pop-up, and as the concierge on the site's own contact form. The
// committed config's embed.allowedOrigins lets it; open the same page as http://127.0.0.1:3100 (an origin
// not allowed) to watch the browser refuse the frames and the API's CORS refuse that page's calls.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_DEMO_HOST_PORT = 3100;

const pagesDir = join(dirname(fileURLToPath(import.meta.url)), "demo-host");

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/demo-host.js": { file: "demo-host.js", type: "text/javascript; charset=utf-8" },
  "/demo-host.css": { file: "demo-host.css", type: "text/css; charset=utf-8" },
};

export interface DemoHost {
  url: string;
  /** What the site's own contact form sent to its own server (the concierge must not stop it). */
  contactMessages: readonly Record<string, string>[];
  stop(): Promise<void>;
}

/** Serves the demo host page on `port`, its snippet pointing at the Liveline site `siteUrl`. */
export async function startDemoHost(port: number, siteUrl: string): Promise<DemoHost> {
  const contactMessages: Record<string, string>[] = [];
  const server = createServer((request, response) => {
    serve(request, response, siteUrl, contactMessages).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { url: `http://localhost:${port}`, contactMessages, stop: () => close(server) };
}

async function serve(request: IncomingMessage, response: ServerResponse, siteUrl: string, contactMessages: Record<string, string>[]): Promise<void> {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (path === "/contact") return contactEndpoint(request, response, contactMessages);
  const entry = FILES[path];
  if (!entry || request.method !== "GET") {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found");
    return;
  }
  const text = (await readFile(join(pagesDir, entry.file), "utf8")).replaceAll("{{LIVELINE_SITE}}", siteUrl);
  response.writeHead(200, {
    "content-type": entry.type,
    "cache-control": "no-store",
    // A careful site: only its own files and Liveline's script, frame and API.
    "content-security-policy": `default-src 'self'; script-src 'self' ${siteUrl}; frame-src ${siteUrl}; connect-src 'self' ${siteUrl}; style-src 'self'; img-src 'self' data:`,
  });
  response.end(text);
}

/** The site's own form handler: keeps what was sent (GET lists it), as a CRM's endpoint would. */
async function contactEndpoint(request: IncomingMessage, response: ServerResponse, contactMessages: Record<string, string>[]): Promise<void> {
  if (request.method === "POST") {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    contactMessages.push(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8").slice(0, 10_000))));
  }
  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify({ messages: contactMessages }));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
