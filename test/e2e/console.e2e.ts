// End to end: the rep console in Chromium against `npm start` — signing in with the link read from the
// SES emulator, at phone and desktop sizes; axe-core checks each page.
import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage } from "./browser";
import { ARTIFACTS, startE2eSite, storedEmails, type E2eSite } from "./e2e-site";

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

/** Serious and critical axe-core findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.help}`);
}

/** The newest sign-in link mailed to the address. */
async function latestSignInLink(address: string): Promise<string> {
  let links: string[] = [];
  await expect
    .poll(async () => {
      links = (await storedEmails(site, address)).filter((mail) => /sign-in link/.test(mail.subject)).map((mail) => /https?:\/\/\S+\/sign-in#token=[A-Za-z0-9_%-]+/.exec(mail.body.text ?? "")![0]);
      return links.length;
    })
    .toBeGreaterThan(0);
  return links.at(-1)!;
}

/** Asks for a link on the sign-in page, opens it from the "e-mail", and presses the button. */
async function signInThroughPage(page: Page, address: string): Promise<void> {
  const before = (await storedEmails(site, address)).length;
  await page.goto(`${site.siteUrl}/sign-in`);
  await page.locator("#email").fill(address);
  await page.locator("#request-button").click();
  await page.locator("#request-result").waitFor({ state: "visible" });
  await expect.poll(async () => (await storedEmails(site, address)).length).toBe(before + 1);
  const link = await latestSignInLink(address);
  await page.goto(link);
  // Opening the link signs nobody in by itself, and the token leaves the address bar.
  await page.locator("#confirm-button").waitFor({ state: "visible" });
  expect(page.url()).not.toContain("token");
  expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
  await page.locator("#confirm-button").click();
  await page.waitForURL(/\/console$/);
}

describe("console sign-in", () => {
  for (const width of [390, 1280]) {
    it(`signs in with the e-mailed link at ${width} px; the link works once`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "America/Chicago" });
      await page.goto(`${site.siteUrl}/sign-in`);
      expect(await seriousViolations(page)).toEqual([]);
      await signInThroughPage(page, MAYA);
      expect(await page.evaluate(async () => (await (await fetch("/api/me")).json()) as unknown)).toEqual({ rep: { id: "maya", name: "Maya Johnson", role: "rep" } });
      const cookie = (await context.cookies()).find((candidate) => candidate.name === "__Host-liveline_session")!;
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

      // The same link again, in another browser: refused, and the form is offered instead.
      const other = await openPage(browser, { width, timezoneId: "America/Chicago" });
      await other.page.goto(await latestSignInLink(MAYA));
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
