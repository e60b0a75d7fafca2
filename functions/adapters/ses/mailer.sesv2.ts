// Mail: the Mailer port on the SESv2 API — SendEmail with Content.Raw (our own MIME, invitation included)
// and the configuration set that turns bounces and complaints into events. Locally the same calls go to
// the SES emulator through AWS_ENDPOINT_URL_SESV2.

import { SendEmailCommand, type SESv2Client } from "@aws-sdk/client-sesv2";
import { MailRefused, type Mailer, type OutgoingEmail } from "../../ports/mailer";

/** SES refuses these for good: the address or the message is the problem, not the moment. */
const REFUSED_FOR_GOOD = new Set(["MessageRejected", "MailFromDomainNotVerifiedException", "BadRequestException"]);

export class SesV2Mailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSetName?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: [email.to] },
          Content: { Raw: { Data: Buffer.from(email.raw, "utf8") } },
          ConfigurationSetName: this.configurationSetName,
        }),
      );
      return { messageId: result.MessageId ?? "" };
    } catch (error) {
      const name = (error as { name?: string }).name ?? "";
      if (REFUSED_FOR_GOOD.has(name)) throw new MailRefused(`${name}: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}
