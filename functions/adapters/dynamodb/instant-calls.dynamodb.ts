// Storage: the InstantCallStore port on DynamoDB — a presence item per rep (TTL), an instant call item
// (TTL after 30 days), and per lead a guard item naming the call that rings for them. Each step of a call
// is one transaction with its prompt, events and outbox items, conditioned on the call's state and ring.

import { GetCommand, PutCommand, DeleteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Presence } from "../../core/calls/instant-calls";
import type { InstantCall, InstantCallStart, InstantCallStore, InstantHandOff, LeadEvent, StartResult } from "../../ports/lead-log";
import { itemKeys } from "./item-keys";
import { leadEventPuts, promptKey, promptRecord } from "./lead-log-records";
import { outboxPuts } from "./outbox-records";
import { cancellationReasons, isConditionFailure, transactOnce, transactWithRetry } from "./transactions";
import { batchGetAll } from "./batches";

const DAY_S = 86_400;
/** An instant call's item is of no use after a month (the lead's log keeps what happened). */
const CALL_RETENTION_DAYS = 30;

export class DynamoDbInstantCallStore implements InstantCallStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async savePresence(repId: string, presence: Presence | undefined, expiresAt: number): Promise<void> {
    const Key = itemKeys.presence(repId);
    if (!presence) {
      await this.client.send(new DeleteCommand({ TableName: this.tableName, Key }));
      return;
    }
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...Key, entity: "presence", repId, heartbeatAt: presence.heartbeatAt, expiresAt: Math.ceil(expiresAt / 1000) } }),
    );
  }

  async presenceOf(repIds: readonly string[]): Promise<Map<string, Presence>> {
    const found = new Map<string, Presence>();
    const keys = [...new Set(repIds)].map((repId) => itemKeys.presence(repId));
    for (const item of await batchGetAll(this.client, this.tableName, keys, { consistentRead: true })) found.set(item.repId, { repId: item.repId, heartbeatAt: item.heartbeatAt });
    return found;
  }

  async get(callId: string): Promise<InstantCall | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.instantCall(callId), ConsistentRead: true }));
    return Item ? toCall(Item) : undefined;
  }

  async start(start: InstantCallStart, now: Date): Promise<StartResult> {
    const { call } = start;
    const items: object[] = [{ Put: { TableName: this.tableName, Item: this.callRecord(call), ConditionExpression: "attribute_not_exists(pk)" } }];
    // A call that rings nobody guards nothing: the person may ask again when a rep is free.
    if (start.guardUntil !== undefined) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...itemKeys.instantGuard(call.leadId), entity: "instant-guard", callId: call.id, guardUntil: start.guardUntil, expiresAt: Math.ceil(start.guardUntil / 1000) + DAY_S },
          // One instant call at a time per person: a second request while one rings gets the first.
          ConditionExpression: "attribute_not_exists(pk) OR guardUntil < :now",
          ExpressionAttributeValues: { ":now": now.getTime() },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      });
    }
    if (start.prompt) {
      items.push({ Put: { TableName: this.tableName, Item: promptRecord(start.prompt.prompt), ConditionExpression: "attribute_not_exists(pk)" } });
      items.push(...outboxPuts(this.tableName, start.prompt.outbox, now));
    }
    items.push(...leadEventPuts(this.tableName, [...start.events, ...(start.prompt?.events ?? [])]));
    try {
      await transactWithRetry(this.client, items as never);
      return { started: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = cancellationReasons(error) ?? [];
      if (reasons[0]?.Code === "ConditionalCheckFailed") return { started: false, existingId: call.id };
      const guard = reasons[1]?.Item as { callId?: { S?: string } } | undefined;
      const existingId = guard?.callId?.S ?? (await this.guardOf(call.leadId));
      if (!existingId) throw error;
      return { started: false, existingId };
    }
  }

  async handOff(handOff: InstantHandOff, now: Date): Promise<boolean> {
    const { call, prompt } = handOff;
    const moved = promptRecord({ ...prompt, repId: handOff.toRepId, dueAt: handOff.dueAt });
    return transactOnce(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.instantCall(call.id),
          UpdateExpression: "SET rung = list_append(rung, :next), #ring = :nextRing, ringUntil = :until",
          ConditionExpression: "#status = :ringing AND #ring = :ring",
          ExpressionAttributeNames: { "#status": "status", "#ring": "ring" },
          ExpressionAttributeValues: { ":next": [handOff.toRepId], ":nextRing": call.ring + 1, ":until": handOff.ringUntil, ":ringing": "ringing", ":ring": call.ring },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: promptKey(prompt.leadId, prompt.promptId),
          UpdateExpression: "SET repId = :to, dueAt = :due, ringUntil = :ringUntil, gsi1pk = :partition, gsi1sk = :sort",
          ConditionExpression: "#status = :open AND repId = :from",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":to": handOff.toRepId, ":due": handOff.dueAt, ":ringUntil": new Date(handOff.ringUntil).toISOString(), ":partition": moved.gsi1pk, ":sort": moved.gsi1sk, ":open": "open", ":from": prompt.repId },
        },
      },
      ...leadEventPuts(this.tableName, handOff.events),
      ...outboxPuts(this.tableName, handOff.outbox, now),
    ]);
  }

  async giveUp(call: InstantCall, events: readonly LeadEvent[], now: Date): Promise<boolean> {
    const items: object[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.instantCall(call.id),
          UpdateExpression: "SET #status = :unavailable REMOVE ringUntil",
          ConditionExpression: "#status = :ringing AND #ring = :ring",
          ExpressionAttributeNames: { "#status": "status", "#ring": "ring" },
          ExpressionAttributeValues: { ":unavailable": "unavailable", ":ringing": "ringing", ":ring": call.ring },
        },
      },
      // The person may ask again at once.
      { Delete: { TableName: this.tableName, Key: itemKeys.instantGuard(call.leadId), ConditionExpression: "attribute_not_exists(pk) OR callId = :id", ExpressionAttributeValues: { ":id": call.id } } },
    ];
    if (call.promptId) {
      // Off the rep's queue: the speed-to-lead call-back stands and opens a prompt of its own when due.
      items.push({
        Update: {
          TableName: this.tableName,
          Key: promptKey(call.leadId, call.promptId),
          UpdateExpression: "SET #status = :done, outcome = :outcome, closedAt = :at REMOVE gsi1pk, gsi1sk",
          ConditionExpression: "#status = :open",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":done": "done", ":outcome": "unanswered", ":at": now.toISOString(), ":open": "open" },
        },
      });
    }
    return transactOnce(this.client, [...items, ...leadEventPuts(this.tableName, events)]);
  }

  async claim(call: InstantCall, repId: string, events: readonly LeadEvent[], now: Date): Promise<boolean> {
    const at = now.toISOString();
    return transactOnce(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.instantCall(call.id),
          UpdateExpression: "SET #status = :claimed, claimedBy = :rep, claimedAt = :at REMOVE ringUntil",
          ConditionExpression: "#status = :ringing AND #ring = :ring",
          ExpressionAttributeNames: { "#status": "status", "#ring": "ring" },
          ExpressionAttributeValues: { ":claimed": "claimed", ":rep": repId, ":at": at, ":ringing": "ringing", ":ring": call.ring },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: promptKey(call.leadId, call.promptId!),
          UpdateExpression: "SET claimedBy = :rep, claimedAt = :at REMOVE ringUntil",
          ConditionExpression: "#status = :open AND repId = :rep AND attribute_not_exists(claimedAt)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":rep": repId, ":at": at, ":open": "open" },
        },
      },
      {
        // Kept beyond the guard's time: the person's speed-to-lead call-back asks whether someone reached them.
        Update: {
          TableName: this.tableName,
          Key: itemKeys.instantGuard(call.leadId),
          UpdateExpression: "SET claimedAt = :at, claimedCallId = :id, expiresAt = :expires",
          ExpressionAttributeValues: { ":at": now.getTime(), ":id": call.id, ":expires": Math.ceil(now.getTime() / 1000) + CALL_RETENTION_DAYS * DAY_S },
        },
      },
      ...leadEventPuts(this.tableName, events),
    ]);
  }

  async lastClaimOf(leadId: string): Promise<number | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.instantGuard(leadId), ConsistentRead: true }));
    return typeof Item?.claimedAt === "number" ? Item.claimedAt : undefined;
  }

  private async guardOf(leadId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.instantGuard(leadId), ConsistentRead: true }));
    return Item?.callId;
  }

  private callRecord(call: InstantCall): Record<string, unknown> {
    return { ...itemKeys.instantCall(call.id), entity: "instant-call", ...call, expiresAt: Math.ceil(Date.parse(call.createdAt) / 1000) + CALL_RETENTION_DAYS * DAY_S };
  }
}

function toCall(record: Record<string, any>): InstantCall {
  const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expiresAt, ...call } = record;
  return call as InstantCall;
}

