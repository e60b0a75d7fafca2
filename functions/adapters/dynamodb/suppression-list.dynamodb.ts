// Storage: the SuppressionList port on DynamoDB — one item per address, keyed by the address's SHA-256 so
// the list holds no address (an erased person stays suppressed). Items written before, keyed by the plain
// address, are still read. A bounce or complaint outranks an unsubscribe: it is never downgraded.

import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createHash } from "node:crypto";
import type { SuppressionList, SuppressionReason } from "../../ports/suppression-list";
import { isConditionFailure } from "./transactions";
import { batchGetAll } from "./batches";

/** Every suppression item's partition key starts so: the SES-event function may write these and nothing else. */
export const SUPPRESSION_KEY_PREFIX = "SUPPRESS#";
const hashOf = (email: string) => createHash("sha256").update(email.toLowerCase()).digest("hex");
const key = (email: string) => ({ pk: `${SUPPRESSION_KEY_PREFIX}sha256:${hashOf(email)}`, sk: "SUPPRESS" });
/** How items were keyed before: read, never written. */
const plainKey = (email: string) => ({ pk: `SUPPRESS#${email.toLowerCase()}`, sk: "SUPPRESS" });

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
          Item: { ...key(email), entity: "suppression", reason, at: now.toISOString() },
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
    const addressByPk = new Map<string, string>();
    for (const email of new Set(emails.map((address) => address.toLowerCase()))) {
      addressByPk.set(key(email).pk, email);
      addressByPk.set(plainKey(email).pk, email);
    }
    const keys = [...addressByPk.keys()].map((pk) => ({ pk, sk: "SUPPRESS" }));
    for (const item of await batchGetAll(this.client, this.tableName, keys)) {
      const email = addressByPk.get(item.pk);
      // A bounce or complaint under either key outranks an unsubscribe under the other.
      if (email && (reasons.get(email) ?? "unsubscribe") === "unsubscribe") reasons.set(email, item.reason);
    }
    return reasons;
  }
}
