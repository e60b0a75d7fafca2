// Webhook deliveries on the real engines: a booking's changes reach a local receiver through the table's
// stream and the webhook handler, signed per Standard Webhooks (the receiver verifies each with the
// `standardwebhooks` library); retries come on the retry timer as the test clock moves, with the same
// webhook-id, until a 2xx; 410 disables the endpoint; after the last attempt the delivery is dead-lettered;
// nothing is sent on the booking's request path.

import { afterEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_MS } from "../../../functions/core/webhooks/webhook-retries";
import type { LivelineConfig } from "../../../functions/config/liveline-config";
import type { WebhookDelivery, WebhookSender } from "../../../functions/ports/webhooks";
import { fanOutWebhooks } from "../../../functions/use-cases/webhooks/deliver-webhooks";
import { erasePersonalData } from "../../../functions/use-cases/access/personal-data-requests";
import { resendDelivery } from "../../../functions/use-cases/webhooks/webhook-console";
import { DynamoDbPersonalDataStore } from "../../../functions/adapters/dynamodb/personal-data-store.dynamodb";
import { WEBHOOK_EVENTS } from "../../../functions/validation/webhook-events";
import { createLifecycle } from "../../support/lifecycle-harness";
import { defaultConfig } from "../../support/test-api";
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, verifyAt, type WebhookReceiver } from "../../support/webhook-receiver";

// Monday 06:00Z; Tuesday 17:00Z is Maya's (Chicago) alone.
const NOW = "2026-11-30T06:00:00Z";
const DEMO = "2026-12-01T17:00:00Z";

let counter = 0;
function prospect() {
  counter++;
  return { offering: "live-demo", start: DEMO, name: "Jane Doe", email: `jane.hook${counter}.${Date.now()}@globex.example`, phone: "+1 312 555 0199", company: "Globex", timeZone: "Europe/Paris", consent: true };
}

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** The clock the deliveries are signed with: the test clock, moved by each test. */
let clockNow = () => new Date(NOW);

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(() => clockNow());
  receivers.push(started);
  return started;
}

function withWebhooks(...webhooks: LivelineConfig["webhooks"]): LivelineConfig {
  return { ...defaultConfig(), webhooks };
}

async function lifecycleWith(...webhooks: LivelineConfig["webhooks"]) {
  const life = await createLifecycle(NOW, { config: withWebhooks(...webhooks) });
  clockNow = () => life.clock.now();
  return life;
}

const bookingsOnly = (url: string) => ({ id: "crm", url, events: ["booking.confirmed" as const], secret: TEST_WEBHOOK_SECRET });

