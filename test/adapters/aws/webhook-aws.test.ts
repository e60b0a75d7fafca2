// The webhooks' two AWS adapters, by their requests (no emulator runs here): an endpoint's secret read from
// Secrets Manager by the name the config gives, and a dead letter sent to the stack's queue with references
// only (the body, which holds personal data, stays in the table).
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { sqsWebhookDeadLetters } from "../../../functions/adapters/aws/webhook-dead-letters.sqs";
import { readWebhookSecret } from "../../../functions/adapters/aws/webhook-secrets.secrets-manager";

const secrets = mockClient(SecretsManagerClient);
const queue = mockClient(SQSClient);
beforeEach(() => {
  secrets.reset();
  queue.reset();
});

describe("webhook secrets in Secrets Manager", () => {
  it("reads the named secret, and refuses one that is not a Standard Webhooks secret", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n" });
    const client = new SecretsManagerClient({ region: "eu-west-1" });
    expect(await readWebhookSecret(client, "liveline/hubspot-webhook")).toBe("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    expect(secrets.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: "liveline/hubspot-webhook" });
    secrets.on(GetSecretValueCommand).resolves({ SecretString: "hunter2" });
    await expect(readWebhookSecret(client, "liveline/n8n")).rejects.toThrow(/liveline\/n8n is not a Standard Webhooks secret/);
  });
});

describe("webhook dead letters in SQS", () => {
  it("sends the delivery's references and last answer, not its body", async () => {
    queue.on(SendMessageCommand).resolves({ MessageId: "m1" });
    const url = "https://sqs.eu-west-1.amazonaws.com/123456789012/WebhookDeadLetters";
    await sqsWebhookDeadLetters(new SQSClient({ region: "eu-west-1" }), url)({
      id: "msg_abc",
      endpointId: "crm",
      type: "booking.confirmed",
      createdAt: "2026-12-07T10:00:00.000Z",
      body: '{"data":{"lead":{"email":"ada@example.com"}}}',
      status: "failed",
      attempts: 8,
      lastStatusCode: 503,
      lastAttemptAt: "2026-12-08T13:35:05.000Z",
    });
    const input = queue.commandCalls(SendMessageCommand)[0]!.args[0].input;
    expect(input.QueueUrl).toBe(url);
    expect(JSON.parse(input.MessageBody!)).toEqual({ endpointId: "crm", id: "msg_abc", type: "booking.confirmed", createdAt: "2026-12-07T10:00:00.000Z", attempts: 8, lastStatusCode: 503, lastAttemptAt: "2026-12-08T13:35:05.000Z" });
    expect(input.MessageBody).not.toContain("ada@example.com");
  });
});
