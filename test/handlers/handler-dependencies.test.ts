// Tests: the ports a function wires for itself — webhooks only where an entry passes webhookPorts (the workspace
// API only their console part, webhookConsolePorts; site files,
// the SMS client alike), so a function that forgot to is told at once instead of delivering nothing.

import { describe, expect, it } from "vitest";
import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createCoreDependencies } from "../../functions/handlers/core-dependencies";
import { createHandlerDependencies } from "../../functions/handlers/handler-dependencies";
import { SmsVoiceV2TextSender } from "../../functions/adapters/aws/text-sender.sms-voice-v2";
import { LocalTextSink } from "../../functions/adapters/local/text-sink.dynamodb";
import { awsTextSender } from "../../functions/handlers/text-ports";
import { webhookConsolePorts } from "../../functions/handlers/webhook-console-ports";
import { webhookPorts } from "../../functions/handlers/webhook-ports";
import { siteFilePorts } from "../../functions/handlers/site-file-ports";

const env = { TABLE_NAME: "liveline", LIVELINE_PUBLIC_URL: "http://localhost:3000", SIGNING_SECRET: "handler-dependencies-test-secret-0123456789", LOG_LEVEL: "silent" };
const config: LivelineConfig = { ...readConfigFile("liveline.config.json"), webhooks: [{ id: "crm", url: "http://localhost:9/hook", events: ["*"], secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }] };

describe("createHandlerDependencies", () => {
  it("refuses to reach webhooks in a function whose entry did not wire them", async () => {
    const deps = await createHandlerDependencies(env, { config });
    expect(() => deps.webhooks.endpointIds).toThrow(/webhooks are not wired in this function/);
    expect(() => deps.webhooks.deliveries).toThrow(/webhookPorts/);
    expect(() => deps.webhooks.sign("whsec_x", "msg", new Date(), "{}")).toThrow(/not wired/);
  });

  it("gives the config's webhook endpoints to a function that wires them", async () => {
    const deps = await createHandlerDependencies(env, { config }, { webhooks: webhookPorts });
    expect(deps.webhooks.endpointIds).toEqual(["crm"]);
    expect((await deps.webhooks.endpoints()).map((endpoint) => endpoint.url)).toEqual(["http://localhost:9/hook"]);
  });

  it("gives the workspace API the endpoints' ids and deliveries but nothing that sends, signs or reads a secret", async () => {
    const deps = await createHandlerDependencies(env, { config }, { webhooks: webhookConsolePorts });
    expect(deps.webhooks.endpointIds).toEqual(["crm"]);
    expect(typeof deps.webhooks.deliveries.recent).toBe("function");
    expect(() => deps.webhooks.endpoints()).toThrow(/the workspace API sends no webhook/);
    expect(() => deps.webhooks.sender).toThrow(/the timer function/);
    expect(() => deps.webhooks.sign("whsec_x", "msg", new Date(), "{}")).toThrow(/sends no webhook/);
  });

  it("leaves the stores about people out of the core wiring (the outbox function's), saying so when one is used", async () => {
    const core = await createCoreDependencies(env, { config });
    expect(() => core.leads.search("jane", 5)).toThrow(/leads is not wired in this function: its entry calls createCoreDependencies/);
    expect(() => core.instantCalls.savePresence).toThrow(/instantCalls is not wired/);
    for (const port of ["insights", "signIn", "personalData"] as const) expect(() => Reflect.get(core[port], "anything")).toThrow(new RegExp(`${port} is not wired`));
    // Awaiting or inspecting one is harmless: only its methods say it is not wired.
    expect((core.leads as unknown as { then?: unknown }).then).toBeUndefined();
    expect(core.outbox).toBeDefined();
    const full = await createHandlerDependencies(env, { config });
    expect(typeof full.leads.search).toBe("function");
    expect(typeof full.instantCalls.savePresence).toBe("function");
  });

  it("stores site files only from a function whose entry wired them (the workspace API), in the folder or bucket its environment names", async () => {
    const unwired = await createHandlerDependencies(env, { config });
    await expect(unwired.siteFiles.put("brand/uploads/x.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/site files are not wired in this function/);
    const nowhere = await createHandlerDependencies(env, { config }, { siteFiles: siteFilePorts });
    await expect(nowhere.siteFiles.put("brand/uploads/x.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/SITE_BUCKET \(AWS\) or LIVELINE_SITE_UPLOADS_DIR/);
  });

  it("keeps texts off unless the local sink or an origination identity says otherwise", async () => {
    expect((await createHandlerDependencies(env, { config })).texts.enabled).toBe(false);
    const local = await createHandlerDependencies({ ...env, LIVELINE_TEXTS: "local" }, { config });
    expect(local.texts.enabled).toBe(true);
    expect(local.texts.sender).toBeInstanceOf(LocalTextSink);
  });

  it("sends texts in AWS only from a function whose entry wired the SMS client (outbox, timer)", async () => {
    const aws = { ...env, LIVELINE_TEXTS: "aws", SMS_ORIGINATION_IDENTITY: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123" };
    const unwired = await createHandlerDependencies(aws, { config });
    expect(unwired.texts.enabled).toBe(true);
    await expect(unwired.texts.sender.send({ to: "+13125550142", body: "Hi" })).rejects.toThrow(/texts are not wired in this function/);
    const wired = await createHandlerDependencies(aws, { config }, { textSender: awsTextSender });
    expect(wired.texts.sender).toBeInstanceOf(SmsVoiceV2TextSender);
  });
});
