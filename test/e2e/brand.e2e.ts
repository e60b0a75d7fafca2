// Tests (e2e): the company's brand (config company.brand) on the booking page and in the invitation e-mail —
// colour, logo and name — and the e-mail's HTML part as a phone and a dark mail program show it.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { callApi, startE2eSite, storedEmails, type E2eSite } from "./e2e-site";

const BRAND = { primaryColor: "#0b57d0", logo: "favicon.svg" };
const BRAND_RGB = "rgb(11, 87, 208)";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  const config = JSON.parse(readFileSync("liveline.config.json", "utf8"));
  config.company = { ...config.company, brand: BRAND };
  const file = join(mkdtempSync(join(tmpdir(), "liveline-brand-")), "liveline.config.json");
  writeFileSync(file, JSON.stringify(config));
  site = await startE2eSite("brand", { LIVELINE_CONFIG: file });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

describe("the booking page", () => {
  for (const width of [390, 1280]) {
    it(`shows the company's logo and name and takes its colour (${width} px wide)`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin" });
      await page.goto(site.siteUrl);
      const bar = page.locator(".brand-bar");
      await expect.poll(() => bar.textContent()).toBe("Acme Analytics");
      const logo = bar.locator("img.brand-logo");
      expect(await logo.getAttribute("src")).toBe(BRAND.logo);
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
      expect(accent).toBe(BRAND.primaryColor);
      expect(await page.locator("#contact-form button[type=submit]").evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(BRAND_RGB);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }
});

describe("the invitation e-mail", () => {
  let html: string;

  beforeAll(async () => {
    const prospect = { name: "Ada Lovelace", email: "ada.brand@example.com", company: "Engines Ltd", timeZone: "Europe/Berlin", consent: true };
    const request = await callApi(site, "POST", "/api/contact-requests", prospect);
    await callApi(site, "POST", "/api/bookings", { ...prospect, offering: request.offering.id, start: request.slots[0].start, contactRequestId: request.id }, { "Idempotency-Key": `brand-${Date.now()}` });
    // The invitation leaves through the outbox, a moment after the booking's answer.
    for (let waited = 0; (await storedEmails(site, prospect.email)).length === 0; waited += 200) {
      if (waited > 15_000) throw new Error("no invitation reached the SES engine");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    html = (await storedEmails(site, prospect.email))[0]!.body.html!;
  });

  it("carries the brand header (logo from the site's address, the name) and buttons in the brand colour", () => {
    expect(html).toContain(`<img src="${site.siteUrl}/${BRAND.logo}"`);
    expect(html).toMatch(new RegExp(`class="ll-header" style="background:${BRAND.primaryColor};color:#ffffff[^"]*">.*Acme Analytics</div>`));
    expect(html).toMatch(new RegExp(`class="ll-button" style="[^"]*background:${BRAND.primaryColor};color:#ffffff`));
  });

  it("fits a phone's width without sideways scrolling, and turns dark in a dark mail program", async () => {
    const { context, page } = await openPage(browser, { width: 390, timezoneId: "Europe/Berlin" });
    await page.setContent(html);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const colours = () => page.locator(".ll-card").evaluate((card) => ({ background: getComputedStyle(card).backgroundColor, text: getComputedStyle(card).color }));
    expect(await colours()).toEqual({ background: "rgb(255, 255, 255)", text: "rgb(22, 24, 29)" });
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await colours()).toEqual({ background: "rgb(24, 27, 34)", text: "rgb(236, 238, 243)" });
    await context.close();
  });
});
