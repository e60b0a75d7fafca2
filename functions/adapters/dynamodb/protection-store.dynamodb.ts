// Storage: the ProtectionStore port on DynamoDB — abuse protection's items (protection-records.ts) in one
// request: a single conditional write, or one transaction for several, so of two requests sending the same
// solution exactly one gets through and a counter never passes its max; a refusal stores nothing. The mail
// budget's item keeps the times of an address's e-mails in the last 24 hours (at most the budget's many),
// written only if nobody else wrote it since it was read.

import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { protectionRefusal, type ProtectionWrite } from "../../core/access/protection";
import type { ProtectionStore } from "../../ports/protection-store";
import { itemKeys } from "./item-keys";
import { protectionItem } from "./protection-records";
import { failedConditions, transactWithRetry } from "./transactions";

/** Other senders noting mail to the same address at the same moment: read again this many times. */
const CONFLICT_RETRIES = 10;

export class DynamoDbProtectionStore implements ProtectionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async write(writes: readonly ProtectionWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const items = writes.map((write) => protectionItem(this.tableName, write));
    if (items.length === 1) {
      const { Put, Update } = items[0]!;
      try {
        if (Put) await this.client.send(new PutCommand(Put));
        else await this.client.send(new UpdateCommand(Update!));
      } catch (error) {
        if ((error as { name?: string })?.name === "ConditionalCheckFailedException") throw protectionRefusal(writes[0]!);
        throw error;
      }
      return;
    }
    try {
      await transactWithRetry(this.client, items);
    } catch (error) {
      const failed = failedConditions(error)[0];
      if (failed !== undefined) throw protectionRefusal(writes[failed]!);
      throw error;
    }
  }

  async noteMailSent(addressKey: string, now: number, limit: { max: number; windowMs: number }): Promise<boolean> {
    const key = itemKeys.mailsSent(addressKey);
    for (let attempt = 0; ; attempt++) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      const recent = ((Item?.sentAt ?? []) as number[]).filter((at) => at > now - limit.windowMs);
      if (recent.length >= limit.max) return false;
      const revision = Number(Item?.revision ?? 0);
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...key, entity: "mails-sent", sentAt: [...recent, now], revision: revision + 1, expiresAt: Math.ceil((now + limit.windowMs) / 1000) },
            // Read-then-write: only if no other sender noted a mail since the read.
            ConditionExpression: "attribute_not_exists(pk) OR revision = :revision",
            ExpressionAttributeValues: { ":revision": revision },
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string })?.name !== "ConditionalCheckFailedException" || attempt >= CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
      }
    }
  }

  async hasAnswered(addressKey: string, now: number): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.answered(addressKey), ConsistentRead: true }));
    return typeof Item?.until === "number" && Item.until > now;
  }
}
