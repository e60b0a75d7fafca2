// The SESv2 mailer's request and its refusals: SES's permanent refusals become MailRefused (the outbox
// stops retrying), anything else stays as it is (the outbox retries). SES faults are injected with
// aws-sdk-client-mock; the local SES emulator does not refuse.
import { BadRequestException, MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SesV2Mailer } from "../../../functions/adapters/ses/mailer.sesv2";
import { MailRefused } from "../../../functions/ports/mailer";

const ses = mockClient(SESv2Client);
const mailer = () => new SesV2Mailer(new SESv2Client({ region: "eu-west-1" }), "liveline-events");
const email = { from: "demo@acme.example", to: "dana@globex.example", raw: "Subject: Hi\r\n\r\nHello" };

beforeEach(() => ses.reset());

describe("SesV2Mailer", () => {
  it("sends the raw message to its one recipient through the configuration set", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
    expect(await mailer().send(email)).toEqual({ messageId: "m-1" });
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({
      FromEmailAddress: "demo@acme.example",
      Destination: { ToAddresses: ["dana@globex.example"] },
      ConfigurationSetName: "liveline-events",
    });
  });

  it("turns SES's refusals for good into MailRefused, naming SES's reason", async () => {
    for (const refusal of [
      new MessageRejected({ message: "Email address is not verified.", $metadata: {} }),
      new BadRequestException({ message: "Illegal address", $metadata: {} }),
    ]) {
      ses.reset();
      ses.on(SendEmailCommand).rejects(refusal);
      const thrown = await mailer().send(email).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(MailRefused);
      expect((thrown as Error).message).toMatch(new RegExp(`^${refusal.name}: `));
    }
  });

  it("passes on what a retry can cure (throttling, a network failure) as it is", async () => {
    const throttled = new TooManyRequestsException({ message: "Slow down", $metadata: {} });
    ses.on(SendEmailCommand).rejects(throttled);
    const thrown = await mailer().send(email).catch((error: unknown) => error);
    expect(thrown).not.toBeInstanceOf(MailRefused);
    expect((thrown as Error).name).toBe("TooManyRequestsException");
  });
});
