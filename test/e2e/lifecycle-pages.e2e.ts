// End to end: the pages behind the links in our e-mails — manage (reschedule, cancel), outcome, feedback,
// unsubscribe — in Chromium against `npm start` with its own engines. The runtime gets a known signing
// secret, so the test can also sign links the way the e-mails do (and forge ones that must be refused).
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_CALLING_HOURS, nextCallingTime } from "../../functions/core/calls/calling-hours";
import { feedbackUrl, outcomeUrl, unsubscribeUrls } from "../../functions/core/bookings/lifecycle-links";
import { singleKeyRing } from "../../functions/core/access/signing-keys";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { ARTIFACTS, startE2eSite, type E2eSite, storedEmails, callApi } from "./e2e-site";

const SECRET = "e2e-lifecycle-signing-secret-0123456789abcdef";
const KEYS = singleKeyRing(SECRET);
const EXPIRED_TEXT = "This link has expired or was replaced by a newer one — use the link in your most recent e-mail from us.";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("lifecycle", { SIGNING_SECRET: SECRET });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});


const emails = () => storedEmails(site);

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);

/** A demo booked through the API, the way the booking page does it (in the form's `language`, when given). */
async function bookDemo(email: string, language?: string): Promise<{ id: string; manageUrl: string; start: string }> {
  const prospect = { name: "Grace Hopper", email, company: "Compilers Inc", timeZone: "Europe/Berlin", consent: true, ...(language ? { language } : {}) };
  const request = await api("POST", "/api/contact-requests", prospect);
  const start = request.slots[0].start as string;
  const booking = await api("POST", "/api/bookings", { ...prospect, offering: request.offering.id, start, contactRequestId: request.id }, { "Idempotency-Key": `e2e-${Date.now()}-${Math.random()}` });
  return { id: booking.id, manageUrl: booking.manageUrl, start };
}

