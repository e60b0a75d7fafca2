// End to end: the rep console page (/console) in Chromium against `npm start`, at phone (390x844) and desktop
// sizes — a rep signs in with the e-mailed link, finds the call-back after a demo in the queue, logs
// Voicemail with a note (by touch on the phone, by keyboard alone on the desktop) and sees the retry
// scheduled; the retry appears by itself; search, the lead's history with a note, the schedule; a manager
// filters the team queue and reassigns; a manager exports and, once confirmed, erases a lead's personal
// data from the lead page; the shell opens offline without any API answer cached. Hostile
// text in a lead's name, company or note stays text. axe-core checks every view.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { signInThroughPage } from "./console-sign-in";
import { ARTIFACTS, callApi, startE2eSite, storedEmails, type E2eSite } from "./e2e-site";

interface RepEntry {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}
const REPS: RepEntry[] = (JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: RepEntry[] }).reps;
const repNamed = (name: string) => REPS.find((rep) => rep.name === name)!;
const MANAGER = REPS.find((rep) => rep.id === "lukas")!;

const HOSTILE_NAME = "<img src=x onerror=alert(1)>";
const HOSTILE_NOTE = "<script>window.__pwned = 1</script>Left a voicemail, call after lunch";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("console-page");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);
/** The README's local-only API token of a rep: the test's own view of the queue, beside the page's. */
const asRep = (repId: string) => ({ authorization: `Bearer local-token-${repId}` });
/** An API call's status alone (callApi throws on a refusal). */
const callApiStatus = async (method: string, path: string, headers: Record<string, string>) => (await fetch(`${site.siteUrl}${path}`, { method, headers })).status;
const serverNow = async () => Date.parse((await api("GET", "/api/_local/clock")).now as string);
const advance = (minutes: number) => api("POST", "/api/_local/clock", { advanceMinutes: minutes });

interface Prospect {
  name: string;
  email: string;
  company: string;
  phone?: string;
  interest?: string;
  timeZone: string;
}

/** A demo booked through the API the way the booking page does it; `slot` picks from the offered times. */
async function bookDemo(prospect: Prospect, slot: (starts: string[]) => string): Promise<{ id: string; start: string; end: string; joinUrl: string; rep: { name: string } }> {
  const request = await api("POST", "/api/contact-requests", { ...prospect, consent: true });
  const start = slot(request.slots.map((each: { start: string }) => each.start));
  return api("POST", "/api/bookings", { ...prospect, consent: true, offering: request.offering.id, start, contactRequestId: request.id }, { "Idempotency-Key": `e2e-${Date.now()}-${Math.random()}` });
}

interface QueueItem {
  id: string;
  repId: string;
  kind: string;
  attempt: number;
  overdue: boolean;
  lead: { id: string; name: string; email: string };
}

async function queueItemOf(repId: string, email: string): Promise<QueueItem | undefined> {
  const { items } = await api("GET", "/api/console/queue", undefined, asRep(repId));
  return (items as QueueItem[]).find((item) => item.lead.email === email);
}

/**
 * Moves the local clock an hour at a time until the lead's call-back is open (call-backs wait for calling
 * hours). `keepAlive` runs each hour: a signed-in page uses its session, which would lapse after 12 idle hours.
 */
async function waitForCallBack(repId: string, email: string, keepAlive?: () => Promise<unknown>): Promise<QueueItem> {
  for (let hour = 0; hour < 96; hour++) {
    const item = await queueItemOf(repId, email);
    if (item) return item;
    await advance(60);
    await keepAlive?.();
  }
  throw new Error(`no call-back for ${email} in ${repId}'s queue`);
}

/**
 * A demo days ahead that lands with this rep: fair assignment picks the rep, so other times are tried until
 * it is them. The prospect lives in the rep's zone, so the rep's working hours fall within the prospect's.
 */
async function upcomingDemoFor(rep: RepEntry, tag: string): Promise<{ id: string; start: string; joinUrl: string }> {
  const tries = 16;
  for (let attempt = 0; attempt < tries; attempt++) {
    const booked = await bookDemo(
      { name: "Sam Prospect", email: `sam.${tag}.${attempt}.${Date.now()}@globex.example`, company: "Globex", interest: "Reporting dashboards", timeZone: rep.timeZone },
      (starts) => starts[Math.floor(((starts.length - 1) * (tries - attempt)) / tries)]!,
    );
    if (booked.rep.name === rep.name) return booked;
  }
  throw new Error(`no demo landed with ${rep.name}`);
}

