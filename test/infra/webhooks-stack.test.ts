// Infra tests: the stack with webhooks configured — the webhook function fed new leads and the log events
// webhooks carry from the table's stream (bisect, batch item failures, an SQS on-failure destination), its
// grants (the table, timers, the named secrets only, the dead-letter queue), the timer function's part in
// retries, alarms on both queues, cdk-nag clean; and synth refuses a config only `npm start` can use.

import { App, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CfnElement } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { WEBHOOK_STREAM_FILTERS } from "../../functions/handlers/webhook-stream";
import { defineLivelineApp, settingsFromContext, type LivelineSettings } from "../../infra/lib/liveline-app";
import type { LivelineStack } from "../../infra/lib/liveline-stack";

type Json = Record<string, unknown>;
const cdkContext = (JSON.parse(readFileSync("cdk.json", "utf8")) as { context: Json }).context;

const WEBHOOKS: LivelineConfig["webhooks"] = [
  { id: "hubspot", url: "https://hooks.example.com/liveline", events: ["*"], secret: { secretsManager: "liveline/hubspot-webhook" } },
  { id: "n8n", url: "https://n8n.example.com/webhook/liveline", events: ["booking.confirmed", "call.logged"], secret: { secretsManager: "liveline/n8n-webhook" } },
];

function withWebhooks(webhooks: LivelineConfig["webhooks"], context: Json = {}): { app: App; settings: LivelineSettings } {
  const app = new App({ context: { ...cdkContext, ...context } });
  const settings = settingsFromContext(app);
  return { app, settings: { ...settings, config: { ...settings.config, webhooks } } };
}

let app: App;
let stack: LivelineStack;
let template: Template;

beforeAll(() => {
  const built = withWebhooks(WEBHOOKS);
  app = built.app;
  stack = defineLivelineApp(app, built.settings);
  template = Template.fromStack(stack);
  // Nine bundles with esbuild: a minute or more on a busy 2-core machine (as the main stack test allows).
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

describe("the webhook function", () => {
  it("is fed new leads and the mapped log events from the table's stream, with bisect, batch item failures and an on-failure queue", () => {
    const webhooks = stack.webhooks!;
    const mapping = Object.values(template.findResources("AWS::Lambda::EventSourceMapping"))
      .map((resource) => resource.Properties as Json)
      .find((candidate) => JSON.stringify(candidate.FunctionName) === JSON.stringify({ Ref: logicalId(webhooks.fn.function.node.defaultChild) }));
    expect(mapping).toMatchObject({
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [logicalId(webhooks.failures.node.defaultChild), "Arn"] } } },
      FilterCriteria: { Filters: WEBHOOK_STREAM_FILTERS.map((filter) => ({ Pattern: JSON.stringify(filter) })) },
    });
  });

  it("runs Node 24 on arm64 for 60 s, told its dead-letter queue and public addresses only", () => {
    const fn = template.toJSON().Resources[logicalId(stack.webhooks!.fn.function.node.defaultChild)].Properties;
    expect(fn).toMatchObject({ Runtime: "nodejs24.x", Architectures: ["arm64"], Timeout: 60 });
    expect(fn.Environment.Variables.WEBHOOK_DEAD_LETTER_QUEUE_URL).toEqual({ Ref: logicalId(stack.webhooks!.deadLetters.node.defaultChild) });
    // LIVELINE_WEBHOOK_TARGETS unset: "public", https to public addresses only.
    expect(fn.Environment.Variables.LIVELINE_WEBHOOK_TARGETS).toBeUndefined();
  });

  it("may read only the named webhook secrets (and the signing secret), park dead letters and schedule retries", () => {
    const statements = statementsOfRole(stack.webhooks!.fn.role.node.defaultChild);
    const secrets = resourcesOf(statements, "secretsmanager:GetSecretValue");
    expect(secrets).toHaveLength(3);
    for (const name of ["liveline/hubspot-webhook", "liveline/n8n-webhook"]) expect(secrets.some((arn) => arn.includes(`:secret:${name}-??????`)), name).toBe(true);
    expect(resourcesOf(statements, "sqs:SendMessage")).toEqual(expect.arrayContaining([JSON.stringify({ "Fn::GetAtt": [logicalId(stack.webhooks!.deadLetters.node.defaultChild), "Arn"] })]));
    for (const action of ["scheduler:CreateSchedule", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetRecords"]) expect(resourcesOf(statements, action).length, action).toBeGreaterThan(0);
    expect(resourcesOf(statements, "ses:SendEmail")).toEqual([]);
  });

  it("lets the timer function, which makes the retries, read the same secrets and park dead letters", () => {
    const statements = statementsOfRole(stack.timerFunction.role.node.defaultChild);
    expect(resourcesOf(statements, "secretsmanager:GetSecretValue").filter((arn) => arn.includes("-webhook-??????"))).toHaveLength(2);
    expect(resourcesOf(statements, "sqs:SendMessage")).toEqual(expect.arrayContaining([JSON.stringify({ "Fn::GetAtt": [logicalId(stack.webhooks!.deadLetters.node.defaultChild), "Arn"] })]));
  });

  it("gives the workspace API, which only lists and resends deliveries, no webhook secret and no dead-letter queue", () => {
    const statements = statementsOfRole(stack.workspaceApiFunction.role.node.defaultChild);
    expect(resourcesOf(statements, "secretsmanager:GetSecretValue").filter((arn) => arn.includes("-webhook-??????"))).toEqual([]);
    expect(resourcesOf(statements, "sqs:SendMessage")).toEqual([]);
  });

  it("alarms on the first message in its failure and dead-letter queues", () => {
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((resource) => JSON.stringify(resource.Properties));
    for (const queue of [stack.webhooks!.failures, stack.webhooks!.deadLetters]) {
      expect(alarms.some((alarm) => alarm.includes(logicalId(queue.node.defaultChild)) && alarm.includes("ApproximateNumberOfMessagesVisible")), queue.node.id).toBe(true);
    }
  });

  it("leaves cdk-nag with no unacknowledged finding, each acknowledgement saying why", () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((violation) => `${violation.severity} ${violation.ruleName}`)).toEqual([]);
    const reasons = [stack.webhooks!.failures, stack.webhooks!.deadLetters].flatMap((queue) =>
      queue.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((entry) => Object.values(entry.data as Record<string, string>)),
    );
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason).toMatch(/webhook/);
  });
});

describe("synth with webhooks", () => {
  it("refuses what only a local receiver may use: plain http, this machine, a secret written in the file", () => {
    const refused = (webhooks: LivelineConfig["webhooks"]) => () => {
      const built = withWebhooks(webhooks);
      defineLivelineApp(built.app, built.settings);
    };
    expect(refused([{ ...WEBHOOKS[0]!, url: "http://hooks.example.com/liveline" }])).toThrow(/webhooks\[0\]\.url must use https/);
    expect(refused([{ ...WEBHOOKS[0]!, url: "https://127.0.0.1:8443/hooks" }])).toThrow(/webhooks\[0\]\.url 127\.0\.0\.1 is not a public address/);
    expect(refused([{ ...WEBHOOKS[0]!, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }])).toThrow(/webhooks\[0\]\.secret must be \{ "secretsManager"/);
  });

  it("adds no webhook function without endpoints", { timeout: 180_000 }, () => {
    // No bundling: only the stack's parts matter here.
    const built = withWebhooks([], { "aws:cdk:bundling-stacks": [] });
    expect(defineLivelineApp(built.app, built.settings).webhooks).toBeUndefined();
  });
});
