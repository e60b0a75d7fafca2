// The HTTP sender: refuses addresses its targets do not allow before connecting, gives up on an endpoint
// that does not answer in time, and answers the endpoint's status otherwise.
import { afterEach, describe, expect, it } from "vitest";
import { HttpWebhookSender } from "../../../functions/adapters/webhooks/webhook-sender.http";
import { WebhookUnreachable } from "../../../functions/ports/webhooks";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

const request = (url: string) => ({ url, headers: { "content-type": "application/json" }, body: "{}" });

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("the webhook sender", () => {
  it("answers the endpoint's status", async () => {
    receiver = await startWebhookReceiver();
    receiver.answer(503);
    const sender = new HttpWebhookSender("local");
    expect(await sender.post(request(receiver.url))).toEqual({ status: 503 });
    expect(await sender.post(request(receiver.url))).toEqual({ status: 200 });
    expect(receiver.received.map((hook) => hook.body)).toEqual(["{}", "{}"]);
  });

  it("in AWS, reaches neither this machine nor plain http, before any connection", async () => {
    receiver = await startWebhookReceiver();
    const sender = new HttpWebhookSender("public");
    await expect(sender.post(request(receiver.url))).rejects.toThrow(WebhookUnreachable);
    await expect(sender.post(request(receiver.url.replace("http:", "https:")))).rejects.toThrow(/not a public address/);
    await expect(sender.post(request("https://localhost/hooks"))).rejects.toThrow(/localhost/);
    expect(receiver.received).toEqual([]);
  });

  it("never reaches the metadata service, even locally", async () => {
    const sender = new HttpWebhookSender("local");
    await expect(sender.post(request("http://169.254.169.254/latest/meta-data/"))).rejects.toThrow(/link-local or metadata/);
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    receiver = await startWebhookReceiver();
    receiver.stall();
    const sender = new HttpWebhookSender("local", 200);
    await expect(sender.post(request(receiver.url))).rejects.toThrow(/no answer within 0.2 s/);
  });
});
