// Bench: the SDK clients core-dependencies.ts creates at every cold start of the API, timer and outbox
// functions (DynamoDB with its document client, SESv2, Scheduler; Secrets Manager loaded only when asked),
// and — when the bench asks (BENCH_READS_SETTINGS) — the one GetItem of the settings head such a function
// sends before its first event (use-cases/settings/live-settings.ts), its answer unparsed. Nothing else of ours.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { itemKeys } from "../../../functions/adapters/dynamodb/item-keys";

const dynamoDb = new DynamoDBClient({ maxAttempts: 3, requestHandler: { requestTimeout: 3_000, connectionTimeout: 1_000 } });
const documents = DynamoDBDocumentClient.from(dynamoDb, { marshallOptions: { removeUndefinedValues: true } });
const ses = new SESv2Client({ maxAttempts: 2, requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 } });
const scheduler = new SchedulerClient({ maxAttempts: 4 });
const secrets = () => import("@aws-sdk/client-secrets-manager");
const settingsHead = process.env.BENCH_READS_SETTINGS ? await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: itemKeys.settingsHead(), ConsistentRead: true })) : undefined;

export const coreClients = [documents, ses, scheduler, secrets, settingsHead];
