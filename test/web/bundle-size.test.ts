// Tests: the built booking page — small (app.js under 30 KB gzipped), nothing loaded from third-party
// origins, a CSP that forbids inline script, and the element ids/names other tests and the API rely on.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb, gzippedSizes } from "../../web/build";

let outDir: string;
const read = (name: string) => readFileSync(join(outDir, name), "utf8");

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "liveline-web-"));
  buildWeb(outDir);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("built web page", () => {
  it("keeps app.js under 30 KB gzipped", () => {
    const gzipped = gzipSync(readFileSync(join(outDir, "app.js"))).length;
    expect(gzipped).toBeLessThan(30 * 1024);
    expect(gzippedSizes(outDir)["app.js"]).toBe(gzipped);
  });

  it("loads no scripts, fonts or styles from other origins", () => {
    const files = readdirSync(outDir);
    expect(files).toEqual(expect.arrayContaining(["app.js", "index.html", "styles.css"]));
    for (const name of files) {
      // An SVG's xmlns is a name, not a download.
      const text = read(name).replaceAll("http://www.w3.org/2000/svg", "");
      expect(text, name).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(text, name).not.toMatch(/@import|@font-face/i);
    }
    const html = read("index.html");
    const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.sort()).toEqual(["app.js", "favicon.svg", "styles.css"]);
  });

  it("has a CSP without inline script and no inline script or style in the page", () => {
    const html = read("index.html");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/\bsrc="/);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    expect(html).toContain("<noscript>");
  });

  it("keeps the ids and names the flow and tests rely on", () => {
    const html = read("index.html");
    for (const field of ["name", "email", "company", "country", "language", "phone", "teamSize", "interest", "timeZone", "consent"]) {
      expect(html, field).toContain(`id="${field}" name="${field}"`);
      expect(html, field).toContain(`id="${field}-error"`);
      expect(html, field).toMatch(new RegExp(`<label for="${field}"`));
    }
    for (const id of ["contact-form", "submit-contact", "form-alert", "slots", "slots-heading", "slot-list", "slots-alert", "confirmation", "confirmation-heading", "confirmation-rep", "confirmation-second-rep", "join-link", "ics-link", "google-link", "manage-link", "status"]) {
      expect(html, id).toContain(`id="${id}"`);
    }
    expect(html).toContain('type="tel"');
    expect(html).toContain("I agree to be contacted about my request (phone and");
    expect(html).toContain('role="status"');
  });
});
