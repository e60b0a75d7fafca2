// Handlers: the webhook function's side of the table's change stream — which records are changes a webhook
// carries (a new lead; a new log event of the kinds the catalogue maps — WEBHOOK_STREAM_FILTER, what the
// stack's event source mapping filters on, checked again here since the local stream runner delivers
// every record) and the handler that fans them out to the endpoints (use-cases/webhooks/deliver-webhooks.ts). A
// batch that cannot be stored is reported failed, so Lambda delivers it again; deliveries already stored
// are not made twice.

import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Lead, LeadEvent } from "../core/bookings/booking";
import { fanOutWebhooks } from "../use-cases/webhooks/deliver-webhooks";
import type { UseCaseDependencies } from "../use-cases/use-case-dependencies";
import { WEBHOOK_LEAD_EVENT_KINDS, type WebhookSource } from "../use-cases/webhooks/webhook-events";
import { allOrNothingBatch, type DynamoDBStreamEvent, type DynamoDBStreamRecord, type StreamBatchResponse } from "./dynamodb-stream-types";

const LEAD_ENTITY = "lead";
const LEAD_EVENT_ENTITY = "lead-event";
const KINDS: ReadonlySet<string> = new Set(WEBHOOK_LEAD_EVENT_KINDS);

/** The event source mapping's filters (any one matches): new leads, and new log events of the mapped kinds. */
export const WEBHOOK_STREAM_FILTERS = [
  { eventName: ["INSERT"], dynamodb: { NewImage: { entity: { S: [LEAD_ENTITY] } } } },
  { eventName: ["INSERT"], dynamodb: { NewImage: { entity: { S: [LEAD_EVENT_ENTITY] }, kind: { S: [...WEBHOOK_LEAD_EVENT_KINDS] } } } },
];

export interface StreamWebhookSource {
  source: WebhookSource;
  sequenceNumber: string;
}

/** The batch's changes a webhook may carry, in stream order. */
export function webhookSources(records: readonly DynamoDBStreamRecord[]): StreamWebhookSource[] {
  return records.flatMap((record) => {
    const image = record.dynamodb.NewImage;
    if (record.eventName !== "INSERT" || !image) return [];
    const entity = image.entity?.S;
    if (entity !== LEAD_ENTITY && !(entity === LEAD_EVENT_ENTITY && KINDS.has(image.kind?.S ?? ""))) return [];
    const { pk: _pk, sk: _sk, entity: _entity, ...item } = unmarshall(image as Record<string, AttributeValue>);
    const source: WebhookSource = entity === LEAD_ENTITY ? { kind: "lead-created", lead: item as Lead } : { kind: "lead-event", event: item as LeadEvent };
    return [{ source, sequenceNumber: record.dynamodb.SequenceNumber }];
  });
}

export type WebhookStreamHandler = (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse>;

export function createWebhookStreamHandler(deps: UseCaseDependencies): WebhookStreamHandler {
  return allOrNothingBatch(
    webhookSources,
    (sources) => fanOutWebhooks(
      deps,
      sources.map(({ source }) => source),
    ),
    (error, count) => deps.log("error", "webhook deliveries not stored; the batch is delivered again", { error: String(error), changes: count }),
  );
}
