// Storage: the SuppressionList port on DynamoDB — one item per address. A bounce or complaint outranks an
// unsubscribe: it is never downgraded.

import { BatchGetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { SuppressionList, SuppressionReason } from "../../ports/suppression-list";
import { isConditionFailure } from "./transactions";

const key = (email: string) => ({ pk: `SUPPRESS#${email.toLowerCase()}`, sk: "SUPPRESS" });

export class DynamoDbSuppressionList implements SuppressionList {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async suppress(email: string, reason: SuppressionReason, now: Date): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key(email), entity: "suppression", email: email.toLowerCase(), reason, at: now.toISOString() },
          // An unsubscribe may be replaced by a bounce or complaint, never the other way round.
          ConditionExpression: reason === "unsubscribe" ? "attribute_not_exists(pk)" : "attribute_not_exists(pk) OR reason = :unsubscribe",
          ExpressionAttributeValues: reason === "unsubscribe" ? undefined : { ":unsubscribe": "unsubscribe" },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async reasons(emails: readonly string[]): Promise<Map<string, SuppressionReason>> {
    const reasons = new Map<string, SuppressionReason>();
    let keys = [...new Set(emails.map((email) => email.toLowerCase()))].map(key);
    while (keys.length > 0) {
      const batch = keys.slice(0, 100);
      keys = keys.slice(100);
      const result = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: batch } } }));
      for (const item of result.Responses?.[this.tableName] ?? []) reasons.set(item.email, item.reason);
      keys = [...((result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof batch), ...keys];
    }
    return reasons;
  }
}
