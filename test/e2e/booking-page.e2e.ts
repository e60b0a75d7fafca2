// End to end: a prospect turns the "Talk to us live" form into a booked demo, in Chromium, against
// `npm start` with its own engines (DynamoDB Local, the SES emulator), and the invitation arrives.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, seriousViolations } from "./browser";
import { ARTIFACTS, startE2eSite, type E2eSite, storedEmails } from "./e2e-site";


let browser: Browser;
let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("booking");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

const emailsTo = (address: string) => storedEmails(site, address);

async function fillContactForm(page: Page, email: string, phone = "+49 30 1234 5678"): Promise<void> {
  await page.getByLabel("Name", { exact: false }).first().fill("Grace Hopper");
  await page.locator("#email").fill(email);
  await page.locator("#company").fill("Compilers Inc");
  await page.locator("#phone").fill(phone);
  await page.locator("#teamSize").fill("12");
  await page.locator("#interest").fill("Live dashboards & forecasting");
  await page.locator("#consent").check();
}

describe("booking page", () => {
  it("turns a contact request into a booked demo, shows the confirmation in the prospect's zone, and the invitation arrives", async () => {
    const context = await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    // Opened from a campaign inside an embedding site: the page sends both with the request (the lead's source).
    await page.goto(`${site.siteUrl}/?utm_source=newsletter&utm_campaign=december&ref=${encodeURIComponent("https://host.example/pricing")}`, { referer: "https://www.google.com/" });
    await expect.poll(() => page.locator("#timeZone").inputValue()).toBe("Europe/Berlin");
    // Preset from the browser's locale (en-US); the prospect routes themselves to Portuguese-speaking reps (a
    // language the pages do not write: the page stays as it is).
    expect(await page.locator("#country").inputValue()).toBe("US");
    expect(await page.locator("#language").inputValue()).toBe("en");
    const email = `grace.${Date.now()}@compilers.example`;
    await fillContactForm(page, email);
    await page.locator("#country").selectOption("DE");
    await page.locator("#language").selectOption("pt");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/contact-requests"));
    await page.locator("#submit-contact").click();
    expect((await contactRequest).postDataJSON()).toMatchObject({ country: "DE", language: "pt", timeZone: "Europe/Berlin", source: { utmSource: "newsletter", utmCampaign: "december", referrer: "https://host.example/pricing" } });
    const contactRequestId = ((await (await (await contactRequest).response())!.json()) as { id: string }).id;

    // The day picker: the first day is selected and its times are below it.
    const firstSlot = page.locator("button.slot").first();
    await firstSlot.waitFor({ state: "visible" });
    const start = await firstSlot.getAttribute("data-start");
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+0[12]:00$/);
    const dayTabs = page.getByRole("tab");
    expect(await dayTabs.count()).toBeGreaterThan(1);
    expect(await dayTabs.first().getAttribute("aria-selected")).toBe("true");
    const shownTimes = await page.locator(".slot-day button.slot").count();
    expect(await dayTabs.first().textContent()).toContain(`${shownTimes} time`);
    expect(await page.locator(".slot-day h3").textContent()).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /);
    expect(await page.locator(".slot-day h4").first().textContent()).toMatch(/^(Morning|Afternoon|Evening)$/);
    // Only times from 08:00 to 20:00 Berlin time, and the page says so; "Show all times" lists the night too.
    expect(await page.locator("#slots-hours-text").textContent()).toBe("Showing times from 8:00 AM to 8:00 PM your time.");
    const shownHours = async () => (await page.locator("button.slot").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-start")!))).map((iso) => iso.slice(11, 16));
    expect((await shownHours()).every((time) => time >= "08:00" && time < "20:00")).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "slots.png"), fullPage: true });
    const allTimesRequest = page.waitForRequest((request) => request.url().includes("/api/slots?") && request.url().includes("allTimes=true"));
    await page.locator("#all-times").click();
    await allTimesRequest;
    await expect.poll(() => page.locator("#all-times").textContent()).toBe("Show daytime only");
    await page.locator("#all-times").click();
    await expect.poll(() => page.locator("#slots-hours-text").textContent()).toBe("Showing times from 8:00 AM to 8:00 PM your time.");

    // Another day shows its own times; then back to the first.
    const firstDay = await page.locator(".slot-day h3").textContent();
    await dayTabs.nth(1).click();
    expect(await dayTabs.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(".slot-day h3").textContent()).not.toBe(firstDay);
    expect(await page.locator("button.slot").first().getAttribute("data-start")).not.toBe(start);
    await dayTabs.first().click();
    expect(await page.locator(".slot-day h3").textContent()).toBe(firstDay);

    // A zone change reloads the times of the reps this request was routed to.
    const slotsRequest = page.waitForRequest((request) => request.url().includes("/api/slots?"));
    await page.locator("#timeZone").selectOption("Europe/London");
    const slotsUrl = new URL((await slotsRequest).url());
    expect(slotsUrl.searchParams.get("contactRequest")).toBe(contactRequestId);
    expect(slotsUrl.searchParams.get("timeZone")).toBe("Europe/London");
    expect((await (await slotsRequest).response())?.status()).toBe(200);
    await expect.poll(() => page.locator("button.slot").first().getAttribute("data-start")).toMatch(/\+0[01]:00$/);
    await page.locator("#timeZone").selectOption("Europe/Berlin");
    await expect.poll(() => page.locator("button.slot").first().getAttribute("data-start")).toBe(start);

    // Picking a time books nothing yet: it is shown in the prospect's zone, named, to confirm.
    const posts: string[] = [];
    page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
    await firstSlot.click();
    await page.locator("#slot-review").waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("slot-review-heading");
    expect(await page.locator("#slot-review-zone").textContent()).toBe("Europe/Berlin time");
    expect(await page.locator("#slot-review-when").textContent()).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /);
    expect(posts.filter((url) => url.endsWith("/api/bookings"))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "slot-review.png"), fullPage: true });
    const booking = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/bookings"));
    await page.locator("#slot-review-confirm").click();
    expect((await booking).postDataJSON()).toMatchObject({ start, country: "DE", language: "pt", contactRequestId });

    const confirmation = page.locator("#confirmation");
    await confirmation.waitFor({ state: "visible" });
    expect(await page.locator("#confirmation-rep").textContent()).toMatch(/Maya|Lukas|Priya/);
    const localTime = start!.slice(11, 16);
    const [hour, minute] = localTime.split(":").map(Number) as [number, number];
    const twelveHour = `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")}`;
    expect(await page.locator("#confirmation-when").textContent()).toContain(twelveHour);
    expect(await page.locator("#join-link").getAttribute("href")).toMatch(/^https:\/\/meet\.jit\.si\/acme-demo-/);
    expect(await page.locator("#google-link").getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/);
    const icsHref = await page.locator("#ics-link").getAttribute("href");
    const ics = await fetch(new URL(icsHref!, site.siteUrl));
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain("METHOD:REQUEST");
    await page.screenshot({ path: join(ARTIFACTS, "confirmation.png"), fullPage: true });

    // The invitation leaves moments after the answer (the outbox reads the table's stream).
    await expect.poll(async () => (await emailsTo(email)).length).toBe(1);
    const received = await emailsTo(email);
    expect(received[0]!.attachments.map((a) => a.filename)).toContain("invite.ics");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows the API's error next to the field it names, then books by keyboard alone on a phone-sized screen", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Kolkata", locale: "en-US", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site.siteUrl}/`);
    await fillContactForm(page, `ada.${Date.now()}@engines.example`, "030 1234 5678");
    await page.locator("#submit-contact").click();
    const phoneError = page.locator("#phone-error");
    await phoneError.waitFor({ state: "visible" });
    expect(await phoneError.textContent()).toContain("country code");
    expect(await page.locator("#phone").getAttribute("aria-invalid")).toBe("true");
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "phone-error-360.png"), fullPage: true });

    await page.locator("#phone").fill("+91 80 5550 1234");
    await page.locator("#phone").press("Enter");
    await page.locator("button.slot").first().waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("slots-heading");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "slots-360.png"), fullPage: true });
    const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute("role"), className: document.activeElement?.className ?? "" }));
    // Tab from the heading to the selected day (one Tab stop for the whole row)…
    for (let i = 0; i < 5 && (await focused()).role !== "tab"; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
    const firstDay = await page.locator(".slot-day h3").textContent();
    // …the arrow keys move between days and show them at once…
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
    expect(await page.locator(".slot-day h3").textContent()).not.toBe(firstDay);
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator(".slot-day h3").textContent()).toBe(firstDay);
    // …and the next Tab lands on the day's first time.
    await page.keyboard.press("Tab");
    expect((await focused()).className).toContain("slot");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toContain(firstDay!);
    await page.keyboard.press("Enter");
    // Step two of picking: focus on the time picked, then Tab to "Confirm this time".
    await page.locator("#slot-review").waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("slot-review-heading");
    expect(await page.locator("#slot-review-zone").textContent()).toMatch(/Kolkata|Calcutta/);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("slot-review-confirm");
    await page.keyboard.press("Enter");
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("confirmation-heading");
    expect(await page.locator("#confirmation-zone").textContent()).toMatch(/Kolkata|Calcutta/);
    await page.screenshot({ path: join(ARTIFACTS, "confirmation-360.png"), fullPage: true });
    await context.close();
  });
  it("offers a large team the private group session: switching loads its times, colleagues are checked by their input, each gets an invitation", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, timezoneId: "America/Chicago" });
    const stamp = Date.now();
    const email = `tina.${stamp}@bigco.example`;
    const colleagues = [`ada.${stamp}@bigco.example`, `alan.${stamp}@bigco.example`];
    // Opened from another site's link: its address is the referrer the page sends.
    await page.goto(`${site.siteUrl}/`, { referer: "https://blog.example/post" });
    await fillContactForm(page, email);
    const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/contact-requests"));
    await page.locator("#submit-contact").click();
    expect((await contactRequest).postDataJSON().source).toEqual({ referrer: "https://blog.example/post" });
    await page.locator("button.slot").first().waitFor({ state: "visible" });
    expect(await page.locator("#group-offer-text").textContent()).toBe(
      "Bringing your team of 12? Book a Private team demo (45 min) instead: invite up to 10 colleagues, and each gets their own invitation.",
    );
    expect(await page.locator("#colleagues").isVisible()).toBe(false);

    await page.locator("#group-switch").click();
    await expect.poll(() => page.locator("#offering-title").textContent()).toBe("Private team demo · 45 min");
    expect(await page.locator("#group-switch").textContent()).toBe("Back to the Live product demo");
    expect(await page.locator("#colleagues").isVisible()).toBe(true);
    // A 45-minute session: each time shown is a team-demo start (the list was reloaded for that offering).
    await page.locator("button.slot").first().waitFor({ state: "visible" });

    await page.locator("#add-colleague").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("colleague-1");
    await page.locator("#colleague-1").fill(colleagues[0]!);
    await page.locator("#add-colleague").click();
    await page.locator("#colleague-2").fill("not-an-address");
    await page.locator("button.slot").first().click();
    await page.locator("#slot-review-confirm").click();
    await page.locator("#colleague-2-error").waitFor({ state: "visible" });
    expect(await page.locator("#colleague-2-error").textContent()).toContain("valid e-mail address");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("colleague-2");
    expect(await page.locator("#confirmation").isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, "group-session-colleagues.png"), fullPage: true });

    await page.locator("#colleague-2").fill(colleagues[1]!);
    await page.locator("#slot-review-confirm").click();
    await page.locator("#confirmation").waitFor({ state: "visible" });
    expect(await page.locator("#confirmation-what").textContent()).toBe("Private team demo");
    expect(await page.locator("#confirmation-colleagues").textContent()).toBe("Your 2 colleagues each get their own invitation too.");
    await page.screenshot({ path: join(ARTIFACTS, "group-session-confirmation.png"), fullPage: true });

    for (const address of [email, ...colleagues]) {
      await expect.poll(async () => (await emailsTo(address)).length, { message: address }).toBe(1);
      const [mail] = await emailsTo(address);
      expect(mail!.destination.to).toHaveLength(1);
      expect(mail!.attachments.map((a) => a.filename)).toContain("invite.ics");
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("books with the ALTCHA widget solving invisibly, and keeps the honeypot out of the keyboard's way (390 and 1280 wide, axe)", async () => {
    for (const width of [390, 1280]) {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Paris" });
      const challenges: string[] = [];
      page.on("request", (request) => request.url().includes("/api/challenge") && challenges.push(request.url()));
      await page.goto(`${site.siteUrl}/`);
      // The widget is there, hidden; nothing of it is seen or announced.
      await page.locator("altcha-widget").waitFor({ state: "attached" });
      expect(await page.locator("altcha-widget").isVisible()).toBe(false);
      // The honeypot is far off-screen (a 1-pixel box people never see), and aria-hidden.
      expect((await page.locator("#website").boundingBox())!.x).toBeLessThan(-1000);
      // Tab through the whole form: the honeypot never gets the focus.
      const reached: string[] = [];
      await page.locator("#name").focus();
      for (let i = 0; i < 15; i++) {
        reached.push(await page.evaluate(() => document.activeElement?.id ?? ""));
        await page.keyboard.press("Tab");
      }
      expect(reached).toContain("consent");
      expect(reached).not.toContain("website");
      expect(await seriousViolations(page)).toEqual([]);

      await fillContactForm(page, `alan.${width}.${Date.now()}@bletchley.example`);
      const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/contact-requests"));
      await page.locator("#submit-contact").click();
      const sent = (await contactRequest).postDataJSON();
      expect(sent.altcha).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
      expect(sent.website).toBe("");
      await page.locator("button.slot").first().click();
      const booking = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/bookings"));
      await page.locator("#slot-review-confirm").click();
      const bookingBody = (await booking).postDataJSON();
      // A fresh solution for each write, continuing the page's stamp.
      expect(bookingBody.altcha).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
      expect(bookingBody.altcha).not.toBe(sent.altcha);
      await page.locator("#confirmation").waitFor({ state: "visible" });
      expect(challenges.length).toBeGreaterThanOrEqual(2);
      expect(challenges.slice(1).every((url) => url.includes("stamp="))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it("speaks German to a German browser: the page, its times, the confirmation and the invitation; a Spanish choice on the form rewrites the page and wins for the e-mails (390 and 1280 wide, axe)", async () => {
    for (const width of [390, 1280]) {
      const { context, page, consoleErrors } = await openPage(browser, { width, timezoneId: "Europe/Berlin", locale: "de-DE" });
      await page.goto(`${site.siteUrl}/`);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("de");
      expect(await page.title()).toBe("Sprechen Sie live mit uns – Demo buchen");
      expect(await page.locator("h1").textContent()).toBe("Sprechen Sie live mit uns");
      expect(await page.locator("label[for=email]").textContent()).toBe("Geschäftliche E-Mail-Adresse");
      expect(await page.locator("#submit-contact").textContent()).toBe("Freie Termine anzeigen");
      // The form's language is preset from the browser: what the e-mails are written in unless the person changes it.
      expect(await page.locator("#language").inputValue()).toBe("de");
      expect(await seriousViolations(page)).toEqual([]);

      const spanish = width === 390;
      const email = `lena.${width}.${Date.now()}@sprachen.example`;
      if (!spanish) {
        // Sent empty: the fields to correct are announced in German.
        await page.locator("#submit-contact").click();
        await expect.poll(() => page.locator("#status").textContent()).toMatch(/^Bitte korrigieren Sie die \d+ markierten Felder\.$/);
        // Each field's own check in German too, read with the field.
        expect(await page.locator("#name-error").textContent()).toBe("Bitte geben Sie Ihren Namen ein.");
        expect(await page.locator("#email-error").textContent()).toBe("Bitte geben Sie Ihre geschäftliche E-Mail-Adresse ein.");
        expect(await seriousViolations(page)).toEqual([]);
      }
      await fillContactForm(page, email);
      if (spanish) {
        // Picking Español on the form rewrites the page in Spanish at once (and the e-mails follow it).
        await page.locator("#language").selectOption("es");
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
        expect(await page.locator("h1").textContent()).toBe("Hable con nosotros en directo");
        expect(await page.title()).toBe("Hable con nosotros en directo – reserve una demo");
        expect(await page.locator("#submit-contact").textContent()).toBe("Ver horarios disponibles");
        expect(await page.locator("label[for=language]").textContent()).toBe("Idioma preferido para la demo");
        expect(await seriousViolations(page)).toEqual([]);
      }
      const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/api/contact-requests"));
      await page.locator("#submit-contact").click();
      expect((await contactRequest).postDataJSON()).toMatchObject({ language: spanish ? "es" : "de" });
      await page.locator("button.slot").first().waitFor({ state: "visible" });
      if (spanish) {
        // The times too: Spanish days and parts of the day, a 24-hour clock.
        expect(await page.locator("#slots-heading").textContent()).toContain("Elija un horario");
        expect(await page.locator(".slot-day h3").textContent()).toMatch(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de /);
        expect(await page.locator(".slot-day h4").first().textContent()).toMatch(/^(Mañana|Tarde|Noche)$/);
      } else {
        expect(await page.locator("#slots-heading").textContent()).toContain("Termin wählen");
        expect(await page.locator(".slot-day h3").textContent()).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. /);
        expect(await page.locator(".slot-day h4").first().textContent()).toMatch(/^(Vormittag|Nachmittag|Abend)$/);
      }
      await page.locator("button.slot").first().click();
      await page.locator("#slot-review").waitFor({ state: "visible" });
      expect(await page.locator("#slot-review-confirm").textContent()).toBe(spanish ? "Confirmar este horario" : "Diesen Termin bestätigen");
      // What screen readers hear speaks the page's language too.
      await expect.poll(() => page.locator("#status").textContent()).toMatch(spanish ? / Pulse Confirmar este horario o Elegir otro horario\.$/ : / Drücken Sie Diesen Termin bestätigen oder Anderen Termin wählen\.$/);
      expect(await page.locator("#slot-review-zone").textContent()).toMatch(spanish ? /^hora de / : /^Ortszeit /);
      await page.locator("#slot-review-confirm").click();
      await page.locator("#confirmation").waitFor({ state: "visible" });
      expect(await page.locator("#confirmation-heading").textContent()).toContain(spanish ? "Reserva confirmada" : "Ihr Termin ist gebucht");
      if (!spanish) {
        // German times: a 24-hour clock, no AM/PM.
        expect(await page.locator("#confirmation-when").textContent()).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+, \d{1,2}:\d{2} – \d{1,2}:\d{2}$/);
      }
      expect(await page.locator("#manage-link").textContent()).toBe(spanish ? "Reprogramar o cancelar" : "Verschieben oder absagen");
      // The manage link names the language the e-mails are in, so the page it opens speaks it too.
      expect(await page.locator("#manage-link").getAttribute("href")).toMatch(spanish ? /[?&]lang=es#token=/ : /[?&]lang=de#token=/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `confirmation-de-${width}.png`), fullPage: true });

      await expect.poll(async () => (await emailsTo(email)).length).toBe(1);
      const [invitation] = await emailsTo(email);
      if (spanish) {
        expect(invitation!.subject).toMatch(/^Cita confirmada: Live product demo con \S+ — /);
        expect(invitation!.body.text).toContain("Su cita «Live product demo» está confirmada.");
      } else {
        expect(invitation!.subject).toMatch(/^Bestätigt: Live product demo mit \S+ — .*\(Europe\/Berlin\)$/);
        expect(invitation!.body.text).toContain("Ihr Termin „Live product demo“ ist bestätigt.");
      }
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });
});
