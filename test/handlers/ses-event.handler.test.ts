// The SES-event Lambda entry, started as Lambda starts it — with only the environment the stack gives it
// (TABLE_NAME): it must come up without mail or secret settings and put the recipient on the list.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ensureTable } from "../../infra/local/create-table";
import { dynamoDbEndpoint } from "../support/engines";

const run = promisify(execFile);
const TSX = createRequire(import.meta.url).resolve("tsx/cli");

describe("ses-event.handler", () => {
  it("starts with only TABLE_NAME and suppresses a complained address", async () => {
    const endpoint = dynamoDbEndpoint();
    const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const tableName = `ses-events-${randomUUID()}`;
    await ensureTable(client, tableName);
    const event = { "detail-type": "Email Complaint Received", source: "aws.ses", detail: { eventType: "Complaint", complaint: { complainedRecipients: [{ emailAddress: "Angry@Example.com" }] } } };
    const script = `const { handler } = await import(${JSON.stringify(`${process.cwd()}/functions/handlers/ses-event.handler.ts`)}); console.log(JSON.stringify(await handler(${JSON.stringify(event)})));`;
    const { stdout } = await run(process.execPath, [TSX, "--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH, TABLE_NAME: tableName, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "x", AWS_ENDPOINT_URL_DYNAMODB: endpoint, LOG_LEVEL: "silent" },
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({ suppressed: 1 });
    // Keyed by the address's SHA-256: the list holds no address.
    const hash = createHash("sha256").update("angry@example.com").digest("hex");
    const { Item } = await DynamoDBDocumentClient.from(client).send(new GetCommand({ TableName: tableName, Key: { pk: `SUPPRESS#sha256:${hash}`, sk: "SUPPRESS" } }));
    expect(Item).toMatchObject({ reason: "complaint" });
    expect(JSON.stringify(Item).toLowerCase()).not.toContain("angry@example.com");
  });
});
