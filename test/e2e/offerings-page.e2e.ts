// End to end: the console's "Offerings and webinars" page (/console/offerings, managers) in Chromium against
// `npm start` — at 1280 by keyboard alone a manager adds a webinar with a one-off session (a bad length
// refused on its field first) and the public webinars list offers it; at 390 (touch) a manager writes a
// routing rule, tests it on sample answers (the trace says which rule applies and why the others do not),
// and saves it. axe-core finds no serious violation; nothing scrolls sideways.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, type E2eSite } from "./e2e-site";

const REPS = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: { id: string; email: string; timeZone: string }[] }).reps;
const LUKAS = REPS.find((rep) => rep.id === "lukas")!;

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("offerings-page", { LIVELINE_SETTINGS_CACHE_SECONDS: "2" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

async function openOfferings(page: Page): Promise<void> {
  await signInThroughPage(site, page, LUKAS.email);
  await page.goto(`${site.siteUrl}/console/offerings`);
  await page.locator("#offerings-list li").first().waitFor({ state: "visible" });
}

async function expectReadable(page: Page, width: number): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe("the offerings page", () => {
  it("lets a manager add a webinar with a one-off session by keyboard alone at 1280, and prospects are offered it", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, height: 900, timezoneId: "UTC" });
    await openOfferings(page);
    expect(await page.locator("#offerings-list li").count()).toBe(3);
    await expectReadable(page, 1280);
    await page.screenshot({ path: join(ARTIFACTS, "offerings-1280.png"), fullPage: true });

    const now = Date.parse((await callApi(site, "GET", "/api/_local/clock")).now as string);
    const day = new Date(now + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.locator("#add-webinar").focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("offering-form-heading");
    expect(await page.locator("#demo-fields").isHidden()).toBe(true);
    const typeInto = async (id: string, text: string) => {
      await page.locator(`#${id}`).focus();
      await page.keyboard.type(text);
    };
    await typeInto("offering-id", "launch-week");
    await typeInto("offering-title", "Launch week");
    await typeInto("offering-duration", "7");
    await typeInto("offering-join-url", "https://meet.example/launch/{sessionId}");
    await typeInto("offering-hosts", "priya");
    await typeInto("offering-sessions", `${day}T15:00 UTC`);
    await page.locator("#offering-title").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#offering-duration-error").textContent()).toContain("multiple of 5");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("offering-duration");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("45");
    await page.keyboard.press("Enter");
    await page.locator('#offerings-list li[data-offering="launch-week"]').waitFor({ state: "visible" });
    expect(await page.locator('#offerings-list li[data-offering="launch-week"]').textContent()).toContain("1 one-off session");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("offerings-heading");
    await expectReadable(page, 1280);
    expect(consoleErrors).toEqual([]);

    // The prospects' API (another function's copy of the settings) offers the session within its cache time.
    const sessions = async () => (await callApi(site, "GET", "/api/webinars?offering=launch-week&timeZone=UTC")).sessions.map((session: { start: string }) => session.start);
    await expect.poll(sessions, { timeout: 15_000 }).toEqual([`${day}T15:00:00.000+00:00`]);
    await context.close();
  });

  it("lets a manager write a routing rule at 390 (touch), test it on sample answers with the trace, and save it", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 390, height: 844, timezoneId: LUKAS.timeZone });
    await openOfferings(page);
    await page.locator("#add-rule").tap();
    await page.locator("#rule-name").fill("DACH");
    await page.locator("#rule-countries").fill("DE, AT");
    await page.locator("#rule-reps").fill("lukas");
    await page.locator("#test-email").fill("ana@firma.example");
    await page.locator("#test-country").fill("at");
    await page.locator("#test-button").tap();
    await expect.poll(() => page.locator("#test-trace").textContent()).toContain("DACH: matches");
    expect(await page.locator("#test-trace li").allTextContents()).toEqual(["DACH: matches", 'Goes to Lukas Becker (rule "DACH")']);
    await page.locator("#test-country").fill("FR");
    await page.locator("#test-button").tap();
    await expect.poll(() => page.locator("#test-trace li").first().textContent()).toBe("DACH: does not apply — country FR is not one of DE, AT");
    expect(await page.locator("#test-trace li").last().textContent()).toMatch(/^No rule applies: the fallback — /);
    // Tested, not saved.
    expect((await callApi(site, "GET", "/api/settings/offerings", undefined, { authorization: "Bearer local-token-lukas" })).routing.rules).toEqual([]);
    await expectReadable(page, 390);

    await page.locator("#rule-save").tap();
    await page.locator('#rules-list li[data-rule="0"]').waitFor({ state: "visible" });
    expect(await page.locator('#rules-list li[data-rule="0"]').textContent()).toContain("When countries DE, AT → reps lukas");
    const saved = await callApi(site, "GET", "/api/settings/offerings", undefined, { authorization: "Bearer local-token-lukas" });
    expect(saved.routing.rules).toEqual([{ name: "DACH", when: { countries: ["DE", "AT"] }, route: { reps: ["lukas"] } }]);
    await page.screenshot({ path: join(ARTIFACTS, "offerings-390.png"), fullPage: true });
    await expectReadable(page, 390);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