/** A call-back's row in the rep's own queue, or in the manager's team list. */
const row = (page: Page, itemId: string, list: "queue-list" | "team-list" = "queue-list") => page.locator(`#${list} .queue-item[data-id=${JSON.stringify(itemId)}]`);
/** Nothing the hostile strings asked for happened: no image element, no script ran, no dialog. */
async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => ({ images: document.querySelectorAll("img").length, scripts: document.querySelectorAll("main script").length, pwned: "__pwned" in window }))).toEqual({ images: 0, scripts: 0, pwned: false });
  expect(dialogs).toEqual([]);
}

describe("console page", () => {
  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`works a call-back at ${size.width}x${size.height} (${size.input}): queue, Voicemail with a note, the retry, search, history, schedule`, async () => {
      const tag = `${size.width}-${Date.now()}`;
      const email = `hostile.${tag}@initech.example`;
      const demo = await bookDemo({ name: HOSTILE_NAME, email, company: "Initech <b>bold</b>", phone: "+33 1 23 45 67 89", timeZone: "Europe/Paris" }, (starts) => starts[0]!);
      const rep = repNamed(demo.rep.name);
      await advance(Math.ceil((Date.parse(demo.end) - (await serverNow())) / 60_000) + 5);
      const item = await waitForCallBack(rep.id, email);
      // Past the escalation delay: the call-back is overdue.
      await advance(45);
      expect(await queueItemOf(rep.id, email)).toMatchObject({ kind: "after-demo", attempt: 1, overdue: true });
      const upcoming = await upcomingDemoFor(rep, tag);

      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: "America/Chicago" });
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      // Fake timers (time still flows): the test can jump the page past its 20 s refresh without waiting.
      await page.clock.install();
      await signInThroughPage(site, page, rep.email);

      // The queue: the call-back, overdue, with a tel: link, the lead's time now with the zone named.
      const callBack = row(page, item.id);
      await callBack.waitFor({ state: "visible" });
      expect(await callBack.locator(".queue-name a").textContent()).toBe(HOSTILE_NAME);
      expect(await callBack.locator(".queue-company").textContent()).toBe("Initech <b>bold</b>");
      expect(await callBack.locator(".badge--overdue").isVisible()).toBe(true);
      expect(await callBack.locator(".badge--overdue").textContent()).toMatch(/^Overdue( · escalated)?$/);
      expect(await callBack.locator("a.button--call").getAttribute("href")).toBe("tel:+33123456789");
      expect(await callBack.locator(".queue-now").textContent()).toMatch(/^Their time now: \d{1,2}:\d{2} [AP]M <img's time \(Europe\/Paris\)/);
      expect(await callBack.locator(".queue-why").textContent()).toMatch(/^Call after the demo · attempt 1 · due .+ \(Europe\/Paris\) · .+ yours$/);
      expect(await callBack.locator(".outcome-buttons button").allTextContents()).toEqual(["Attended", "No-show", "Voicemail", "No answer", "Reached", "Converted", "Wants another demo", "Not interested", "Wrong number"]);
      await expectNothingInjected(page, dialogs);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: join(ARTIFACTS, `console-queue-${size.width}.png`), fullPage: true });

      // Voicemail with a note: by touch on the phone, by keyboard alone on the desktop.
      const outcomeRequest = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/console/queue/${encodeURIComponent(item.id)}/outcome`));
      if (size.input === "touch") {
        await callBack.locator("textarea").fill(HOSTILE_NOTE);
        await callBack.getByRole("button", { name: "Voicemail" }).tap();
      } else {
        await callBack.locator("textarea").focus();
        await page.keyboard.type(HOSTILE_NOTE);
        // Tab from the note to the Voicemail button (Attended and No-show come first), then press Enter.
        for (let step = 0; step < 3; step++) await page.keyboard.press("Tab");
        expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset["outcome"])).toBe("voicemail");
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
        await page.keyboard.press("Enter");
      }
      expect((await outcomeRequest).postDataJSON()).toEqual({ outcome: "voicemail", note: HOSTILE_NOTE });
      const result = page.locator("#outcome-result");
      await expect.poll(() => result.textContent()).toMatch(/^Voicemail logged for <img src=x onerror=alert\(1\)>\. Attempt 2 is scheduled for .+\(Europe\/Paris\).*\.$/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("outcome-result");
      expect(await callBack.count()).toBe(0);
      expect(await queueItemOf(rep.id, email)).toBeUndefined();

      // The retry comes due; the queue shows it without a reload at its next refresh.
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await advance(3 * 60);
      const retry = await waitForCallBack(rep.id, email, () => page.evaluate(() => fetch("/api/me")));
      expect(retry).toMatchObject({ kind: "retry", attempt: 2 });
      await page.clock.fastForward(21_000);
      await row(page, retry.id).waitFor({ state: "visible", timeout: 10_000 });
      expect(await row(page, retry.id).locator(".queue-why").textContent()).toMatch(/^Try again · attempt 2/);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

      // Search by e-mail, open the lead: the whole history, the note as text; add a note.
      await page.locator("#nav-search").click();
      await page.locator("#search-query").fill(email);
      await page.keyboard.press("Enter");
      const found = page.locator("#search-results a");
      await expect.poll(() => found.allTextContents()).toEqual([HOSTILE_NAME]);
      expect(await seriousViolations(page)).toEqual([]);
      await found.click();
      await expect.poll(() => page.locator("#lead-name").textContent()).toBe(HOSTILE_NAME);
      // Only a manager has the data-request tools (the API would refuse a rep anyway); the demo may have
      // gone to the manager, who takes demos too.
      expect(await page.locator("#privacy-tools").isVisible()).toBe(rep.id === MANAGER.id);
      const history = page.locator("#history");
      await expect.poll(() => history.locator(".history-title").allTextContents()).toEqual(expect.arrayContaining(["Booked a demo", "Call-back opened", `Call attempt 1: Voicemail (${rep.name})`]));
      expect(await history.locator(".history-detail").allTextContents()).toContain(HOSTILE_NOTE);
      await page.locator("#note-text").fill("<img src=y onerror=alert(2)> prefers mornings");
      await page.locator("#note-button").click();
      await expect.poll(() => history.locator(".history-detail").allTextContents()).toContain("<img src=y onerror=alert(2)> prefers mornings");
      expect(await history.locator(".history-title").last().textContent()).toBe(`Note by ${rep.name}`);
      await expectNothingInjected(page, dialogs);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `console-lead-${size.width}.png`), fullPage: true });

      // The schedule: the upcoming demo with its join link and what the prospect wants to see.
      await page.locator("#nav-schedule").click();
      // Earlier tries (and the other size's run) may have put more of Sam's demos on this rep's schedule, some
      // sooner: the card is found by this demo's own join link.
      const demoCard = page.locator(".schedule-item", { hasText: "Sam Prospect", has: page.locator(`a.button[href="${upcoming.joinUrl}"]`) });
      await demoCard.waitFor({ state: "visible" });
      expect(await demoCard.locator(".schedule-title").textContent()).toBe("Demo: Live product demo");
      expect(await demoCard.locator(".prep").textContent()).toContain("Reporting dashboards");
      expect(await seriousViolations(page)).toEqual([]);

      // Sign out: the session ends, the sign-in page comes back.
      await page.locator("#sign-out").click();
      await page.waitForURL(/\/sign-in$/);
      expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("lets a manager filter the team queue by rep and reassign a call-back, which the lead's history shows", async () => {
    const email = `team.${Date.now()}@initech.example`;
    const demo = await bookDemo({ name: "Pat Team", email, company: "Initech", phone: "+1 312 555 0100", timeZone: "America/Chicago" }, (starts) => starts[0]!);
    const owner = repNamed(demo.rep.name);
    await advance(Math.ceil((Date.parse(demo.end) - (await serverNow())) / 60_000) + 5);
    const item = await waitForCallBack(owner.id, email);
    const other = REPS.find((rep) => rep.id !== owner.id && rep.id !== MANAGER.id) ?? REPS.find((rep) => rep.id !== owner.id)!;

    const { context, page, consoleErrors } = await openPage(browser, { width: 390, height: 844, timezoneId: "Europe/Berlin" });
    await signInThroughPage(site, page, MANAGER.email);
    await page.locator("#nav-team").click();
    await row(page, item.id, "team-list").waitFor({ state: "visible" });
    expect(await row(page, item.id, "team-list").locator(".queue-owner").textContent()).toBe(owner.name);
    expect(await seriousViolations(page)).toEqual([]);

    // ?rep= filter: the owner's queue has it, another rep's does not.
    await page.locator("#team-rep").selectOption(other.id);
    await page.waitForURL(new RegExp(`#/team\\?rep=${other.id}$`));
    await expect.poll(() => row(page, item.id, "team-list").count()).toBe(0);
    await page.locator("#team-rep").selectOption(owner.id);
    await row(page, item.id, "team-list").waitFor({ state: "visible" });

    // Reassign to the other rep: it leaves the owner's list and is in the other rep's queue.
    await row(page, item.id, "team-list").locator("select").selectOption(other.id);
    await row(page, item.id, "team-list").getByRole("button", { name: "Reassign" }).click();
    await expect.poll(() => page.locator("#outcome-result").textContent()).toBe(`Pat Team now goes to ${other.name}.`);
    await expect.poll(() => row(page, item.id, "team-list").count()).toBe(0);
    expect(await queueItemOf(other.id, email)).toMatchObject({ id: item.id, repId: other.id });
    await page.screenshot({ path: join(ARTIFACTS, "console-team-390.png"), fullPage: true });

    // The lead's history names the hand-over.
    await page.goto(`${site.siteUrl}/console#/lead/${encodeURIComponent(item.lead.id)}`);
    await expect.poll(() => page.locator("#history .history-title").allTextContents()).toContain(`Call-back handed to ${other.name}`);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`lets a manager export and, after confirming, erase a lead's personal data at ${size.width}x${size.height} (${size.input})`, async () => {
      const email = `privacy.${size.width}.${Date.now()}@initech.example`;
      const request = await api("POST", "/api/contact-requests", { name: "Dana Data", email, company: "Initech", phone: "+1 312 555 0199", timeZone: "America/Chicago", consent: true });
      const leadPath = `/api/leads/${encodeURIComponent(request.id)}`;
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: "America/Chicago" });
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signInThroughPage(site, page, MANAGER.email);
      await page.goto(`${site.siteUrl}/console#/lead/${encodeURIComponent(request.id)}`);
      await page.locator("#privacy-tools").waitFor({ state: "visible" });
      expect(await seriousViolations(page)).toEqual([]);
      const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
      /** A tap on the phone; on the desktop, Tab (or Shift+Tab) to the control and Enter. */
      const press = async (id: string, tabs: string[] = []) => {
        if (size.input === "touch") return page.locator(`#${id}`).tap();
        for (const key of tabs) await page.keyboard.press(key);
        expect(await focused()).toBe(id);
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
        await page.keyboard.press("Enter");
      };

      // Export: the whole document as a JSON download, sent with the session cookie from the site.
      if (size.input === "keyboard") await page.locator("#privacy-export").focus();
      const exportRequest = page.waitForRequest((each) => each.method() === "POST" && each.url().endsWith("/api/privacy/export"));
      await press("privacy-export");
      expect((await exportRequest).postDataJSON()).toEqual({ email });
      const link = page.locator("#privacy-download-link");
      await link.waitFor({ state: "visible" });
      expect(await focused()).toBe("privacy-download-link");
      const downloading = page.waitForEvent("download");
      await press("privacy-download-link");
      const file = JSON.parse(readFileSync((await (await downloading).path())!, "utf8"));
      expect(file.email).toBe(email);
      expect(file.leads.map((lead: { id: string }) => lead.id)).toEqual([request.id]);

      // Erase asks first; "Keep the data" erases nothing.
      await press("privacy-erase", ["Shift+Tab"]);
      const confirmText = page.locator("#erase-confirm-text");
      await confirmText.waitFor({ state: "visible" });
      expect(await confirmText.textContent()).toBe(`Erase everything held about Dana Data (${email})? Their upcoming demos and webinar seats are cancelled, their records deleted and their name replaced in others' records. This cannot be undone.`);
      expect(await focused()).toBe("erase-confirm-text");
      expect(await seriousViolations(page)).toEqual([]);
      await press("erase-confirm-no", ["Tab", "Tab"]);
      expect(await page.locator("#erase-confirm").isVisible()).toBe(false);
      expect(await focused()).toBe("privacy-erase");
      expect((await callApiStatus("GET", leadPath, asRep(MANAGER.id)))).toBe(200);

      // Confirmed: the person is erased, the page says what was done and shows nothing of them any more.
      await press("privacy-erase");
      await confirmText.waitFor({ state: "visible" });
      const eraseRequest = page.waitForRequest((each) => each.method() === "POST" && each.url().endsWith("/api/privacy/erase"));
      await press("erase-confirm-yes", ["Tab"]);
      expect((await eraseRequest).postDataJSON()).toEqual({ email });
      const result = page.locator("#privacy-result");
      await expect.poll(() => result.textContent()).toMatch(/^Erased\. 0 upcoming demos and 0 webinar seats cancelled, \d+ records deleted, \d+ mentions? in others' records replaced\.$/);
      expect(await focused()).toBe("privacy-result");
      expect(await page.locator("#history li").count()).toBe(0);
      expect(await page.locator("#privacy-erase").isVisible()).toBe(false);
      expect(await callApiStatus("GET", leadPath, asRep(MANAGER.id))).toBe(404);
      expect((await api("POST", "/api/privacy/export", { email }, asRep(MANAGER.id))).leads).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: join(ARTIFACTS, `console-privacy-${size.width}.png`), fullPage: true });
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  for (const size of [
    { width: 390, height: 844, input: "touch" },
    { width: 1280, height: 900, input: "keyboard" },
  ] as const) {
    it(`books a demo for a lead from the lead page at ${size.width}x${size.height} (${size.input}): times in the lead's zone, the rep's time beside, the invitation sent`, async () => {
      const email = `book.for.${size.width}.${Date.now()}@initech.example`;
      const request = await api("POST", "/api/contact-requests", { name: "Bo Booked", email, company: "Initech", timeZone: "America/Chicago", consent: true });
      const { context, page, consoleErrors } = await openPage(browser, { width: size.width, height: size.height, timezoneId: "Europe/Berlin" });
      await signInThroughPage(site, page, MANAGER.email);
      await page.goto(`${site.siteUrl}/console#/lead/${encodeURIComponent(request.id)}`);
      await page.locator("#lead-booking").waitFor({ state: "visible" });
      await expect.poll(() => page.locator("#lead-booking-offering option").count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || "");

      // The times: those the lead's details route to, in the lead's zone (what the API answers for them).
      const expected = (await api("GET", `/api/leads/${encodeURIComponent(request.id)}/slots?offering=live-demo`, undefined, asRep(MANAGER.id))).slots as { start: string }[];
      expect(expected.length).toBeGreaterThan(0);
      if (size.input === "touch") {
        await page.locator("#lead-booking-show").tap();
      } else {
        await page.locator("#lead-booking-offering").focus();
        await page.keyboard.press("Tab");
        expect(await focused()).toBe("lead-booking-show");
        await page.keyboard.press("Enter");
      }
      const summary = page.locator("#lead-booking-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.textContent()).toMatch(/^\d+ open times? over \d+ days?, in Bo's time \(America\/Chicago\)\.$/);
      expect(await focused()).toBe("lead-booking-summary");
      const first = page.locator("#slot-list button.slot").first();
      const start = (await first.getAttribute("data-start"))!;
      expect(expected.map((slot) => slot.start)).toContain(start);
      expect(start).toMatch(/-0[56]:00$/); // Chicago's offset: the lead's zone, not the rep's

      if (size.input === "touch") {
        await first.tap();
      } else {
        for (let tabs = 0; tabs < 6 && (await page.evaluate(() => document.activeElement?.getAttribute("data-start") ?? "")) !== start; tabs++) await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-start"))).toBe(start);
        await page.keyboard.press("Enter");
      }
      await page.locator("#slot-review").waitFor({ state: "visible" });
      expect(await page.locator("#lead-booking-rep-time").textContent()).toMatch(/^That is .+ Bo's time \(America\/Chicago\) · .+ yours\.$/);
      expect(await seriousViolations(page)).toEqual([]);
      const booking = page.waitForRequest((each) => each.method() === "POST" && each.url().endsWith(`/api/leads/${request.id}/bookings`));
      if (size.input === "touch") {
        await page.locator("#slot-review-confirm").tap();
      } else {
        await page.keyboard.press("Tab");
        expect(await focused()).toBe("slot-review-confirm");
        await page.keyboard.press("Enter");
      }
      const sent = await booking;
      expect(sent.postDataJSON()).toEqual({ offering: "live-demo", start });
      expect(sent.headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      const result = page.locator("#lead-booking-result");
      await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^Booked: .+ with .+, .+ Bo's time \(America\/Chicago\) · .+ yours\. Bo has been sent the invitation\.$/);
      expect(await focused()).toBe("lead-booking-result");
      await expect.poll(() => page.locator("#history .history-title").allTextContents()).toContain(`Demo booked for them by ${MANAGER.name}`);
      await expect.poll(async () => (await storedEmails(site, email)).length, { message: email }).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: join(ARTIFACTS, `console-book-for-lead-${size.width}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("opens the shell offline from the service worker, which keeps no API answer", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "America/Chicago" });
    await signInThroughPage(site, page, repNamed("Maya Johnson").email);
    await page.locator("#queue-heading").waitFor({ state: "visible" });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Another visit while the worker is in control: the API is called, and still nothing of it is kept.
    await page.reload();
    await page.locator("#queue-heading").waitFor({ state: "visible" });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls.sort();
    });
    expect(cached).toEqual(["/console", "/console.js", "/favicon.svg", "/manifest.webmanifest", "/styles.css"]);

    await context.setOffline(true);
    await page.reload();
    await page.locator("#queue-heading").waitFor({ state: "visible" });
    await expect.poll(() => page.locator("#console-alert").textContent()).toMatch(/couldn't reach/);
    await context.setOffline(false);
    expect(consoleErrors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
    await context.close();
  });
});
