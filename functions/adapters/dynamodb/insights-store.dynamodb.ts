// Storage: the InsightsStore port on DynamoDB. Counters are items per rollup and UTC quarter hour, changed
// only by ADD; each lead's last applied rows are one item whose version is the condition of every
// transaction that changes the counters for that lead — so a redelivered event adds nothing, and a crash
// between two transactions leaves the snapshot saying exactly what was applied.

import { GetCommand, paginateScan, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { LeadEvent } from "../../core/bookings/booking";
import { parseCounterRowKey, rowDeltas, type CounterRows, type Counters, type InsightsLead } from "../../core/insights/insights";
import type { CounterRow, InsightsStore, LeadHistory, LeadInsightsSnapshot } from "../../ports/insights-store";
import { itemKeys } from "./item-keys";
import { MAX_TRANSACTION_ITEMS } from "./transaction-limits";
import { isConditionFailure, transactWithRetry } from "./transactions";

/** Attributes of a counter item that are not counters. */
const COUNTER_ITEM_KEYS = new Set(["pk", "sk", "entity"]);

export class DynamoDbInsightsStore implements InsightsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async leadHistory(leadId: string): Promise<LeadHistory> {
    const history: LeadHistory = { events: [] };
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          // The events ("EVENT#…") and the lead ("LEAD") sort next to each other; prompts and notes after.
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :events AND :lead",
          ExpressionAttributeValues: { ":pk": itemKeys.lead(leadId).pk, ":events": "EVENT#", ":lead": "LEAD" },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.sk === "LEAD") history.lead = insightsLead(item);
        else history.events.push(leadEvent(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return history;
  }

  async snapshot(leadId: string): Promise<LeadInsightsSnapshot | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.leadInsights(leadId), ConsistentRead: true }));
    return Item ? { version: Item.version, rows: Item.rows ?? {} } : undefined;
  }

  async applyLeadRows(leadId: string, previous: LeadInsightsSnapshot | undefined, next: CounterRows): Promise<boolean> {
    const deltas = rowDeltas(previous?.rows ?? {}, next);
    const keys = Object.keys(deltas);
    const applied: CounterRows = { ...(previous?.rows ?? {}) };
    let version = previous?.version ?? 0;
    // One item of each transaction is the snapshot.
    const perTransaction = MAX_TRANSACTION_ITEMS - 1;
    for (let start = 0; start < keys.length; start += perTransaction) {
      const chunk = keys.slice(start, start + perTransaction);
      for (const key of chunk) {
        if (next[key]) applied[key] = next[key];
        else delete applied[key];
      }
      try {
        await transactWithRetry(this.client, [...chunk.map((key) => this.addToRow(key, deltas[key]!)), this.snapshotWrite(leadId, version, applied)] as never);
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      version++;
    }
    return true;
  }

  async eachSnapshot(visit: (leadId: string, rows: CounterRows) => void): Promise<void> {
    const pages = paginateScan(
      { client: this.client },
      { TableName: this.tableName, FilterExpression: "entity = :snapshot", ProjectionExpression: "leadId, #rows", ExpressionAttributeNames: { "#rows": "rows" }, ExpressionAttributeValues: { ":snapshot": "lead-insights" } },
    );
    for await (const page of pages) for (const item of page.Items ?? []) visit(item.leadId, item.rows ?? {});
  }

  async counterRows(scope: string, fromBucket: string, toBucket: string): Promise<CounterRow[]> {
    const rows: CounterRow[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": itemKeys.insightsCounter(scope, "").pk, ":from": fromBucket, ":to": toBucket },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.sk >= toBucket) continue;
        rows.push({ bucket: item.sk, counters: countersOf(item) });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return rows;
  }

  private addToRow(rowKey: string, delta: Counters) {
    const { scope, bucket } = parseCounterRowKey(rowKey);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":entity": "insights-counter" };
    const adds = Object.entries(delta).map(([counter, value], index) => {
      names[`#c${index}`] = counter;
      values[`:c${index}`] = value;
      return `#c${index} :c${index}`;
    });
    return {
      Update: {
        TableName: this.tableName,
        Key: itemKeys.insightsCounter(scope, bucket),
        UpdateExpression: `SET entity = :entity ADD ${adds.join(", ")}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  /** The snapshot after this transaction, on the condition that it is still at `version` (0: none yet). */
  private snapshotWrite(leadId: string, version: number, rows: CounterRows) {
    const key = itemKeys.leadInsights(leadId);
    const condition = version === 0 ? { ConditionExpression: "attribute_not_exists(pk)" } : { ConditionExpression: "version = :version", ExpressionAttributeValues: { ":version": version } };
    if (Object.keys(rows).length === 0) return { Delete: { TableName: this.tableName, Key: key, ...condition } };
    return { Put: { TableName: this.tableName, Item: { ...key, entity: "lead-insights", leadId, version: version + 1, rows: structuredClone(rows) }, ...condition } };
  }
}

function insightsLead(item: Record<string, any>): InsightsLead {
  return { id: item.id, createdAt: item.createdAt, offeringId: item.offeringId, ...(item.source ? { source: item.source } : {}) };
}

function leadEvent(item: Record<string, any>): LeadEvent {
  return { leadId: item.leadId, at: item.at, kind: item.kind, ref: item.ref || undefined, data: item.data };
}

function countersOf(item: Record<string, any>): Counters {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) if (!COUNTER_ITEM_KEYS.has(name) && typeof value === "number") counters[name] = value;
  return counters;
}
