// The console's webhooks (managers): each endpoint's last deliveries with status and last answer, and a
// resend — one more attempt now, made by the retry timer, with the same webhook-id; reps are refused.
import { afterEach, describe, expect, it } from "vitest";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_MS } from "../../../functions/core/webhooks/webhook-retries";
import { createLifecycle } from "../../support/lifecycle-harness";
import { defaultConfig } from "../../support/test-api";
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, type WebhookReceiver } from "../../support/webhook-receiver";

const NOW = "2026-11-30T06:00:00Z";
const MANAGER = { authorization: "Bearer local-token-lukas" };
const REP = { authorization: "Bearer local-token-maya" };

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function failedDelivery() {
  let life: Awaited<ReturnType<typeof createLifecycle>> | undefined;
  receiver = await startWebhookReceiver(() => life!.clock.now());
  receiver.answer(...Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 500));
  life = await createLifecycle(NOW, { config: { ...defaultConfig(), webhooks: [{ id: "crm", url: receiver.url, events: ["booking.confirmed"], secret: TEST_WEBHOOK_SECRET }] } });
  const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Jane Doe", email: `jane.console.${Date.now()}@globex.example`, timeZone: "Europe/Paris", consent: true });
  expect(booked.status).toBe(201);
  await life.api.deliverWebhooks();
  for (const delay of WEBHOOK_RETRY_DELAYS_MS) await life.advance(Math.ceil(delay / 60_000));
  return life;
}

describe("the console's webhooks", () => {
  it("list each endpoint's deliveries with status and last answer, for managers only", async () => {
    const life = await failedDelivery();
    expect((await life.api.call("GET", "/api/console/webhooks", undefined, REP)).status).toBe(403);
    const listed = await life.api.call("GET", "/api/console/webhooks", undefined, MANAGER);
    expect(listed.status).toBe(200);
    expect(listed.json.endpoints).toEqual([
      {
        id: "crm",
        url: receiver!.url,
        events: ["booking.confirmed"],
        deliveries: [expect.objectContaining({ id: receiver!.received[0]!.headers["webhook-id"], type: "booking.confirmed", status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 500 })],
      },
    ]);
    expect(listed.json.endpoints[0].deliveries[0]).not.toHaveProperty("body");
  });

  it("resend a failed delivery now with the same webhook-id; once on its way, a second resend is refused", async () => {
    const life = await failedDelivery();
    const [delivery] = (await life.api.call("GET", "/api/console/webhooks", undefined, MANAGER)).json.endpoints[0].deliveries;
    const path = `/api/console/webhooks/crm/deliveries/${delivery.id}/resend`;
    expect((await life.api.call("POST", path, undefined, REP)).status).toBe(403);
    const resent = await life.api.call("POST", path, undefined, MANAGER);
    expect(resent.status).toBe(202);
    expect(resent.json).toMatchObject({ id: delivery.id, status: "retrying", attempts: WEBHOOK_MAX_ATTEMPTS });
    expect((await life.api.call("POST", path, undefined, MANAGER)).status).toBe(409);

    await life.advance(1);
    const last = receiver!.received.at(-1)!;
    expect(receiver!.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
    expect(last).toMatchObject({ status: 200, verified: { ok: true } });
    expect(last.headers["webhook-id"]).toBe(delivery.id);
    const after = (await life.api.call("GET", "/api/console/webhooks", undefined, MANAGER)).json.endpoints[0].deliveries[0];
    expect(after).toMatchObject({ status: "delivered", attempts: WEBHOOK_MAX_ATTEMPTS + 1, lastStatusCode: 200 });
    expect((await life.api.call("POST", "/api/console/webhooks/crm/deliveries/msg_unknown/resend", undefined, MANAGER)).status).toBe(404);
    expect((await life.api.call("POST", `/api/console/webhooks/nope/deliveries/${delivery.id}/resend`, undefined, MANAGER)).status).toBe(404);
  });
});
