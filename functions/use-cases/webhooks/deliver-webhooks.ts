// Use case: webhook deliveries. The webhook function hands over the changes the table's stream reported
// (fanOutWebhooks): each becomes its event, one delivery per endpoint that takes it — stored first, under
// an id made of the change and the endpoint, so a redelivered change makes no second delivery and every
// attempt carries the same webhook-id — and its first attempt is made at once. A failed attempt schedules
// the next on the retry timer (core/webhooks/webhook-retries.ts); a 2xx ends it, 410 Gone disables the endpoint,
// the last failure dead-letters it. Nothing here runs on a request's path.

import { createHash } from "node:crypto";
import type { Lead } from "../../core/bookings/booking";
import type { TimerSpec } from "../../core/bookings/timer-plan";
import { nextWebhookAttemptAt, webhookAnswer, WEBHOOK_MAX_ATTEMPTS } from "../../core/webhooks/webhook-retries";
import { WebhookUnreachable, type WebhookAttemptRecord, type WebhookDelivery, type WebhookDeliveryKey, type WebhookEndpoint } from "../../ports/webhooks";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { sourceKey, sourceTime, webhookEventOf, type WebhookSource } from "./webhook-events";

/** The deterministic id of a change's delivery to an endpoint (the webhook-id header). */
export function deliveryId(endpointId: string, key: string): string {
  return `msg_${createHash("sha256").update(`${endpointId}\n${key}`).digest("base64url").slice(0, 27)}`;
}

export function retryTimerName(delivery: Pick<WebhookDelivery, "id">, attempt: number): string {
  return `webhook-${delivery.id.slice(4)}-a${attempt}`;
}

/**
 * The changes' deliveries: created (once), then the ones not yet attempted are attempted now, together.
 * Returns the deliveries attempted.
 */
export async function fanOutWebhooks(deps: UseCaseDependencies, sources: readonly WebhookSource[]): Promise<WebhookDelivery[]> {
  if (deps.webhooks.endpointIds.length === 0 || sources.length === 0) return [];
  const endpoints = await deps.webhooks.endpoints();
  const leads = await leadsOf(deps, sources);
  const deliveries: WebhookDelivery[] = [];
  for (const source of sources) {
    const leadId = source.kind === "lead-created" ? source.lead.id : source.event.leadId;
    const lead = source.kind === "lead-created" ? source.lead : leads.get(leadId);
    // An erased lead's events reach no one.
    if (!lead) continue;
    const event = webhookEventOf(source, lead);
    if (!event) continue;
    const body = JSON.stringify(event);
    for (const endpoint of endpoints) {
      if (endpoint.events && !endpoint.events.has(event.type)) continue;
      deliveries.push({ id: deliveryId(endpoint.id, sourceKey(source)), endpointId: endpoint.id, type: event.type, createdAt: sourceTime(source), body, status: "pending", attempts: 0 });
    }
  }
  if (deliveries.length === 0) return [];
  const stored = await deps.webhooks.deliveries.create(deliveries);
  // A redelivered change whose delivery was stored but never attempted (the worker stopped in between) is attempted now.
  const due = stored.filter((delivery) => delivery.status === "pending" && delivery.attempts === 0);
  const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  // Whether each endpoint is disabled: read once for the batch, not per delivery.
  const targets = [...new Set(due.map((delivery) => delivery.endpointId))].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const disabled = await Promise.all(targets.map((endpoint) => deps.webhooks.deliveries.disabledAt(endpoint.id, endpoint.url)));
  const disabledIds = new Set(targets.filter((_, index) => disabled[index]).map((endpoint) => endpoint.id));
  await Promise.all(due.map((delivery) => attempt(deps, delivery, byId.get(delivery.endpointId), disabledIds.has(delivery.endpointId))));
  return due;
}

/** The retry timer fired: attempt `attempt` of the delivery, unless another attempt happened meanwhile. */
export async function retryWebhook(deps: UseCaseDependencies, key: WebhookDeliveryKey, attemptNumber: number): Promise<"sent" | "stale"> {
  const delivery = await deps.webhooks.deliveries.get(key);
  // Fewer attempts recorded than the timer expects: the worker that scheduled it stopped before recording its own; send now.
  if (!delivery || delivery.attempts >= attemptNumber || (delivery.status !== "retrying" && delivery.status !== "pending")) return "stale";
  const endpoint = (await deps.webhooks.endpoints()).find((candidate) => candidate.id === key.endpointId);
  await attempt(deps, delivery, endpoint, endpoint !== undefined && (await deps.webhooks.deliveries.disabledAt(endpoint.id, endpoint.url)) !== undefined);
  return "sent";
}

