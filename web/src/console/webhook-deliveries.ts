// Web: a webhook delivery as the console's webhooks page lists it — its status in words, what the endpoint
// last answered, when it was tried and when it will be, and whether a manager may resend it (not while an
// attempt is still pending or scheduled: the API would answer 409).

import type { WebhookDeliveryView } from "../api/console-types";

const STATUS: Readonly<Record<WebhookDeliveryView["status"], string>> = {
  pending: "Sending",
  retrying: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
  "endpoint-disabled": "Endpoint disabled (410)",
};

export function statusLabel(status: WebhookDeliveryView["status"]): string {
  return STATUS[status] ?? status;
}

/** "200", "500", "timed out": the endpoint's last answer; "—" before the first attempt. */
export function lastAnswer(delivery: Pick<WebhookDeliveryView, "lastStatusCode" | "lastError">): string {
  if (delivery.lastStatusCode !== undefined) return String(delivery.lastStatusCode);
  return delivery.lastError ?? "—";
}

/** A resend makes one more attempt; one is already on its way while pending or retrying. */
export function canResend(status: WebhookDeliveryView["status"]): boolean {
  return status !== "pending" && status !== "retrying";
}

/** "Tue, Dec 1, 5:00:03 PM" in the reader's zone; "—" for none. */
export function deliveryTime(iso: string | undefined, timeZone: string, locale = "en-US"): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZone }).format(new Date(iso));
}
