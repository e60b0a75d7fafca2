// Entry: the webhook Lambda — a DynamoDB Streams event source mapping, filtered to new leads and the log
// events webhooks carry, delivers each change the moment the write that made it lands; webhook-stream.ts
// stores one delivery per endpoint and makes its first attempt, each endpoint given 10 s. No request and
// no e-mail waits for an endpoint: this function is theirs alone. Retries come back through the timer
// function. Locally the runtime reads DynamoDB Local's stream and calls this same handler with the same event.

import type { DynamoDBStreamEvent, StreamBatchResponse } from "./dynamodb-stream-types";
import { createHandlerDependencies } from "./handler-dependencies";
import { observed } from "./observability";
import { createWebhookStreamHandler } from "./webhook-stream";
import { webhookPorts } from "./webhook-ports";

const dependencies = await createHandlerDependencies(process.env, {}, { webhooks: webhookPorts });
const handle = createWebhookStreamHandler(dependencies);

export const handler = observed(dependencies.observability, async (event: DynamoDBStreamEvent): Promise<StreamBatchResponse> => {
  // The events name offerings and reps as the settings say now.
  await dependencies.refreshSettings();
  return handle(event);
});
