// Infra tests: synthesizes the Liveline stack once (as `cdk synth` would, with cdk.json's context) and checks
// resources, least-privilege grants of the API function, cdk-nag AwsSolutions, and the inlined config.

import { App, Stack, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type { CfnElement } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { tableDefinition } from "../../functions/adapters/dynamodb/table-definition";
import { ConfigError } from "../../functions/config/load-config";
import { defineLivelineApp, settingsFromContext, type LivelineSettings } from "../../infra/lib/liveline-app";
import { LivelineFunction } from "../../infra/lib/liveline-function";
import type { LivelineStack } from "../../infra/lib/liveline-stack";
import { Mail } from "../../infra/lib/mail";

type Json = Record<string, unknown>;

const cdkContext = (JSON.parse(readFileSync("cdk.json", "utf8")) as { context: Json }).context;

let app: App;
let stack: LivelineStack;
let settings: LivelineSettings;
let template: Template;
let resources: Record<string, { Type: string; Properties?: Json; DeletionPolicy?: string }>;

beforeAll(() => {
  app = new App({ context: cdkContext });
  settings = settingsFromContext(app);
  stack = defineLivelineApp(app, settings);
  // Synthesizes the app, which also runs the cdk-nag plugin: an unacknowledged error would throw here.
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
});

function logicalId(construct: IConstruct | undefined): string {
  return stack.resolve((construct as CfnElement).logicalId) as string;
}

describe("the booking table", () => {
  it("has the keys, index and TTL attribute of the shared table definition", () => {
    const { partitionKey, sortKey, timeToLiveAttribute, globalSecondaryIndexes } = tableDefinition;
    const keyAttributes = [partitionKey, sortKey, ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    const [table] = Object.values(template.findResources("AWS::DynamoDB::Table"));
    const props = table?.Properties as Json;
    expect(props.KeySchema).toEqual([
      { AttributeName: partitionKey.name, KeyType: "HASH" },
      { AttributeName: sortKey.name, KeyType: "RANGE" },
    ]);
    expect(props.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes.map((key) => ({ AttributeName: key.name, AttributeType: key.type }))),
    );
    expect((props.AttributeDefinitions as unknown[]).length).toBe(new Set(keyAttributes.map((k) => k.name)).size);
    expect(props.GlobalSecondaryIndexes).toEqual(
      globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: "HASH" },
          { AttributeName: index.sortKey.name, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    );
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: timeToLiveAttribute, Enabled: true });
  });

  it("is on demand, point-in-time recoverable, encrypted and kept on delete", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        // SSEEnabled with no key given = the AWS managed KMS key (aws/dynamodb).
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });
});

describe("the API function", () => {
  it("runs Node 24 on arm64 with source maps and the environment the handler reads", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      Role: { "Fn::GetAtt": [logicalId(stack.apiFunction.role.node.defaultChild), "Arn"] },
      LoggingConfig: { LogGroup: { Ref: logicalId(stack.apiFunction.logGroup.node.defaultChild) } },
      Environment: {
        Variables: {
          NODE_OPTIONS: "--enable-source-maps",
          TABLE_NAME: { Ref: logicalId(stack.bookingTable.table.node.defaultChild) },
          SES_CONFIGURATION_SET: { Ref: logicalId(stack.mail.configurationSet.node.defaultChild) },
          SIGNING_SECRET_ARN: { Ref: logicalId(stack.signingSecret.node.defaultChild) },
          LIVELINE_PUBLIC_URL: {
            "Fn::Join": ["", ["https://", { "Fn::GetAtt": [logicalId(stack.site.distribution.node.defaultChild), "DomainName"] }]],
          },
        },
      },
    });
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
  });

  it("is a minified ESM bundle with a require shim, a source map and the validated config inlined", () => {
    const dir = assetDirOf(app, stack.apiFunction);
    const code = readFileSync(join(dir, "index.mjs"), "utf8");
    expect(code.startsWith("import { createRequire } from 'module';const require = createRequire(import.meta.url);")).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{\s*handler\s*\}/);
    expect(code).toContain("//# sourceMappingURL=index.mjs.map");
    expect(existsSync(join(dir, "index.mjs.map"))).toBe(true);
    // Every rep's address comes from the config text esbuild put in place of process.env.LIVELINE_CONFIG_JSON.
    for (const rep of settings.config.reps) expect(code).toContain(rep.email);
  });
});

