// End to end: the console's Team page (/console/team, managers) in Chromium against `npm start`, at phone
// (390x844, touch) and desktop (1280x900, keyboard) sizes — a manager deactivates a rep with an open
// call-back, which goes to the team's pool and shows in another rep's queue; two managers edit the same rep
// at once: the second save gets 412 and the page shows the newer version; a manager adds a rep by keyboard
// alone and the new rep's times appear on the booking page. axe-core finds no serious violation; nothing
// scrolls sideways; a rep is told the page is for managers.
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
  timeZone: string;
}
const REPS: RepEntry[] = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: RepEntry[] }).reps;
const MAYA = REPS.find((rep) => rep.id === "maya")!;
const LUKAS = REPS.find((rep) => rep.id === "lukas")!;
const PRIYA = REPS.find((rep) => rep.id === "priya")!;


let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  // A short settings cache, so the prospects' API (another function's copy) follows within the test.
  site = await startE2eSite("team-page", { LIVELINE_CONFIG: twoManagersConfig(), LIVELINE_SETTINGS_CACHE_SECONDS: "2" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);
const asRep = (repId: string) => ({ authorization: `Bearer local-token-${repId}` });
const serverNow = async () => Date.parse((await api("GET", "/api/_local/clock")).now as string);

/** A demo that lands with the rep (fair assignment picks; other times are tried), moved past its end until the call-back is open. */
async function callBackFor(rep: RepEntry): Promise<{ id: string; email: string }> {
  for (let attempt = 0; attempt < 16; attempt++) {
    const email = `pool.${attempt}.${Date.now()}@globex.example`;
    const prospect = { name: "Sam Pool", email, company: "Globex", phone: "+1 312 555 0100", timeZone: rep.timeZone, consent: true };
    const request = await api("POST", "/api/contact-requests", prospect);
    const starts = request.slots.map((slot: { start: string }) => slot.start);
    const booked = await api("POST", "/api/bookings", { ...prospect, offering: request.offering.id, start: starts[attempt % starts.length], contactRequestId: request.id }, { "Idempotency-Key": `e2e-team-${Date.now()}-${attempt}` });
    if (booked.rep.name !== rep.name) continue;
    await api("POST", "/api/_local/clock", { advanceMinutes: Math.ceil((Date.parse(booked.end) - (await serverNow())) / 60_000) + 5 });
    for (let hour = 0; hour < 96; hour++) {
      const { items } = await api("GET", "/api/console/queue", undefined, asRep(rep.id));
      const item = items.find((each: { lead: { email: string } }) => each.lead.email === email);
      if (item) return { id: item.id, email };
      await api("POST", "/api/_local/clock", { advanceMinutes: 60 });
    }
  }
  throw new Error(`no call-back for ${rep.name}`);
}

async function openTeam(page: Page, rep: RepEntry): Promise<void> {
  await signInThroughPage(site, page, rep.email);
  await page.goto(`${site.siteUrl}/console/team`);
  await page.locator("#team-list li").first().waitFor({ state: "visible" });
}

async function expectReadable(page: Page, width: number): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const memberRow = (page: Page, repId: string) => page.locator(`#team-list li[data-rep="${repId}"]`);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

describe("the Team page", () => {
  it("tells a rep it is for managers", async () => {
    const { context, page } = await openPage(browser, { width: 390, timezoneId: MAYA.timeZone });
    await signInThroughPage(site, page, MAYA.email);
    await page.goto(`${site.siteUrl}/console/team`);
    await expect.poll(() => page.locator("#team-alert").textContent()).toContain("for managers");
    await context.close();
  });

  it("deactivates a rep at 390 (touch): their open call-back goes to the team's pool, in another rep's queue", async () => {
    const callBack = await callBackFor(MAYA);
    const { context, page, consoleErrors } = await openPage(browser, { width: 390, height: 844, timezoneId: LUKAS.timeZone });
    await openTeam(page, LUKAS);
    expect(await page.locator("#team-list li").count()).toBe(REPS.length);
    await expectReadable(page, 390);
    await page.screenshot({ path: join(ARTIFACTS, "team-390.png"), fullPage: true });

    await memberRow(page, "maya").getByRole("button", { name: "Deactivate" }).tap();
    await expect.poll(() => page.locator("#team-version").textContent()).toContain("1 open call-back went to the team's pool");
    expect(await memberRow(page, "maya").textContent()).toContain("Deactivated");
    expect(await focusedText(page)).toBe("Reactivate");
    await expectReadable(page, 390);
    expect(consoleErrors).toEqual([]);

    // Another rep's console: the call-back is theirs to take, marked as the pool's.
    const other = await openPage(browser, { width: 390, height: 844, timezoneId: MAYA.timeZone });
    await signInThroughPage(site, other.page, PRIYA.email);
    await other.page.goto(`${site.siteUrl}/console#/queue`);
    const row = other.page.locator(`#queue-list .queue-item[data-id=${JSON.stringify(callBack.id)}]`);
    await row.waitFor({ state: "visible" });
    expect(await row.locator(".queue-pool").textContent()).toContain("Team pool");
    expect((await api("GET", "/api/console/queue", undefined, asRep("priya"))).items.find((item: { id: string }) => item.id === callBack.id)).toMatchObject({ repId: "-", inPool: true });
    await expectReadable(other.page, 390);
    expect(other.consoleErrors).toEqual([]);

    // Taken back: active again (her call-back stays in the pool until someone takes it).
    await memberRow(page, "maya").getByRole("button", { name: "Reactivate" }).tap();
    await expect.poll(() => memberRow(page, "maya").textContent()).not.toContain("Deactivated");
    await other.context.close();
    await context.close();
  });

  it("gives the second of two managers saving the same rep at once a 412 and shows the newer version", async () => {
    const first = await openPage(browser, { width: 1280, timezoneId: LUKAS.timeZone });
    const second = await openPage(browser, { width: 390, timezoneId: PRIYA.timeZone });
    await openTeam(first.page, LUKAS);
    await openTeam(second.page, PRIYA);
    await memberRow(first.page, "maya").getByRole("button", { name: "Edit" }).click();
    await memberRow(second.page, "maya").getByRole("button", { name: "Edit" }).tap();
    const loadedVersion = await second.page.locator("#team-version").textContent();

    await first.page.locator("#member-weight").fill("2");
    await first.page.locator("#save-button").click();
    await expect.poll(() => first.page.locator("#team-version").textContent()).not.toBe(loadedVersion);
    expect(await memberRow(first.page, "maya").textContent()).toContain("weight 2");

    await second.page.locator("#member-weight").fill("3");
    await second.page.locator("#save-button").tap();
    await expect.poll(() => second.page.locator("#team-alert").textContent()).toContain("Someone else saved a change meanwhile");
    expect(await second.page.locator("#member-weight").inputValue()).toBe("2");
    expect(await memberRow(second.page, "maya").textContent()).toContain("weight 2");
    expect(await second.page.locator("#team-version").textContent()).toBe(await first.page.locator("#team-version").textContent());
    const stored = await api("GET", "/api/settings/reps", undefined, asRep("lukas"));
    expect(stored.reps.find((rep: { id: string }) => rep.id === "maya").weight).toBe(2);
    await expectReadable(second.page, 390);
    expect([...first.consoleErrors, ...second.consoleErrors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it("lets a manager add a rep by keyboard alone at 1280, refusing a bad field first, and the new rep's times appear on the booking page", async () => {
    const sundays = async () => {
      const from = new Date(await serverNow()).toISOString().slice(0, 10);
      const to = new Date((await serverNow()) + 13 * 86_400_000).toISOString().slice(0, 10);
      const { slots } = await api("GET", `/api/slots?offering=live-demo&from=${from}&to=${to}&timeZone=UTC&allTimes=true`);
      return (slots as { start: string }[]).filter((slot) => new Date(slot.start).getUTCDay() === 0).length;
    };
    expect(await sundays()).toBe(0);
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, height: 900, timezoneId: "UTC" });
    await openTeam(page, LUKAS);
    await expectReadable(page, 1280);
    await page.screenshot({ path: join(ARTIFACTS, "team-1280.png"), fullPage: true });

    await page.locator("#add-button").focus();
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("member-heading");
    const typeInto = async (id: string, text: string) => {
      await page.locator(`#${id}`).focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(text);
    };
    await typeInto("member-id", "nora");
    await typeInto("member-name", "Nora Lind");
    await typeInto("member-email", "nora.lind@acme-analytics.example");
    await typeInto("member-weight", "0");
    await typeInto("member-languages", "en, sv");
    await typeInto("member-time-zone", "UTC");
    for (const day of ["mon", "tue", "wed", "thu", "fri"]) {
      await page.locator(`#member-hours-${day}`).focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
    }
    await typeInto("member-hours-sun", "10:00-14:00");
    await page.keyboard.press("Enter");
    // Refused, naming the field; nothing saved.
    await expect.poll(() => page.locator("#member-weight-error").textContent()).toContain("more than 0");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("member-weight");
    expect(await page.locator("#member-weight").getAttribute("aria-invalid")).toBe("true");
    await expectReadable(page, 1280);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    await memberRow(page, "nora").waitFor({ state: "visible" });
    expect(await memberRow(page, "nora").textContent()).toContain("offers live-demo, team-demo");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("team-heading");
    expect(await page.locator("#member-form").isHidden()).toBe(true);
    await expectReadable(page, 1280);
    expect(consoleErrors).toEqual([]);

    // The prospects' API (another function's copy of the settings) follows within its cache time.
    await expect.poll(sundays, { timeout: 15_000 }).toBeGreaterThan(0);
    const booking = await openPage(browser, { width: 390, height: 844, timezoneId: "UTC" });
    await booking.page.goto(site.siteUrl);
    await booking.page.getByLabel("Name", { exact: false }).first().fill("Ada Sunday");
    await booking.page.locator("#email").fill(`ada.${Date.now()}@engines.example`);
    await booking.page.locator("#company").fill("Engines Ltd");
    await booking.page.locator("#consent").check();
    await booking.page.locator("#submit-contact").tap();
    await booking.page.locator("button.slot").first().waitFor({ state: "visible" });
    const dates = await booking.page.getByRole("tab").evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).dataset.date ?? ""));
    const sunday = dates.find((date) => new Date(`${date}T12:00:00Z`).getUTCDay() === 0);
    expect(sunday).toBeDefined();
    await booking.page.locator(`#day-tab-${sunday}`).tap();
    const times = await booking.page.locator("button.slot").evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-start") ?? ""));
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((start) => start.startsWith(sunday!) && start.slice(11, 16) >= "10:00" && start.slice(11, 16) < "14:00")).toBe(true);
    expect(booking.consoleErrors).toEqual([]);
    await booking.context.close();
    await context.close();
  });
});
