// Tests: the local server's headers and CORS answers are the stack's (infra/lib/site-headers.ts): framable
// pages for the allowed origins only, and the API named back to exactly those origins; uploaded site files
// (a logo, LIVELINE_SITE_UPLOADS_DIR) served at their site path as the site bucket serves them in AWS.
import type { Server } from "node:http";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { framingPolicy } from "../../../infra/lib/site-headers";
import { freePort } from "../../../infra/local/free-port";
import { startLocalServer } from "../../../infra/local/local-server";

const allowed = ["http://localhost:3100"];
let server: Server;
let url: string;
let handlerCalls = 0;
const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), "liveline-web-"));
  for (const page of ["index.html", "manage.html", "webinars.html"]) writeFileSync(join(webDir, page), `<!doctype html><title>${page}</title>`);
  const uploadsDir = mkdtempSync(join(tmpdir(), "liveline-uploads-"));
  mkdirSync(join(uploadsDir, "brand/uploads"), { recursive: true });
  writeFileSync(join(uploadsDir, "brand/uploads/logo-0123.png"), LOGO);
  writeFileSync(join(uploadsDir, "index.html"), "not a page of the site");
  const port = await freePort();
  server = await startLocalServer({
    port,
    webDir,
    uploadsDir,
    allowedOrigins: allowed,
    handler: async () => {
      handlerCalls += 1;
      return { statusCode: 201, headers: { "content-type": "application/json" }, body: "{}" };
    },
  });
  url = `http://127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the local server's page headers", () => {
  it("lets the allowed origins frame /index.html and /webinars, and nobody frame / or /manage", async () => {
    for (const path of ["/index.html", "/webinars"]) {
      const page = await fetch(url + path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get("content-security-policy"), path).toBe(framingPolicy(true, allowed).contentSecurityPolicy);
      expect(page.headers.get("x-frame-options"), path).toBeNull();
    }
    for (const path of ["/", "/manage", "/missing"]) {
      const page = await fetch(url + path);
      expect(page.headers.get("content-security-policy"), path).toBe(framingPolicy(false, allowed).contentSecurityPolicy);
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });
});

describe("the local server's uploaded site files", () => {
  it("serves an uploaded logo at its site path with its type, and nothing else of the uploads folder", async () => {
    const logo = await fetch(`${url}/brand/uploads/logo-0123.png`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(LOGO);
    expect((await fetch(`${url}/brand/uploads/logo-9999.png`)).status).toBe(404);
    expect(await (await fetch(`${url}/index.html`)).text()).toBe("<!doctype html><title>index.html</title>");
  });
});

describe("the local server's CORS", () => {
  const preflight = (origin: string) =>
    fetch(`${url}/api/contact-requests`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });

  it("answers a preflight itself, as API Gateway does: the allowed origin named back, another origin nothing", async () => {
    const before = handlerCalls;
    const ok = await preflight("http://localhost:3100");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3100");
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(ok.headers.get("access-control-allow-headers")).toBe("content-type, idempotency-key");
    const refused = await preflight("http://localhost:3101");
    expect(refused.status).toBe(204);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(handlerCalls).toBe(before);
  });

  it("adds the allowed origin to the handler's answer, and no CORS header for any other origin", async () => {
    const post = (origin: string) => fetch(`${url}/api/contact-requests`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{}" });
    const ok = await post("http://localhost:3100");
    expect(ok.status).toBe(201);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3100");
    expect(ok.headers.get("vary")).toBe("origin");
    const other = await post("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
