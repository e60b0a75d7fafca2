// Tests: the embed demo's host page (npm start's second origin) — the snippet pointing at the Liveline site,
// a policy that lets in only that site's script, frame and API, and the site's own form endpoint, which keeps
// what the form sent (the concierge must not stop it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoHost, type DemoHost } from "../../../infra/local/demo-host";
import { freePort } from "../../../infra/local/free-port";

const SITE = "http://localhost:3999";
let demo: DemoHost;

beforeAll(async () => {
  demo = await startDemoHost(await freePort(), SITE);
});

afterAll(async () => {
  await demo?.stop();
});

describe("embed demo host page", () => {
  it("serves the snippet for the Liveline site: inline, pop-ups for a demo and a webinar, a plain form", async () => {
    const page = await fetch(`${demo.url}/`);
    const html = await page.text();
    expect(html).toContain(`<script src="${SITE}/embed.js" async></script>`);
    expect(html).toContain('<div data-liveline="live-demo"></div>');
    expect(html).toContain('data-liveline-popup="live-demo"');
    expect(html).toContain('data-liveline-popup="weekly-webinar"');
    expect(html).toMatch(/<form id="site-contact"[^>]*action="\/contact"/);
    expect(html).not.toContain("{{");
    expect(page.headers.get("content-security-policy")).toBe(`default-src 'self'; script-src 'self' ${SITE}; frame-src ${SITE}; connect-src 'self' ${SITE}; style-src 'self'; img-src 'self' data:`);
    expect(await (await fetch(`${demo.url}/demo-host.js`)).text()).toContain("Liveline.attach(form");
    expect((await fetch(`${demo.url}/../package.json`)).status).toBe(404);
  });

  it("keeps what the site's own form sent", async () => {
    const sent = await fetch(`${demo.url}/contact`, { method: "POST", body: new URLSearchParams({ full_name: "Ada", work_email: "ada@northwind.example" }) });
    expect(sent.status).toBe(200);
    expect(await (await fetch(`${demo.url}/contact`)).json()).toEqual({ messages: [{ full_name: "Ada", work_email: "ada@northwind.example" }] });
    expect(demo.contactMessages).toHaveLength(1);
  });
});
