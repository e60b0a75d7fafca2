// End to end: the insights page (/console/insights) in Chromium against `npm start`, at phone (390x844, touch)
// and desktop (1280x900, keyboard) sizes — a manager signs in and sees the totals, the funnel, three weekly
// charts each with its table, and a row per rep; picks a rep and a range by keyboard alone; a rep sees only
// their own figures (no rep filter, one row); a figure and a rep's cell open the console's lead search listing
// the leads behind them. axe-core finds no serious violation; nothing scrolls sideways.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, type E2eSite } from "./e2e-site";

interface RepEntry {
  id: string;
  name: string;
  email: string;
  role?: string;
}
const REPS: RepEntry[] = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: RepEntry[] }).reps;
const MANAGER = REPS.find((rep) => rep.role === "manager")!;
const ZONE = "America/Chicago";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let browser: Browser;
let site: E2eSite;
/** The rep whose call-back reached the lead, what each rep's row holds, and the range that holds the history. */
let caller: RepEntry;
const callsBy = new Map<string, { requests: number; reached: number }>();
/** The names of the leads each rep called. */
const leadsCalledBy = new Map<string, string[]>();
let range: { from: string; to: string };

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);
const serverNow = async () => Date.parse((await api("GET", "/api/_local/clock")).now as string);
const advance = (minutes: number) => api("POST", "/api/_local/clock", { advanceMinutes: minutes });
const localDate = (instant: number) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);

/** Two contact requests on a Tuesday morning in Chicago; one called back and reached, one left a voicemail. */
async function buildHistory(): Promise<void> {
  const start = new Date(await serverNow());
  start.setUTCHours(15, 0, 0, 0);
  while (start.getUTCDay() !== 2 || start.getTime() < (await serverNow()) + 60 * MINUTE) start.setTime(start.getTime() + DAY);
  await advance(Math.ceil((start.getTime() - (await serverNow())) / MINUTE));
  const leads = [];
  for (const tag of ["reached", "voicemail"]) {
    leads.push(await api("POST", "/api/contact-requests", { name: `Pat ${tag}`, email: `${tag}.${Date.now()}@initech.example`, company: "Initech", timeZone: ZONE, consent: true }));
  }
  await advance(17);
  const { items } = await api("GET", "/api/console/queue?rep=all", undefined, { authorization: `Bearer local-token-${MANAGER.id}` });
  const itemOf = (leadId: string) => (items as { id: string; repId: string; lead: { id: string } }[]).find((item) => item.lead.id === leadId)!;
  for (const [index, outcome] of ["reached", "voicemail"].entries()) {
    const item = itemOf(leads[index].id);
    await api("POST", `/api/console/queue/${encodeURIComponent(item.id)}/outcome`, { outcome }, { authorization: `Bearer local-token-${item.repId}` });
    const mine = callsBy.get(item.repId) ?? { requests: 0, reached: 0 };
    callsBy.set(item.repId, { requests: mine.requests + 1, reached: mine.reached + (outcome === "reached" ? 1 : 0) });
    leadsCalledBy.set(item.repId, [...(leadsCalledBy.get(item.repId) ?? []), `Pat ${outcome}`]);
    if (outcome === "reached") caller = REPS.find((rep) => rep.id === item.repId)!;
  }
  await advance(1);
  range = { from: localDate(start.getTime() - 14 * DAY), to: localDate(start.getTime() + 7 * DAY) };
}

