// Handlers: the outbox's change feed — which records of the table's stream are new outbox items (what the
// stack's event source mapping filters on, NEW_OUTBOX_ITEM_FILTER, checked again here since the local
// runtime's stream runner delivers every record), and the handler that
// performs them: each item claimed first, so a redelivered batch sends nothing twice; what fails to send
// waits for the outbox sweep. A batch that cannot even be claimed (the table unreachable) is reported
// failed, so it is delivered again.

import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { OUTBOX_ENTITY } from "../adapters/dynamodb/outbox-records";
import type { OutboxItem } from "../ports/outbox";
import { performNewItems } from "../use-cases/messages/process-outbox";
import type { UseCaseDependencies } from "../use-cases/use-case-dependencies";
import { allOrNothingBatch, type DynamoDBStreamEvent, type DynamoDBStreamRecord, type StreamBatchResponse } from "./dynamodb-stream-types";

export interface NewOutboxItem {
  item: OutboxItem;
  sequenceNumber: string;
}

/** The new outbox items of a batch, in stream order. */
export function newOutboxItems(records: readonly DynamoDBStreamRecord[]): NewOutboxItem[] {
  return records.flatMap((record) => {
    const image = record.dynamodb.NewImage;
    if (record.eventName !== "INSERT" || image?.entity?.S !== OUTBOX_ENTITY || !image.item) return [];
    const { item } = unmarshall({ item: image.item } as Record<string, AttributeValue>) as { item: OutboxItem };
    return [{ item, sequenceNumber: record.dynamodb.SequenceNumber }];
  });
}

export type OutboxStreamHandler = (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse>;

export function createOutboxStreamHandler(deps: UseCaseDependencies): OutboxStreamHandler {
  return allOrNothingBatch(
    newOutboxItems,
    (items) => performNewItems(
      deps,
      items.map(({ item }) => item),
    ),
    (error, count) => deps.log("error", "new outbox items not performed; the batch is delivered again", { error: String(error), items: count }),
  );
}
