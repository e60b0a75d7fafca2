// Tests: a plain-HTTP webhook receiver on this machine — it verifies every delivery it gets with the
// `standardwebhooks` library (the receiver side of the spec), records it, and answers the statuses a
// test queues (200 once the queue is empty).

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export const TEST_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
  /** The verified payload, or why verification failed. */
  verified: { ok: true; payload: any } | { ok: false; error: string };
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses to answer, in order, before answering 200 again. */
  answer(...statuses: number[]): void;
  /** Stops answering: requests hang until `resume` (a slow endpoint). */
  stall(): void;
  close(): Promise<void>;
}

/**
 * The library's verify, at `now` (the test's clock: it checks the timestamp is within 5 minutes of now).
 * Date.now is swapped only for the synchronous call.
 */
export function verifyAt(verifier: Webhook, body: string, headers: Record<string, string>, now: Date): unknown {
  const realNow = Date.now;
  Date.now = () => now.getTime();
  try {
    return verifier.verify(body, headers);
  } finally {
    Date.now = realNow;
  }
}

/** `now`: the clock the deliverer signs with (a test clock), so the timestamp check is the library's own. */
export async function startWebhookReceiver(now: () => Date = () => new Date(), secret = TEST_WEBHOOK_SECRET): Promise<WebhookReceiver> {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  let stalled = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (stalled) return;
      const body = Buffer.concat(chunks).toString("utf8");
      let verified: ReceivedWebhook["verified"];
      try {
        verified = { ok: true, payload: verifyAt(verifier, body, request.headers as Record<string, string>, now()) };
      } catch (error) {
        verified = { ok: false, error: String(error) };
      }
      const status = queued.shift() ?? 200;
      received.push({ headers: request.headers, body, status, verified });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (...statuses) => queued.push(...statuses),
    stall: () => {
      stalled = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
