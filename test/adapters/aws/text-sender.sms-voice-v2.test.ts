// The End User Messaging SMS sender's requests (no emulator exists: the shapes are what we can check), and
// which answers are refusals for good (never retried) rather than failures the outbox retries.
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SmsVoiceV2TextSender } from "../../../functions/adapters/aws/text-sender.sms-voice-v2";
import { TextRefused } from "../../../functions/ports/texts";

const sms = mockClient(PinpointSMSVoiceV2Client);
const IDENTITY = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef";
const sender = (configurationSet?: string) => new SmsVoiceV2TextSender(new PinpointSMSVoiceV2Client({ region: "us-east-1" }), { originationIdentity: IDENTITY, ...(configurationSet ? { configurationSet } : {}) });
const serviceError = (name: string) => Object.assign(new Error(`${name} from the service`), { name });

beforeEach(() => sms.reset());

describe("SmsVoiceV2TextSender", () => {
  it("sends one SendTextMessage from the origination identity through the configuration set, as a transactional text", async () => {
    sms.on(SendTextMessageCommand).resolves({ MessageId: "msg-1" });
    expect(await sender("liveline-texts").send({ to: "+13125550142", body: "Acme: your demo starts in 1 hour.\nReply STOP to opt out" })).toEqual({ messageId: "msg-1" });
    const calls = sms.commandCalls(SendTextMessageCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      DestinationPhoneNumber: "+13125550142",
      OriginationIdentity: IDENTITY,
      ConfigurationSetName: "liveline-texts",
      MessageBody: "Acme: your demo starts in 1 hour.\nReply STOP to opt out",
      MessageType: "TRANSACTIONAL",
    });
  });

  it("names no configuration set when none is given", async () => {
    sms.on(SendTextMessageCommand).resolves({ MessageId: "msg-2" });
    await sender().send({ to: "+13125550142", body: "Hi" });
    expect(sms.commandCalls(SendTextMessageCommand)[0]!.args[0].input).not.toHaveProperty("ConfigurationSetName");
  });

  it("turns an opted-out or invalid number into a refusal for good, and lets throttling through for a retry", async () => {
    sms.on(SendTextMessageCommand).rejectsOnce(serviceError("ConflictException")).rejectsOnce(serviceError("ValidationException")).rejectsOnce(serviceError("ThrottlingException"));
    await expect(sender().send({ to: "+13125550142", body: "Hi" })).rejects.toBeInstanceOf(TextRefused);
    await expect(sender().send({ to: "+1", body: "Hi" })).rejects.toBeInstanceOf(TextRefused);
    const throttled = sender().send({ to: "+13125550142", body: "Hi" });
    await expect(throttled).rejects.toThrow(/ThrottlingException/);
    await expect(throttled).rejects.not.toBeInstanceOf(TextRefused);
  });
});
