// Bench: the SDK-only baseline of the API and timer functions — the clients handler-dependencies.ts
// creates at a cold start (DynamoDB with its document client, SESv2, Scheduler; Secrets Manager loaded
// only when asked), and nothing of ours: the floor their cold import is compared with.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const dynamoDb = new DynamoDBClient({ maxAttempts: 3, requestHandler: { requestTimeout: 3_000, connectionTimeout: 1_000 } });
const documents = DynamoDBDocumentClient.from(dynamoDb, { marshallOptions: { removeUndefinedValues: true } });
const ses = new SESv2Client({ maxAttempts: 2, requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 } });
const scheduler = new SchedulerClient({ maxAttempts: 4 });
const secrets = () => import("@aws-sdk/client-secrets-manager");

export async function handler(): Promise<unknown> {
  return [documents, ses, scheduler, secrets];
}
