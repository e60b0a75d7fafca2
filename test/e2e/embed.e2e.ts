// End to end: another site embeds Liveline — `npm start`'s embed demo host page, on a second local origin
// that the config allows, embeds the booking inline (loaded only when near, the frame growing with its
// page, a booking completed, the host told liveline:booked), as pop-ups (a keyboard-usable modal dialog;
// the webinar variant registers) and as the concierge on the site's own plain form (the site's submit still
// happens; the pop-up, ready before the visitor sends, records the contact request; closed unbooked, the
// speed-to-lead call-back comes). The same page on an origin that is not allowed cannot frame the booking
// page (CSP) and its API calls fail CORS.
// Chromium at 1280 (keyboard) and 390 (touch), axe-core on the host page.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/free-port";
import { launchChromium, openPage, seriousViolations, type OpenedPage } from "./browser";
import { ARTIFACTS, callApi, startE2eSite, type E2eSite } from "./e2e-site";

let browser: Browser;
let site: E2eSite;
/** The host page on an allowed origin, and the same page on one that is not (127.0.0.1 is another host than localhost). */
let hostUrl: string;
let strangerUrl: string;

beforeAll(async () => {
  const demoPort = await freePort();
  hostUrl = `http://localhost:${demoPort}/`;
  strangerUrl = `http://127.0.0.1:${demoPort}/`;
  // The committed config with this run's demo port as the one allowed origin.
  const config = JSON.parse(readFileSync("liveline.config.json", "utf8"));
  config.embed = { allowedOrigins: [`http://localhost:${demoPort}`] };
  const configFile = join(mkdtempSync(join(tmpdir(), "liveline-e2e-embed-config-")), "liveline.config.json");
  writeFileSync(configFile, JSON.stringify(config));
  site = await startE2eSite("embed", { LIVELINE_CONFIG: configFile, LIVELINE_DEMO_PORT: String(demoPort) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.runtime.stop();
});

/** What the host page's log says it heard, as {type, ...details}. */
async function heard(page: Page): Promise<Record<string, unknown>[]> {
  return page.locator("#events li").evaluateAll((items) => items.map((item) => ({ type: item.getAttribute("data-type"), ...JSON.parse(item.textContent!.slice(item.textContent!.indexOf(" ") + 1)) })));
}

/** The host page (or `address`) in a fresh page, once embed.js has loaded. */
async function openHostPage(width: number, timezoneId: string, address = hostUrl): Promise<OpenedPage> {
  const opened = await openPage(browser, { width, timezoneId });
  await opened.page.goto(address);
  await opened.page.waitForFunction(() => "Liveline" in window);
  return opened;
}

const heardTypes = async (page: Page) => (await heard(page)).map((event) => event.type);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe("embedding on an allowed site", () => {
  it("inline at 1280: loads when near, grows with its page, books, and tells the host page", async () => {
    const { context, page, consoleErrors } = await openPage(browser, { width: 1280, height: 500, timezoneId: "Europe/Berlin" });
    const fromSite: string[] = [];
    page.on("request", (request) => request.url().startsWith(site.siteUrl) && fromSite.push(new URL(request.url()).pathname));
    await page.goto(`${hostUrl}?utm_source=partner&utm_campaign=winter`);
    await page.waitForFunction(() => "Liveline" in window);
    // Far below the fold: nothing of the booking is loaded yet, only the script.
    expect(await page.locator("[data-liveline] iframe").count()).toBe(0);
    expect(fromSite).toEqual(["/embed.js"]);

    await page.locator("#inline-heading").scrollIntoViewIfNeeded();
    const iframe = page.locator("[data-liveline] iframe");
    await iframe.waitFor();
    const frame = page.frameLocator("[data-liveline] iframe");
    await frame.locator("#name").waitFor();
    expect(await iframe.getAttribute("title")).toBe("Book a time with us");
    // The frame takes its page's height, so the host page scrolls, not the frame.
    const frameHeight = () => iframe.evaluate((element) => (element as HTMLIFrameElement).getBoundingClientRect().height);
    const contentHeight = () => frame.locator("main").evaluate((main) => Math.ceil(main.getBoundingClientRect().bottom));
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()) - 16)).toBeLessThanOrEqual(2);
    const formHeight = await frameHeight();

    const email = `ada.${Date.now()}@northwind.example`;
    await frame.locator("#name").fill("Ada Lovelace");
    await frame.locator("#email").fill(email);
    await frame.locator("#consent").check();
    const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url() === `${site.siteUrl}/api/contact-requests`);
    await frame.locator("#email").press("Enter");
    // The lead's source: the host page's campaign and address.
    expect((await contactRequest).postDataJSON().source).toEqual({ utmSource: "partner", utmCampaign: "winter", referrer: `${hostUrl}?utm_source=partner&utm_campaign=winter` });
    const slot = frame.locator("button.slot").first();
    await slot.waitFor();
    await expect.poll(frameHeight).toBeGreaterThan(formHeight + 100);
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:contact-request"]);

    const start = await slot.getAttribute("data-start");
    await slot.click();
    await frame.locator("#slot-review-confirm").click();
    await frame.locator("#confirmation-heading").waitFor();
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:contact-request", "liveline:booked"]);
    const [requested, booked] = await heard(page);
    expect(booked).toEqual({ type: "liveline:booked", start, offering: "live-demo" });
    expect(requested).toEqual({ type: "liveline:contact-request", contactRequest: expect.any(String), offering: "live-demo" });
    // Links of the confirmation open in a new tab: the manage page refuses to be framed.
    const manage = frame.locator("#manage-link");
    const newTab = context.waitForEvent("page");
    await manage.click();
    expect((await newTab).url()).toContain(`${site.siteUrl}/manage`);
    await page.screenshot({ path: join(ARTIFACTS, "embed-inline-1280.png"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("pop-up at 1280 with the keyboard: a modal dialog, focus in, Escape closes it from the host or the frame, focus back", async () => {
    const { context, page, consoleErrors } = await openHostPage(1280, "America/Chicago", `${hostUrl}?email=${encodeURIComponent("grace@hopper.example")}`);
    const button = page.getByRole("button", { name: "Book a live demo" });
    await button.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Book a time with us" });
    await dialog.waitFor();
    expect(await focusedText(page)).toBe("Close");
    const frame = page.frameLocator("dialog iframe");
    await frame.locator("#name").waitFor();
    // Prefill: the button's data-liveline-company, the page's own ?email=.
    expect(await frame.locator("#company").inputValue()).toBe("Northwind Widgets");
    expect(await frame.locator("#email").inputValue()).toBe("grace@hopper.example");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "embed-popup-1280.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focusedText(page)).toBe("Book a live demo");

    // Again, and Escape from inside the form: the frame passes it on.
    await page.keyboard.press("Enter");
    await frame.locator("#name").waitFor();
    await frame.locator("#name").focus();
    await page.keyboard.type("Grace Hopper");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focusedText(page)).toBe("Book a live demo");
    await expect.poll(() => heard(page)).toEqual([
      { type: "liveline:closed", offering: "live-demo", booked: false },
      { type: "liveline:closed", offering: "live-demo", booked: false },
    ]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("the framed page speaks the host's language: the element's data-liveline-language first, else the host page's <html lang> (over the browser's)", async () => {
    const { context, page, consoleErrors } = await openHostPage(1280, "Europe/Berlin");
    const frame = page.frameLocator("dialog iframe");
    // The host page says it is German: a pop-up opened by script speaks German, the visitor's English browser notwithstanding.
    await page.evaluate(() => {
      document.documentElement.lang = "de";
      (window as unknown as { Liveline: { open(offering: string): void } }).Liveline.open("live-demo");
    });
    await frame.locator("#name").waitFor();
    // The frame's script sets its language after the form is in the page: wait for it, not for the form.
    await expect.poll(() => frame.locator("html").getAttribute("lang")).toBe("de");
    await expect.poll(() => frame.locator("h1").textContent()).toBe("Sprechen Sie live mit uns");
    expect(new URL((await page.locator("dialog iframe").getAttribute("src"))!).searchParams.get("lang")).toBe("de");
    // embed.js's own words on the host page too: the frame's title, the dialog's heading and its close button.
    expect(await page.locator("dialog iframe").getAttribute("title")).toBe("Einen Termin mit uns buchen");
    expect(await page.getByRole("dialog", { name: "Einen Termin mit uns buchen" }).getByRole("button", { name: "Schließen" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await page.locator("dialog").waitFor({ state: "detached" });

    // A button that names Spanish wins over the page's German.
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.id = "reservar";
      button.dataset["livelinePopup"] = "live-demo";
      button.dataset["livelineLanguage"] = "es";
      button.textContent = "Reservar una demo";
      document.body.append(button);
      (window as unknown as { Liveline: { scan(): void } }).Liveline.scan();
    });
    await page.locator("#reservar").click();
    await frame.locator("#name").waitFor();
    await expect.poll(() => frame.locator("html").getAttribute("lang")).toBe("es");
    await expect.poll(() => frame.locator("h1").textContent()).toBe("Hable con nosotros en directo");
    expect(await page.locator("dialog iframe").getAttribute("title")).toBe("Reserve una cita con nosotros");
    expect(await page.locator("dialog button").textContent()).toBe("Cerrar");
    // Its form's language select, preset to it, takes Spanish to the e-mails.
    expect(await frame.locator("#language").inputValue()).toBe("es");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("the team-demo variant: after a large team's details, step 2 shows the private team demo with its colleague fields", async () => {
    const { context, page, consoleErrors } = await openHostPage(1280, "Europe/Berlin");
    await page.evaluate(() => (window as unknown as { Liveline: { open(offering: string): void } }).Liveline.open("team-demo"));
    const frame = page.frameLocator("dialog iframe");
    await frame.locator("#name").fill("Tess Team");
    await frame.locator("#email").fill(`tess.${Date.now()}@northwind.example`);
    await frame.locator("#teamSize").fill("12");
    await frame.locator("#consent").check();
    await frame.locator("#submit-contact").click();
    await frame.locator("#colleagues").waitFor();
    expect(await frame.locator("#offering-title").textContent()).toMatch(/^Private team demo · 45 min$/);
    await frame.locator("button.slot").first().waitFor();
    await expect.poll(() => heard(page)).toEqual([{ type: "liveline:contact-request", contactRequest: expect.any(String), offering: "live-demo" }]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("pop-up at 390 (touch), the webinar variant: registers for a session and tells the host page", async () => {
    const { context, page, consoleErrors } = await openHostPage(390, "Europe/London");
    await page.getByRole("button", { name: "Join the weekly webinar" }).tap();
    const frame = page.frameLocator("dialog iframe");
    const session = frame.locator("button.session-option:not([disabled])").first();
    await session.waitFor();
    await session.tap();
    await frame.locator("#name").fill("Lin Webinar");
    await frame.locator("#email").fill(`lin.${Date.now()}@northwind.example`);
    await frame.locator("#consent").check();
    await frame.locator("#submit-registration").tap();
    await frame.locator("#confirmation-heading").waitFor();
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:booked"]);
    expect((await heard(page))[0]).toEqual({ type: "liveline:booked", start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T16:00/), offering: "weekly-webinar" });
    // The dialog fits the phone: no sideways scrolling on the host page.
    const box = (await page.getByRole("dialog").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, "embed-webinar-390.png") });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Close" }).tap();
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:booked", "liveline:closed"]);
    expect((await heard(page))[1]).toEqual({ type: "liveline:closed", offering: "weekly-webinar", booked: true });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("a site that is not allowed", () => {
  it("cannot frame the booking page, and its API calls fail CORS; its own form still works", async () => {
    const { context, page } = await openPage(browser, { width: 1280, timezoneId: "Europe/Berlin" });
    // Listening before the page opens: the inline frame may be made (and refused) at once.
    const refusals: string[] = [];
    page.on("console", (message) => refusals.push(message.text()));
    await page.goto(strangerUrl);
    await page.locator("#inline-heading").scrollIntoViewIfNeeded();
    await page.locator("[data-liveline] iframe").waitFor();
    await expect.poll(() => refusals.some((text) => text.includes("frame-ancestors"))).toBe(true);
    expect(await page.frameLocator("[data-liveline] iframe").locator("#contact-form").count()).toBe(0);

    // The concierge's pop-up is refused the same way: no contact request is made; the site's own form still works.
    const contactRequests: string[] = [];
    page.on("request", (request) => request.url() === `${site.siteUrl}/api/contact-requests` && contactRequests.push(request.method()));
    const refusalsBefore = refusals.filter((text) => text.includes("frame-ancestors")).length;
    await page.locator("#full_name").fill("Mallory Stranger");
    await page.locator("#work_email").fill("mallory@stranger.example");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator("#site-contact-result").textContent()).toBe("Thanks, we got your message.");
    await expect.poll(() => refusals.filter((text) => text.includes("frame-ancestors")).length).toBeGreaterThan(refusalsBefore);
    expect(await page.frameLocator("dialog iframe").locator("#contact-form").count()).toBe(0);
    expect(contactRequests).toEqual([]);
    // Its own script's API calls fail CORS (a read, and a contact request's preflight); the allowed origin's are answered.
    const call = (from: Page, path: string, body?: unknown) =>
      from.evaluate(
        ([url, sent]) => fetch(url!, sent ? { method: "POST", headers: { "content-type": "application/json" }, body: sent } : {}).then((response) => `answered ${response.status}`, (error: Error) => `failed: ${error.name}`),
        [`${site.siteUrl}${path}`, body === undefined ? undefined : JSON.stringify(body)] as const,
      );
    const request = { name: "Mallory Stranger", email: "mallory@stranger.example", timeZone: "Europe/Berlin", consent: true };
    expect(await call(page, "/api/offerings")).toBe("failed: TypeError");
    expect(await call(page, "/api/contact-requests", request)).toBe("failed: TypeError");
    expect(refusals.some((text) => text.includes("CORS policy"))).toBe(true);
    await page.goto(hostUrl);
    expect(await call(page, "/api/offerings")).toBe("answered 200");
    await context.close();
  });
});

describe("concierge on the site's own form", () => {
  it("at 390 (touch): the site's submit happens, the pop-up records the contact request and shows the routed times; closed unbooked, the call-back comes", async () => {
    const { context, page, consoleErrors } = await openHostPage(390, "Europe/Berlin");
    const email = `hedy.${Date.now()}@northwind.example`;
    await page.locator("#full_name").fill("Hedy Lamarr");
    await page.locator("#work_email").fill(email);
    await page.locator("#company_name").fill("Frequency Hopping Ltd");
    await page.locator("#message").fill("Forecasting");
    // Starting on the form made the pop-up ready, unseen: its page is loaded before the visitor sends.
    await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(`${site.siteUrl}/index.html?embed=concierge`))).toBe(true);
    expect(await page.getByRole("dialog").count()).toBe(0);
    const contactRequest = page.waitForRequest((request) => request.method() === "POST" && request.url() === `${site.siteUrl}/api/contact-requests`);
    await page.getByRole("button", { name: "Send" }).tap();
    // Sent by the pop-up's own page, as if typed there: the site form's details, consent given there, the host page as the source.
    expect((await contactRequest).postDataJSON()).toMatchObject({
      name: "Hedy Lamarr",
      email,
      company: "Frequency Hopping Ltd",
      interest: "Forecasting",
      timeZone: "Europe/Berlin",
      consent: true,
      source: { referrer: hostUrl },
      // Abuse protection: the pop-up's page sends its widget's solution, as for any contact request.
      altcha: expect.stringMatching(/^[A-Za-z0-9+/=]{100,}$/),
    });
    // The site's own submit went to its own server, as before.
    await expect.poll(() => page.locator("#site-contact-result").textContent()).toBe("Thanks, we got your message.");
    expect((await (await fetch(`${hostUrl}contact`)).json()).messages).toContainEqual({ full_name: "Hedy Lamarr", work_email: email, company_name: "Frequency Hopping Ltd", message: "Forecasting" });

    // The pop-up opens on the routed times (the details folded away, filled in).
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const frame = page.frameLocator("dialog iframe");
    await frame.locator("button.slot").first().waitFor();
    expect(await frame.locator("#contact-form").isHidden()).toBe(true);
    expect(await frame.locator("#name").inputValue()).toBe("Hedy Lamarr");
    expect(await frame.locator("#company").inputValue()).toBe("Frequency Hopping Ltd");
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:contact-request"]);
    const leadId = (await heard(page))[0]!["contactRequest"] as string;
    await page.screenshot({ path: join(ARTIFACTS, "embed-concierge-390.png") });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Close" }).tap();
    await expect.poll(() => heardTypes(page)).toEqual(["liveline:contact-request", "liveline:closed"]);
    expect(await focusedText(page)).toBe("Send");

    // Unbooked: the routed rep's speed-to-lead call-back opens (within the lead's calling hours).
    const manager = { authorization: "Bearer local-token-lukas" };
    let callBack: { kind: string } | undefined;
    for (let tries = 0; tries < 12 && !callBack; tries++) {
      await callApi(site, "POST", "/api/_local/clock", { advanceMinutes: 360 });
      const queue = (await callApi(site, "GET", "/api/console/queue?rep=all", undefined, manager)).items as { kind: string; lead: { id: string } }[];
      callBack = queue.find((item) => item.lead.id === leadId);
    }
    expect(callBack?.kind).toBe("unbooked-request");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
