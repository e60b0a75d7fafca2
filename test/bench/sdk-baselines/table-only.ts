// Bench: the SDK-only baseline of the SES-event function — the DynamoDB client and its document client,
// which is all ses-event.handler.ts creates at a cold start, and nothing of ours.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }));

export async function handler(): Promise<unknown> {
  return documents;
}
