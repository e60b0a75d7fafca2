// Entry: the insights aggregator Lambda — a DynamoDB Streams event source mapping on the table delivers
// batches of changes; every lead whose log changed gets its counters brought up to date
// (use-cases/insights/aggregate-insights.ts). A lead that fails is reported (batch item failures): Lambda retries
// from it, bisects a batch that keeps failing, and parks what still fails in the on-failure queue. Locally
// the runtime reads DynamoDB Local's stream and calls this same handler with the same event.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbInsightsStore } from "../adapters/dynamodb/insights-store.dynamodb";
import { readLogLevel } from "../config/runtime-settings";
import type { InsightsStore } from "../ports/insights-store";
import { refreshLeadInsights } from "../use-cases/insights/aggregate-insights";
import type { DynamoDBStreamEvent, StreamBatchResponse } from "./dynamodb-stream-types";
import { batchFailures } from "./dynamodb-stream-types";
import { leadsOfBatch } from "./insights-stream";
import { createObservability, observed, type Log } from "./observability";

/** Leads brought up to date at once: a batch holds up to 100 records. */
const CONCURRENCY = 8;

export type InsightsStreamHandler = (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse>;

export function createInsightsStreamHandler(store: InsightsStore, log: Log): InsightsStreamHandler {
  return async (event) => {
    const leads = [...leadsOfBatch(event.Records)];
    const failed: string[] = [];
    for (let start = 0; start < leads.length; start += CONCURRENCY) {
      await Promise.all(
        leads.slice(start, start + CONCURRENCY).map(async ([leadId, sequenceNumber]) => {
          try {
            await refreshLeadInsights(store, leadId);
          } catch (error) {
            log("error", "insights not updated", { leadId, error: String(error) });
            failed.push(sequenceNumber);
          }
        }),
      );
    }
    return batchFailures(failed);
  };
}

let cached: InsightsStreamHandler | undefined;
const observability = createObservability(readLogLevel());

export const handler = observed(observability, async (event: DynamoDBStreamEvent): Promise<StreamBatchResponse> => {
  cached ??= buildHandler();
  return cached(event);
});

function buildHandler(): InsightsStreamHandler {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error("TABLE_NAME is not set");
  const store = new DynamoDbInsightsStore(DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 })), tableName);
  return createInsightsStreamHandler(store, observability.log);
}
