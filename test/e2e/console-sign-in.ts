// Tests (e2e): signing in to the console the way a rep does — the link asked for on the sign-in page, read
// from the SES emulator, opened, and its button pressed.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { storedEmails, type E2eSite } from "./e2e-site";

/** The newest sign-in link mailed to the address. */
export async function latestSignInLink(site: E2eSite, address: string): Promise<string> {
  let links: string[] = [];
  await expect
    .poll(async () => {
      links = (await storedEmails(site, address)).filter((mail) => /sign-in link/.test(mail.subject)).map((mail) => /https?:\/\/\S+\/sign-in#token=[A-Za-z0-9_%-]+/.exec(mail.body.text ?? "")![0]);
      return links.length;
    })
    .toBeGreaterThan(0);
  return links.at(-1)!;
}

/** Asks for a link on the sign-in page, opens it from the "e-mail", and presses the button. */
export async function signInThroughPage(site: E2eSite, page: Page, address: string): Promise<void> {
  // Only sign-in mail counts: the rep's other mail (invitations, prep notes) may arrive meanwhile.
  const signInMails = async () => (await storedEmails(site, address)).filter((mail) => /sign-in link/.test(mail.subject)).length;
  const before = await signInMails();
  await page.goto(`${site.siteUrl}/sign-in`);
  await page.locator("#email").fill(address);
  await page.locator("#request-button").click();
  await page.locator("#request-result").waitFor({ state: "visible" });
  await expect.poll(signInMails).toBe(before + 1);
  const link = await latestSignInLink(site, address);
  await page.goto(link);
  // Opening the link signs nobody in by itself, and the token leaves the address bar.
  await page.locator("#confirm-button").waitFor({ state: "visible" });
  expect(page.url()).not.toContain("token");
  expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
  await page.locator("#confirm-button").click();
  await page.waitForURL(/\/console$/);
}
