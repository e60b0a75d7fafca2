// Entry: the SES-event Lambda — an EventBridge rule delivers the configuration set's bounce and complaint
// events; their recipients go on the suppression list that every send checks. It is given the table and
// nothing else (no mail, no secret), so it builds only what it uses. Invoked asynchronously: an error is
// retried twice by Lambda, then the event is parked in the function's failure queue (`npm run redrive`).

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbSuppressionList } from "../adapters/dynamodb/suppression-list.dynamodb";
import { readLogLevel } from "../config/runtime-settings";
import { systemClock } from "../ports/clock";
import { suppressFromMailEvent } from "../use-cases/messages/suppress-addresses";
import { createObservability, observed } from "./observability";
import { suppressionFrom, type SesEventBridgeEvent } from "./ses-event";

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error("TABLE_NAME is not set");
const observability = createObservability(readLogLevel());
const dependencies = {
  suppressions: new DynamoDbSuppressionList(DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 })), tableName),
  clock: systemClock,
  log: observability.log,
};

export const handler = observed(observability, async (event: SesEventBridgeEvent): Promise<{ suppressed: number }> => {
  const suppression = suppressionFrom(event);
  if (!suppression) return { suppressed: 0 };
  return { suppressed: await suppressFromMailEvent(dependencies, suppression.emails, suppression.reason) };
});
