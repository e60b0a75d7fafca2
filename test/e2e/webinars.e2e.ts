// End to end: the webinar pages in Chromium against `npm start` with its own engines — registering with a
// named colleague on /webinars (the API's error next to the colleague it names, then "check your inbox" in
// the visitor's zone, with the session's .ics and Google Calendar links; the colleague's invitation greets
// them by name), the registrant's manage link from their e-mail, a full session (the next one offered, the
// waitlist), and the host's page (attendees, attendance by checkboxes and by the platform's CSV).
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { ARTIFACTS, startE2eSite, type E2eSite, storedEmails, callApi } from "./e2e-site";

const HOST_TOKEN = "local-token-lukas";

let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("webinars");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});


const emailsTo = (address: string) => storedEmails(site, address);

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);

interface Session {
  id: string;
  start: string;
  end: string;
  seatsLeft: number;
  registrationOpen: boolean;
}

/** "5:00 PM" for an instant in `timeZone`, spaces made plain (ICU versions differ in the one before PM). */
function wallTime(iso: string, timeZone: string): string {
  return plain(new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso)));
}

const wallTimes = (session: Session, timeZone: string) => `${wallTime(session.start, timeZone)} – ${wallTime(session.end, timeZone)}`;
const plain = (value: string | null) => (value ?? "").replace(/\s/g, " ").trim();
/** "20261201T160000Z": an instant as iCalendar and Google Calendar write it in UTC. */
const utcStamp = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");

