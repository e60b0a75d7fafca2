// Handlers: the DynamoDB Streams event a Lambda event source mapping delivers, and the partial-batch
// answer it understands — the shapes we rely on, written out rather than pulling @types/aws-lambda, and
// used by the local runtime to build the same events from DynamoDB Local's stream.

import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export interface DynamoDBStreamRecord {
  eventID: string;
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  eventVersion: string;
  eventSource: "aws:dynamodb";
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: {
    ApproximateCreationDateTime?: number;
    Keys: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber: string;
    SizeBytes?: number;
    StreamViewType?: "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";
  };
}

export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamRecord[];
}

/** With ReportBatchItemFailures, Lambda retries from the earliest sequence number listed. */
export interface StreamBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Lambda retries a shard from the earliest failed record and everything after it: report that one. The
 * records after it that did succeed are harmless to redo (each stream consumer is idempotent per record).
 */
export function batchFailures(failedSequenceNumbers: readonly string[]): StreamBatchResponse {
  if (failedSequenceNumbers.length === 0) return { batchItemFailures: [] };
  const earliest = failedSequenceNumbers.reduce((a, b) => (BigInt(a) <= BigInt(b) ? a : b));
  return { batchItemFailures: [{ itemIdentifier: earliest }] };
}

/**
 * A handler that takes the records `select` picks and hands them to `perform` together: when that throws,
 * the batch is reported failed from its first picked record (Lambda delivers it again), and `failed` says why.
 */
export function allOrNothingBatch<T extends { sequenceNumber: string }>(
  select: (records: readonly DynamoDBStreamRecord[]) => T[],
  perform: (selected: T[]) => Promise<unknown>,
  failed: (error: unknown, count: number) => void,
): (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse> {
  return async (event) => {
    const selected = select(event.Records);
    if (selected.length === 0) return batchFailures([]);
    try {
      await perform(selected);
      return batchFailures([]);
    } catch (error) {
      failed(error, selected.length);
      return batchFailures([selected[0]!.sequenceNumber]);
    }
  };
}
