// Bench: the SDK-only baseline of the workspace API function — the clients every cold start creates
// (core-clients.ts), and the one its entry loads only when asked: S3 for a manager's logo upload
// (site-file-ports.ts). No SQS: it sends no webhook, so parks no dead letter (webhook-console-ports.ts).
// Nothing else of ours.

import { coreClients } from "./core-clients";

const siteFiles = () => import("@aws-sdk/client-s3");

export async function handler(): Promise<unknown> {
  return [coreClients, siteFiles];
}
