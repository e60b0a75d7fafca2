// Bench: the SDK-only baseline of the outbox function — the clients every cold start creates
// (core-clients.ts) and the SMS client its entry wires (text-ports.ts; created only when texts are on: neither
// the function nor this baseline creates it in the bench). Nothing else of ours.

import { PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { coreClients } from "./core-clients";

export async function handler(): Promise<unknown> {
  return [coreClients, PinpointSMSVoiceV2Client];
}
