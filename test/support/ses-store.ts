// Tests: reads back what the SES emulator received (GET /store), for the e-mails of one test.

import { sesEndpoint } from "./engines";

export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  at: number;
}

/**
 * When this test file started (the emulator's `at` is in whole seconds): its mails are all sent after, so it
 * asks only for those — the run's one emulator keeps every file's mails, and the whole store grows to
 * megabytes that each read would otherwise carry.
 */
const FILE_STARTED_AT = Math.floor(Date.now() / 1000) - 1;

export async function sentEmails(): Promise<StoredEmail[]> {
  const response = await fetch(`${sesEndpoint()}/store?since=${FILE_STARTED_AT}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}

/** E-mails whose To contains this address. */
export async function emailsTo(address: string): Promise<StoredEmail[]> {
  return (await sentEmails()).filter((email) => email.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())));
}

/** The decoded text/calendar parts of an e-mail (the alternative part and the invite.ics copy). */
export function calendarParts(email: StoredEmail): { contentType: string; filename?: string; text: string }[] {
  return email.attachments
    .filter((a) => /text\/calendar|application\/ics/i.test(a.contentType))
    .map((a) => ({ contentType: a.contentType, filename: a.filename, text: Buffer.from(a.content, "base64").toString("utf8") }));
}
