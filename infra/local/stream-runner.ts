// Local runtime: what a Lambda event source mapping on the table's stream does in AWS — reads DynamoDB
// Local's stream shard by shard (DynamoDB Streams API), hands each batch to the very handler the stack
// deploys, in the event shape AWS sends, and honours its batch item failures: the shard is read again
// from the failed record, a few times with a pause, then the batch is logged as parked and passed (in AWS
// it would go to the on-failure queue).

import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from "@aws-sdk/client-dynamodb-streams";
import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBStreamEvent, DynamoDBStreamRecord, StreamBatchResponse } from "../../functions/handlers/dynamodb-stream-types";

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse>;

export interface StreamRunnerOptions {
  dynamoDb: DynamoDBClient;
  tableName: string;
  handler: StreamHandler;
  /** Records per batch, as the event source mapping's BatchSize. */
  batchSize?: number;
  intervalMs?: number;
  /** Deliveries of a failing batch before it is parked. */
  maxAttempts?: number;
  retryPauseMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/** The options with the stream found. */
type RunningOptions = StreamRunnerOptions & { streamArn?: string };

export interface StreamRunner {
  /** Delivers every record in the stream now (repeating until none is left); returns how many. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

interface ShardPosition {
  shardId: string;
  iterator?: string;
  /** The last record delivered: where to start again with a fresh iterator. */
  after?: string;
  closed: boolean;
}

export function startStreamRunner(options: StreamRunnerOptions): StreamRunner {
  const streams = new DynamoDBStreamsClient({ endpoint: options.dynamoDb.config.endpoint, region: options.dynamoDb.config.region, credentials: options.dynamoDb.config.credentials });
  const shards = new Map<string, ShardPosition>();
  const withStream: RunningOptions = { ...options };
  let running: Promise<number> | undefined;
  let stopped = false;

  const readAll = async (): Promise<number> => {
    withStream.streamArn ??= (await options.dynamoDb.send(new DescribeTableCommand({ TableName: options.tableName }))).Table?.LatestStreamArn;
    const streamArn = withStream.streamArn;
    if (!streamArn) return 0;
    await discoverShards(streams, streamArn, shards);
    let delivered = 0;
    for (;;) {
      let round = 0;
      for (const shard of shards.values()) round += await readShard(streams, streamArn, shard, withStream);
      delivered += round;
      if (round === 0 || stopped) return delivered;
    }
  };

  // Callers that arrive during a read share the one read after it (which sees what they wrote).
  let queued: Promise<number> | undefined;
  const drain = (): Promise<number> => {
    if (running === undefined) {
      running = readAll().finally(() => (running = undefined));
      return running;
    }
    queued ??= running
      .catch(() => 0)
      .then(() => {
        queued = undefined;
        return drain();
      });
    return queued;
  };

  const interval = setInterval(() => {
    if (stopped || running !== undefined) return;
    drain().catch((error) => options.log?.("stream runner tick failed", { error: String(error) }));
  }, options.intervalMs ?? 500);
  interval.unref();

  return {
    drain,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      while (running !== undefined) await running;
      streams.destroy();
    },
  };
}

async function discoverShards(streams: DynamoDBStreamsClient, streamArn: string, shards: Map<string, ShardPosition>): Promise<void> {
  let startShard: string | undefined;
  do {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: startShard }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (shard.ShardId && !shards.has(shard.ShardId)) shards.set(shard.ShardId, { shardId: shard.ShardId, closed: false });
    }
    startShard = StreamDescription?.LastEvaluatedShardId;
  } while (startShard);
}

/** Reads one shard until it has nothing more now; returns the records delivered. */
async function readShard(streams: DynamoDBStreamsClient, streamArn: string, shard: ShardPosition, options: RunningOptions): Promise<number> {
  let delivered = 0;
  while (!shard.closed) {
    shard.iterator ??= await iteratorFor(streams, streamArn, shard.shardId, shard.after);
    if (!shard.iterator) {
      shard.closed = true;
      break;
    }
    let page;
    try {
      page = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: options.batchSize ?? 100 }));
    } catch (error) {
      // An expired iterator: start again after the last record delivered.
      shard.iterator = undefined;
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) {
      await deliver(shard, records, options);
      delivered += records.length;
      shard.after = records[records.length - 1]!.dynamodb!.SequenceNumber;
    }
    shard.iterator = page.NextShardIterator;
    if (!shard.iterator) shard.closed = true;
    if (records.length === 0) break;
  }
  return delivered;
}

/** One batch to the handler; on reported failures, again from the earliest failed record, then parked. */
async function deliver(shard: ShardPosition, records: StreamRecord[], options: RunningOptions): Promise<void> {
  let batch = records;
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const failedAt = await invoke(options, batch);
    if (failedAt === undefined) return;
    if (attempt >= maxAttempts) {
      options.log?.("stream batch parked after failed deliveries", { shardId: shard.shardId, sequenceNumber: failedAt, attempts: attempt });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, (options.retryPauseMs ?? 200) * attempt));
    batch = batch.slice(Math.max(0, batch.findIndex((record) => record.dynamodb?.SequenceNumber === failedAt)));
  }
}

/** The earliest failed sequence number, or undefined when the whole batch succeeded. */
async function invoke(options: RunningOptions, records: StreamRecord[]): Promise<string | undefined> {
  try {
    const result = await options.handler({ Records: records.map((record) => lambdaRecord(record, options.streamArn!)) });
    return result?.batchItemFailures?.[0]?.itemIdentifier;
  } catch (error) {
    options.log?.("stream handler threw", { error: String(error) });
    return records[0]!.dynamodb!.SequenceNumber;
  }
}

/** From the shard's start (as the stack's TRIM_HORIZON), or after the last record delivered. */
async function iteratorFor(streams: DynamoDBStreamsClient, streamArn: string, shardId: string, after: string | undefined): Promise<string | undefined> {
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: after ? "AFTER_SEQUENCE_NUMBER" : "TRIM_HORIZON",
      SequenceNumber: after,
    }),
  );
  return ShardIterator;
}

/** The record as Lambda delivers it: the stream record plus where it came from; times in epoch seconds. */
export function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBStreamRecord {
  const change = record.dynamodb!;
  return {
    eventID: record.eventID!,
    eventName: record.eventName as DynamoDBStreamRecord["eventName"],
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: record.awsRegion ?? "us-east-1",
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: change.Keys as DynamoDBStreamRecord["dynamodb"]["Keys"],
      ...(change.NewImage ? { NewImage: change.NewImage as DynamoDBStreamRecord["dynamodb"]["Keys"] } : {}),
      ...(change.OldImage ? { OldImage: change.OldImage as DynamoDBStreamRecord["dynamodb"]["Keys"] } : {}),
      SequenceNumber: change.SequenceNumber!,
      ...(change.SizeBytes !== undefined ? { SizeBytes: change.SizeBytes } : {}),
      ...(change.StreamViewType ? { StreamViewType: change.StreamViewType as DynamoDBStreamRecord["dynamodb"]["StreamViewType"] } : {}),
    },
  };
}
