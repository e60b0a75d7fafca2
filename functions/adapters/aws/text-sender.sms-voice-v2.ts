// AWS adapter: the TextSender on AWS End User Messaging SMS (the pinpoint-sms-voice-v2 API) — one
// SendTextMessage per text, from the origination identity (a phone number, sender id or pool) and through the
// configuration set the stack was given as context. A number the service refuses for good (opted out at AWS,
// not a valid number) is TextRefused: never retried; anything else is thrown for the outbox to retry.

import { SendTextMessageCommand, type PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { TextRefused, type TextMessage, type TextSender } from "../../ports/texts";

export interface SmsOrigin {
  originationIdentity: string;
  configurationSet?: string;
}

/** ConflictException: the number opted out at AWS (DESTINATION_PHONE_NUMBER_OPTED_OUT); ValidationException: not a number it can reach. */
const REFUSALS = new Set(["ConflictException", "ValidationException"]);

export class SmsVoiceV2TextSender implements TextSender {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly origin: SmsOrigin,
  ) {}

  async send(text: TextMessage): Promise<{ messageId: string }> {
    try {
      const result = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: text.to,
          OriginationIdentity: this.origin.originationIdentity,
          ...(this.origin.configurationSet ? { ConfigurationSetName: this.origin.configurationSet } : {}),
          MessageBody: text.body,
          // Reminders and follow-ups about a demo the person asked for: transactional, not marketing.
          MessageType: "TRANSACTIONAL",
        }),
      );
      return { messageId: result.MessageId ?? "" };
    } catch (error) {
      if (error instanceof Error && REFUSALS.has(error.name)) throw new TextRefused(`${error.name}: ${error.message}`);
      throw error;
    }
  }
}