/** The upcoming sessions still open for registration, soonest first. */
async function openSessions(): Promise<Session[]> {
  return ((await api("GET", "/api/webinars?timeZone=UTC")).sessions as Session[]).filter((session) => session.registrationOpen);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const text = async (page: Page, selector: string) => plain(await page.locator(selector).textContent());

describe("webinars page", () => {
  it("registers a person and a colleague on /webinars, confirms in the visitor's zone, and the manage link works", async () => {
    const [soonest] = await openSessions();
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "Europe/Berlin" });
    const listRequest = page.waitForRequest((request) => request.url().includes("/api/webinars?"));
    const response = await page.goto(`${site.siteUrl}/webinars`);
    expect(response?.status()).toBe(200);
    expect(new URL((await listRequest).url()).searchParams.get("timeZone")).toBe("Europe/Berlin");
    expect(await page.locator("#timeZone").inputValue()).toBe("Europe/Berlin");

    // The weekly tour runs Tuesdays 16:00 London: 5:00 PM in Berlin, winter or summer.
    const first = page.locator("button.session-option:not([disabled])").first();
    await first.waitFor({ state: "visible" });
    const sessionId = (await first.getAttribute("data-session"))!;
    expect(sessionId).toBe(soonest!.id);
    expect(await first.locator(".session-day").textContent()).toMatch(/^Tuesday, /);
    expect(plain(await first.locator(".session-time").textContent())).toBe("5:00 PM – 5:45 PM");
    expect(await first.locator(".session-seats").textContent()).toMatch(/^\d+ seats? left$/);
    const shownTime = () => page.locator(`button.session-option[data-session="${sessionId}"] .session-time`).textContent().then(plain);

    // Another zone lists the same sessions at that zone's time.
    await page.locator("#timeZone").selectOption("America/New_York");
    await expect.poll(shownTime).toBe(wallTimes(soonest!, "America/New_York"));
    await page.locator("#timeZone").selectOption("Europe/Berlin");
    await expect.poll(shownTime).toBe("5:00 PM – 5:45 PM");

    await page.locator(`button.session-option[data-session="${sessionId}"]`).click();
    expect(await page.locator(`button.session-option[data-session="${sessionId}"]`).getAttribute("aria-pressed")).toBe("true");
    await page.locator("#registration-form").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("details-heading");
    expect(new URL(page.url()).searchParams.get("session")).toBe(sessionId);
    await page.screenshot({ path: join(ARTIFACTS, "webinars-form.png"), fullPage: true });

    const stamp = Date.now();
    const email = `wendy.${stamp}@webco.example`;
    const colleague = `ann.${stamp}@webco.example`;
    await page.locator("#name").fill("Wendy Webinar");
    await page.locator("#email").fill(email);
    await page.locator("#company").fill("WebCo");
    await page.locator("#phone").fill("+49 30 1234567");
    await page.locator("#add-colleague").click();
    expect(await focusedId(page)).toBe("colleague-1");
    // Beside the e-mail, an optional name to greet the colleague by: labelled, next in the tab order.
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("colleague-1-name");
    expect(await page.getByLabel("Colleague 1: name (optional)").getAttribute("id")).toBe("colleague-1-name");
    expect(await page.getByLabel("Colleague 1: work e-mail").getAttribute("id")).toBe("colleague-1");
    await page.keyboard.type("Ann Lee");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Remove colleague 1");
    expect(await seriousViolations(page)).toEqual([]);
    // The browser's check lets this through; the API does not, and names colleagues[0].
    await page.locator("#colleague-1").fill(`ann..lee.${stamp}@webco.example`);
    await page.locator("#consent").check();
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/webinars/${sessionId}/registrations`));
    await page.locator("#submit-registration").click();
    expect((await refused).status()).toBe(422);
    await page.locator("#colleague-1-error").waitFor({ state: "visible" });
    expect(await text(page, "#colleague-1-error")).toBe("E-mail is not a valid address.");
    expect(await page.locator("#colleague-1").getAttribute("aria-invalid")).toBe("true");
    expect(await focusedId(page)).toBe("colleague-1");
    await page.screenshot({ path: join(ARTIFACTS, "webinars-colleague-error.png"), fullPage: true });

    await page.locator("#colleague-1").fill(colleague);
    expect(await page.locator("#colleague-1-error").isHidden()).toBe(true);
    const registration = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${sessionId}/registrations`));
    await page.locator("#submit-registration").click();
    expect((await registration).postDataJSON()).toEqual({ name: "Wendy Webinar", email, company: "WebCo", phone: "+49 30 1234567", timeZone: "Europe/Berlin", colleagues: [{ email: colleague, name: "Ann Lee" }], language: "en", consent: true, altcha: expect.stringMatching(/^[A-Za-z0-9+/=]{100,}$/), website: "" });

    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("confirmation-heading");
    // The page shows no seats and no links: the API answers a repeated registration the same way, so
    // everything personal goes by e-mail.
    expect(await text(page, "#confirmation-title")).toBe("Check your inbox");
    expect(await text(page, "#confirmation-status")).toBe("We have e-mailed you your registration.");
    expect(await text(page, "#confirmation-when")).toMatch(/^Tuesday, .+, 5:00 PM – 5:45 PM$/);
    expect(await text(page, "#confirmation-zone")).toBe("Europe/Berlin");
    expect(await text(page, "#confirmation-invitations")).toContain("Your colleague gets their own e-mail");
    expect(await page.locator("#confirmation a[href*='token']").count()).toBe(0);
    // The session's public calendar entry, as the demo's confirmation offers one; the join link stays in the e-mail.
    expect(await page.locator("#ics-link").isVisible()).toBe(true);
    expect(await page.locator("#google-link").isVisible()).toBe(true);
    expect(await text(page, "#calendar-hint")).toBe("Add the session to your calendar to keep the time free. The join link is in your invitation e-mail.");
    expect(await page.locator("#ics-link").getAttribute("aria-describedby")).toBe("calendar-hint");
    const google = new URL((await page.locator("#google-link").getAttribute("href"))!);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("dates")).toBe(`${utcStamp(soonest!.start)}/${utcStamp(soonest!.end)}`);
    const icsHref = (await page.locator("#ics-link").getAttribute("href"))!;
    expect(new URL(icsHref).pathname).toBe(`/api/webinars/${sessionId}/calendar.ics`);
    const ics = await fetch(new URL(icsHref, site.siteUrl));
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    const icsText = await ics.text();
    expect(icsText).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(icsText).toContain(`\r\nDTSTART:${utcStamp(soonest!.start)}\r\n`);
    expect(icsText).not.toMatch(/ATTENDEE|jit\.si/);
    const download = page.waitForEvent("download");
    await page.locator("#ics-link").click();
    expect((await download).suggestedFilename()).toMatch(/\.ics$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "webinars-confirmation.png"), fullPage: true });

    // Each person got their own invitation, addressed to them alone.
    for (const address of [email, colleague]) {
      await expect.poll(async () => (await emailsTo(address)).length, { message: address }).toBe(1);
      const [mail] = await emailsTo(address);
      expect(mail!.destination.to).toHaveLength(1);
      expect(mail!.subject).toMatch(/registered/i);
    }
    // The colleague is greeted by the name Wendy gave, and sees the time in Wendy's zone, named.
    const [toColleague] = await emailsTo(colleague);
    expect(toColleague!.body.text).toMatch(/^Hi Ann,\n/);
    expect(toColleague!.body.text).toMatch(/When: Tuesday, .+, 5:00 PM – 5:45 PM \(Europe\/Berlin\)/);

    // The manage link, from the registrant's e-mail: the session, both people; cancel the colleague, then invite another.
    const [invitation] = await emailsTo(email);
    const manageHref = [...(invitation!.body.html ?? "").matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")).find((href) => href.includes("/registration.html"))!;
    expect(manageHref).toMatch(/\/registration\.html\?registration=[^&#]+&lang=en[&#]token=/);
    await page.goto(manageHref);
    await page.locator("#registration-actions").waitFor({ state: "visible" });
    expect(await text(page, "#registration-status")).toBe("Confirmed: 2 seats. Cancel a seat or add colleagues below.");
    expect(await text(page, "#session-when")).toMatch(/5:00 PM – 5:45 PM$/);
    const ann = `Ann Lee (${colleague})`;
    expect(await page.locator("#member-list .member-who").allTextContents()).toEqual([`Wendy Webinar (${email})`, ann]);
    await page.screenshot({ path: join(ARTIFACTS, "registration.png"), fullPage: true });

    await page.getByRole("button", { name: `Cancel ${ann}` }).click();
    expect(await focusedId(page)).toBe("cancel-heading");
    expect(await text(page, "#cancel-heading")).toBe(`Cancel ${ann}?`);
    const cancel = page.waitForRequest((request) => request.method() === "POST" && request.url().includes("/api/registrations/") && request.url().endsWith("/cancel"));
    await page.locator("#cancel-confirm").click();
    expect((await cancel).postDataJSON()).toMatchObject({ emails: [colleague] });
    await expect.poll(() => text(page, "#registration-status")).toMatch(new RegExp(`^Cancelled ${ann.replace(/[.()]/g, "\\$&")}\\.`));
    expect(await page.locator('#member-list .member[data-status="cancelled"] .member-who').textContent()).toBe(ann);
    await expect.poll(async () => (await emailsTo(colleague)).map((mail) => mail.subject.split(":")[0])).toContain("Cancelled");

    const newcomer = `cy.${stamp}@webco.example`;
    await page.locator("#add-button").click();
    expect(await focusedId(page)).toBe("colleagues-heading");
    await page.locator("#add-colleague").click();
    await page.locator("#colleague-1").fill(newcomer);
    await page.getByLabel("Colleague 1: name (optional)").fill("Cy Young");
    const invite = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/colleagues"));
    await page.locator("#colleagues-submit").click();
    expect((await invite).postDataJSON()).toMatchObject({ colleagues: [{ email: newcomer, name: "Cy Young" }] });
    await expect.poll(() => text(page, "#registration-status")).toBe(`Added ${newcomer}. Each gets their own invitation by e-mail.`);
    expect(await page.locator("#member-list .member-who").allTextContents()).toEqual([`Wendy Webinar (${email})`, ann, `Cy Young (${newcomer})`]);
    await expect.poll(async () => (await emailsTo(newcomer)).length).toBe(1);
    expect((await emailsTo(newcomer))[0]!.body.text).toMatch(/^Hi Cy,\n/);
    await page.screenshot({ path: join(ARTIFACTS, "registration-changed.png"), fullPage: true });

    // A link cut short, or one with a forged token, says so instead of showing anything.
    await page.goto(`${site.siteUrl}/registration.html?registration=${new URL(manageHref).searchParams.get("registration")}`);
    await expect.poll(() => text(page, "#registration-heading")).toBe("This link is incomplete");
    await page.goto(`${manageHref}x`);
    await expect.poll(() => text(page, "#registration-status")).toBe("This link has expired or is not valid — use the link in your most recent e-mail about this webinar.");
    expect(await page.locator("#registration-details").isHidden()).toBe(true);

    // Someone types Wendy's address (in capitals) again: the same answer as anyone gets, and Wendy alone gets her link again.
    await page.goto(`${site.siteUrl}/webinars.html?session=${sessionId}`);
    await page.locator("#registration-form").waitFor({ state: "visible" });
    await page.locator("#name").fill("Mallory");
    await page.locator("#email").fill(email.toUpperCase());
    await page.locator("#consent").check();
    const repeated = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/webinars/${sessionId}/registrations`));
    await page.locator("#submit-registration").click();
    const answer = await repeated;
    expect(answer.status()).toBe(202);
    expect(await answer.text()).not.toMatch(/token|registration\.html|Wendy|ann\./);
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await text(page, "#confirmation-title")).toBe("Check your inbox");
    await expect.poll(async () => (await emailsTo(email)).filter((mail) => /^You're already registered/.test(mail.subject)).length).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("offers the next session or the waitlist when a session is full, on a phone-sized screen by keyboard", async () => {
    // Fill the second open session through the API: five groups of ten.
    const [, full, following] = await openSessions();
    const stamp = Date.now();
    for (let group = 0; group < 5; group++) {
      const colleagues = Array.from({ length: 9 }, (_, i) => `fill${group}-${i}.${stamp}@crowd.example`);
      await api("POST", `/api/webinars/${full!.id}/registrations`, { name: `Crowd ${group}`, email: `lead${group}.${stamp}@crowd.example`, timeZone: "UTC", colleagues, consent: true });
    }

    const { context, page, consoleErrors } = await openPage(browser, { width: 360, timezoneId: "Asia/Kolkata" });
    await page.goto(`${site.siteUrl}/webinars?session=${full!.id}`);
    // Opened on the session the link names.
    await page.locator("#registration-form").waitFor({ state: "visible" });
    expect(await page.locator(`button.session-option[data-session="${full!.id}"]`).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(`button.session-option[data-session="${full!.id}"] .session-seats`).textContent()).toBe("Full — waitlist open");
    // 16:00 London, in Kolkata (9:30 PM in winter).
    expect(plain(await page.locator(`button.session-option[data-session="${full!.id}"] .session-time`).textContent())).toBe(wallTimes(full!, "Asia/Kolkata"));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);

    const email = `walt.${stamp}@late.example`;
    await page.locator("#name").focus();
    await page.keyboard.type("Walt Waiting");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email);
    await page.locator("#consent").focus();
    await page.keyboard.press("Space");
    expect(await page.locator("#consent").isChecked()).toBe(true);
    // Past the separate "Text me reminders" box, left unticked.
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("smsConsent");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("submit-registration");
    await page.keyboard.press("Enter");

    await page.locator("#full-offer").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("full-offer");
    expect(await text(page, "#full-message")).toBe("This session is full.");
    const nextAt = wallTime(following!.start, "Asia/Kolkata");
    expect(await text(page, "#next-session-text")).toMatch(new RegExp(`^The next session with room is Tuesday, .+ at ${nextAt}\\.$`));
    expect(await text(page, "#take-next")).toMatch(new RegExp(`^Register for Tuesday, .+ at ${nextAt} instead$`));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "webinars-full-360.png"), fullPage: true });

    // Tab from the offer reaches its buttons; the waitlist by keyboard.
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("take-next");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("join-waitlist");
    const waitlist = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${full!.id}/registrations`));
    await page.keyboard.press("Enter");
    // Chromium names Kolkata by its old spelling; the page sends what the browser knows.
    expect((await waitlist).postDataJSON()).toMatchObject({ email, waitlist: true, timeZone: expect.stringMatching(/^Asia\/(Kolkata|Calcutta)$/) });
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await text(page, "#confirmation-title")).toBe("Check your inbox");
    expect(await text(page, "#confirmation-invitations")).toMatch(/^It says whether you have a seat or a place on the waitlist/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "webinars-waitlisted-360.png"), fullPage: true });
    await expect.poll(async () => (await emailsTo(email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^You're on the waitlist/)]);

    // Someone else takes the next session offered instead.
    await page.goto(`${site.siteUrl}/webinars.html?session=${full!.id}`);
    await page.locator("#registration-form").waitFor({ state: "visible" });
    const other = `nina.${stamp}@next.example`;
    await page.locator("#name").fill("Nina Next");
    await page.locator("#email").fill(other);
    await page.locator("#consent").check();
    await page.locator("#submit-registration").click();
    await page.locator("#take-next").waitFor({ state: "visible" });
    const next = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${following!.id}/registrations`));
    await page.locator("#take-next").click();
    expect((await next).postDataJSON()).toMatchObject({ email: other });
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await text(page, "#confirmation-title")).toBe("Check your inbox");
    await expect.poll(async () => (await emailsTo(other)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Registered/)]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("webinars page in the visitor's language", () => {
  it("a German browser gets the German page and registration; a Spanish choice on the form rewrites the page, goes with the registration, and its manage link opens in Spanish (390 and 1280 wide, keyboard, axe)", async () => {
    for (const width of [390, 1280]) {
      const spanish = width === 390;
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin", locale: "de-DE" });
      await page.goto(`${site.siteUrl}/webinars`);
      const open = page.locator('button.session-option[data-availability="open"]').first();
      await open.waitFor({ state: "visible" });
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      expect(await page.title()).toBe("Live-Webinare – zu einem Termin anmelden");
      expect(await text(page, "h1")).toBe("Nehmen Sie an einer Live-Produkttour teil");
      expect(await text(page, "label[for=timeZone]")).toBe("Zeiten in");
      // The sessions in German: the day, a 24-hour clock, the seats.
      expect(await open.locator(".session-day").textContent()).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. /);
      expect(plain(await open.locator(".session-time").textContent())).toMatch(/^\d{2}:\d{2} – \d{2}:\d{2}$/);
      expect(await open.locator(".session-seats").textContent()).toMatch(/^Noch \d+ Pl(atz|ätze) frei$/);
      expect(await seriousViolations(page)).toEqual([]);

      // By keyboard: the session, then the form in German with its language preset to the page's.
      await open.focus();
      await page.keyboard.press("Enter");
      await page.locator("#registration-form").waitFor({ state: "visible" });
      expect(await focusedId(page)).toBe("details-heading");
      expect(await text(page, "#details-heading")).toBe("2Anmelden");
      expect(await text(page, "#chosen-session")).toMatch(/\(Europe\/Berlin\)\. Noch \d+ Pl(atz|ätze) frei\.$/);
      expect(await page.locator("#language").inputValue()).toBe("de");
      expect(await text(page, "label[for=language]")).toBe("Sprache dieser Seite und Ihrer E-Mails");
      await page.locator("#add-colleague").click();
      expect(await page.getByLabel("Person 1: geschäftliche E-Mail-Adresse").getAttribute("id")).toBe("colleague-1");
      await page.locator("#colleague-1").fill("");
      if (spanish) {
        await page.locator("#language").selectOption("es");
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
        expect(await text(page, "h1")).toBe("Únase a un recorrido del producto en directo");
        expect(await text(page, "#submit-registration")).toBe("Inscribirse");
        // What the script wrote is rewritten too: the chosen session's line, the colleague's labels, the list.
        expect(await text(page, "#chosen-session")).toMatch(/\. (Queda|Quedan) \d+ plazas?\.$/);
        expect(await page.getByLabel("Compañero 1: correo de trabajo").getAttribute("id")).toBe("colleague-1");
        expect(await open.locator(".session-day").textContent()).toMatch(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de /);
        expect(await seriousViolations(page)).toEqual([]);
      }
      const email = `lena.webinar.${width}.${Date.now()}@sprachen.example`;
      await page.locator("#name").fill("Lena Sprache");
      await page.locator("#email").fill(email);
      await page.locator("#consent").check();
      const registration = page.waitForRequest((request) => request.method() === "POST" && /\/api\/webinars\/[^/]+\/registrations$/.test(request.url()));
      await page.locator("#submit-registration").click();
      expect((await registration).postDataJSON()).toMatchObject({ email, language: spanish ? "es" : "de" });
      await page.locator("#confirmation").waitFor({ state: "visible" });
      expect(await text(page, "#confirmation-title")).toBe(spanish ? "Revise su bandeja de entrada" : "Sehen Sie in Ihr Postfach");
      expect(await text(page, "#confirmation-status")).toBe(spanish ? "Le hemos enviado su inscripción por correo." : "Wir haben Ihnen Ihre Anmeldung per E-Mail geschickt.");
      expect(await text(page, "#confirmation-when")).toMatch(spanish ? /^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), / : /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), /);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `webinars-${spanish ? "es" : "de"}-${width}.png`), fullPage: true });

      // The invitation is in that language, and its manage link opens the registration page in it — in a German browser too.
      await expect.poll(async () => (await emailsTo(email)).length).toBe(1);
      const [invitation] = await emailsTo(email);
      expect(invitation!.subject).toMatch(spanish ? /^Inscripción confirmada: / : /^Angemeldet/);
      const manageHref = [...(invitation!.body.html ?? "").matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")).find((href) => href.includes("/registration.html"))!;
      expect(manageHref).toMatch(spanish ? /&lang=es#token=/ : /&lang=de#token=/);
      await page.goto(manageHref);
      await page.locator("#registration-actions").waitFor({ state: "visible" });
      expect(await text(page, "h1")).toBe(spanish ? "Su inscripción" : "Ihre Anmeldung");
      expect(await text(page, "#registration-status")).toBe(spanish ? "Confirmada: 1 plaza. Cancele una plaza o añada compañeros más abajo." : "Bestätigt: 1 Platz. Geben Sie unten einen Platz frei oder laden Sie weitere Personen ein.");
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });
});

describe("webinar host page", () => {
  it("shows a host the attendees and records attendance from the checkboxes and from the platform's CSV", async () => {
    const [session] = await openSessions();
    const stamp = Date.now();
    const ada = { name: "Ada Attending", email: `ada.${stamp}@host.example`, company: "Engines Ltd", interest: "Forecasting" };
    const bob = { name: "Bob Absent", email: `bob.${stamp}@host.example`, company: "Nowhere Inc" };
    for (const person of [ada, bob]) await api("POST", `/api/webinars/${session!.id}/registrations`, { ...person, timeZone: "UTC", consent: true });

    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "Europe/Berlin" });
    await page.goto(`${site.siteUrl}/webinar-host.html?session=${session!.id}`);
    expect(await page.locator("#sessionId").inputValue()).toBe(session!.id);

    // Not a host of this session: the API's answer sits by the token.
    await page.locator("#token").fill("local-token-maya");
    await page.locator("#load-attendees").click();
    await page.locator("#token-error").waitFor({ state: "visible" });
    expect(await text(page, "#token-error")).toBe("Only this session's hosts may do this.");
    expect(await focusedId(page)).toBe("token");

    await page.locator("#token").fill(HOST_TOKEN);
    const list = page.waitForRequest((request) => request.url().endsWith(`/api/webinars/${session!.id}/attendees`));
    await page.locator("#load-attendees").click();
    expect((await list).headers()["authorization"]).toBe(`Bearer ${HOST_TOKEN}`);
    await page.locator("#attendees").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("attendees-heading");
    expect(await page.evaluate(() => sessionStorage.getItem("liveline.hostToken"))).toBe(HOST_TOKEN);
    const adaRow = page.locator("#attendee-rows tr", { hasText: ada.email });
    expect(await adaRow.locator("td").allTextContents()).toEqual(["Ada Attending attended", `Ada Attending${ada.email}`, "Engines Ltd", "Forecasting", "Confirmed"]);
    await page.screenshot({ path: join(ARTIFACTS, "webinar-host.png"), fullPage: true });

    // Before the session starts, attendance is refused, and the page says why.
    await page.getByLabel("Ada Attending attended").check();
    await page.locator("#save-attendance").click();
    await expect.poll(() => text(page, "#attendance-alert")).toBe("Attendance can be recorded once the session has started.");

    // Forty minutes into the session (the local clock moves; the timers due meanwhile fire).
    const clock = await api("GET", "/api/_local/clock");
    const advanceMinutes = Math.ceil((Date.parse(session!.start) - Date.parse(clock.now)) / 60_000) + 40;
    await api("POST", "/api/_local/clock", { advanceMinutes });

    const save = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${session!.id}/attendance`));
    await page.locator("#save-attendance").click();
    const marks = (await save).postDataJSON().marks as { email: string; attended: boolean }[];
    expect(marks).toEqual(expect.arrayContaining([{ email: ada.email, attended: true }, { email: bob.email, attended: false }]));
    await page.locator("#attendance-result").waitFor({ state: "visible" });
    expect(await focusedId(page)).toBe("result-heading");
    expect(await page.locator('.result-group[data-group="stayed"] li').allTextContents()).toContain(`Ada Attending (${ada.email})`);
    expect(await page.locator('.result-group[data-group="noShows"] li').allTextContents()).toContain(`Bob Absent (${bob.email})`);
    expect(await text(page, "#result-summary")).toMatch(/^\d+ stayed, 0 left early, \d+ no-shows?\.$/);
    await page.screenshot({ path: join(ARTIFACTS, "webinar-host-result.png"), fullPage: true });

    // The platform's export, sent as text/csv: a summary block, a person's two joins summed, a stranger.
    const csv = ["Meeting ID,Topic", "123,Weekly tour", "", "Name (Original Name),User Email,Duration (Minutes)", `Bob,${bob.email},10`, `Bob,${bob.email},6`, `Stranger,stranger.${stamp}@nowhere.example,40`].join("\n");
    await page.locator("#csv-file").setInputFiles({ name: "attendance.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const upload = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/webinars/${session!.id}/attendance`));
    await page.locator("#upload-csv").click();
    expect((await upload).headers()["content-type"]).toBe("text/csv");
    expect((await upload).postData()).toBe(csv);
    await expect.poll(() => page.locator('.result-group[data-group="leftEarly"] li').allTextContents()).toEqual([`Bob Absent (${bob.email})`]);
    expect(await page.locator('.result-group[data-group="unknown"] li').allTextContents()).toEqual([`stranger.${stamp}@nowhere.example`]);
    expect(await page.locator('.result-group[data-group="noShows"] li').allTextContents()).toContain(`Ada Attending (${ada.email})`);

    // A file that is not a CSV is refused before anything is sent.
    await page.locator("#csv-file").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await page.locator("#upload-csv").click();
    expect(await text(page, "#csv-file-error")).toBe("Please choose a .csv file (the attendance report your webinar platform exports).");

    // On a phone, each attendee is a card with the column names.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "webinar-host-360.png"), fullPage: true });

    // The token lives in the tab: a reload keeps it; "Forget it now" drops it.
    await page.reload();
    expect(await page.locator("#token").inputValue()).toBe(HOST_TOKEN);
    await page.locator("#attendees").waitFor({ state: "visible" });
    await page.locator("#forget-token").click();
    expect(await page.evaluate(() => sessionStorage.getItem("liveline.hostToken"))).toBeNull();
    expect(await page.locator("#token").inputValue()).toBe("");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
