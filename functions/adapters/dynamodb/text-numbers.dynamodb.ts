// Storage: the TextNumbers port on DynamoDB — one item per phone number, keyed by the number's SHA-256 (as
// the e-mail suppression list is, so an erased person's opt-out holds without keeping their number): when it
// opted out (written once; a START removes it, and the next STOP writes it again) and the lead it was last texted about.

import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createHash } from "node:crypto";
import type { TextNumber, TextNumbers } from "../../ports/texts";
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

  async optOut(phone: string, at: string): Promise<boolean> {
    return this.updateIf(phone, "SET entity = :entity, optedOutAt = :at", "attribute_not_exists(optedOutAt)", { ":entity": "text-number", ":at": at });
  }

  async optIn(phone: string, at: string): Promise<boolean> {
    return this.updateIf(phone, "SET optedInAt = :at REMOVE optedOutAt", "attribute_exists(optedOutAt)", { ":at": at });
  }

  /** The update when its condition holds: true; false when it does not (the number already was so). */
  private async updateIf(phone: string, update: string, condition: string, values: Record<string, string>): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: keyOf(phone), UpdateExpression: update, ConditionExpression: condition, ExpressionAttributeValues: values }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
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