/** One attempt; `disabled`: the endpoint (at its URL) answered 410 before. */
async function attempt(deps: UseCaseDependencies, delivery: WebhookDelivery, endpoint: WebhookEndpoint | undefined, disabled: boolean): Promise<void> {
  const key = { endpointId: delivery.endpointId, createdAt: delivery.createdAt, id: delivery.id };
  const now = deps.clock.now();
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastAttemptAt: now.toISOString() };
  if (!endpoint) {
    // Removed from the config since: nothing to send to.
    await deps.webhooks.deliveries.recordAttempt(key, delivery.attempts, { ...base, status: "failed", lastError: "endpoint no longer configured" });
    return;
  }
  if (disabled) {
    await deps.webhooks.deliveries.recordAttempt(key, delivery.attempts, { ...base, status: "endpoint-disabled", lastError: "the endpoint answered 410 Gone before" });
    return;
  }
  let record: WebhookAttemptRecord;
  try {
    const headers = { "content-type": "application/json", "user-agent": "Liveline-Webhooks/1", ...deps.webhooks.sign(endpoint.secret, delivery.id, now, delivery.body) };
    const { status } = await deps.webhooks.sender.post({ url: endpoint.url, headers, body: delivery.body });
    const answer = webhookAnswer(status);
    if (answer === "delivered") record = { ...base, status: "delivered", lastStatusCode: status, deliveredAt: now.toISOString() };
    else if (answer === "gone") {
      await deps.webhooks.deliveries.disable(endpoint.id, endpoint.url, now.toISOString());
      deps.log("warn", "webhook endpoint answered 410 Gone: disabled", { endpointId: endpoint.id });
      record = { ...base, status: "endpoint-disabled", lastStatusCode: status };
    } else record = await failed(deps, delivery, base, { lastStatusCode: status });
  } catch (error) {
    if (!(error instanceof WebhookUnreachable)) throw error;
    record = await failed(deps, delivery, base, { lastError: error.message });
  }
  await deps.webhooks.deliveries.recordAttempt(key, delivery.attempts, record);
}

/** A failed attempt: the next one on its timer, or — the last — the dead-letter record. */
async function failed(deps: UseCaseDependencies, delivery: WebhookDelivery, base: { attempts: number; lastAttemptAt: string }, why: Pick<WebhookAttemptRecord, "lastStatusCode" | "lastError">): Promise<WebhookAttemptRecord> {
  const nextAt = nextWebhookAttemptAt(base.attempts, Date.parse(base.lastAttemptAt));
  if (nextAt === undefined) {
    const record: WebhookAttemptRecord = { ...base, ...why, status: "failed" };
    await deps.webhooks.deadLetter?.({ ...delivery, ...record });
    deps.log("error", "webhook delivery failed for good: dead-lettered", { endpointId: delivery.endpointId, deliveryId: delivery.id, type: delivery.type, attempts: WEBHOOK_MAX_ATTEMPTS, ...why });
    return record;
  }
  const timer: TimerSpec = {
    name: retryTimerName(delivery, base.attempts + 1),
    fireAt: nextAt,
    payload: { kind: "webhook-retry", endpointId: delivery.endpointId, createdAt: delivery.createdAt, deliveryId: delivery.id, attempt: base.attempts + 1 },
  };
  // Scheduled before the attempt is recorded: after a crash in between, the timer finds the attempt unrecorded and sends it.
  await deps.timers.schedule([timer]);
  return { ...base, ...why, status: "retrying", nextAttemptAt: new Date(nextAt).toISOString() };
}

async function leadsOf(deps: UseCaseDependencies, sources: readonly WebhookSource[]): Promise<Map<string, Lead>> {
  const ids = [...new Set(sources.flatMap((source) => (source.kind === "lead-event" ? [source.event.leadId] : [])))];
  const leads = await Promise.all(ids.map((id) => deps.store.getLead(id)));
  return new Map(ids.flatMap((id, index) => (leads[index] ? [[id, leads[index]] as const] : [])));
}
