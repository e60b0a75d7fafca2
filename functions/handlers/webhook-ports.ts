// Handlers: the webhook ports, wired only by the functions that deliver webhooks (timer, webhook stream;
// core-dependencies.ts PortWiring): the endpoints with their secrets, the stored deliveries, the HTTP sender
// with its address checks, Standard Webhooks signing and, in AWS, the dead letters. The workspace API lists and
// resends deliveries through webhook-console-ports.ts instead.

import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbWebhookDeliveries } from "../adapters/dynamodb/webhook-deliveries.dynamodb";
import { standardWebhookHeaders } from "../adapters/webhooks/standard-webhooks";
import { HttpWebhookSender } from "../adapters/webhooks/webhook-sender.http";
import type { LivelineConfig } from "../config/liveline-config";
import type { RuntimeSettings } from "../config/runtime-settings";
import type { WebhookEndpoint, WebhookSender, Webhooks } from "../ports/webhooks";

/** The config's endpoints with their secrets: literal locally, read from Secrets Manager (once) in AWS. */
export function webhookPorts(config: LivelineConfig, settings: RuntimeSettings, documents: DynamoDBDocumentClient, sender?: WebhookSender): Webhooks {
  let endpoints: Promise<WebhookEndpoint[]> | undefined;
  const resolve = async (): Promise<WebhookEndpoint[]> => {
    const named = config.webhooks.flatMap((endpoint) => (typeof endpoint.secret === "string" ? [] : [endpoint.secret.secretsManager]));
    const secrets = new Map<string, string>();
    if (named.length > 0) {
      // Loaded only in AWS, where a secret may live in Secrets Manager.
      const [{ SecretsManagerClient }, { readWebhookSecret }] = await Promise.all([import("@aws-sdk/client-secrets-manager"), import("../adapters/aws/webhook-secrets.secrets-manager")]);
      const client = new SecretsManagerClient({});
      for (const name of new Set(named)) secrets.set(name, await readWebhookSecret(client, name));
    }
    return config.webhooks.map((endpoint) => ({
      id: endpoint.id,
      url: endpoint.url,
      ...(endpoint.events.includes("*") ? {} : { events: new Set<string>(endpoint.events) }),
      secret: typeof endpoint.secret === "string" ? endpoint.secret : secrets.get(endpoint.secret.secretsManager)!,
    }));
  };
  return {
    endpointIds: config.webhooks.map((endpoint) => endpoint.id),
    endpoints: () => {
      endpoints ??= resolve().catch((error) => {
        endpoints = undefined;
        throw error;
      });
      return endpoints;
    },
    deliveries: new DynamoDbWebhookDeliveries(documents, settings.TABLE_NAME),
    sender: sender ?? new HttpWebhookSender(settings.LIVELINE_WEBHOOK_TARGETS),
    sign: standardWebhookHeaders,
    ...(settings.WEBHOOK_DEAD_LETTER_QUEUE_URL ? { deadLetter: awsDeadLetters(settings.WEBHOOK_DEAD_LETTER_QUEUE_URL) } : {}),
  };
}

/** The stack's webhook dead-letter queue; the SQS client is loaded only in AWS, on the first dead letter. */
function awsDeadLetters(queueUrl: string): NonNullable<Webhooks["deadLetter"]> {
  let send: Promise<NonNullable<Webhooks["deadLetter"]>> | undefined;
  return async (delivery) => {
    send ??= Promise.all([import("@aws-sdk/client-sqs"), import("../adapters/aws/webhook-dead-letters.sqs")]).then(([{ SQSClient }, { sqsWebhookDeadLetters }]) => sqsWebhookDeadLetters(new SQSClient({ maxAttempts: 4 }), queueUrl));
    await (await send)(delivery);
  };
}
