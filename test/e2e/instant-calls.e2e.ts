// End to end: "Call me now" in Chromium against `npm start`, at phone (390x844, touch) and desktop (1280x900,
// keyboard) sizes. A signed-in rep switches on "Available for instant calls" in the console; a prospect fills
// in the booking page, is offered Call me now beside the slots and presses it; within 10 seconds the call
// rings in the rep's open console (the row, the assertive announcement, a browser notification); the rep
// claims it, the prospect's page says a rep is calling, and the rep logs the call. axe-core checks both pages in each state.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, type E2eSite } from "./e2e-site";

const MAYA = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: { id: string; email: string }[] }).reps.find((rep) => rep.id === "maya")!;

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("instant-calls");
  browser = await launchChromium();
  // The local clock to the next weekday 16:00Z: 10:00 for Maya in Chicago, after hours for Lukas (Berlin)
  // and Priya (Kolkata), so the call can only ring her.
  const now = Date.parse((await callApi(site, "GET", "/api/_local/clock")).now as string);
  let target = Math.ceil(now / 86_400_000) * 86_400_000 + 16 * 3_600_000;
  while ([0, 6].includes(new Date(target).getUTCDay()) || target <= now) target += 86_400_000;
  await callApi(site, "POST", "/api/_local/clock", { advanceMinutes: Math.ceil((target - now) / 60_000) });
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

