// Bench: the SDK-only baseline of the timer function — the clients every cold start creates
// (core-clients.ts), SQS for the webhooks' dead letters loaded only when asked (webhook-ports.ts), and the
// SMS client its entry wires (text-ports.ts; created only when texts are on: neither the function nor this
// baseline creates it in the bench). Nothing else of ours.

import { PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { coreClients } from "./core-clients";

const webhookDeadLetters = () => import("@aws-sdk/client-sqs");

export async function handler(): Promise<unknown> {
  return [coreClients, webhookDeadLetters, PinpointSMSVoiceV2Client];
}
