// Storage: the TextNumbers port on DynamoDB — one item per phone number, keyed by the number's SHA-256 (as
// the e-mail suppression list is, so an erased person's opt-out holds without keeping their number): when it
// opted out (written once; a START removes it, and the next STOP writes it again), when its last STOP or START
// was sent (an older one arriving late changes nothing) and the lead it was last texted about.

import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createHash } from "node:crypto";
import type { KeywordResult, TextNumber, TextNumbers } from "../../ports/texts";
import { itemKeys } from "./item-keys";
import { isConditionFailure } from "./transactions";

const keyOf = (phone: string) => itemKeys.textNumber(createHash("sha256").update(phone).digest("hex"));

export class DynamoDbTextNumbers implements TextNumbers {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(phone: string): Promise<TextNumber> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(phone), ConsistentRead: true }));
    return { ...(typeof Item?.optedOutAt === "string" ? { optedOutAt: Item.optedOutAt } : {}), ...(typeof Item?.leadId === "string" ? { leadId: Item.leadId } : {}) };
  }

  optOut(phone: string, at: string): Promise<KeywordResult> {
    return this.keyword(phone, "SET entity = :entity, optedOutAt = if_not_exists(optedOutAt, :at), keywordAt = :at", at);
  }

  optIn(phone: string, at: string): Promise<KeywordResult> {
    return this.keyword(phone, "SET entity = :entity, optedInAt = :at, keywordAt = :at REMOVE optedOutAt", at);
  }

  /**
   * A STOP or START sent at `at`, applied unless a later one was applied already: a retried or late delivery
   * of an older keyword must not undo a newer one (STOP, then START, delivered the other way round).
   */
  private async keyword(phone: string, update: string, at: string): Promise<KeywordResult> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(phone),
          UpdateExpression: update,
          ConditionExpression: "attribute_not_exists(keywordAt) OR keywordAt <= :at",
          ExpressionAttributeValues: { ":entity": "text-number", ":at": at },
          ReturnValues: "ALL_OLD",
        }),
      );
      return { superseded: false, wasOptedOut: typeof Attributes?.optedOutAt === "string" };
    } catch (error) {
      if (isConditionFailure(error)) return { superseded: true };
      throw error;
    }
  }

  async noteTexted(phone: string, leadId: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keyOf(phone),
        UpdateExpression: "SET entity = :entity, leadId = :lead, textedAt = :at",
        ExpressionAttributeValues: { ":entity": "text-number", ":lead": leadId, ":at": at },
      }),
    );
  }
}