/** Records the page's browser notifications (the permission is granted to the site). */
async function recordNotifications(page: Page): Promise<void> {
  await page.context().grantPermissions(["notifications"], { origin: site.siteUrl });
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { __notifications: string[] }).__notifications = shown;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title}: ${options?.body ?? ""}`);
      }
    }
    Object.defineProperty(window, "Notification", { value: Recorded });
  });
}

describe("call me now", () => {
  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`rings the available rep's console within 10 s and is claimed, at ${size.width}x${size.height} (${size.input})`, async () => {
      const tag = `${size.width}-${Date.now()}`;
      const rep = await openPage(browser, { width: size.width, height: size.height, timezoneId: "America/Chicago" });
      await recordNotifications(rep.page);
      await signInThroughPage(site, rep.page, MAYA.email);

      // The switch: a real checkbox with role=switch and its label.
      const toggle = rep.page.getByRole("switch", { name: "Available for instant calls" });
      await toggle.waitFor({ state: "visible" });
      await expect.poll(() => rep.page.locator("#instant-state").textContent()).toMatch(/^Off/);
      expect(await toggle.isChecked()).toBe(false);
      const presence = rep.page.waitForRequest((request) => request.method() === "PUT" && request.url().endsWith("/api/console/presence"));
      if (size.input === "touch") await toggle.tap();
      else {
        await toggle.focus();
        expect(await rep.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
        await rep.page.keyboard.press("Space");
      }
      expect((await presence).postDataJSON()).toEqual({ available: true });
      await expect.poll(() => rep.page.locator("#instant-state").textContent()).toMatch(/^On: prospects can ask you to call them now/);
      expect(await toggle.isChecked()).toBe(true);
      expect(await seriousViolations(rep.page)).toEqual([]);

      // The prospect: the booking page offers Call me now beside the slots.
      const prospect = await openPage(browser, { width: size.width, height: size.height, timezoneId: "America/New_York" });
      const email = `instant.${tag}@initech.example`;
      await prospect.page.goto(site.siteUrl);
      await prospect.page.locator("#name").fill("Ina Instant");
      await prospect.page.locator("#email").fill(email);
      await prospect.page.locator("#company").fill("Initech");
      await prospect.page.locator("#phone").fill("+1 212 555 0100");
      await prospect.page.locator("#consent").check();
      await prospect.page.locator("#submit-contact").click();
      await prospect.page.locator("button.slot").first().waitFor({ state: "visible" });
      const offer = prospect.page.locator("#instant-offer");
      await offer.waitFor({ state: "visible" });
      expect(await prospect.page.locator("#instant-phone").inputValue()).toBe("+1 212 555 0100");
      expect(await seriousViolations(prospect.page)).toEqual([]);
      await prospect.page.screenshot({ path: join(ARTIFACTS, `instant-offer-${size.width}.png`), fullPage: true });

      const request = prospect.page.waitForRequest((each) => each.method() === "POST" && each.url().endsWith("/api/instant-calls"));
      const callButton = prospect.page.getByRole("button", { name: "Call me now" });
      if (size.input === "touch") await callButton.tap();
      else {
        await callButton.focus();
        await prospect.page.keyboard.press("Enter");
      }
      const sent = await request;
      const pressedAt = Date.now();
      expect(sent.postDataJSON()).toMatchObject({ offering: "live-demo", name: "Ina Instant", email, phone: "+1 212 555 0100", consent: true, timeZone: "America/New_York" });
      expect(sent.headers()["idempotency-key"]).toBeTruthy();
      const status = prospect.page.locator("#instant-status");
      // The answer comes after the request is stored and the rep's e-mail handed to SES: allow a loaded machine.
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^We are putting you through to a specialist/);

      // Within 10 s the call rings in the rep's open console: the row, the announcement, the notification.
      const ringing = rep.page.locator("#queue-list .queue-item--ringing").filter({ hasText: "Ina Instant" });
      await ringing.waitFor({ state: "visible", timeout: 10_000 });
      expect(Date.now() - pressedAt).toBeLessThan(10_000);
      expect(await ringing.locator(".queue-why").textContent()).toMatch(/^Wants a call now · attempt 1/);
      expect(await ringing.locator(".queue-ring").textContent()).toMatch(/^Waiting on the website for a call now; rings you until .+, then the next rep\.$/);
      expect(await ringing.locator(".outcome-buttons").isVisible()).toBe(false);
      await expect.poll(() => rep.page.locator("#instant-alert").textContent()).toBe("Call me now: Ina Instant (Initech) is waiting for your call. Claim it now, or it moves to the next rep.");
      expect(await rep.page.locator("#instant-alert").getAttribute("aria-live")).toBe("assertive");
      await expect.poll(() => rep.page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications)).toEqual([expect.stringMatching(/^Call me now: Call me now: Ina Instant/)]);
      expect(await seriousViolations(rep.page)).toEqual([]);
      await rep.page.screenshot({ path: join(ARTIFACTS, `instant-ringing-${size.width}.png`), fullPage: true });

      // The rep claims it: one tap (or Enter); the outcomes show and the call link gets focus.
      const claimButton = ringing.getByRole("button", { name: "Claim the call with Ina Instant" });
      const claim = rep.page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/claim"));
      if (size.input === "touch") await claimButton.tap();
      else {
        await claimButton.focus();
        await rep.page.keyboard.press("Enter");
      }
      expect((await claim).status()).toBe(200);
      const claimed = rep.page.locator("#queue-list .queue-item").filter({ hasText: "Ina Instant" });
      await expect.poll(() => claimed.locator(".queue-ring").textContent()).toBe("Claimed: call them now, then log how it went.");
      expect(await claimed.locator(".outcome-buttons").isVisible()).toBe(true);
      expect(await claimButton.count()).toBe(0);
      expect(await rep.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href"))).toBe("tel:+12125550100");
      expect(await seriousViolations(rep.page)).toEqual([]);

      // The prospect's page says a rep is calling (it polls the call's status).
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("A specialist has your request and is calling you now at +1 212 555 0100.");
      expect(await seriousViolations(prospect.page)).toEqual([]);
      for (const page of [rep.page, prospect.page]) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

      // The call made, the rep logs it like any call-back: the row leaves the queue.
      const outcome = rep.page.waitForRequest((each) => each.method() === "POST" && each.url().endsWith("/outcome"));
      await claimed.getByRole("button", { name: "Reached" }).click();
      expect((await outcome).postDataJSON()).toEqual({ outcome: "reached" });
      await expect.poll(() => claimed.count()).toBe(0);

      // Switched off, nothing more rings here (and the next test starts from off).
      await toggle.click();
      await expect.poll(() => rep.page.locator("#instant-state").textContent()).toMatch(/^Off/);
      expect((await callApi(site, "GET", "/api/instant-calls/availability?offering=live-demo")).available).toBe(false);
      expect(rep.consoleErrors).toEqual([]);
      expect(prospect.consoleErrors).toEqual([]);
      await rep.context.close();
      await prospect.context.close();
    });
  }
});
