// End to end: the console's webhooks page (/console/webhooks) in Chromium against `npm start` with a webhook
// endpoint configured (a local receiver that verifies every delivery) — a manager finds it in the console's
// navigation, sees the endpoint's deliveries (event, status, attempts, the endpoint's last answer), and by
// keyboard alone resends one: the receiver gets it again with the same webhook-id, and the page shows the
// second attempt. A rep is refused. At 390 and 1280 wide, axe-core on every state.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, type WebhookReceiver } from "../support/webhook-receiver";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, type E2eSite } from "./e2e-site";

const MANAGER = "lukas.becker@acme-analytics.example";
const REP = "maya.johnson@acme-analytics.example";

let browser: Browser;
let site: E2eSite;
let crm: WebhookReceiver;

beforeAll(async () => {
  crm = await startWebhookReceiver();
  // The committed config with one endpoint: the local receiver, every event.
  const config = JSON.parse(readFileSync("liveline.config.json", "utf8"));
  config.webhooks = [{ id: "crm", url: crm.url, events: ["*"], secret: TEST_WEBHOOK_SECRET }];
  const configFile = join(mkdtempSync(join(tmpdir(), "liveline-e2e-webhooks-config-")), "liveline.config.json");
  writeFileSync(configFile, JSON.stringify(config));
  site = await startE2eSite("console-webhooks", { LIVELINE_CONFIG: configFile });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
  await crm?.close();
});

/** A booking through the API, as the booking page makes one: its lead.created and booking.confirmed go to the receiver. */
async function book(email: string): Promise<void> {
  const prospect = { name: "Hedy Lamarr", email, company: "Frequency Hopping Inc", timeZone: "Europe/Vienna", consent: true };
  const request = await callApi(site, "POST", "/api/contact-requests", prospect);
  await callApi(site, "POST", "/api/bookings", { ...prospect, offering: request.offering.id, start: request.slots[0].start, contactRequestId: request.id }, { "Idempotency-Key": `e2e-${Date.now()}-${Math.random()}` });
}

const rowOf = (page: Page, type: string) => page.locator("#endpoints tbody tr", { has: page.locator("th", { hasText: type }) }).first();
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));

describe("the console's webhooks page", () => {
  it("shows a manager each delivery and resends one by keyboard: the same webhook-id arrives again (390 and 1280 wide, axe)", async () => {
    await book(`hedy.${Date.now()}@frequency.example`);
    await expect.poll(() => crm.received.map((hook) => hook.verified.ok && (hook.verified.payload as { type: string }).type), { timeout: 20_000 }).toEqual(["lead.created", "booking.confirmed"]);

    for (const width of [1280, 390]) {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin" });
      await signInThroughPage(site, page, MANAGER);
      // The console's navigation shows managers the way there.
      await page.locator("#nav-webhooks").waitFor({ state: "visible" });
      await page.locator("#nav-webhooks").click();
      await page.waitForURL(/\/console\/webhooks$/);
      await expect.poll(() => page.locator("#endpoints").getAttribute("aria-busy")).toBe("false");
      expect(await page.locator("#endpoints h2").allTextContents()).toEqual(["crm"]);
      const confirmed = rowOf(page, "booking.confirmed");
      await confirmed.waitFor();
      expect(await confirmed.locator(".delivery-status").textContent()).toBe("Delivered");
      // As many attempts as the receiver got (one, and one more after the 1280 run's resend), the last answered 200.
      const shownId = await confirmed.getAttribute("data-delivery");
      const sent = crm.received.filter((hook) => hook.headers["webhook-id"] === shownId).length;
      expect((await confirmed.locator("td").allTextContents()).slice(2, 4)).toEqual([String(sent), "200"]);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ARTIFACTS, `console-webhooks-${width}.png`), fullPage: true });

      // By keyboard: Tab through the page to the confirmed booking's Resend, then Enter.
      const id = (await confirmed.getAttribute("data-delivery"))!;
      const before = crm.received.filter((hook) => hook.headers["webhook-id"] === id).length;
      const wanted = await confirmed.locator("button").getAttribute("aria-label");
      expect(wanted).toMatch(/^Resend booking\.confirmed of /);
      await page.locator("#webhooks-heading").focus();
      for (let presses = 0; presses < 40 && (await focusedLabel(page)) !== wanted; presses++) await page.keyboard.press("Tab");
      expect(await focusedLabel(page)).toBe(wanted);
      const resend = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith(`/deliveries/${id}/resend`));
      await page.keyboard.press("Enter");
      expect((await resend).status()).toBe(202);
      expect(await confirmed.locator(".delivery-status").textContent()).toBe("Retrying");
      // The timer function sends it as a retry: the same webhook-id, verified by the receiver.
      await expect.poll(() => crm.received.filter((hook) => hook.headers["webhook-id"] === id).length, { timeout: 20_000 }).toBe(before + 1);
      expect(crm.received.filter((hook) => hook.headers["webhook-id"] === id).every((hook) => hook.verified.ok)).toBe(true);
      // The page reads the list again by itself: the second attempt delivered; focus stayed on that row's button.
      await expect.poll(() => rowOf(page, "booking.confirmed").locator(".delivery-status").textContent(), { timeout: 20_000 }).toBe("Delivered");
      expect(await rowOf(page, "booking.confirmed").locator("td").nth(2).textContent()).toBe(String(before + 1));
      expect(await focusedLabel(page)).toBe(wanted);
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it("is for managers: a rep's page says so and lists nothing", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "Europe/Berlin" });
    await signInThroughPage(site, page, REP);
    expect(await page.locator("#nav-webhooks").isHidden()).toBe(true);
    await page.goto(`${site.siteUrl}/console/webhooks`);
    await expect.poll(() => page.locator("#webhooks-alert").textContent()).toBe("Webhooks are for managers.");
    expect(await page.locator("#endpoints tr").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The 403 is the page's expected answer, not an error of its own.
    expect(consoleErrors.filter((line) => !line.includes("403"))).toEqual([]);
    await context.close();
  });
});
