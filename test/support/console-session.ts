// Tests: signing in to the console through the API, as the sign-in page does — the link read back from
// the SES emulator, its token posted from the site's origin, the session cookie kept for later calls.

import { expect } from "vitest";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { sentEmails } from "./ses-store";
import { defaultConfig, TEST_PUBLIC_URL, type TestApi } from "./test-api";

/** The default config with addresses no other test uses, so each test reads back only its own mail. */
export function configWithUniqueRepEmails(): LivelineConfig {
  const config = defaultConfig();
  const tag = `${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
  config.reps = config.reps.map((rep) => ({ ...rep, email: `${rep.id}.${tag}@acme-analytics.example` }));
  return config;
}

/** The sign-in links mailed to this address, newest last. */
export async function signInLinks(address: string): Promise<string[]> {
  const mails = (await sentEmails()).filter((mail) => mail.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())) && /sign-in link/.test(mail.subject));
  return mails.map((mail) => /https?:\/\/[^\s"<]+\/sign-in#token=[A-Za-z0-9_%-]+/.exec(mail.body.text ?? "")![0]);
}

export function tokenFromLink(link: string): string {
  return decodeURIComponent(new URL(link).hash.replace(/^#token=/, ""));
}

export const SITE = { origin: new URL(TEST_PUBLIC_URL).origin };

/** The cookie header that sends back the session a response set. */
export function cookieFrom(setCookies: string[]): string {
  return setCookies.map((value) => value.split(";")[0]!).join("; ");
}

/** Signs the rep in and returns headers for calls as them (cookie and the site's Origin). */
export async function signIn(api: TestApi, repId: string): Promise<Record<string, string>> {
  const rep = api.deps.catalogue.config.reps.find((candidate) => candidate.id === repId)!;
  const before = (await signInLinks(rep.email)).length;
  expect((await api.call("POST", "/api/auth/sign-in", { email: rep.email })).status).toBe(202);
  const links = await signInLinks(rep.email);
  expect(links.length).toBe(before + 1);
  const session = await api.call("POST", "/api/auth/session", { token: tokenFromLink(links.at(-1)!) }, SITE);
  expect(session.status).toBe(200);
  return { cookie: cookieFrom(session.cookies), ...SITE };
}
