// Handlers: the webhook ports of the workspace API (workspace-api.handler.ts) — the endpoints' ids and their
// stored deliveries, which the console lists and resends. A resend is a timer the timer function fires and
// sends (use-cases/webhooks/webhook-console.ts), so this function reaches no endpoint: it has no sender, no
// signing and no secrets, and its bundle carries none of their code (webhook-ports.ts has them).

import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbWebhookDeliveries } from "../adapters/dynamodb/webhook-deliveries.dynamodb";
import type { LivelineConfig } from "../config/liveline-config";
import type { RuntimeSettings } from "../config/runtime-settings";
import type { Webhooks } from "../ports/webhooks";

export function webhookConsolePorts(config: LivelineConfig, settings: RuntimeSettings, documents: DynamoDBDocumentClient): Webhooks {
  const sentByTheTimerFunction = (): never => {
    throw new Error("the workspace API sends no webhook: a resend is a timer, which the timer function fires and sends");
  };
  return {
    endpointIds: config.webhooks.map((endpoint) => endpoint.id),
    endpoints: sentByTheTimerFunction,
    deliveries: new DynamoDbWebhookDeliveries(documents, settings.TABLE_NAME),
    get sender() {
      return sentByTheTimerFunction();
    },
    sign: sentByTheTimerFunction,
  };
}
