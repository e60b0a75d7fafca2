// Tests: the built pages — every script small (under 30 KB gzipped; the insights page, which bundles its chart
// library, under 80 KB), nothing loaded from third-party
// origins, a CSP that forbids inline script on every page, and the element ids/names other tests and the
// API rely on.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCRIPT_BUDGET_KB, EMBED_SCRIPT, PAGES, PROTECTED_PAGES, WIDGET, WORKERS, buildWeb, gzippedSizes } from "../../web/build";

let outDir: string;
const read = (name: string) => readFileSync(join(outDir, name), "utf8");
/** Every built file by its path in the site ("console/insights.html"). */
const builtFiles = () => readdirSync(outDir, { recursive: true, encoding: "utf8" }).map((name) => name.split(sep).join("/")).filter((name) => statSync(join(outDir, name)).isFile());
const htmlFiles = () => builtFiles().filter((name) => name.endsWith(".html"));

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "liveline-web-"));
  buildWeb(outDir);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("built web pages", () => {
  it("builds one script per page, embed.js, and the ALTCHA widget with its worker, each under its budget gzipped (30 KB; the insights page 80 KB; embed.js 6 KB; the widget 35 KB)", () => {
    const scripts = builtFiles().filter((name) => name.endsWith(".js"));
    expect(scripts.sort()).toEqual([...PAGES, ...WORKERS, EMBED_SCRIPT].map((page) => page.script).concat(WIDGET.script, WIDGET.worker).sort());
    const sizes = gzippedSizes(outDir);
    const budgets = new Map([...PAGES, EMBED_SCRIPT].map((page) => [page.script, page.scriptBudgetKb ?? DEFAULT_SCRIPT_BUDGET_KB]));
    budgets.set(WIDGET.script, WIDGET.scriptBudgetKb);
    expect(budgets.get("console/insights.js")).toBe(80);
    expect(budgets.get("embed.js")).toBe(6);
    expect(budgets.get("webinars.js")).toBe(DEFAULT_SCRIPT_BUDGET_KB);
    for (const name of scripts) {
      const gzipped = gzipSync(readFileSync(join(outDir, name))).length;
      expect(gzipped, name).toBeLessThan((budgets.get(name) ?? DEFAULT_SCRIPT_BUDGET_KB) * 1024);
      expect(sizes[name], name).toBe(gzipped);
    }
  });

  it("carries the console's availability words only in the availability page's script (an area of their own)", () => {
    for (const name of builtFiles().filter((file) => file.endsWith(".js"))) {
      expect(read(name).includes("Add as day off"), name).toBe(name === "console/availability.js");
    }
  });

  it("has an HTML page for each script, the lifecycle pages at the paths the e-mails link to", () => {
    expect(htmlFiles().sort()).toEqual(PAGES.map((page) => page.html).sort());
    expect(PAGES.map((page) => page.html)).toEqual(
      expect.arrayContaining(["index.html", "manage.html", "outcome.html", "feedback.html", "unsubscribe.html", "webinars.html", "registration.html", "webinar-host.html"]),
    );
  });

  it("loads no scripts, fonts or styles from other origins", () => {
    const files = builtFiles();
    expect(files).toEqual(expect.arrayContaining(["app.js", "index.html", "styles.css"]));
    for (const name of files) {
      // The ALTCHA widget's text names svelte.dev error pages and altcha.org in messages; the pages' CSP
      // (connect-src 'self', no third-party origin anywhere) is what keeps it from loading anything.
      if (name === WIDGET.script) continue;
      // An SVG's xmlns is a name, not a download.
      const text = read(name).replaceAll("http://www.w3.org/2000/svg", "");
      expect(text, name).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(text, name).not.toMatch(/@import|@font-face/i);
    }
    for (const page of PAGES) {
      const html = read(page.html);
      // Each file as the site path it resolves to from the page's own address.
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, `https://site.example/${page.html}`).pathname.slice(1));
      // The console is also an installable app: its manifest is the one extra file it links; a page with its own stylesheet links that.
      const extra = page.html === "console.html" ? ["manifest.webmanifest"] : page.stylesheet ? [page.stylesheet] : [];
      // The pages that send public writes load the ALTCHA widget beside their own script.
      if (PROTECTED_PAGES.includes(page.html)) extra.push(WIDGET.script);
      expect(sources.sort(), page.html).toEqual([page.script, "favicon.svg", "styles.css", ...extra].sort());
    }
  });

  it("has a CSP without inline script, no inline script or style, and a <noscript> message on every page", () => {
    for (const name of htmlFiles()) {
      const html = read(name);
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp, name).toContain("default-src 'self'");
      expect(csp, name).toContain("script-src 'self'");
      expect(csp, name).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script, name).toMatch(/\bsrc="/);
      expect(html, name).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
      expect(html, name).toContain("<noscript>");
      expect(html, name).toMatch(/<html lang="en" class="no-js">/);
      expect(html, name).toContain('name="viewport" content="width=device-width, initial-scale=1"');
      expect(html, name).toMatch(/id="status"[^>]*role="status"[^>]*aria-live="polite"/);
    }
  });

  it("makes the console installable: a manifest that opens /console, and a service worker at the root", () => {
    const manifest = JSON.parse(read("manifest.webmanifest"));
    expect(manifest).toMatchObject({ start_url: "/console", scope: "/console", display: "standalone" });
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toContain("/favicon.svg");
    expect(read("console.html")).toContain('<link rel="manifest" href="manifest.webmanifest">');
    expect(read("console-sw.js")).not.toMatch(/\b(import|export)\b[^(]/);
  });

  it("builds embed.js as a classic script that adds only window.Liveline to the host page", () => {
    const embed = read("embed.js");
    expect(embed).not.toMatch(/\b(import|export)\b[^(]/);
    expect(embed.trimStart()).toMatch(/^("use strict";)?\(\(\)=>\{/);
  });

  it("keeps the tokens of the lifecycle links out of Referer headers and search engines", () => {
    for (const name of ["manage.html", "outcome.html", "feedback.html", "unsubscribe.html", "registration.html", "webinar-host.html"]) {
      const html = read(name);
      expect(html, name).toContain('<meta name="referrer" content="no-referrer">');
      expect(html, name).toContain('<meta name="robots" content="noindex">');
    }
  });

  it("keeps the ids and names the booking flow and tests rely on", () => {
    const html = read("index.html");
    for (const field of ["name", "email", "company", "country", "language", "phone", "teamSize", "interest", "timeZone", "consent"]) {
      expect(html, field).toContain(`id="${field}" name="${field}"`);
      expect(html, field).toContain(`id="${field}-error"`);
      expect(html, field).toMatch(new RegExp(`<label for="${field}"`));
    }
    for (const id of ["contact-form", "submit-contact", "form-alert", "slots", "slots-heading", "slot-list", "slots-alert", "confirmation", "confirmation-heading", "confirmation-rep", "confirmation-second-rep", "join-link", "ics-link", "google-link", "manage-link", "status", "group-offer", "group-offer-text", "group-switch", "colleagues", "colleagues-hint", "colleague-list", "add-colleague", "colleagues-error", "confirmation-colleagues"]) {
      expect(html, id).toContain(`id="${id}"`);
    }
    expect(html).toContain('type="tel"');
    expect(html).toContain('<a href="webinars.html" id="webinars-link" data-text="booking.webinarsLink">Join a live webinar</a>');
    expect(html).toContain("I agree to be contacted about my request (phone and");
    expect(html).toContain('role="status"');
  });

  it("hides the honeypot of every protected form from people, screen readers and the keyboard", () => {
    for (const page of PROTECTED_PAGES) {
      const html = read(page);
      expect(html, page).toMatch(/<div class="honeypot" aria-hidden="true">\s*<label for="website">[^<]+<\/label>\s*<input id="website" name="website" type="text" tabindex="-1" autocomplete="off">/);
    }
    expect(read("styles.css")).toMatch(/\.honeypot \{\s*position: absolute;\s*left: -10000px;/);
  });

  it("keeps the ids and names the lifecycle pages and their tests rely on", () => {
    const ids: Record<string, string[]> = {
      "manage.html": [
        "booking", "booking-heading", "manage-status", "booking-details", "confirmation-what", "confirmation-when", "confirmation-zone",
        "confirmation-rep", "confirmation-second-rep", "timeZone", "join-link", "ics-link", "google-link", "manage-alert", "manage-actions",
        "reschedule-button", "cancel-button", "rebook-link", "reschedule", "reschedule-heading", "slots-zone-name", "slots-alert", "slot-list",
        "reschedule-close", "cancel-step", "cancel-heading", "cancel-form", "reason", "reason-error", "cancel-alert", "cancel-back", "cancel-confirm",
      ],
      "outcome.html": ["outcome", "outcome-heading", "outcome-result", "outcome-detail", "outcome-alert"],
      "feedback.html": ["feedback-form", "rating", "rating-error", "comment", "comment-error", "feedback-alert", "feedback-submit", "feedback-done", "feedback-done-heading", "feedback-result"],
      "unsubscribe.html": ["unsubscribe", "unsubscribe-heading", "unsubscribe-result", "unsubscribe-alert", "unsubscribe-button"],
    };
    for (const [page, list] of Object.entries(ids)) {
      const html = read(page);
      for (const id of list) expect(html, `${page} #${id}`).toContain(`id="${id}"`);
    }
    const webinarIds: Record<string, string[]> = {
      "webinars.html": [
        "sessions", "sessions-heading", "timeZone", "sessions-alert", "session-list", "registration-form", "details-heading", "chosen-session",
        "colleagues", "colleagues-hint", "colleague-list", "add-colleague", "colleagues-error", "form-alert", "full-offer", "full-message",
        "next-session-text", "take-next", "join-waitlist", "submit-registration", "confirmation", "confirmation-heading", "confirmation-title",
        "confirmation-status", "confirmation-what", "confirmation-when", "confirmation-zone", "confirmation-invitations",
      ],
      "registration.html": [
        "registration", "registration-heading", "registration-status", "registration-details", "session-title", "session-when", "session-zone",
        "member-list", "registration-alert", "registration-actions", "cancel-all", "add-button", "register-again", "cancel-step", "cancel-heading",
        "cancel-text", "cancel-alert", "cancel-back", "cancel-confirm", "colleagues-form", "colleagues-heading", "colleagues", "colleagues-hint",
        "colleague-list", "add-colleague", "colleagues-error", "colleagues-alert", "colleagues-back", "colleagues-submit",
      ],
      "webinar-host.html": [
        "host-form", "token", "token-error", "forget-token", "sessionId", "sessionId-error", "session-options", "host-alert", "load-attendees",
        "attendees", "attendees-heading", "session-summary", "attendee-count", "attendee-table", "attendee-rows", "no-attendees", "marks-form",
        "attendance-alert", "mark-all", "save-attendance", "upload-form", "csv-file", "csv-file-error", "upload-csv", "attendance-result",
        "result-heading", "result-summary", "result-groups",
      ],
    };
    // After registering the page shows no links: they go by e-mail (a repeated registration must reveal nothing).
    expect(read("webinars.html")).not.toMatch(/id="(manage-link|join-link|confirmation-members)"/);
    for (const [page, list] of Object.entries(webinarIds)) {
      const html = read(page);
      for (const id of list) expect(html, `${page} #${id}`).toContain(`id="${id}"`);
    }
    // Every form control of the webinar pages has a visible label.
    const webinars = read("webinars.html");
    for (const field of ["name", "email", "company", "consent", "timeZone"]) {
      expect(webinars, field).toContain(`id="${field}" name="${field}"`);
      expect(webinars, field).toMatch(new RegExp(`<label for="${field}"`));
      expect(webinars, field).toContain(`id="${field}-error"`);
    }
    // The zone <select> sits above the list but belongs to the registration form.
    expect(webinars).toContain('form="registration-form"');
    const host = read("webinar-host.html");
    for (const field of ["token", "sessionId", "csv-file"]) expect(host, field).toMatch(new RegExp(`<label for="${field}"`));
    // The host's token is typed into a password field that the browser does not offer to save or fill.
    expect(host).toMatch(/id="token" name="token" type="password" autocomplete="off"/);

    const manage = read("manage.html");
    expect(manage).toContain('id="reason" name="reason"');
    expect(manage).toContain('<label for="reason"');
    expect(manage).toContain('<label for="timeZone"');
    expect(manage).toContain('href="index.html"');

    // Five radios in a fieldset with a legend, each with its own visible label.
    const feedback = read("feedback.html");
    expect(feedback).toMatch(/<fieldset id="rating"[^>]*>\s*<legend[ >]/);
    for (const n of [1, 2, 3, 4, 5]) {
      expect(feedback).toContain(`<label class="rating-option" for="rating-${n}"><input type="radio" id="rating-${n}" name="rating" value="${n}">`);
    }
    expect(feedback).toContain('id="comment" name="comment"');
    expect(feedback).toContain('<label for="comment"');
  });
});
