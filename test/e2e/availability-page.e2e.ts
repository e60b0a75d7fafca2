// End to end: "My availability" (/console/availability) in Chromium against `npm start`, at phone (390x844,
// touch) and desktop (1280x900, keyboard) sizes — a rep blocks next Friday and the preview's Friday empties
// at once (the prospects' slots follow within the settings cache time); two managers edit the same rep at
// once: the second save gets 412, and the page shows the newer version to redo the change on. axe-core finds
// no serious violation; nothing scrolls sideways.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, twoManagersConfig, type E2eSite } from "./e2e-site";

interface RepEntry {
  id: string;
  name: string;
  email: string;
  role?: string;
}
const REPS: RepEntry[] = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: RepEntry[] }).reps;
const MAYA = REPS.find((rep) => rep.id === "maya")!;
const LUKAS = REPS.find((rep) => rep.id === "lukas")!;
const PRIYA = REPS.find((rep) => rep.id === "priya")!;
const ZONE = "America/Chicago";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  // A short settings cache, so the prospects' API (another function's copy) follows within the test.
  site = await startE2eSite("availability-page", { LIVELINE_CONFIG: twoManagersConfig(), LIVELINE_SETTINGS_CACHE_SECONDS: "2" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

async function openAvailability(page: Page, rep: RepEntry, of?: string): Promise<void> {
  await signInThroughPage(site, page, rep.email);
  await page.goto(`${site.siteUrl}/console/availability${of ? `?rep=${of}` : ""}`);
  await page.locator("#preview-days li").first().waitFor({ state: "visible" });
}

async function expectReadable(page: Page, width: number): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const fridaySlots = async (friday: string) => (await callApi(site, "GET", `/api/slots?offering=live-demo&from=${friday}&to=${friday}&timeZone=${encodeURIComponent(ZONE)}&allTimes=true`)).slots.length as number;

describe("My availability", () => {
  for (const size of [
    { width: 390, height: 844, input: "touch", dayOffset: 4 },
    { width: 1280, height: 900, input: "keyboard", dayOffset: 3 },
  ] as const) {
    it(`lets a rep block a day next week and its slots vanish at once, at ${size.width}x${size.height} (${size.input})`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: ZONE });
      await openAvailability(page, MAYA);
      expect(await page.locator("#who").textContent()).toBe(MAYA.name);
      expect(await page.locator("#rep-field").isHidden()).toBe(true);
      expect(await page.locator("#hours-mon").inputValue()).toBe("09:00-12:00, 13:00-17:00");
      // Friday on the phone, Thursday on the desktop: each run blocks a day of its own.
      const day = page.locator("#preview-days li").nth(size.dayOffset);
      const date = (await day.getAttribute("data-date"))!;
      expect(await day.textContent()).toMatch(/\d\d:\d\d/);
      const prospectsBefore = await fridaySlots(date);
      await expectReadable(page, size.width);
      await page.screenshot({ path: join(ARTIFACTS, `availability-${size.width}.png`), fullPage: true });

      if (size.input === "keyboard") {
        await page.locator("#block-date").focus();
        await page.keyboard.type(date.slice(5, 7) + date.slice(8, 10) + date.slice(0, 4));
        // Tab leaves the date's fields (month, day, year) for the button.
        for (let presses = 0; presses < 4 && (await page.evaluate(() => document.activeElement?.id)) !== "block-button"; presses++) await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("block-button");
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
        await page.keyboard.press("Enter");
        expect(await page.locator("#dates-off").inputValue()).toContain(date);
        await page.locator("#languages").focus();
        await page.keyboard.press("Enter");
      } else {
        await page.locator("#block-date").fill(date);
        await page.locator("#block-button").tap();
        await page.locator("#save-button").tap();
      }
      await expect.poll(() => day.textContent()).toContain("No slots");
      expect(await page.locator("#dates-off").inputValue()).toContain(date);
      // The prospects' API is another function with its own copy: it follows within its cache time.
      await expect.poll(() => fridaySlots(date), { timeout: 15_000 }).toBeLessThan(prospectsBefore);
      await expectReadable(page, size.width);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("gives the second of two managers saving at once a 412 and shows the newer version", async () => {
    const first = await openPage(browser, { width: 1280, timezoneId: ZONE });
    const second = await openPage(browser, { width: 390, timezoneId: ZONE });
    await openAvailability(first.page, LUKAS, "maya");
    await openAvailability(second.page, PRIYA, "maya");
    expect(await first.page.locator("#rep").inputValue()).toBe("maya");
    const loadedVersion = await second.page.locator("#availability-version").textContent();

    await first.page.locator("#dates-off").fill("2030-01-07");
    await first.page.locator("#save-button").click();
    await expect.poll(() => first.page.locator("#availability-version").textContent()).not.toBe(loadedVersion);

    await second.page.locator("#dates-off").fill("2030-02-04");
    await second.page.locator("#save-button").tap();
    await expect.poll(() => second.page.locator("#availability-alert").textContent()).toContain("Someone else saved a change meanwhile");
    expect(await second.page.locator("#dates-off").inputValue()).toBe("2030-01-07");
    expect(await second.page.locator("#availability-version").textContent()).toBe(await first.page.locator("#availability-version").textContent());
    const stored = await callApi(site, "GET", "/api/settings/reps/maya/availability", undefined, { authorization: "Bearer local-token-maya" });
    expect(stored.availability.datesOff).toEqual(["2030-01-07"]);
    await expectReadable(second.page, 390);
    expect([...first.consoleErrors, ...second.consoleErrors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