describe("webhook deliveries", () => {
  it("send a booking's events, signed, to each endpoint that takes them; a redelivered change sends nothing more", async () => {
    const all = await receiver();
    const bookings = await receiver();
    const life = await lifecycleWith({ id: "everything", url: all.url, events: ["*"], secret: TEST_WEBHOOK_SECRET }, bookingsOnly(bookings.url));
    const body = prospect();
    const booked = await life.api.call("POST", "/api/bookings", body);
    expect(booked.status).toBe(201);
    await life.api.deliverWebhooks();

    expect(all.received.map((hook) => hook.verified.ok && hook.verified.payload.type)).toEqual(["lead.created", "booking.confirmed"]);
    expect(bookings.received.map((hook) => hook.verified.ok && hook.verified.payload.type)).toEqual(["booking.confirmed"]);
    for (const hook of [...all.received, ...bookings.received]) {
      expect(hook.verified.ok).toBe(true);
      const payload = JSON.parse(hook.body);
      expect(WEBHOOK_EVENTS[payload.type as keyof typeof WEBHOOK_EVENTS].schema.safeParse(payload).success).toBe(true);
      expect(hook.headers["content-type"]).toBe("application/json");
      expect(hook.headers["webhook-id"]).toMatch(/^msg_[\w-]{27}$/);
    }
    const confirmed = JSON.parse(bookings.received[0]!.body);
    expect(confirmed.data).toEqual({
      lead: { id: expect.any(String), name: "Jane Doe", email: body.email, phone: "+13125550199", company: "Globex", timeZone: "Europe/Paris" },
      booking: { id: booked.json.id, offeringId: "live-demo", repId: "maya", start: "2026-12-01T17:00:00.000Z" },
    });
    // The two endpoints' deliveries of one change are two messages.
    expect(bookings.received[0]!.headers["webhook-id"]).not.toBe(all.received[1]!.headers["webhook-id"]);

    // The stream delivers the same change again (at least once): the stored delivery is not made again.
    const lead = (await life.api.deps.store.getLead(confirmed.data.lead.id))!;
    const again = await fanOutWebhooks(life.api.deps, [{ kind: "lead-created", lead }]);
    expect(again).toEqual([]);
    expect(all.received).toHaveLength(2);
  });

  it("an erasure scrubs the person from the stored deliveries: the bodies stay valid events, and a resend carries no personal data", async () => {
    const crm = await receiver();
    const life = await lifecycleWith({ id: "crm", url: crm.url, events: ["*"], secret: TEST_WEBHOOK_SECRET });
    const jane = prospect();
    expect((await life.api.call("POST", "/api/bookings", jane)).status).toBe(201);
    await life.api.deliverWebhooks();
    const stored = () => life.api.deps.webhooks.deliveries.recent("crm", 100);
    const mine = async () => (await stored()).filter((delivery) => JSON.parse(delivery.body).data.lead?.id === leadId);
    const leadId = JSON.parse(crm.received[0]!.body).data.lead.id as string;
    expect((await mine()).map((delivery) => delivery.type).sort()).toEqual(["booking.confirmed", "lead.created"]);
    expect((await mine()).every((delivery) => delivery.body.includes(jane.email))).toBe(true);

    const deps = { ...life.api.deps, personalData: new DynamoDbPersonalDataStore(life.api.documents, life.api.tableName) };
    await erasePersonalData(deps, jane.email, { actor: "manager:maya" });
    // What the erasure's own cancellation wrote reaches the stream too.
    await life.api.deliverWebhooks();
    const after = await mine();
    // Her events are still listed (the console's history of what was sent), without her details.
    expect(after.map((delivery) => delivery.type)).toEqual(expect.arrayContaining(["booking.confirmed", "lead.created"]));
    for (const delivery of after) {
      for (const detail of [jane.email, "Jane Doe", "+13125550199", "Globex"]) expect(delivery.body, `${delivery.type}: ${detail}`).not.toContain(detail);
      const event = JSON.parse(delivery.body);
      expect(event.data.lead).toMatchObject({ id: leadId, name: "[erased]", email: "[erased]" });
    }
    // A resend sends the scrubbed body, still signed and verifiable.
    const confirmed = after.find((delivery) => delivery.type === "booking.confirmed")!;
    await resendDelivery(life.api.deps, "crm", confirmed.id);
    await life.advance(1);
    const resent = crm.received.filter((hook) => hook.headers["webhook-id"] === confirmed.id).at(-1)!;
    expect(resent.verified.ok).toBe(true);
    expect(resent.body).not.toContain(jane.email);
    expect(JSON.parse(resent.body).data.lead.email).toBe("[erased]");
  });

  it("retries with backoff on the retry timer, with the same webhook-id, until the first 2xx", async () => {
    const crm = await receiver();
    crm.answer(500, 500, 500);
    const life = await lifecycleWith(bookingsOnly(crm.url));
    expect((await life.api.call("POST", "/api/bookings", prospect())).status).toBe(201);
    await life.api.deliverWebhooks();
    expect(crm.received.map((hook) => hook.status)).toEqual([500]);

    // 5 s, then 5 minutes, then 30 minutes after each failure: nothing earlier.
    await life.advance(1);
    expect(crm.received.map((hook) => hook.status)).toEqual([500, 500]);
    await life.advance(4);
    expect(crm.received).toHaveLength(2);
    await life.advance(1);
    expect(crm.received.map((hook) => hook.status)).toEqual([500, 500, 500]);
    await life.advance(30);
    expect(crm.received.map((hook) => hook.status)).toEqual([500, 500, 500, 200]);
    await life.advance(48 * 60);
    expect(crm.received.map((hook) => hook.status)).toEqual([500, 500, 500, 200]);

    expect(new Set(crm.received.map((hook) => hook.headers["webhook-id"])).size).toBe(1);
    expect(crm.received.every((hook) => hook.verified.ok)).toBe(true);
    // Each attempt is signed at its own time.
    expect(new Set(crm.received.map((hook) => hook.headers["webhook-timestamp"])).size).toBe(4);
    const [delivery] = await life.api.deps.webhooks.deliveries.recent("crm", 100);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 4, lastStatusCode: 200, type: "booking.confirmed" });
    expect(await life.timerNames()).not.toContainEqual(expect.stringMatching(/^webhook-/));
  });

  it("dead-letters a delivery every attempt of which failed, after more than 24 hours", async () => {
    const crm = await receiver();
    crm.answer(...Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 503));
    const life = await lifecycleWith(bookingsOnly(crm.url));
    // In AWS the stack's dead-letter queue (adapters/aws/webhook-dead-letters.sqs.ts); here, what it is handed.
    const parked: WebhookDelivery[] = [];
    life.api.deps.webhooks.deadLetter = async (delivery) => void parked.push(delivery);
    await life.api.call("POST", "/api/bookings", prospect());
    await life.api.deliverWebhooks();
    const totalMs = WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(totalMs).toBeGreaterThan(24 * 3_600_000);
    for (const delay of WEBHOOK_RETRY_DELAYS_MS) await life.advance(Math.ceil(delay / 60_000));
    expect(crm.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    await life.advance(24 * 60);
    expect(crm.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const [delivery] = await life.api.deps.webhooks.deliveries.recent("crm", 100);
    expect(delivery).toMatchObject({ status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503 });
    expect(delivery!.nextAttemptAt).toBeUndefined();
    expect(parked).toEqual([expect.objectContaining({ id: delivery!.id, endpointId: "crm", status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS })]);
  });

  it("disables an endpoint that answers 410 Gone: nothing more is sent to it", async () => {
    const crm = await receiver();
    crm.answer(410);
    const life = await lifecycleWith(bookingsOnly(crm.url));
    await life.api.call("POST", "/api/bookings", prospect());
    await life.api.deliverWebhooks();
    await life.advance(60);
    expect((await life.api.call("POST", "/api/bookings", { ...prospect(), start: "2026-12-02T17:00:00Z" })).status).toBe(201);
    await life.api.deliverWebhooks();
    expect(crm.received.map((hook) => hook.status)).toEqual([410]);
    const deliveries = await life.api.deps.webhooks.deliveries.recent("crm", 100);
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["endpoint-disabled", "endpoint-disabled"]);
  });

  it("sends nothing on the booking's request path; an endpoint that is down only delays its own delivery", async () => {
    const crm = await receiver();
    const posts: string[] = [];
    const counting = (sender: WebhookSender): WebhookSender => ({ post: (request) => (posts.push(request.url), sender.post(request)) });
    const life = await lifecycleWith(bookingsOnly(crm.url), { ...bookingsOnly(crm.url), id: "crm-2" }, { ...bookingsOnly(crm.url), id: "crm-3" });
    life.api.deps.webhooks.sender = counting(life.api.deps.webhooks.sender);
    await crm.close();
    const booked = await life.api.call("POST", "/api/bookings", prospect());
    expect(booked.status).toBe(201);
    expect(booked.json.id).toEqual(expect.any(String));
    expect(posts).toEqual([]);
    await life.api.deliverWebhooks();
    expect(posts).toHaveLength(3);
    const deliveries = await life.api.deps.webhooks.deliveries.recent("crm", 100);
    expect(deliveries[0]).toMatchObject({ status: "retrying", attempts: 1, lastError: expect.stringContaining("ECONNREFUSED") });
  });

  it("a forged signature fails the receiver's verification", async () => {
    const crm = await receiver();
    const life = await lifecycleWith(bookingsOnly(crm.url));
    await life.api.call("POST", "/api/bookings", prospect());
    await life.api.deliverWebhooks();
    const [hook] = crm.received;
    const headers = hook!.headers as Record<string, string>;
    const verifier = new Webhook(TEST_WEBHOOK_SECRET);
    const now = life.clock.now();
    expect(verifyAt(verifier, hook!.body, headers, now)).toMatchObject({ type: "booking.confirmed" });
    expect(() => verifyAt(verifier, hook!.body.replace("Jane Doe", "Jane Forged"), headers, now)).toThrow(/signature/);
    const forger = new Webhook("whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=");
    const forged = { ...headers, "webhook-signature": forger.sign(headers["webhook-id"]!, new Date(Number(headers["webhook-timestamp"]) * 1000), hook!.body) };
    expect(() => verifyAt(verifier, hook!.body, forged, now)).toThrow(/signature/);
  });
});
