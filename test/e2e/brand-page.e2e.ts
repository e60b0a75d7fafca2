// End to end: the console's brand page (/console/brand) in Chromium against `npm start`, at phone (390x844)
// and desktop (1280x900, keyboard) sizes — a manager uploads a logo and picks a colour, and the booking page
// shows both at once (the prospects' API follows within the settings cache time); a colour with too little
// contrast is refused next to its field; a rep is told the brand is the managers'. axe-core finds no serious
// violation; nothing scrolls sideways.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, startE2eSite, type E2eSite } from "./e2e-site";

interface RepEntry {
  id: string;
  email: string;
  role?: string;
}
const REPS: RepEntry[] = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: RepEntry[] }).reps;
const MANAGER = REPS.find((rep) => rep.role === "manager")!;
const REP = REPS.find((rep) => rep.role !== "manager")!;
/** A 1x1 PNG: a real image the browser draws. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let browser: Browser;
let site: E2eSite;
let folder: string;
/** The phone run's logo: the desktop run must replace it with its own. */
let firstLogoPath: string | undefined;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "liveline-brand-page-"));
  writeFileSync(join(folder, "logo-390.png"), PNG);
  // The same picture with bytes after its end (which browsers ignore): another logo by content.
  writeFileSync(join(folder, "logo-1280.png"), Buffer.concat([PNG, Buffer.from("second logo")]));
  writeFileSync(join(folder, "notes.txt"), "not an image");
  // A short settings cache, so the prospects' API (another function's copy) follows within the test.
  site = await startE2eSite("brand-page", { LIVELINE_SETTINGS_CACHE_SECONDS: "2" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

async function openBrand(page: Page, address: string): Promise<void> {
  await signInThroughPage(site, page, address);
  await page.goto(`${site.siteUrl}/console/brand`);
}

async function expectReadable(page: Page, width: number): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe("the brand page", () => {
  for (const size of [
    { width: 390, height: 844, color: "#0b57d0", rgb: "rgb(11, 87, 208)" },
    { width: 1280, height: 900, color: "#8a1c4a", rgb: "rgb(138, 28, 74)" },
  ] as const) {
    it(`lets a manager upload a logo and pick a colour that the booking page shows at once, at ${size.width}x${size.height}`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: "Europe/Berlin" });
      await openBrand(page, MANAGER.email);
      await page.locator("#brand-form").waitFor({ state: "visible" });
      await expectReadable(page, size.width);

      // A file that is no image is refused next to the file control, and nothing changes.
      await page.locator("#logo-file").setInputFiles(join(folder, "notes.txt"));
      await page.locator("#upload-button").click();
      await expect.poll(() => page.locator("#logo-file-error").textContent()).toMatch(/PNG, JPEG, GIF or WebP/);
      expect(await page.locator("#logo-file").getAttribute("aria-invalid")).toBe("true");

      // Each run uploads its own logo (a name of its own: logos are named by their content). On the phone, one
      // step at a time; on the desktop, the colour is typed first and Save pressed (keyboard) while the upload
      // still runs: the save waits for it, sends the version it made, and the typed colour survives it.
      const preview = page.locator("#logo-preview");
      await page.locator("#logo-file").setInputFiles(join(folder, `logo-${size.width}.png`));
      if (size.width > 1000) {
        await page.locator("#primary-color").fill(size.color);
        await page.locator("#upload-button").click();
        await page.locator("#font-stack").focus();
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("save-button");
        await page.keyboard.press("Enter");
      } else {
        await page.locator("#upload-button").click();
        await expect.poll(() => page.locator("#status").textContent()).toMatch(/^Logo uploaded/);
        await page.locator("#primary-color").fill(size.color);
        await page.locator("#save-button").click();
      }
      await expect.poll(() => page.locator("#status").textContent()).toBe("Brand saved.");
      expect(await page.locator("#brand-alert").textContent()).toBe("");
      expect(await page.locator("#primary-color").inputValue()).toBe(size.color);
      await preview.waitFor({ state: "visible" });
      await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1)).toBe(true);
      const logoPath = (await preview.getAttribute("src"))!.slice(1);
      expect(logoPath).toMatch(/^brand\/uploads\/logo-[0-9a-f]{20}\.png$/);
      expect(logoPath).not.toBe(firstLogoPath);
      firstLogoPath ??= logoPath;
      await expectReadable(page, size.width);
      await page.screenshot({ path: join(ARTIFACTS, `brand-page-${size.width}.png`), fullPage: true });

      // The logo and the colour are two saves: the prospects' API may show the first before the second, so the
      // booking page is read until it shows both.
      const booking = await context.newPage();
      await expect
        .poll(async () => {
          await booking.goto(site.siteUrl);
          await booking.locator(".brand-bar img.brand-logo").waitFor({ state: "attached", timeout: 5_000 }).catch(() => undefined);
          const logo = await booking.locator(".brand-bar img.brand-logo").getAttribute("src", { timeout: 1_000 }).catch(() => null);
          const color = await booking.locator("#contact-form button[type=submit]").evaluate((button) => getComputedStyle(button).backgroundColor, undefined, { timeout: 1_000 }).catch(() => null);
          return { logo, color };
        }, { timeout: 20_000 })
        .toEqual({ logo: logoPath, color: size.rgb });
      await expect.poll(() => booking.locator(".brand-bar img.brand-logo").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("refuses a colour white text cannot be read on, next to the colour, saving nothing", async () => {
    const { context, page } = await openPage(browser, { width: 1280, height: 900, timezoneId: "Europe/Berlin" });
    await openBrand(page, MANAGER.email);
    await page.locator("#brand-form").waitFor({ state: "visible" });
    const version = await page.locator("#brand-version").textContent();
    await page.locator("#primary-color").fill("#ffff00");
    await page.locator("#save-button").click();
    await expect.poll(() => page.locator("#primary-color-error").textContent()).toMatch(/contrast|ratio/i);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("primary-color");
    expect(await page.locator("#brand-version").textContent()).toBe(version);
    await context.close();
  });

  it("tells a rep that the brand is the managers'", async () => {
    const { context, page } = await openPage(browser, { width: 390, height: 844, timezoneId: "Europe/Berlin" });
    await openBrand(page, REP.email);
    await expect.poll(() => page.locator("#brand-alert").textContent()).toBe("Only managers can change the brand.");
    expect(await page.locator("#brand-form").isHidden()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
