// Chaos: the SES emulator down for ten minutes of local time while a demo is booked and another's reminder
// falls due; once it is back, every invitation and reminder is sent exactly once. And a timer whose handler
// throws once has its effect once, after the local runner's retry.

import { SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, describe, expect, it } from "vitest";
import { SesV2Mailer } from "../../functions/adapters/ses/mailer.sesv2";
import { freePort } from "../../infra/local/free-port";
import { startSesLocal, type RunningSes } from "../../infra/local/ses-local";
import { faultyStore } from "../support/faulty-store";
import { createLifecycle, mailsTo } from "../support/lifecycle-harness";
import type { StoredEmail } from "../support/ses-store";

let ses: RunningSes | undefined;
afterAll(async () => ses?.stop());

async function storedAt(endpoint: string): Promise<StoredEmail[]> {
  return ((await (await fetch(`${endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;
}

const to = (emails: StoredEmail[], address: string, subject: RegExp) =>
  emails.filter((e) => e.destination.to.some((recipient) => recipient.includes(address)) && subject.test(e.subject));

describe("the SES emulator down for ten minutes", () => {
  it("sends the invitations and reminders held back during the outage once each when it returns", async () => {
    const port = await freePort();
    ses = await startSesLocal({ port });
    const endpoint = ses.endpoint;
    // The product's mailer, pointed at this test's own emulator (so stopping it disturbs no other test).
    const client = new SESv2Client({ endpoint, maxAttempts: 2, requestHandler: { requestTimeout: 5_000, connectionTimeout: 1_000 } });
    const life = await createLifecycle("2026-12-01T14:00:00Z", { wrapMailer: () => new SesV2Mailer(client) });
    const stamp = Date.now();
    const early = { offering: "live-demo", start: "2026-12-01T16:30:00Z", name: "Early Bird", email: `early.${stamp}@outage.example`, timeZone: "UTC", consent: true };
    const late = { offering: "live-demo", start: "2026-12-01T19:00:00Z", name: "Late Comer", email: `late.${stamp}@outage.example`, timeZone: "UTC", consent: true };
    expect((await life.api.call("POST", "/api/bookings", early)).status).toBe(201);
    expect(to(await storedAt(endpoint), early.email, /.*/)).toHaveLength(1);

    // 15:25: SES goes away. A booking still succeeds; its invitations wait in the outbox.
    await life.advance(85);
    await ses.stop();
    expect((await life.api.call("POST", "/api/bookings", late)).status).toBe(201);
    // 15:30: the early demo's 1-hour reminder falls due and cannot be sent either. Sweeps every minute fail.
    for (let minute = 0; minute < 10; minute++) {
      await life.advance(1);
      await life.fire({ kind: "outbox-sweep" });
    }
    // 15:35: SES is back (the emulator keeps its store across restarts in one process: it counts everything).
    ses = await startSesLocal({ port });
    for (let minute = 0; minute < 20; minute++) {
      await life.advance(1);
      await Promise.all([life.fire({ kind: "outbox-sweep" }), life.fire({ kind: "outbox-sweep" })]);
    }
    const after = await storedAt(endpoint);
    expect(to(after, late.email, /^Confirmed/), "the late prospect's invitation").toHaveLength(1);
    expect(after.filter((e) => e.destination.to.some((a) => a.includes("maya.johnson@")) && e.body.text?.includes(late.email)), "the rep's invitation").toHaveLength(1);
    expect(to(after, early.email, /^In 1 hour/), "the early prospect's reminder").toHaveLength(1);
    expect(to(after, early.email, /^Confirmed/), "sent before the outage, not again").toHaveLength(1);
  });
});

describe("a timer whose handler throws once", () => {
  it("has its effect once, after the local runner's retry", async () => {
    const failures = { left: 0 };
    const throwOnce = faultyStore((method) => (method === "getBooking" && failures.left-- > 0 ? new Error("injected failure") : undefined));
    const life = await createLifecycle("2026-11-30T06:00:00Z", { wrapStore: throwOnce });
    const email = `throws.${Date.now()}@outage.example`;
    expect((await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Tess Throw", email, timeZone: "UTC", consent: true })).status).toBe(201);

    life.clock.set("2026-12-01T15:59:00Z");
    await life.runner.drain(); // what was due before (the 24-hour reminder)
    failures.left = 1;
    await life.advance(1); // 16:00: the 1-hour reminder fires and throws
    expect(failures.left).toBeLessThan(1);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /^In 1 hour/)).toHaveLength(0);
    await life.advance(1); // the runner retries 30 s later
    await life.fire({ kind: "outbox-sweep" });
    await life.advance(5);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /^In 1 hour/)).toHaveLength(1);
  });
});
