// Adapter: Standard Webhooks signing with the `standardwebhooks` package (the reference library every
// receiver's verifier follows): webhook-id, webhook-timestamp (seconds) and webhook-signature ("v1,<base64>").

import { Webhook } from "standardwebhooks";

const signers = new Map<string, Webhook>();

export function standardWebhookHeaders(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  let signer = signers.get(secret);
  if (!signer) {
    signer = new Webhook(secret);
    signers.set(secret, signer);
  }
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)), "webhook-signature": signer.sign(id, timestamp, body) };
}
