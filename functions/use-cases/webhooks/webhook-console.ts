// Use case: the console's view of webhooks (managers) — each configured endpoint with its last 100
// deliveries (status, attempts, last answer), and resending one: one more attempt with the same webhook-id,
// made by the timer function as every retry is (the API function holds no endpoint secret and reaches no
// endpoint). Resending to an endpoint that answered 410 Gone enables it again: the manager says it is back.

import { ConflictError, NotFound } from "../../core/errors";
import type { WebhookDelivery } from "../../ports/webhooks";
import { retryTimerName } from "./deliver-webhooks";
import type { UseCaseDependencies } from "../use-case-dependencies";

export const RECENT_DELIVERIES = 100;

export interface EndpointDeliveries {
  id: string;
  url: string;
  events: string[];
  disabledAt?: string;
  deliveries: WebhookDelivery[];
}

export async function endpointDeliveries(deps: UseCaseDependencies): Promise<EndpointDeliveries[]> {
  return Promise.all(
    deps.catalogue.config.webhooks.map(async (endpoint) => {
      const [deliveries, disabledAt] = await Promise.all([deps.webhooks.deliveries.recent(endpoint.id, RECENT_DELIVERIES), deps.webhooks.deliveries.disabledAt(endpoint.id, endpoint.url)]);
      return { id: endpoint.id, url: endpoint.url, events: [...endpoint.events], ...(disabledAt ? { disabledAt } : {}), deliveries };
    }),
  );
}

/** A delivery already on its way (pending, or its next attempt scheduled): resending it would send it twice. */
export class DeliveryInProgress extends ConflictError {
  readonly code = "delivery_in_progress";
  constructor() {
    super("This delivery is still being tried: its next attempt is scheduled.");
    this.name = "DeliveryInProgress";
  }
}

/** Schedules one more attempt of a delivery among the endpoint's last 100, now. */
export async function resendDelivery(deps: UseCaseDependencies, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const endpoint = deps.catalogue.config.webhooks.find((candidate) => candidate.id === endpointId);
  if (!endpoint) throw new NotFound("webhook endpoint");
  const delivery = (await deps.webhooks.deliveries.recent(endpointId, RECENT_DELIVERIES)).find((candidate) => candidate.id === deliveryId);
  if (!delivery) throw new NotFound("webhook delivery");
  if (delivery.status === "pending" || delivery.status === "retrying") throw new DeliveryInProgress();
  const now = deps.clock.now();
  const attempt = delivery.attempts + 1;
  if (delivery.status === "endpoint-disabled") await deps.webhooks.deliveries.enable(endpointId);
  await deps.timers.schedule([
    {
      name: `${retryTimerName(delivery, attempt)}-resend`,
      fireAt: now.getTime(),
      payload: { kind: "webhook-retry", endpointId, createdAt: delivery.createdAt, deliveryId, attempt },
    },
  ]);
  const { lastAttemptAt, lastStatusCode, lastError } = delivery;
  const resent = { status: "retrying" as const, attempts: delivery.attempts, nextAttemptAt: now.toISOString(), lastAttemptAt, lastStatusCode, lastError };
  if (!(await deps.webhooks.deliveries.recordAttempt({ endpointId, createdAt: delivery.createdAt, id: deliveryId }, delivery.attempts, resent))) throw new DeliveryInProgress();
  return { ...delivery, ...resent };
}
