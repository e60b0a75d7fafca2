// Storage: the Outbox port on DynamoDB. Due items are read from the sparse index's one partition; a
// claim is a conditional update with a lease; results are written together with the log events of the
// mail that went out.

import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Outbox, OutboxItem, OutboxResult, StoredOutboxItem } from "../../ports/outbox";
import { leadEventRecord } from "./lead-log-records";
import { OUTBOX_DUE_PARTITION, outboxCompletion, outboxKey, outboxPut, storedOutboxItem } from "./outbox-records";
import { isConditionFailure, transactUnits, transactWithRetry } from "./transactions";

export class DynamoDbOutbox implements Outbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async enqueue(items: readonly OutboxItem[], now: Date): Promise<OutboxItem[]> {
    const created = await Promise.all(
      items.map(async (item) => {
        try {
          await transactWithRetry(this.client, [{ Put: outboxPut(this.tableName, item, now) }]);
          return item;
        } catch (error) {
          if (isConditionFailure(error)) return undefined;
          throw error;
        }
      }),
    );
    return created.filter((item): item is OutboxItem => item !== undefined);
  }

  async due(now: Date, limit: number): Promise<StoredOutboxItem[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :partition AND gsi1sk <= :now",
        ExpressionAttributeValues: { ":partition": OUTBOX_DUE_PARTITION, ":now": `${now.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(storedOutboxItem);
  }

  async claimNew(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean> {
    // Never tried and never claimed: only the first delivery of the insert (or a sweep before it) gets it.
    return this.takeLease(item, now, leaseMs, "#status = :pending AND attempts = :zero AND attribute_not_exists(leaseUntil)", { ":pending": "pending", ":zero": 0 });
  }

  async claim(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean> {
    return this.takeLease(item, now, leaseMs, "(#status IN (:pending, :failed, :deferred) AND dueAt <= :now) OR (#status = :processing AND leaseUntil < :now)", {
      ":pending": "pending",
      ":failed": "failed",
      ":deferred": "deferred",
      ":now": now.toISOString(),
    });
  }

  /** A conditional update: false when the condition says someone else has (or had) the item. */
  private async takeLease(item: OutboxItem, now: Date, leaseMs: number, condition: string, values: Record<string, unknown>): Promise<boolean> {
    const until = new Date(now.getTime() + leaseMs).toISOString();
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(item),
          // Moving the index entry to the lease's end keeps a claimed item out of the next sweeps.
          UpdateExpression: "SET #status = :processing, leaseUntil = :until, gsi1sk = :sort",
          ConditionExpression: condition,
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ...values, ":processing": "processing", ":until": until, ":sort": `${until}#${outboxKey(item).pk}#${item.key}` },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async complete(results: readonly { item: OutboxItem; result: OutboxResult }[], now: Date): Promise<void> {
    const units = results.map(({ item, result }) => {
      const update = { Update: outboxCompletion(this.tableName, item, result, now) };
      if (result.status !== "done" || (item.type !== "mail" && item.type !== "text") || !item.logAs) return [update];
      const event = { leadId: item.logAs.leadId, at: now.toISOString(), kind: item.logAs.kind, ref: item.key, data: item.logAs.data };
      return [update, { Put: { TableName: this.tableName, Item: leadEventRecord(event) } }];
    });
    // On a conflict (someone else completed an item) the others still land, each with its log event.
    await keepTrying(() => transactUnits(this.client, units, { perUnitOnConditionFailure: true }));
  }
}

/**
 * The mail is already out when its result is written: if the table is briefly unreachable (a restart, a
 * throttled burst), giving up would leave the item pending and the sweep would send it a second time. So
 * the write outlasts a short outage — the client's own quick retries, then pauses of 0.25-2 s, about 5 s in
 * all (the API function has 10 s) — before the caller logs it and leaves the item to the sweep.
 */
const COMPLETION_PAUSES_MS = [250, 500, 1_000, 1_500, 2_000];

async function keepTrying(write: () => Promise<void>): Promise<void> {
  for (const pause of COMPLETION_PAUSES_MS) {
    try {
      return await write();
    } catch {
      // Not a condition failure: completing unit by unit already skips those.
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  await write();
}
