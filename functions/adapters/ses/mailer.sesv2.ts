// Mail: the Mailer port on the SESv2 API — SendEmail with Content.Raw (our own MIME, invitation included)
// and the configuration set that turns bounces and complaints into events. Locally the same calls go to
// the SES emulator through AWS_ENDPOINT_URL_SESV2.

import { SendEmailCommand, type SESv2Client } from "@aws-sdk/client-sesv2";
import type { Mailer, OutgoingEmail } from "../../ports/mailer";

export class SesV2Mailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSetName?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: email.from,
        Destination: { ToAddresses: [email.to] },
        Content: { Raw: { Data: Buffer.from(email.raw, "utf8") } },
        ConfigurationSetName: this.configurationSetName,
      }),
    );
    return { messageId: result.MessageId ?? "" };
  }
}