/** A link's token: in the fragment of a page link (#token=…), in the query of an older one. */
const linkToken = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get("token") ?? new URL(url).searchParams.get("token");

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("short links", () => {
  it("opens the manage page from the invitation's short link at 390 (touch); an unknown one says so in the reader's language, with the way on", async () => {
    const email = `grace.short.${Date.now()}@compilers.example`;
    const booking = await bookDemo(email);
    let short: string | undefined;
    await expect
      .poll(async () => {
        short = (await storedEmails(site, email)).map((mail) => /https?:\/\/\S+\/l#[A-Za-z0-9_-]{16}/.exec(mail.body.text ?? "")?.[0]).find(Boolean);
        return short;
      }, { timeout: 20_000 })
      .toBeTruthy();
    const { context, page, consoleErrors } = await openPage(browser, { width: 390, timezoneId: "Europe/Berlin", locale: "de-DE" });
    // The code is in the fragment: no request the browser makes carries it in its address.
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    await page.goto(short!);
    await page.locator("#manage-actions").waitFor({ state: "visible" });
    expect(new URL(page.url()).searchParams.get("booking")).toBe(booking.id);
    expect(linkToken(page.url())).toBe(linkToken(booking.manageUrl));
    const code = new URL(short!).hash.slice(1);
    expect(addresses.filter((address) => address.includes(code))).toEqual([]);

    await page.goto(`${site.siteUrl}/l#AAAAAAAAAAAAAAAA`);
    await expect.poll(() => page.locator("#link-heading").textContent()).toBe("Dieser Link funktioniert nicht");
    expect(await page.locator("#link-result").textContent()).toMatch(/^Dieser Link ist abgelaufen/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("link-heading");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // One Tab reaches the way on: the booking page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Zur Buchungsseite");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("manage page", () => {
  it("shows the booking in its zone, moves it (the old link stops working, the page takes the new one), then cancels it", async () => {
    const email = `grace.manage.${Date.now()}@compilers.example`;
    const booking = await bookDemo(email);
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "America/New_York" });
    // The link's token is in its fragment; the page sends it in a header, never in an address a log keeps.
    expect(booking.manageUrl).toMatch(/\/manage\.html\?booking=[^&#]+&lang=en#token=/);
    const viewRequest = page.waitForRequest((request) => request.method() === "GET" && request.url().includes(`/api/bookings/${booking.id}`));
    await page.goto(booking.manageUrl);
    const viewed = await viewRequest;
    expect(viewed.url()).not.toContain("token");
    expect(viewed.headers()["liveline-token"]).toBe(linkToken(booking.manageUrl));
    await page.locator("#manage-actions").waitFor({ state: "visible" });
    expect(await page.locator("#manage-status").textContent()).toMatch(/^Confirmed\./);
    expect(await page.locator("#timeZone").inputValue()).toBe("Europe/Berlin");
    expect(await page.locator("#confirmation-zone").textContent()).toBe("Europe/Berlin");
    expect(await page.locator("#join-link").getAttribute("href")).toMatch(/^https:\/\/meet\.jit\.si\//);
    const berlinTime = await page.locator("#confirmation-when").textContent();
    // The person may read the time in their own zone.
    await page.locator("#timeZone").selectOption("America/New_York");
    await expect.poll(() => page.locator("#confirmation-zone").textContent()).toBe("America/New York");
    expect(await page.locator("#confirmation-when").textContent()).not.toBe(berlinTime);
    await page.locator("#timeZone").selectOption("Europe/Berlin");
    await expect.poll(() => page.locator("#confirmation-when").textContent()).toBe(berlinTime);
    await page.screenshot({ path: join(ARTIFACTS, "manage.png"), fullPage: true });

    // Pick a new time: the day picker and time buttons of the booking page, without the current time.
    await page.locator("#reschedule-button").click();
    expect(await focusedId(page)).toBe("reschedule-heading");
    await page.locator("button.slot").first().waitFor({ state: "visible" });
    const starts = await page.locator("button.slot").evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset["start"]));
    expect(starts.map((s) => Date.parse(s!))).not.toContain(Date.parse(booking.start));
    const newStart = starts[1] ?? starts[0]!;
    await page.screenshot({ path: join(ARTIFACTS, "manage-slots.png"), fullPage: true });
    // Picking a time moves nothing: the time is shown in the page's zone, named, to confirm.
    const posts: string[] = [];
    page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
    await page.locator(`button.slot[data-start="${newStart}"]`).click();
    await page.locator("#slot-review").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("slot-review-heading");
    expect(await page.locator("#slot-review-zone").textContent()).toBe("Europe/Berlin time");
    expect(await page.locator(`button.slot[data-start="${newStart}"]`).getAttribute("aria-pressed")).toBe("true");
    expect(posts).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // "Pick another time" goes back to the list, on the time picked; picking it again and confirming moves it.
    await page.locator("#slot-review-back").click();
    expect(await page.locator("#slot-review").isHidden()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset["start"])).toBe(newStart);
    await page.locator(`button.slot[data-start="${newStart}"]`).click();
    const reschedule = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/bookings/${booking.id}/reschedule`));
    await page.locator("#slot-review-confirm").click();
    expect((await reschedule).postDataJSON()).toEqual({ token: linkToken(booking.manageUrl), start: newStart });
    await page.locator("#ics-link").waitFor({ state: "visible" });
    expect(await page.locator("#manage-status").textContent()).toMatch(/^Rescheduled to /);
    expect(await focusedId(page)).toBe("booking-heading");
    const newToken = linkToken(page.url());
    expect(newToken).toBeTruthy();
    expect(newToken).not.toBe(linkToken(booking.manageUrl));
    expect(new URL(page.url()).search).not.toContain("token");
    await page.screenshot({ path: join(ARTIFACTS, "manage-moved.png"), fullPage: true });

    // The link from the first e-mail is refused now; the page's own (new) address still works.
    const old = await context.newPage();
    await old.goto(booking.manageUrl);
    await expect.poll(() => old.locator("#manage-status").textContent()).toBe(EXPIRED_TEXT);
    expect(await old.locator("#manage-actions").isHidden()).toBe(true);
    await old.close();
    await page.reload();
    await page.locator("#manage-actions").waitFor({ state: "visible" });

    // Cancel: a confirm step with an optional reason.
    await page.locator("#cancel-button").click();
    expect(await focusedId(page)).toBe("cancel-heading");
    await page.locator("#reason").fill("Something came up");
    const cancel = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/bookings/${booking.id}/cancel`));
    await page.locator("#cancel-confirm").click();
    expect((await cancel).postDataJSON()).toEqual({ token: newToken, reason: "Something came up" });
    await page.locator("#rebook-link").waitFor({ state: "visible" });
    expect(await page.locator("#manage-status").textContent()).toMatch(/^Cancelled\./);
    expect(await page.locator("#join-link").isHidden()).toBe(true);
    expect(await page.locator("#manage-actions").isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "manage-cancelled.png"), fullPage: true });

    // Booked, moved, cancelled: the prospect heard about each.
    await expect.poll(async () => (await emails()).filter((mail) => mail.destination.to.some((to) => to.includes(email))).length).toBeGreaterThanOrEqual(3);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("works by keyboard alone on a phone-sized screen, and says so when a link is cut short", async () => {
    const booking = await bookDemo(`ada.manage.${Date.now()}@engines.example`);
    const { context, page, consoleErrors } = await openPage(browser, { width: 360, timezoneId: "Asia/Kolkata" });
    await page.goto(booking.manageUrl);
    await page.locator("#manage-actions").waitFor({ state: "visible" });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);

    // Open the picker and back out with Escape: focus returns to the button.
    await page.locator("#reschedule-button").focus();
    await page.keyboard.press("Enter");
    await page.locator("button.slot").first().waitFor({ state: "visible" });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "manage-slots-360.png"), fullPage: true });
    // A time picked by keyboard waits for "Confirm this time", one Tab away.
    await page.locator("button.slot").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("#slot-review").waitFor({ state: "visible" });
    // The manage page lists times in the booking's own zone until the person picks theirs.
    expect(await page.locator("#slot-review-zone").textContent()).toBe("Europe/Berlin time");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("slot-review-confirm");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await page.locator("#reschedule").isHidden()).toBe(true);
    expect(await focusedId(page)).toBe("reschedule-button");

    // Cancel by keyboard: button → heading → reason → "Keep the demo" → "Yes, cancel".
    await page.locator("#cancel-button").focus();
    await page.keyboard.press("Enter");
    expect(await focusedId(page)).toBe("cancel-heading");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("reason");
    await page.keyboard.type("Found another tool");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("cancel-back");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("cancel-confirm");
    await page.keyboard.press("Enter");
    await page.locator("#rebook-link").waitFor({ state: "visible" });
    expect(await page.locator("#manage-status").textContent()).toMatch(/^Cancelled\./);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "manage-cancelled-360.png"), fullPage: true });

    await page.goto(`${site.siteUrl}/manage.html?booking=${booking.id}`);
    await expect.poll(() => page.locator("#booking-heading").textContent()).toBe("This link is incomplete");
    // A link mailed before tokens moved to the fragment still opens; the page moves its token out of the query.
    const queryToken = linkToken(booking.manageUrl);
    const loaded = page.waitForResponse((response) => response.request().method() === "GET" && response.url().endsWith(`/api/bookings/${booking.id}`));
    await page.goto(`${site.siteUrl}/manage.html?booking=${booking.id}&token=${queryToken}`);
    expect((await loaded).request().headers()["liveline-token"]).toBe(queryToken);
    expect(new URL(page.url()).search).toBe(`?booking=${booking.id}`);
    expect(linkToken(page.url())).toBe(queryToken);
    await page.goto(`${site.siteUrl}/manage.html?booking=no-such-booking#token=${linkToken(booking.manageUrl)}`);
    await expect.poll(() => page.locator("#manage-status").textContent()).toMatch(/expired|could not find this booking/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("the pages in the prospect's language", () => {
  const WEEKDAY_DE = /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+, \d{1,2}:\d{2} – \d{1,2}:\d{2}$/;

  it("a German browser gets the German manage page — times, picking a new one, cancelling (390 and 1280 wide, keyboard, axe)", async () => {
    for (const width of [390, 1280]) {
      const booking = await bookDemo(`lena.manage.${width}.${Date.now()}@sprachen.example`, "de");
      // The link names the language the lead was stored with.
      expect(booking.manageUrl).toMatch(/\/manage\.html\?booking=[^&#]+&lang=de#token=/);
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin", locale: "de-DE" });
      await page.goto(booking.manageUrl);
      await page.locator("#manage-actions").waitFor({ state: "visible" });
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      expect(await page.title()).toBe("Ihre Demo – verschieben oder absagen");
      expect(await page.locator("h1").textContent()).toBe("Verschieben oder absagen");
      expect(await page.locator("#manage-status").textContent()).toBe("Bestätigt. Brauchen Sie einen anderen Termin? Wählen Sie unten einen neuen oder sagen Sie ab.");
      expect(await page.locator("#confirmation-when").textContent()).toMatch(WEEKDAY_DE);
      expect(await page.locator("label[for=timeZone]").textContent()).toBe("Zeiten anzeigen in");
      expect(await seriousViolations(page)).toEqual([]);

      // By keyboard: to "Neuen Termin wählen", the times in German, a time to confirm.
      await page.locator("#reschedule-button").focus();
      expect(await page.locator("#reschedule-button").textContent()).toBe("Neuen Termin wählen");
      await page.keyboard.press("Enter");
      expect(await focusedId(page)).toBe("reschedule-heading");
      await page.locator("button.slot").first().waitFor({ state: "visible" });
      expect(await page.locator(".slot-day h3").textContent()).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. /);
      await page.locator("button.slot").first().focus();
      await page.keyboard.press("Enter");
      await page.locator("#slot-review").waitFor({ state: "visible" });
      expect(await page.locator("#slot-review-heading").textContent()).toBe("Neuen Termin bestätigen");
      expect(await page.locator("#slot-review-confirm").textContent()).toBe("Diesen Termin bestätigen");
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      expect(await page.locator("#reschedule").isHidden()).toBe(true);

      await page.locator("#cancel-button").click();
      expect(await page.locator("#cancel-heading").textContent()).toBe("Diese Demo absagen?");
      expect(await page.locator("label[for=reason]").textContent()).toBe("Warum sagen Sie ab? (optional)");
      await page.locator("#cancel-confirm").click();
      await expect.poll(() => page.locator("#manage-status").textContent()).toMatch(/^Abgesagt\. Wir haben \S+ informiert und Ihnen eine Bestätigung per E-Mail geschickt\.$/);
      expect(await page.locator("#booking-heading").textContent()).toBe("Ihre Demo ist abgesagt");
      // "Book another time" keeps the language.
      expect(await page.locator("#rebook-link").textContent()).toBe("Einen anderen Termin buchen");
      expect(new URL((await page.locator("#rebook-link").getAttribute("href"))!, site.siteUrl).searchParams.get("lang")).toBe("de");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `manage-de-${width}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it("a page opened from an e-mail link speaks the stored lead's language, whatever the browser's (manage, feedback, unsubscribe)", async () => {
    // Chosen as Spanish on the form; read later in a German browser.
    const booking = await bookDemo(`lena.links.${Date.now()}@sprachen.example`, "es");
    expect(booking.manageUrl).toMatch(/&lang=es#token=/);
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "Europe/Berlin", locale: "de-DE" });
    await page.goto(booking.manageUrl);
    await page.locator("#manage-actions").waitFor({ state: "visible" });
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("h1").textContent()).toBe("Cambiar o cancelar");
    expect(await page.locator("#manage-status").textContent()).toBe("Confirmada. ¿Necesita otro horario? Elija uno nuevo o cancele más abajo.");
    expect(await page.locator("#confirmation-when").textContent()).toMatch(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de /);

    const feedback = feedbackUrl(site.siteUrl, KEYS, new Date(), booking.id, 5, "fr");
    await page.goto(feedback);
    await page.locator("#feedback-form").waitFor({ state: "visible" });
    expect(await page.locator("h1").textContent()).toBe("Comment s’est passée votre démo ?");
    expect(await page.locator("#rating-5").isChecked()).toBe(true);
    expect(await page.getByLabel("5 – Excellent").isChecked()).toBe(true);
    await page.locator("#feedback-submit").click();
    await page.locator("#feedback-done").waitFor({ state: "visible" });
    expect(await page.locator("#feedback-done-heading").textContent()).toBe("Merci");
    expect(await seriousViolations(page)).toEqual([]);

    const { page: unsubscribe } = unsubscribeUrls(site.siteUrl, KEYS, new Date(), `lena.links.${Date.now()}@sprachen.example`, "es");
    await page.goto(unsubscribe);
    expect(await page.locator("#unsubscribe-button").textContent()).toBe("Dejar de recibir recordatorios y correos de seguimiento");
    await page.locator("#unsubscribe-button").click();
    await expect.poll(() => page.locator("#unsubscribe-heading").textContent()).toBe("Se ha dado de baja");
    expect(await seriousViolations(page)).toEqual([]);
    // A link cut short says so in the link's language too.
    await page.goto(`${site.siteUrl}/feedback.html?lang=de`);
    await expect.poll(() => page.locator("#feedback-done-heading").textContent()).toBe("Dieser Link ist unvollständig");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("feedback page", () => {
  it("takes the rating clicked in the e-mail, a comment, and only one answer per demo", async () => {
    const booking = await bookDemo(`grace.feedback.${Date.now()}@compilers.example`);
    const link = feedbackUrl(site.siteUrl, KEYS, new Date(), booking.id, 4);
    const { context, page, consoleErrors } = await openPage(browser, { width: 360, timezoneId: "America/New_York" });
    await page.goto(link);
    await page.locator("#feedback-form").waitFor({ state: "visible" });
    expect(await page.locator("#rating-4").isChecked()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "feedback-360.png"), fullPage: true });
    await page.getByLabel("5 – Excellent").check();
    await page.locator("#comment").fill("Clear and to the point.");
    const sent = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/feedback"));
    await page.locator("#feedback-submit").click();
    expect((await sent).postDataJSON()).toEqual({ token: linkToken(link), rating: 5, comment: "Clear and to the point." });
    await page.locator("#feedback-done").waitFor({ state: "visible" });
    expect(await page.locator("#feedback-result").textContent()).toContain("Thank you");
    expect(await focusedId(page)).toBe("feedback-done-heading");

    // The same link again (a tab's own address with the same fragment would not load again: reload it).
    await page.reload();
    await page.locator("#feedback-submit").click();
    await page.locator("#feedback-done").waitFor({ state: "visible" });
    expect(await page.locator("#feedback-result").textContent()).toBe("We already have your feedback — thank you.");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("unsubscribe page", () => {
  it("stops reminders and follow-ups on a click, and refuses a forged link", async () => {
    const email = `grace.unsubscribe.${Date.now()}@compilers.example`;
    const { page: link } = unsubscribeUrls(site.siteUrl, KEYS, new Date(), email);
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "America/New_York" });
    let posted = false;
    page.on("request", (request) => request.method() === "POST" && (posted = true));
    await page.goto(link);
    await page.locator("#unsubscribe-button").waitFor({ state: "visible" });
    // Opening the page does nothing: mail scanners open links.
    expect(posted).toBe(false);
    await page.locator("#unsubscribe-button").click();
    await expect.poll(() => page.locator("#unsubscribe-result").textContent()).toBe(
      "Done: you will get no more reminders or follow-ups from us. (Invitations for demos you book still arrive.)",
    );
    expect(await page.locator("#unsubscribe-button").isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "unsubscribe-done.png"), fullPage: true });

    const { page: forged } = unsubscribeUrls(site.siteUrl, singleKeyRing("not-our-secret-0123456789abcdef0123456789"), new Date(), email);
    await page.goto(forged);
    await page.locator("#unsubscribe-button").click();
    await expect.poll(() => page.locator("#unsubscribe-result").textContent()).toMatch(/expired or is not valid/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("outcome page", () => {
  it("logs nothing for a forged link or an unknown follow-up, and says so", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 360, timezoneId: "America/New_York" });
    await page.goto(outcomeUrl(site.siteUrl, singleKeyRing("not-our-secret-0123456789abcdef0123456789"), new Date(), { leadId: "lead-1", promptId: "prompt-1", repId: "maya", outcome: "voicemail" }));
    await expect.poll(() => page.locator("#outcome-result").textContent()).toBe("This link has expired or is not valid, so nothing was logged.");
    await page.goto(outcomeUrl(site.siteUrl, KEYS, new Date(), { leadId: "no-such-lead", promptId: "no-such-prompt", repId: "maya", outcome: "voicemail" }));
    await expect.poll(() => page.locator("#outcome-result").textContent()).toBe("We could not find this follow-up, so nothing was logged.");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  // Last: it moves the runtime's clock to the after-demo follow-up (inside Grace's calling hours in Berlin).
  it("opening an outcome link logs nothing; the button logs it after a 10-second undo (Undo sends nothing); a second visit shows what was logged and when", async () => {
    const address = `grace.outcome.${Date.now()}@compilers.example`;
    const booking = await bookDemo(address);
    const clock = (await api("GET", "/api/_local/clock")) as { now: string };
    const callBackAt = nextCallingTime(Date.parse(booking.start) + 35 * 60_000, "Europe/Berlin", DEFAULT_WEEKLY_CALLING_HOURS);
    await api("POST", "/api/_local/clock", { advanceMinutes: Math.ceil((callBackAt - Date.parse(clock.now)) / 60_000) + 1 });
    let link: string | undefined;
    await expect
      .poll(async () => {
        // This booking's prompt (earlier tests' demos have theirs too).
        const mail = (await emails()).filter((email) => email.body.text?.includes(address)).map((email) => `${email.body.text ?? ""} ${email.body.html ?? ""}`).join(" ");
        // The link names the rep's language (English here: ?lang=en).
        link = /https?:\/\/[^\s"'<>]+\/outcome\.html(\?lang=[a-z]{2})?#token=[\w.-]+/.exec(mail)?.[0];
        return link;
      }, { timeout: 20_000 })
      .toBeTruthy();
    const manageToken = linkToken(booking.manageUrl)!;
    const logged = async () => ((await api("GET", `/api/bookings/${booking.id}/timeline?token=${encodeURIComponent(manageToken)}`)) as { events: { kind: string }[] }).events.filter((e) => ["call_attempt", "attended", "no_show"].includes(e.kind));

    // A GET of the link (what a mail scanner does) records nothing; neither does the page's own script.
    expect((await fetch(link!)).status).toBe(200);
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "America/New_York" });
    // The page's clock is the test's: the 10-second undo window passes when the test says so.
    await page.clock.install();
    await page.goto(link!);
    await expect.poll(() => page.locator("#outcome-heading").textContent()).toBe("Log this outcome?");
    expect(await page.locator("#outcome-result").textContent()).toMatch(/^Grace Hopper( \(call attempt 1\))?: .+\. Nothing is logged until you press the button\.$/);
    expect(await logged()).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "outcome-confirm.png"), fullPage: true });

    // The button opens a 10-second undo: nothing is sent until it closes; Undo sends nothing at all.
    await page.locator("#outcome-confirm").click();
    await expect.poll(() => page.locator("#outcome-heading").textContent()).toBe("Logging…");
    expect(await focusedId(page)).toBe("outcome-undo");
    expect(await page.locator("#outcome-undo").textContent()).toBe("Undo (10 s)");
    await page.clock.runFor(4_000);
    expect(await page.locator("#outcome-undo").textContent()).toBe("Undo (6 s)");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#outcome-heading").textContent()).toBe("Not logged");
    expect(await page.locator("#outcome-result").textContent()).toBe("Undone: nothing was logged for Grace Hopper.");
    expect(await focusedId(page)).toBe("outcome-confirm");
    await page.clock.runFor(30_000);
    expect(await logged()).toEqual([]);
    // Pressed again and left alone: logged once the window closes.
    await page.locator("#outcome-confirm").click();
    await page.clock.runFor(9_000);
    expect(await logged()).toEqual([]);
    await page.clock.runFor(1_000);
    await expect.poll(() => page.locator("#outcome-heading").textContent()).toBe("Outcome logged");
    expect(await page.locator("#outcome-result").textContent()).toMatch(/^Logged: .+ — Grace Hopper\.$/);
    expect(await focusedId(page)).toBe("outcome-heading");
    expect(await logged()).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, "outcome.png"), fullPage: true });
    await page.reload();
    await expect.poll(() => page.locator("#outcome-heading").textContent()).toBe("Already logged");
    expect(await page.locator("#outcome-result").textContent()).toMatch(/^Already logged: .+ — Grace Hopper, \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M\. Nothing changed\.$/);
    expect(await page.locator("#outcome-confirm").isVisible()).toBe(false);
    expect(await logged()).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await context.close();

    // The page speaks the rep's language: a link naming German (as a German rep's e-mail does) in an English
    // browser, and a German browser when the link names none, at phone and desktop width.
    const germanLink = link!.replace(/\/outcome\.html(\?lang=[a-z]{2})?#/, "/outcome.html?lang=de#");
    const withoutLanguage = link!.replace(/\/outcome\.html(\?lang=[a-z]{2})?#/, "/outcome.html#");
    for (const [width, address, locale] of [[390, germanLink, "en-US"], [1280, withoutLanguage, "de-DE"]] as const) {
      const german = await openPage(browser, { width, timezoneId: "Europe/Berlin", locale });
      await german.page.goto(address);
      await expect.poll(() => german.page.locator("#outcome-heading").textContent()).toBe("Bereits erfasst");
      expect(await german.page.locator("html").getAttribute("lang")).toBe("de");
      expect(await german.page.title()).toBe("Gesprächsergebnis erfassen");
      expect(await german.page.locator("h1").textContent()).toBe("Gesprächsergebnis");
      expect(await german.page.locator("#outcome-result").textContent()).toMatch(/^Bereits erfasst: .+ — Grace Hopper, .+\. Nichts wurde geändert\.$/);
      expect(await scrollWidth(german.page)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(german.page)).toEqual([]);
      expect(german.consoleErrors).toEqual([]);
      await german.context.close();
    }
  });
});
