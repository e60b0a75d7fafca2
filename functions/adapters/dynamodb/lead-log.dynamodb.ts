// Storage: the LeadLog port on DynamoDB. Each "once" is a condition in the same transaction as the events
// and outbox items it causes: a prompt opened twice, an outcome logged twice, feedback sent twice — the
// second write fails its condition and nothing of it lands.

import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FeedbackWrite, LeadEvent, LeadLog, OutcomeWrite, Prompt, PromptStart } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { itemKeys } from "./item-keys";
import { followUpPartition, leadEventPuts, promptKey, promptRecord, toPrompt } from "./lead-log-records";
import { outboxPuts } from "./outbox-records";
import { queryAll } from "./query-all";
import { transactOnce, transactWithRetry } from "./transactions";

export class DynamoDbLeadLog implements LeadLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async events(leadId: string): Promise<LeadEvent[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :events)",
      ExpressionAttributeValues: { ":pk": `LEAD#${leadId}`, ":events": "EVENT#" },
    });
    return items.map((item) => ({ leadId: item.leadId, at: item.at, kind: item.kind, ref: item.ref || undefined, data: item.data }));
  }

  async append(events: readonly LeadEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += 100) {
      await transactWithRetry(this.client, leadEventPuts(this.tableName, events.slice(start, start + 100)) as never);
    }
  }

  async startPrompt(start: PromptStart, now: Date): Promise<boolean> {
    return transactOnce(this.client, [
      { Put: { TableName: this.tableName, Item: promptRecord(start.prompt), ConditionExpression: "attribute_not_exists(pk)" } },
      ...leadEventPuts(this.tableName, start.events),
      ...outboxPuts(this.tableName, start.outbox, now),
    ]);
  }

  async getPrompt(leadId: string, promptId: string): Promise<Prompt | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: promptKey(leadId, promptId), ConsistentRead: true }));
    return Item ? toPrompt(Item) : undefined;
  }

  async escalate(leadId: string, promptId: string, outbox: readonly OutboxItem[], now: Date): Promise<boolean> {
    return transactOnce(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: promptKey(leadId, promptId),
          UpdateExpression: "SET escalated = :yes, escalatedAt = :at",
          ConditionExpression: "#status = :open AND attribute_not_exists(escalated)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":yes": true, ":at": now.toISOString(), ":open": "open" },
        },
      },
      ...outboxPuts(this.tableName, outbox, now),
    ]);
  }

  async recordOutcome(write: OutcomeWrite, now: Date): Promise<boolean> {
    const items: object[] = [];
    if (write.closePrompt) {
      const { leadId, promptId, outcome, repId } = write.closePrompt;
      items.push({
        Update: {
          TableName: this.tableName,
          Key: promptKey(leadId, promptId),
          UpdateExpression: "SET #status = :done, outcome = :outcome, closedAt = :at REMOVE gsi1pk, gsi1sk",
          ConditionExpression: "#status = :open AND repId = :rep",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":done": "done", ":outcome": outcome, ":at": now.toISOString(), ":open": "open", ":rep": repId },
        },
      });
    }
    if (write.attendance) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk: `BOOKING#${write.attendance.bookingId}`, sk: "ATTENDANCE", entity: "attendance", outcome: write.attendance.outcome, at: now.toISOString() },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    }
    if (write.closeLead) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: itemKeys.lead(write.closeLead.leadId),
          UpdateExpression: "SET closedAt = :at, closedReason = :reason",
          ExpressionAttributeValues: { ":at": now.toISOString(), ":reason": write.closeLead.reason },
        },
      });
    }
    return transactOnce(this.client, [...items, ...leadEventPuts(this.tableName, write.events), ...outboxPuts(this.tableName, write.outbox, now)]);
  }

  async recordFeedback(write: FeedbackWrite, now: Date): Promise<boolean> {
    return transactOnce(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: `FEEDBACK#${write.subject}`, sk: "FEEDBACK", entity: "feedback", subject: write.subject, rating: write.rating, comment: write.comment, at: now.toISOString() },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      ...leadEventPuts(this.tableName, write.events),
      ...outboxPuts(this.tableName, write.outbox, now),
    ]);
  }

  async openPromptsOf(leadId: string): Promise<Prompt[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prompts)",
      FilterExpression: "#status = :open",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":pk": `LEAD#${leadId}`, ":prompts": "PROMPT#", ":open": "open" },
      ConsistentRead: true,
    });
    return items.map(toPrompt);
  }

  async openPrompts(repId: string): Promise<Prompt[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :partition",
      ExpressionAttributeValues: { ":partition": followUpPartition(repId) },
    });
    return items.map(toPrompt);
  }

  async reassignPrompt(prompt: Prompt, toRepId: string, events: readonly LeadEvent[]): Promise<boolean> {
    const moved = promptRecord({ ...prompt, repId: toRepId });
    return transactOnce(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: promptKey(prompt.leadId, prompt.promptId),
          UpdateExpression: "SET repId = :to, gsi1pk = :partition",
          ConditionExpression: "#status = :open AND repId = :from",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":to": toRepId, ":partition": moved.gsi1pk, ":open": "open", ":from": prompt.repId },
        },
      },
      ...leadEventPuts(this.tableName, events),
    ]);
  }
}