beforeAll(async () => {
  site = await startE2eSite("insights-page");
  browser = await launchChromium();
  await buildHistory();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

const totalOf = (page: Page, label: string) => page.locator(".insights-total").filter({ has: page.locator("dt", { hasText: label }) }).locator("dd").textContent();
const tableRows = (page: Page, id: string) => page.locator(`#${id} tbody tr`);

async function openInsights(page: Page, rep: RepEntry): Promise<void> {
  await signInThroughPage(site, page, rep.email);
  await page.goto(`${site.siteUrl}/console/insights?from=${range.from}&to=${range.to}`);
  await page.locator("#insights-body").waitFor({ state: "visible" });
}

async function expectReadable(page: Page, width: number): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe("insights page", () => {
  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`shows a manager the team's figures, charts with tables and a row per rep at ${size.width}x${size.height} (${size.input})`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: ZONE });
      await openInsights(page, MANAGER);
      expect(await page.locator("#who").textContent()).toBe(`${MANAGER.name} (manager)`);
      await expect.poll(() => totalOf(page, "Contact requests")).toBe("2");
      expect(await totalOf(page, "Connect rate")).toBe("50% (1 of 2)");
      expect(await totalOf(page, "Speed to lead, median")).toBe("≤ 20 min");
      expect(await page.locator("#funnel .funnel-step").count()).toBe(5);
      expect(await page.locator("#funnel .funnel-step").first().textContent()).toBe("Contact requests2 (100%)");
      // No webinar in this history: the webinar figures say so rather than dividing by nothing.
      expect(await page.locator("#webinar-totals dt").allTextContents()).toEqual(["Registered", "Attended", "Stayed engaged", "Colleagues per registration"]);
      expect(await page.locator("#webinar-totals dd").allTextContents()).toEqual(["0 (0 registrations, 0 colleagues)", "0 (n/a of registered)", "0 (n/a of attended)", "n/a"]);
      // Three weekly charts drawn (uPlot's canvas), each hidden from screen readers with a table beside it.
      expect(await page.locator("#charts figure .chart canvas").count()).toBe(3);
      expect(await page.locator("#charts figure .chart[aria-hidden=true]").count()).toBe(3);
      expect(await page.locator("#charts figure details table").count()).toBe(3);
      const canvasWidth = await page.locator("#chart-speed canvas").first().evaluate((canvas) => canvas.getBoundingClientRect().width);
      expect(canvasWidth).toBeLessThanOrEqual(size.width);
      // A row per rep (the whole team), the caller's with their calls (the rep who took a request called it).
      expect(await tableRows(page, "rep-table").locator("th").allTextContents()).toEqual(REPS.map((rep) => rep.name));
      const mine = callsBy.get(caller.id)!;
      const connect = `${Math.round((mine.reached / mine.requests) * 100)}%`;
      expect(await tableRows(page, "rep-table").filter({ hasText: caller.name }).locator("td").allTextContents()).toEqual([String(mine.requests), "0", "≤ 20 min", "n/a", String(mine.requests), connect, "0"]);
      expect(await tableRows(page, "offering-table").count()).toBeGreaterThan(0);
      // The history came with no campaign or referrer: one source row, named in words.
      expect(await tableRows(page, "source-table").locator("th").allTextContents()).toEqual(["Direct (no campaign or referring site)"]);
      expect(await page.locator("#csv-reps").getAttribute("href")).toBe(`/api/insights.csv?from=${range.from}&to=${range.to}&timeZone=${encodeURIComponent(ZONE)}&groupBy=rep`);
      await expectReadable(page, size.width);
      await page.screenshot({ path: join(ARTIFACTS, `insights-manager-${size.width}.png`), fullPage: true });

      if (size.input === "keyboard") {
        // Keyboard alone: open a chart's table, pick the caller and a range, and show.
        await page.locator("#charts summary").first().focus();
        await page.keyboard.press("Enter");
        expect(await page.locator("#charts details").first().getAttribute("open")).toBe("");
        expect(await tableRows(page, "charts details:first-of-type").count()).toBeGreaterThan(0);
        await page.locator("#rep").focus();
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("show-button");
        await page.keyboard.press("Shift+Tab");
        await page.locator("#rep").selectOption(caller.id);
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
        await page.keyboard.press("Enter");
      } else {
        await page.locator("#rep").selectOption(caller.id);
        await page.locator("#show-button").tap();
      }
      await page.waitForURL(new RegExp(`rep=${caller.id}$`));
      await expect.poll(() => tableRows(page, "rep-table").locator("th").allTextContents()).toEqual([caller.name]);
      expect(await totalOf(page, "Contact requests")).toBe(String(callsBy.get(caller.id)!.requests));
      expect(await page.locator("#insights-scope").textContent()).toMatch(new RegExp(`^${caller.name} · `));
      await expectReadable(page, size.width);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`links a figure and a rep's cell to the leads behind them, in the console's lead search, at ${size.width}x${size.height} (${size.input})`, async () => {
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: ZONE });
      await openInsights(page, MANAGER);
      await expect.poll(() => totalOf(page, "Contact requests")).toBe("2");
      const follow = async (link: ReturnType<Page["locator"]>) => {
        if (size.input === "keyboard") {
          await link.focus();
          await page.keyboard.press("Enter");
        } else await link.tap();
        await page.waitForURL(/\/console#\/search\?figure=/);
      };
      const resultNames = () => page.locator("#search-results .lead-result-name").allTextContents();

      // Never reached: the request whose call went to voicemail.
      await follow(page.locator(".insights-total").filter({ has: page.locator("dt", { hasText: "Never reached" }) }).locator("dd a"));
      await expect.poll(resultNames).toEqual(["Pat voicemail"]);
      expect(await page.locator("#search-figure").textContent()).toBe(`Leads behind: Never reached · ${range.from} to ${range.to} (${ZONE})`);
      expect(await page.locator("#search-summary").textContent()).toBe("1 lead found.");
      await expectReadable(page, size.width);

      // Back on the insights, the caller's Calls cell: the leads that rep called.
      await page.goBack();
      await page.locator("#insights-body").waitFor({ state: "visible" });
      await expect.poll(() => tableRows(page, "rep-table").count()).toBe(REPS.length);
      await follow(tableRows(page, "rep-table").filter({ hasText: caller.name }).locator("td").nth(4).locator("a"));
      await expect.poll(async () => (await resultNames()).sort()).toEqual([...leadsCalledBy.get(caller.id)!].sort());
      expect(await page.locator("#search-figure").textContent()).toBe(`Leads behind: Call attempts · ${range.from} to ${range.to} (${ZONE}) · ${caller.name}`);
      await page.screenshot({ path: join(ARTIFACTS, `insights-leads-behind-${size.width}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("shows a rep only their own figures: no rep filter, one row, another rep's figures refused", async () => {
    // A rep who is not a manager; one who made a call when there is one.
    const reps = REPS.filter((rep) => rep.role !== "manager");
    const rep = reps.find((each) => callsBy.has(each.id)) ?? reps[0]!;
    const mine = callsBy.get(rep.id) ?? { requests: 0, reached: 0 };
    const { context, page, consoleErrors } = await openPage(browser, { width: 390, height: 844, timezoneId: ZONE });
    await openInsights(page, rep);
    expect(await page.locator("#rep-field").isHidden()).toBe(true);
    await expect.poll(() => tableRows(page, "rep-table").locator("th").allTextContents()).toEqual([rep.name]);
    expect(await totalOf(page, "Contact requests")).toBe(String(mine.requests));
    expect(await totalOf(page, "Connect rate")).toBe(`${mine.requests ? `${Math.round((mine.reached / mine.requests) * 100)}%` : "n/a"} (${mine.reached} of ${mine.requests})`);
    expect(await page.locator("#insights-scope").textContent()).toMatch(/your own figures/);
    const other = REPS.find((each) => each.id !== rep.id)!;
    expect(await page.evaluate(async (id) => (await fetch(`/api/insights?from=2026-01-01&to=2026-01-31&timeZone=UTC&rep=${id}`)).status, other.id)).toBe(403);
    // The address naming another rep changes nothing: the page asks for the rep's own.
    await page.goto(`${site.siteUrl}/console/insights?from=${range.from}&to=${range.to}&rep=${other.id}`);
    await page.locator("#insights-body").waitFor({ state: "visible" });
    await expect.poll(() => tableRows(page, "rep-table").locator("th").allTextContents()).toEqual([rep.name]);
    await expectReadable(page, 390);
    await page.screenshot({ path: join(ARTIFACTS, "insights-rep-390.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
