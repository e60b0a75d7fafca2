// Core: when a failed webhook delivery is tried again — the Standard Webhooks schedule (as Svix sends
// it): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failure, 8 attempts over 27 h 35 min; after the
// last the delivery is dead-lettered. The same delivery keeps its webhook-id on every attempt.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after failed attempt n (index n - 1). */
export const WEBHOOK_RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
/** How long an endpoint must answer within. */
export const WEBHOOK_TIMEOUT_MS = 10 * SECOND;

/** When attempt `attempts + 1` is due after `attempts` failed ones (the last at `failedAt`); undefined: no more. */
export function nextWebhookAttemptAt(attempts: number, failedAt: number): number | undefined {
  const delay = WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? undefined : failedAt + delay;
}

/** What an endpoint's answer means for the delivery. */
export function webhookAnswer(status: number): "delivered" | "gone" | "retry" {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 410) return "gone";
  return "retry";
}
