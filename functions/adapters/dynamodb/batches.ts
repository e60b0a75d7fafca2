// Storage: reading and writing many items by key — BatchGetItem 100 keys and BatchWriteItem 25 requests at a
// time. DynamoDB may leave part of a batch unprocessed (throttling, a partition under load): that part is
// sent again after a growing pause, and a table that keeps refusing is TryAgainLater (503 with Retry-After),
// never a silent gap in what was read. The one loop for every adapter's batches.

import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TryAgainLater } from "../../core/errors";

type Key = Record<string, unknown>;
/** A put or a delete, as lib-dynamodb takes it (plain values). */
export type WriteRequest = NonNullable<BatchWriteCommandInput["RequestItems"]>[string][number];

const GET_BATCH = 100;
const WRITE_BATCH = 25;
/** Rounds in a row in which DynamoDB processed nothing of what was left, before giving up. */
const STALLED_ROUNDS = 8;

/** The pause before sending the unprocessed part again: 20 ms, doubling, at most 1 s. */
export const unprocessedPauseMs = (stalled: number) => Math.min(20 * 2 ** stalled, 1_000);

export interface BatchOptions {
  consistentRead?: boolean;
  /** Pauses before an unprocessed part is sent again (tests: none). */
  pauseMs?: (stalled: number) => number;
}

/** Every item found for `keys`, in no particular order (a key with no item gives nothing). */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, keys: readonly Key[], options: BatchOptions = {}): Promise<Record<string, any>[]> {
  const found: Record<string, any>[] = [];
  for (let start = 0; start < keys.length; start += GET_BATCH) {
    await untilProcessed(keys.slice(start, start + GET_BATCH), options, async (batch) => {
      const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: batch, ...(options.consistentRead ? { ConsistentRead: true } : {}) } } }));
      found.push(...(result.Responses?.[tableName] ?? []));
      return (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    });
  }
  return found;
}

/** Sends every put or delete request (not one transaction: each request applies on its own). */
export async function batchWriteAll(client: DynamoDBDocumentClient, tableName: string, requests: readonly WriteRequest[], options: BatchOptions = {}): Promise<void> {
  for (let start = 0; start < requests.length; start += WRITE_BATCH) {
    await untilProcessed(requests.slice(start, start + WRITE_BATCH), options, async (batch) => {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
      return (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    });
  }
}

/** Sends `batch`, then what came back unprocessed, pausing longer each round that made no progress. */
async function untilProcessed<T>(batch: T[], options: BatchOptions, send: (batch: T[]) => Promise<T[]>): Promise<void> {
  const pauseMs = options.pauseMs ?? unprocessedPauseMs;
  let pending = batch;
  for (let stalled = 0; pending.length > 0; ) {
    const unprocessed = await send(pending);
    if (unprocessed.length === 0) return;
    stalled = unprocessed.length < pending.length ? 0 : stalled + 1;
    if (stalled >= STALLED_ROUNDS) throw new TryAgainLater("The table is busy: part of this could not be read or written. Please try again in a moment.");
    await new Promise((resolve) => setTimeout(resolve, pauseMs(stalled)));
    pending = unprocessed;
  }
}
