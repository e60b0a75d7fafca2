// End to end: texts in Chromium against `npm start` with its own engines — the separate, unticked "Text me
// reminders" box on the webinar registration form and on the booking form, at 390 and 1280 wide, by keyboard
// (it follows the consent box in the tab order, Space ticks it), labelled with the wording the lead stores,
// asking for the phone next to it when there is none; a registrant who ticked it gets the session's reminder
// text an hour before, listed on the local page (/_local/, beside the e-mail viewer), where a reply is played
// by keyboard. axe-core finds no serious violation on any of them.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { callApi, startE2eSite, type E2eSite } from "./e2e-site";

const WORDING = "Text me reminders and follow-ups at this number. Msg & data rates may apply. Reply STOP to opt out.";
const NEEDS_PHONE = "Texts need your phone number: please enter it above, or untick this box.";
const WIDTHS = [390, 1280] as const;
/** Each width's registrant's number, as typed and as texted. */
const PHONES = { 390: ["+49 30 1234 5601", "+493012345601"], 1280: ["+49 30 1234 5602", "+493012345602"] } as const;

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("texts");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

const api = (method: string, path: string, body?: unknown) => callApi(site, method, path, body);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const plain = (value: string | null) => (value ?? "").replace(/\s+/g, " ").trim();
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** From the consent box, Tab reaches "Text me reminders" (unticked, with the stored wording) and Space ticks it. */
async function tickTextsByKeyboard(page: Page): Promise<void> {
  const box = page.locator("#smsConsent");
  expect(await box.isChecked()).toBe(false);
  expect(plain(await page.locator("label[for='smsConsent']").textContent())).toBe(WORDING);
  await page.locator("#consent").focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  expect(await focusedId(page)).toBe("smsConsent");
  await page.keyboard.press("Space");
  expect(await box.isChecked()).toBe(true);
}

/** The box ticked with no phone: the form says so next to the box and puts the focus there. */
async function expectPhoneAsked(page: Page): Promise<void> {
  await page.locator("#smsConsent-error").waitFor({ state: "visible" });
  expect(plain(await page.locator("#smsConsent-error").textContent())).toBe(NEEDS_PHONE);
  expect(await page.locator("#smsConsent").getAttribute("aria-invalid")).toBe("true");
  expect(await focusedId(page)).toBe("smsConsent");
}

describe("the 'Text me reminders' box", () => {
  it.each(WIDTHS)("on the webinar form at %i wide: unticked, by keyboard, asks for the phone, then goes with the registration", async (width) => {
    const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin" });
    await page.goto(`${site.siteUrl}/webinars`);
    const first = page.locator("button.session-option:not([disabled])").first();
    await first.waitFor({ state: "visible" });
    const sessionId = (await first.getAttribute("data-session"))!;
    await first.click();
    await page.locator("#registration-form").waitFor({ state: "visible" });
    await page.locator("#name").fill(`Tess Texter ${width}`);
    await page.locator("#email").fill(`tess.${width}.${Date.now()}@texts.example`);
    await tickTextsByKeyboard(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator("#submit-registration").click();
    await expectPhoneAsked(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator("#phone").fill(PHONES[width][0]);
    const sent = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${sessionId}/registrations`));
    await page.locator("#submit-registration").focus();
    await page.keyboard.press("Enter");
    expect((await sent).postDataJSON()).toMatchObject({ phone: PHONES[width][0], consent: true, smsConsent: true });
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it.each(WIDTHS)("on the booking form at %i wide: unticked, by keyboard, asks for the phone", async (width) => {
    const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "America/Chicago" });
    await page.goto(`${site.siteUrl}/`);
    await page.locator("#name").fill("Bo Booker");
    await page.locator("#email").fill(`bo.${width}.${Date.now()}@texts.example`);
    await tickTextsByKeyboard(page);
    await page.locator("#submit-contact").click();
    await expectPhoneAsked(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("the local texts page", () => {
  it("lists the session's reminder text to each registrant who ticked the box, and plays a reply by keyboard (390 and 1280 wide)", async () => {
    // An hour before the soonest session: its reminder text goes to both registrants of the test above.
    const [session] = ((await api("GET", "/api/webinars?timeZone=UTC")).sessions as { start: string }[]).slice(0, 1);
    const now = Date.parse((await api("GET", "/api/_local/clock")).now as string);
    await api("POST", "/api/_local/clock", { advanceMinutes: Math.ceil((Date.parse(session!.start) - 60 * 60_000 - now) / 60_000) });
    const texted = async () => ((await api("GET", "/api/_local/texts")).texts as { to: string; body: string }[]).map((text) => text.to).sort();
    await expect.poll(texted, { timeout: 30_000 }).toEqual([PHONES[390][1], PHONES[1280][1]]);

    for (const width of WIDTHS) {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin" });
      await page.goto(`${site.siteUrl}/_local/`);
      const items = page.locator("#texts-list li");
      await expect.poll(() => items.count()).toBe(2);
      expect(await page.locator("#texts-empty").isHidden()).toBe(true);
      const shown = plain(await page.locator("#texts-list").textContent());
      expect(shown).toContain(`To ${PHONES[width][1]}`);
      expect(shown).toMatch(/starts in 1 hour\. Join: \S+ Reply STOP to opt out/);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator("#reply-from").focus();
      await page.keyboard.type(PHONES[width][0]);
      await page.keyboard.press("Tab");
      expect(await focusedId(page)).toBe("reply-body");
      await page.keyboard.type("STOP");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#texts-status").textContent()).toBe("Reply received: opted-out.");
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });
});
