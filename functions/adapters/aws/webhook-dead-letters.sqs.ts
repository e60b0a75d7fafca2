// Webhook dead letters (AWS): a delivery every attempt of which failed goes to the stack's webhook
// dead-letter queue (its alarm tells the operator), with what an operator needs to resend it by hand or
// from the console: the endpoint, the webhook-id, the type, the attempts and the last answer. The body
// stays in the table (it holds personal data; the queue keeps only references).

import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { WebhookDelivery } from "../../ports/webhooks";

export function sqsWebhookDeadLetters(client: SQSClient, queueUrl: string): (delivery: WebhookDelivery) => Promise<void> {
  return async (delivery) => {
    const { endpointId, id, type, createdAt, attempts, lastStatusCode, lastError, lastAttemptAt } = delivery;
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ endpointId, id, type, createdAt, attempts, lastStatusCode, lastError, lastAttemptAt }) }));
  };
}