describe("the HTTP API", () => {
  it("sends ANY /api/{proxy+} to the API function with payload 2.0", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /api/{proxy+}", AuthorizationType: "NONE" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
      IntegrationUri: { "Fn::GetAtt": [logicalId(stack.apiFunction.function.node.defaultChild), "Arn"] },
    });
  });

  it("throttles its default stage and writes access logs", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 },
      AccessLogSettings: {
        DestinationArn: { "Fn::GetAtt": [logicalId(stack.httpApi.accessLogs.node.defaultChild), "Arn"] },
        Format: Match.stringLikeRegexp("\\$context\\.requestId"),
      },
    });
  });
});

describe("timers and events", () => {
  it("has the event bus, the schedule group and an encrypted, TLS-only dead-letter queue kept 14 days", () => {
    template.hasResourceProperties("AWS::Events::EventBus", { Name: "Liveline-events" });
    template.resourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
    template.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("has a scheduler role only EventBridge Scheduler of this account can assume, with no permissions yet", () => {
    const roleId = logicalId(stack.timers.schedulerRole.node.defaultChild);
    expect(resources[roleId]?.Properties?.AssumeRolePolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Action: "sts:AssumeRole",
          Effect: "Allow",
          Principal: { Service: "scheduler.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
        },
      ],
    });
    expect(policyStatementsOf(roleId)).toEqual([]);
  });
});

describe("mail", () => {
  it("has a configuration set with reputation metrics and the domain identity with Easy DKIM", () => {
    template.hasResourceProperties("AWS::SES::ConfigurationSet", {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
    template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: settings.senderDomain,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalId(stack.mail.configurationSet.node.defaultChild) } },
    });
    expect(Object.keys(template.findOutputs("*")).filter((id) => id.startsWith("DkimRecord"))).toHaveLength(3);
  });

  it("creates no identity when createEmailIdentity is false, and still scopes sending to the sender", () => {
    const mailStack = new Stack(new App(), "MailOnly");
    const mail = new Mail(mailStack, "Mail", { senderEmail: "demos@example.com", domain: "example.com", createEmailIdentity: false });
    Template.fromStack(mailStack).resourceCountIs("AWS::SES::EmailIdentity", 0);
    expect(mail.sending.identityArns.map((arn) => mailStack.resolve(arn)["Fn::Join"][1].at(-1))).toEqual([
      ":identity/demos@example.com",
      ":identity/example.com",
    ]);
  });
});

describe("the site", () => {
  it("keeps the bucket private and serves it and /api/* through one distribution", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: "/api/*",
            AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
            OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // Managed-AllViewerExceptHostHeader
            ViewerProtocolPolicy: "https-only",
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: {
              "Fn::Join": ["", [{ Ref: logicalId(stack.httpApi.api.node.defaultChild) }, ".execute-api.", { Ref: "AWS::Region" }, ".", { Ref: "AWS::URLSuffix" }]],
            },
          }),
        ]),
      }),
    });
  });

  it("sends a strict content security policy", () => {
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("^default-src 'self'; script-src 'self';"), Override: true },
        }),
      }),
    });
  });
});

describe("the signing secret", () => {
  it("is 64 generated characters without punctuation", () => {
    template.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
  });
});

describe("least privilege", () => {
  it("lets the API function use this table, send mail as the sender and read the secret — nothing more", () => {
    const roleId = logicalId(stack.apiFunction.role.node.defaultChild);
    const role = resources[roleId]?.Properties ?? {};
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies).toBeUndefined();
    const statements = policyStatementsOf(roleId);
    for (const statement of statements) {
      expect(statement.Effect).toBe("Allow");
      expect(statement).not.toHaveProperty("NotAction");
      expect(statement).not.toHaveProperty("NotResource");
    }
    const table = `<${logicalId(stack.bookingTable.table.node.defaultChild)}.Arn>`;
    const ses = "arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>";
    const itemResources = [table];
    expect(permissionsOf(statements)).toEqual({
      "logs:CreateLogStream": [`<${logicalId(stack.apiFunction.logGroup.node.defaultChild)}.Arn>`],
      "logs:PutLogEvents": [`<${logicalId(stack.apiFunction.logGroup.node.defaultChild)}.Arn>`],
      "dynamodb:GetItem": itemResources,
      "dynamodb:BatchGetItem": itemResources,
      "dynamodb:PutItem": itemResources,
      "dynamodb:UpdateItem": itemResources,
      "dynamodb:DeleteItem": itemResources,
      "dynamodb:ConditionCheckItem": itemResources,
      "dynamodb:Query": [table, ...tableDefinition.globalSecondaryIndexes.map((index) => `${table}/index/${index.indexName}`)].sort(),
      "ses:SendEmail": [
        `${ses}:configuration-set/<${logicalId(stack.mail.configurationSet.node.defaultChild)}>`,
        `${ses}:identity/${settings.config.sender.email}`,
        `${ses}:identity/${settings.senderDomain}`,
      ].sort(),
      "secretsmanager:GetSecretValue": [`<${logicalId(stack.signingSecret.node.defaultChild)}>`],
    });
  });

  it("sends mail only from the configured sender address", () => {
    const statements = policyStatementsOf(logicalId(stack.apiFunction.role.node.defaultChild));
    const sesStatements = statements.filter((s) => [s.Action].flat().some((a) => String(a).startsWith("ses:")));
    expect(sesStatements).toHaveLength(1);
    expect(sesStatements[0]?.Condition).toEqual({ StringEquals: { "ses:FromAddress": settings.config.sender.email } });
  });
});

