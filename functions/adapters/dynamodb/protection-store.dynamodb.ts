// Storage: the ProtectionStore port on DynamoDB — a used solution is one item written with a condition
// (attribute_not_exists), so of two requests sending the same solution exactly one gets through; TTL
// (`expiresAt`, epoch seconds) removes it once its challenge has expired anyway.

import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ProtectionStore } from "../../ports/protection-store";
import { itemKeys } from "./item-keys";
import { isConditionFailure } from "./transactions";

export class DynamoDbProtectionStore implements ProtectionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async useSolutionOnce(solutionId: string, expiresAt: number): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...itemKeys.usedSolution(solutionId), entity: "used-solution", expiresAt: Math.ceil(expiresAt / 1000) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
