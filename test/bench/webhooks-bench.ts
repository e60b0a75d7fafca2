// Bench: webhooks — what 3 configured endpoints add to a booking's request path (DynamoDB requests and
// webhook HTTP requests, against the same bookings without endpoints: there should be nothing), and the
// local deliverer's throughput: the bookings' changes read off the table's stream by the webhook handler,
// signed and POSTed to a local receiver that verifies each with the standardwebhooks library.

import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createWebhookStreamHandler } from "../../functions/handlers/webhook-stream";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { publicApiRoutes } from "../../functions/handlers/http/public-api-routes";
import type { WebhookSender } from "../../functions/ports/webhooks";
import { startStreamRunner } from "../../infra/local/stream-runner";
import { httpEvent } from "../support/test-api";
import { startWebhookReceiver, TEST_WEBHOOK_SECRET } from "../support/webhook-receiver";
import { benchDependencies, requestsPer, type BenchEngines } from "./bench-engines";
import { benchConfig } from "./booking-bench";

const BOOKINGS = 100;
const ENDPOINTS = 3;
const NOW = new Date("2026-11-30T00:00:00Z");

export async function benchWebhooks(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const receiver = await startWebhookReceiver(() => NOW);
  try {
    const webhooks: LivelineConfig["webhooks"] = Array.from({ length: ENDPOINTS }, (_, i) => ({ id: `crm-${i}`, url: receiver.url, events: ["*"], secret: TEST_WEBHOOK_SECRET }));
    const without = await bookingRequestPath(engines, []);
    const withEndpoints = await bookingRequestPath(engines, webhooks);
    print(
      `booking request path with ${ENDPOINTS} webhook endpoints: dynamodb ${requestsPer(withEndpoints.bench.dynamo, BOOKINGS)} per booking (without endpoints ${requestsPer(without.bench.dynamo, BOOKINGS)}), webhook HTTP requests ${withEndpoints.onRequestPath / BOOKINGS} per booking`,
    );

    const { deps, tableName, dynamo } = withEndpoints.bench;
    const feed = startStreamRunner({ dynamoDb: dynamo.client, tableName, handler: createWebhookStreamHandler(deps), intervalMs: 3_600_000 });
    const started = performance.now();
    await feed.drain();
    const seconds = (performance.now() - started) / 1000;
    await feed.stop();
    const delivered = receiver.received.filter((hook) => hook.verified.ok && hook.status === 200).length;
    // Each booking (and the warm-up's) made a lead and a booking: two events, to every endpoint.
    const expected = (BOOKINGS + 1) * 2 * ENDPOINTS;
    if (delivered !== expected) throw new Error(`expected ${expected} verified deliveries, got ${delivered} of ${receiver.received.length}`);
    print(`webhook deliveries through the local deliverer: ${(delivered / seconds).toFixed(0)}/s (${delivered} signed, verified deliveries of ${BOOKINGS} bookings' changes to ${ENDPOINTS} endpoints, from the stream)`);
  } finally {
    await receiver.close();
  }
}

/** BOOKINGS bookings through the API handler alone (no stream read), counting DynamoDB requests and webhook POSTs. */
async function bookingRequestPath(engines: BenchEngines, webhooks: LivelineConfig["webhooks"]) {
  const bench = await benchDependencies(engines, { config: { ...benchConfig(), webhooks }, clock: { now: () => NOW } });
  const posts: string[] = [];
  const sender = bench.deps.webhooks.sender;
  bench.deps.webhooks.sender = { post: (request) => (posts.push(request.url), sender.post(request)) } satisfies WebhookSender;
  // The prospects' API function, which takes bookings.
  const handler = createHttpApiHandler(bench.deps, publicApiRoutes);
  const startOf = (i: number) => new Date(NOW.getTime() + (60 + i * 30) * 60_000).toISOString();
  const book = (i: number) => handler(httpEvent("POST", "/api/bookings", { offering: "live-demo", start: startOf(i), name: `Hook ${i}`, email: `hook${i}@load.example`, timeZone: "Europe/Berlin", consent: true }));
  await book(BOOKINGS + 1); // warm-up
  bench.dynamo.reset();
  for (let i = 0; i < BOOKINGS; i++) {
    const { statusCode } = await book(i);
    if (statusCode !== 201) throw new Error(`booking ${i} answered ${statusCode}`);
  }
  return { bench, onRequestPath: posts.length };
}