describe("cdk-nag AwsSolutions", () => {
  it("reports no unacknowledged error or warning", () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(", ")}`);
    if (findings.length > 0) console.log(findings.join("\n"));
    expect(report.violations.filter((v) => v.severity === "error")).toEqual([]);
    expect(report.violations.filter((v) => v.severity === "warning")).toEqual([]);
  });

  it("gives every acknowledgement a specific reason", () => {
    const acknowledgements = stack.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>)),
    );
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});

describe("settings from context", () => {
  it("overrides the sender address, derives the domain from it and re-validates", () => {
    const withContext = (context: Json) => settingsFromContext(new App({ context }));
    const overridden = withContext({ senderEmail: "book@sales.example.org", createEmailIdentity: "false" });
    expect(overridden.config.sender.email).toBe("book@sales.example.org");
    expect(overridden.senderDomain).toBe("sales.example.org");
    expect(overridden.createEmailIdentity).toBe(false);
    expect(withContext({ senderEmail: "book@sales.example.org", domain: "example.org" }).senderDomain).toBe("example.org");
    expect(() => withContext({ senderEmail: "not an address" })).toThrow(ConfigError);
    expect(() => withContext({ senderEmail: "book@example.org", domain: "example.com" })).toThrow(/not in the SES domain/);
  });
});

describe("the inlined config", () => {
  it("is the validated config, readable by the bundled handler without a file or an environment variable", async () => {
    const fixtureApp = new App();
    const fixtureStack = new Stack(fixtureApp, "ConfigFixture");
    const fn = new LivelineFunction(fixtureStack, "Echo", {
      entry: "test/infra/fixtures/echo-config.handler.ts",
      config: settings.config,
      description: "config echo",
    });
    Template.fromStack(fixtureStack);
    const bundle = join(assetDirOf(fixtureApp, fn), "index.mjs");
    const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: () => Promise<unknown> };
    expect(await handler()).toEqual(settings.config);
  });
});

/** The folder in the cloud assembly that holds a function's bundle (its Code.S3Key is `<hash>.zip`). */
function assetDirOf(assemblyApp: App, fn: LivelineFunction): string {
  const owner = Stack.of(fn);
  const cfnFunction = Template.fromStack(owner).toJSON().Resources[owner.resolve((fn.function.node.defaultChild as CfnElement).logicalId)];
  const key = String(cfnFunction.Properties.Code.S3Key);
  return join(assemblyApp.synth().directory, `asset.${key.replace(/\.zip$/, "")}`);
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every statement of every AWS::IAM::Policy attached to the role. */
function policyStatementsOf(roleLogicalId: string): Statement[] {
  return Object.values(resources)
    .filter((r) => r.Type === "AWS::IAM::Policy")
    .filter((r) => (r.Properties?.Roles as unknown[]).some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleLogicalId })))
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** action → sorted resources, with CloudFormation intrinsics rendered like cdk-nag does (`<Id.Arn>`). */
function permissionsOf(statements: Statement[]): Record<string, string[]> {
  const permissions: Record<string, Set<string>> = {};
  for (const statement of statements) {
    for (const action of [statement.Action].flat()) {
      for (const resource of [statement.Resource].flat()) (permissions[action] ??= new Set()).add(render(resource));
    }
  }
  return Object.fromEntries(Object.entries(permissions).map(([action, set]) => [action, [...set].sort()]));
}

function render(value: unknown): string {
  if (typeof value === "string") return value;
  const node = value as Json;
  if ("Ref" in node) return `<${String(node.Ref)}>`;
  if ("Fn::GetAtt" in node) return `<${(node["Fn::GetAtt"] as string[]).join(".")}>`;
  if ("Fn::Join" in node) {
    const [separator, parts] = node["Fn::Join"] as [string, unknown[]];
    return parts.map(render).join(separator);
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}
