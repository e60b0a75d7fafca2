// Webhook secrets (AWS): an endpoint's Standard Webhooks secret kept in Secrets Manager under the name the
// config gives ({ "secretsManager": "<name>" }), so no secret is bundled into a function. Read when a
// function first delivers, and kept for the life of the warm function.

import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

export async function readWebhookSecret(client: SecretsManagerClient, name: string): Promise<string> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: name }));
  const secret = SecretString?.trim();
  if (!secret?.startsWith("whsec_")) throw new Error(`the webhook secret ${name} is not a Standard Webhooks secret (whsec_…)`);
  return secret;
}
