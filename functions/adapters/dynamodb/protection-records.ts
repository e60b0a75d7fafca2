// Storage: abuse protection's items as transaction items (core/access/protection.ts ProtectionWrite) — written on
// their own by protection-store.dynamodb.ts, or inside a booking's own transaction (booking-store.dynamodb.ts).
// A used solution: a put unless it exists; a counter: ADD unless the sum would pass its max; an answered
// mark: a put. Each carries `expiresAt` (epoch seconds) for TTL.

import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { ProtectionWrite } from "../../core/access/protection";
import { itemKeys } from "./item-keys";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

const epochSeconds = (instant: number) => Math.ceil(instant / 1000);

export function protectionItem(tableName: string, write: ProtectionWrite): TransactItem {
  if (write.kind === "used-solution") {
    return {
      Put: {
        TableName: tableName,
        Item: { ...itemKeys.usedSolution(write.solutionId), entity: "used-solution", expiresAt: epochSeconds(write.expiresAt) },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  }
  if (write.kind === "counter") {
    return {
      Update: {
        TableName: tableName,
        Key: itemKeys.rateCounter(write.key),
        UpdateExpression: "ADD #count :amount SET entity = :entity, expiresAt = :expiresAt",
        // Fails too when the amount alone passes the max (room below zero).
        ConditionExpression: ":room >= :zero AND (attribute_not_exists(#count) OR #count <= :room)",
        ExpressionAttributeNames: { "#count": "count" },
        ExpressionAttributeValues: { ":amount": write.amount, ":room": write.max - write.amount, ":zero": 0, ":entity": "rate-counter", ":expiresAt": epochSeconds(write.expiresAt) },
      },
    };
  }
  return { Put: { TableName: tableName, Item: { ...itemKeys.answered(write.addressKey), entity: "answered", until: write.until, expiresAt: epochSeconds(write.until) } } };
}
