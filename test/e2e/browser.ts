// Tests (e2e): launches Debian's Chromium through playwright-core — never a downloaded browser. Each launch
// gets a fresh temporary profile from playwright (a --user-data-dir flag is refused by launch()).
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page logged or threw; a test ends by expecting none. */
  consoleErrors: string[];
}

/**
 * A page in a fresh context: a phone (touch, 740 px tall unless `height` says) below 500 px wide, else a desktop;
 * an American English browser unless `locale` says (Chromium then sends it as Accept-Language too).
 */
export async function openPage(browser: Browser, options: { width: number; height?: number; timezoneId: string; locale?: string }): Promise<OpenedPage> {
  const phone = options.width < 500;
  const context = await browser.newContext({
    timezoneId: options.timezoneId,
    locale: options.locale ?? "en-US",
    viewport: { width: options.width, height: options.height ?? (phone ? 740 : 900) },
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  // Refusals (4xx) are part of these tests; Chromium logs them as "Failed to load resource".
  page.on("console", (message) => message.type() === "error" && !/Failed to load resource/.test(message.text()) && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

/** Serious and critical axe-core findings on the page as it is now (what a screen-reader user would trip on). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}
