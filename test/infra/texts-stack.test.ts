// Infra tests: the stack with an SMS origination identity (context) — only the outbox and timer functions
// may send texts, and only from that identity through that configuration set; the inbound-text function
// reads the two-way SNS topic (only End User Messaging may publish to it) and may use the table but send
// nothing; cdk-nag clean. Without the context texting stays off: no SMS grant, no topic, no inbound function.

import { App } from "aws-cdk-lib";
import type { CfnElement } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { defineLivelineApp, settingsFromContext } from "../../infra/lib/liveline-app";
import type { LivelineStack } from "../../infra/lib/liveline-stack";

type Json = Record<string, unknown>;
const cdkContext = (JSON.parse(readFileSync("cdk.json", "utf8")) as { context: Json }).context;
const IDENTITY = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";

const appWith = (context: Json) => new App({ context: { ...cdkContext, ...context } });

let app: App;
let stack: LivelineStack;
let template: Template;

beforeAll(() => {
  app = appWith({ smsOriginationIdentity: IDENTITY, smsConfigurationSet: "liveline-texts" });
  stack = defineLivelineApp(app, settingsFromContext(app));
  template = Template.fromStack(stack);
  // Ten bundles with esbuild: a minute or more on a busy 2-core machine (as the main stack test allows).
}, 180_000);

const logicalId = (construct: IConstruct | undefined) => stack.resolve((construct as CfnElement).logicalId) as string;

function statementsOfRole(construct: IConstruct | undefined): { Action: string | string[]; Resource: unknown }[] {
  const roleId = logicalId(construct);
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const resourcesOf = (statements: { Action: string | string[]; Resource: unknown }[], action: string) =>
  statements.filter((statement) => [statement.Action].flat().includes(action)).flatMap((statement) => [statement.Resource].flat().map((resource) => JSON.stringify(stack.resolve(resource))));

const environmentOf = (construct: IConstruct) => template.toJSON().Resources[logicalId(construct.node.defaultChild ?? construct)].Properties.Environment.Variables as Json;

describe("texts in AWS", () => {
  it("lets the outbox and timer functions send texts from the one identity through the one configuration set, and no other function", () => {
    const configurationSet = JSON.stringify({ "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":sms-voice:", { Ref: "AWS::Region" }, ":", { Ref: "AWS::AccountId" }, ":configuration-set/liveline-texts"]] });
    for (const fn of [stack.outboxFunction, stack.timerFunction]) {
      expect(resourcesOf(statementsOfRole(fn.role.node.defaultChild), "sms-voice:SendTextMessage").sort(), fn.node.id).toEqual([JSON.stringify(IDENTITY), configurationSet].sort());
      expect(environmentOf(fn.function)).toMatchObject({ LIVELINE_TEXTS: "aws", SMS_ORIGINATION_IDENTITY: IDENTITY, SMS_CONFIGURATION_SET: "liveline-texts" });
    }
    const senders = Object.values(template.findResources("AWS::IAM::Policy")).filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes("sms-voice:"));
    expect(senders).toHaveLength(2);
    for (const fn of [stack.apiFunction, stack.workspaceApiFunction, stack.inboundTexts!.fn]) expect(environmentOf(fn.function).LIVELINE_TEXTS, fn.node.id).toBeUndefined();
  });

  it("subscribes the inbound-text function to the two-way topic, which only End User Messaging may publish to, over TLS", () => {
    const topicId = logicalId(stack.inboundTexts!.topic.node.defaultChild);
    template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "lambda", TopicArn: { Ref: topicId }, Endpoint: { "Fn::GetAtt": [logicalId(stack.inboundTexts!.fn.function.node.defaultChild), "Arn"] } });
    const policy = JSON.stringify(Object.values(template.findResources("AWS::SNS::TopicPolicy")).find((resource) => JSON.stringify(resource.Properties.Topics).includes(topicId))!.Properties.PolicyDocument);
    expect(policy).toContain('"Service":"sms-voice.amazonaws.com"');
    expect(policy).toContain('"aws:SecureTransport":"false"');
    expect(template.toJSON().Outputs.InboundTextsTopicArn.Value).toEqual({ Ref: topicId });
  });

  it("lets the inbound-text function use the table, but not send texts, mail or schedule timers; its failures are parked and alarmed", () => {
    const statements = statementsOfRole(stack.inboundTexts!.fn.role.node.defaultChild);
    for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]) expect(resourcesOf(statements, action).length, action).toBeGreaterThan(0);
    for (const action of ["sms-voice:SendTextMessage", "ses:SendEmail", "ses:SendRawEmail", "scheduler:CreateSchedule"]) expect(resourcesOf(statements, action), action).toEqual([]);
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((resource) => JSON.stringify(resource.Properties));
    expect(alarms.some((alarm) => alarm.includes(logicalId(stack.inboundTexts!.failures.node.defaultChild)))).toBe(true);
  });

  it("leaves cdk-nag with no unacknowledged finding", () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((violation) => `${violation.severity} ${violation.ruleName}`)).toEqual([]);
  });
});

describe("texts without an origination identity", () => {
  it("refuses an identity that is not an End User Messaging SMS ARN, and a configuration set alone", () => {
    expect(() => settingsFromContext(appWith({ smsOriginationIdentity: "+13125550142" }))).toThrow(/smsOriginationIdentity must be the ARN/);
    expect(() => settingsFromContext(appWith({ smsConfigurationSet: "liveline-texts" }))).toThrow(/needs smsOriginationIdentity/);
  });

  it("stay off: no SMS grant, no topic, no inbound function", { timeout: 180_000 }, () => {
    const plain = appWith({ "aws:cdk:bundling-stacks": [] });
    const off = defineLivelineApp(plain, settingsFromContext(plain));
    expect(off.inboundTexts).toBeUndefined();
    const json = JSON.stringify(Template.fromStack(off).toJSON());
    expect(json).not.toContain("sms-voice");
    expect(json).not.toContain("LIVELINE_TEXTS");
  });
});
