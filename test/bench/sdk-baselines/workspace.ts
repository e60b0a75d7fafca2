// Bench: the SDK-only baseline of the workspace API function — the clients every cold start creates
// (core-clients.ts), and the two its entry loads only when asked: S3 for a manager's logo upload
// (site-file-ports.ts) and SQS for the webhooks' dead letters (webhook-ports.ts). Nothing else of ours.

import { coreClients } from "./core-clients";

const siteFiles = () => import("@aws-sdk/client-s3");
const webhookDeadLetters = () => import("@aws-sdk/client-sqs");

export async function handler(): Promise<unknown> {
  return [coreClients, siteFiles, webhookDeadLetters];
}
