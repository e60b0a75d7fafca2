// Handlers: the AWS text sender, wired only by the functions that send texts (the outbox function and the
// timer function, whose outbox sweep sends what waited; core-dependencies.ts PortWiring), so no other
// bundle carries the End User Messaging SMS client.

import { PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { SmsVoiceV2TextSender } from "../adapters/aws/text-sender.sms-voice-v2";
import type { RuntimeSettings } from "../config/runtime-settings";
import type { TextSender } from "../ports/texts";

/** The stack's origination identity and configuration set; fail fast, the outbox retries later. */
export function awsTextSender(settings: RuntimeSettings): TextSender {
  const client = new PinpointSMSVoiceV2Client({ maxAttempts: 2, requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 } });
  return new SmsVoiceV2TextSender(client, { originationIdentity: settings.SMS_ORIGINATION_IDENTITY!, ...(settings.SMS_CONFIGURATION_SET ? { configurationSet: settings.SMS_CONFIGURATION_SET } : {}) });
}
