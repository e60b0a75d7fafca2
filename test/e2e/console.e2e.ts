// End to end: the rep console in Chromium against `npm start` — signing in with the link read from the
// SES emulator, at phone and desktop sizes; axe-core checks each page.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { latestSignInLink, signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, startE2eSite, type E2eSite } from "./e2e-site";

const MAYA = "maya.johnson@acme-analytics.example";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("console");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

describe("console sign-in", () => {
  for (const width of [390, 1280]) {
    it(`signs in with the e-mailed link at ${width} px; the link works once`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "America/Chicago" });
      await page.goto(`${site.siteUrl}/sign-in`);
      expect(await seriousViolations(page)).toEqual([]);
      await signInThroughPage(site, page, MAYA);
      expect(await page.evaluate(async () => (await (await fetch("/api/me")).json()) as unknown)).toEqual({ rep: { id: "maya", name: "Maya Johnson", role: "rep" } });
      const cookie = (await context.cookies()).find((candidate) => candidate.name === "__Host-liveline_session")!;
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

      // The same link again, in another browser: refused, and the form is offered instead.
      const other = await openPage(browser, { width, timezoneId: "America/Chicago" });
      await other.page.goto(await latestSignInLink(site, MAYA));
      await other.page.locator("#confirm-button").click();
      await expect.poll(() => other.page.locator("#sign-in-alert").textContent()).toMatch(/used already or has expired/);
      expect(await other.page.locator("#request-form").isVisible()).toBe(true);
      await other.page.screenshot({ path: join(ARTIFACTS, `sign-in-used-${width}.png`), fullPage: true });
      await other.context.close();
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
