// Operations: `npm run privacy -- export|erase <email>` — a data subject's request, run by an operator
// with the same wiring as the functions: in AWS with the stack's TABLE_NAME, SIGNING_SECRET_ARN,
// LIVELINE_PUBLIC_URL (and SES_CONFIGURATION_SET, SCHEDULE_GROUP_NAME… for the cancellations); locally
// against `npm start`'s engines (AWS_ENDPOINT_URL_DYNAMODB and _SESV2; the secret in LIVELINE_DATA_DIR).
// The export is printed as JSON; the erase prints what it did. Both are logged without personal data.

import { existsSync } from "node:fs";
import { localSigningKeysFile } from "../../functions/adapters/local/signing-keys.file";
import { personalDataStoreOn } from "../../functions/adapters/dynamodb/personal-data-store.dynamodb";
import { createDynamoDbClient, createHandlerDependencies } from "../../functions/handlers/handler-dependencies";
import { webhookPorts } from "../../functions/handlers/webhook-ports";
import { erasePersonalData, exportPersonalData } from "../../functions/use-cases/access/personal-data-requests";

const [command, email] = process.argv.slice(2);
if (!(command === "export" || command === "erase") || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  console.error("usage: npm run privacy -- export|erase <email>");
  process.exit(2);
}
const env: NodeJS.ProcessEnv = { TABLE_NAME: "liveline", LIVELINE_PUBLIC_URL: "http://localhost:3000", ...process.env };
const localKeys = localSigningKeysFile(env.LIVELINE_DATA_DIR ?? ".liveline");
if (!env.SIGNING_SECRET && !env.SIGNING_SECRET_FILE && !env.SIGNING_SECRET_ARN && existsSync(localKeys)) env.SIGNING_SECRET_FILE = localKeys;

const dynamoDb = createDynamoDbClient();
const deps = await createHandlerDependencies(env, { dynamoDb }, { webhooks: webhookPorts });
const personalData = personalDataStoreOn(dynamoDb, env.TABLE_NAME ?? "liveline");
const requester = { actor: `operator:${process.env.USER ?? "cli"}` };
const result = command === "export" ? await exportPersonalData({ ...deps, personalData }, email, requester) : await erasePersonalData({ ...deps, personalData }, email, requester);
console.log(JSON.stringify(result, null, 2));
