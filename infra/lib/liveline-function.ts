// Infra: the one place that decides how every Liveline Lambda is built and what it may touch. Handlers get
// their permissions through small "intent" methods, each granting exactly one capability and setting the
// environment variable the handler reads for it.

import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as eventSources from "aws-cdk-lib/aws-lambda-event-sources";
import * as nodejs from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as scheduler from "aws-cdk-lib/aws-scheduler";
import type * as s3 from "aws-cdk-lib/aws-s3";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { repoPath } from "./repo-path";

export interface LivelineFunctionProps {
  /** The handler module, relative to the repository root (e.g. "functions/handlers/http-api.handler.ts"). */
  entry: string;
  /** The validated config; inlined into the bundle so a cold start reads no file and no parameter store. */
  config: LivelineConfig;
  description: string;
  /** Defaults to 512 MB: on arm64 that buys enough CPU for a fast cold start at a low price. */
  memorySize?: number;
  /** Defaults to 10 s, well under the HTTP API's 30 s integration limit. */
  timeout?: Duration;
  /**
   * A fixed name, for a function whose ARN must be known before it exists (the timer function puts its own
   * ARN into the schedules it creates). Defaults to a CloudFormation-generated name.
   */
  functionName?: string;
  /** More esbuild `define`s: text known at synth that the handler would otherwise compute at run time. */
  defines?: Record<string, string>;
}

/** What `sendMailAs` needs to know about the SES side. */
export interface MailSending {
  /** The From address every message uses (checked with the `ses:FromAddress` condition). */
  fromAddress: string;
  /** ARNs of the SES identities that may authorize that address: the address itself and its domain. */
  identityArns: string[];
  configurationSetName: string;
  configurationSetArn: string;
}

/** The stack's SMS origination (context): the identity texts come from, and the configuration set they go through. */
export interface SmsOrigination {
  /** An End User Messaging SMS phone number, pool or sender id (its ARN). */
  originationIdentityArn: string;
  configurationSetName?: string;
}

/** What `manageTimers` needs to know about the EventBridge Scheduler side. */
export interface TimerScheduling {
  /** The only group whose schedules the function may create and delete. */
  group: scheduler.IScheduleGroup;
  /** The role every schedule runs as; the only role the function may pass to Scheduler. */
  role: iam.IRole;
  /** The function every schedule invokes (a plain ARN string, so that function can name itself). */
  targetFunctionArn: string;
  /** Where Scheduler puts a timer it could not deliver. */
  deadLetterQueue: sqs.IQueue;
}

// ESM bundles still meet CommonJS dependencies that call require() on Node built-ins: give them one.
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * How esbuild builds every function (what NodejsFunction passes it for Node 24): the bench builds its
 * SDK-only baselines with these same settings, so the two are compared like for like.
 */
export const BUNDLE_SETTINGS = {
  platform: "node",
  target: "node24",
  format: "esm",
  // Prefer packages' ESM builds so esbuild can drop what the handler does not import.
  mainFields: ["module", "main"],
  minify: true,
  banner: ESM_REQUIRE_BANNER,
} as const;

/** The `tracing` context: true or false (also as text, as `-c tracing=true` gives it); default false. */
export function tracingFromContext(scope: Construct): boolean {
  const value: unknown = scope.node.tryGetContext("tracing");
  if (value === undefined || value === false || value === "false") return false;
  if (value === true || value === "true") return true;
  throw new Error(`context tracing must be true or false, not ${JSON.stringify(value)}`);
}

/** The ARN a function named `functionName` has in this stack's account and region, as a plain string. */
export function functionArnFromName(scope: Construct, functionName: string): string {
  return Stack.of(scope).formatArn({
    service: "lambda",
    resource: "function",
    resourceName: functionName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** A NodejsFunction with the app's defaults (Node 24, arm64, minified ESM + source maps) and its own role. */
/** How a function is fed the table's change stream. */
export interface TableStreamFeed {
  /** A Lambda event filter pattern on the stream record, or several (a record matching any one passes). */
  filter: Record<string, unknown> | readonly Record<string, unknown>[];
  batchSize: number;
  /** Lambda waits up to this long to fill a batch; undefined: it invokes as soon as records arrive. */
  maxBatchingWindow?: Duration;
}

export class LivelineFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  /** A role of our own: no AWSLambdaBasicExecutionRole, whose logs actions cover every log group (`*`). */
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LivelineFunctionProps) {
    super(scope, id);
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs ${props.description}`,
    });
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new nodejs.NodejsFunction(this, "Function", {
      entry: repoPath(props.entry),
      handler: "handler",
      functionName: props.functionName,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      depsLockFilePath: repoPath("package-lock.json"),
      environment: { NODE_OPTIONS: "--enable-source-maps" },
      // `-c tracing=true`: X-Ray traces of every invocation (off by default: traces are billed per request).
      tracing: tracingFromContext(this) ? lambda.Tracing.ACTIVE : undefined,
      // `-c bundleMetafile=true` (the bench) keeps esbuild's metafile beside each bundle: what is in it, by size.
      bundling: bundlingOptions(props.config, this.node.tryGetContext("bundleMetafile") === "true", props.defines),
    });
  }

  /** Read and write the booking table's items, including transactions, and query its indexes. No Scan. */
  useBookingTable(table: dynamodb.ITable, indexNames: readonly string[]): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // TransactWriteItems/TransactGetItems are authorized per item by these same actions.
        actions: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:ConditionCheckItem",
        ],
        resources: [table.tableArn],
      }),
    );
    if (indexNames.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ["dynamodb:Query"],
          resources: indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
    this.function.addEnvironment("TABLE_NAME", table.tableName);
  }

  /**
   * Put items whose partition key starts with `keyPrefix`, and nothing else — no read, no update, no
   * delete (the SES-event function's suppression items). IAM's dynamodb:LeadingKeys holds it to the prefix.
   */
  putItemsStartingWith(table: dynamodb.ITable, keyPrefix: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:PutItem"],
        resources: [table.tableArn],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${keyPrefix}*`] } },
      }),
    );
    this.function.addEnvironment("TABLE_NAME", table.tableName);
  }

  /**
   * Read and update (never put or delete) items whose partition key starts with `keyPrefix`: the calendar
   * feed refresh reads reps' schedule items and sets their feed copy. IAM's dynamodb:LeadingKeys holds it there.
   */
  /** Read (GetItem) the items of one partition only: the calendar feed refresh reads the settings' head. */
  readItemsOfPartition(table: dynamodb.ITable, partition: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:GetItem"],
        resources: [table.tableArn],
        conditions: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [partition] } },
      }),
    );
  }

  readAndUpdateItemsStartingWith(table: dynamodb.ITable, keyPrefix: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:BatchGetItem", "dynamodb:UpdateItem"],
        resources: [table.tableArn],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${keyPrefix}*`] } },
      }),
    );
    this.function.addEnvironment("TABLE_NAME", table.tableName);
  }

  /**
   * Read the whole table and delete or rewrite items in batches: only the retention sweep (the erase of
   * people inactive past `retention.inactiveLeadDays`) needs this; every request path reads by key.
   */
  eraseFromWholeTable(table: dynamodb.ITable): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["dynamodb:Scan", "dynamodb:BatchWriteItem"], resources: [table.tableArn] }));
  }

  /** Send mail through SESv2 from the configured address only, through the app's configuration set. */
  sendMailAs(mail: MailSending): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // SESv2 SendEmail (Simple, Raw or Template content) is authorized as ses:SendEmail against the
        // sending identity and the configuration set; ses:SendRawEmail is the SESv1 operation we never call.
        actions: ["ses:SendEmail"],
        resources: [...mail.identityArns, mail.configurationSetArn],
        conditions: { StringEquals: { "ses:FromAddress": mail.fromAddress } },
      }),
    );
    this.function.addEnvironment("SES_CONFIGURATION_SET", mail.configurationSetName);
  }

  /** Read the secret that signs manage links (HMAC key). */
  readSigningSecret(secret: secretsmanager.ISecret): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["secretsmanager:GetSecretValue"], resources: [secret.secretArn] }),
    );
    this.function.addEnvironment("SIGNING_SECRET_ARN", secret.secretArn);
  }

  /**
   * Create and delete schedules in the timer group (one-time `at(...)` schedules, one per timer), running as
   * the scheduler role and targeting the timer function. No Get/List/Update: a schedule is created by its
   * deterministic name (a conflict means it already exists) and deleted by name (not found means gone).
   */
  manageTimers(timers: TimerScheduling): void {
    const groupName = timers.group.scheduleGroupName;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["scheduler:CreateSchedule", "scheduler:DeleteSchedule"],
        // Every schedule of this group, whatever its name; no other group's, not the group itself.
        resources: [
          Stack.of(this).formatArn({
            service: "scheduler",
            resource: "schedule",
            resourceName: `${groupName}/*`,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // CreateSchedule names the role the schedule runs as; passing it needs iam:PassRole on it.
        actions: ["iam:PassRole"],
        resources: [timers.role.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );
    this.function.addEnvironment("SCHEDULE_GROUP_NAME", groupName);
    this.function.addEnvironment("SCHEDULER_ROLE_ARN", timers.role.roleArn);
    this.function.addEnvironment("TIMER_FUNCTION_ARN", timers.targetFunctionArn);
    this.function.addEnvironment("SCHEDULER_DLQ_ARN", timers.deadLetterQueue.queueArn);
  }

  /**
   * For a function invoked asynchronously (by Scheduler or EventBridge): Lambda retries an invocation that
   * threw twice, then sends the event with its error to this queue instead of dropping it, where
   * `npm run redrive` finds it. Delivery failures before Lambda (the services' own dead-letter queues) are
   * a different queue.
   */
  keepFailedInvocations(): sqs.Queue {
    const queue = new sqs.Queue(this, "FailedInvocations", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to notice, fix the cause and redrive.
      retentionPeriod: Duration.days(14),
    });
    this.function.configureAsyncInvoke({
      onFailure: new SendOnlyQueueDestination(queue),
      retryAttempts: 2,
      // Lambda's longest: a throttled or failing event is kept retrying for six hours before it is parked.
      maxEventAge: Duration.hours(6),
    });
    return queue;
  }

  /**
   * Be fed the table's change stream by an event source mapping: batches of changes, partial batch failures
   * reported by the handler, a failing batch bisected and retried, what still fails recorded in `failures`
   * (the shard and sequence numbers, not the changes). Only the changes `filter` matches reach the function.
   */
  consumeTableStream(table: dynamodb.ITable, failures: sqs.IQueue, feed: TableStreamFeed): void {
    this.function.addEventSource(
      new eventSources.DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: feed.batchSize,
        maxBatchingWindow: feed.maxBatchingWindow,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new eventSources.SqsDlq(failures),
        filters: (Array.isArray(feed.filter) ? feed.filter : [feed.filter]).map((pattern) => lambda.FilterCriteria.filter(pattern)),
      }),
    );
  }

  /**
   * Deliver webhooks: read the endpoints' secrets the config names in Secrets Manager (those only), and park a
   * delivery every attempt of which failed in the webhook dead-letter queue. Reaching the endpoints needs no
   * grant: the function is outside any VPC, and the sender itself refuses non-public addresses.
   */
  deliverWebhooks(secretNames: readonly string[], deadLetters: sqs.IQueue): void {
    if (secretNames.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ["secretsmanager:GetSecretValue"],
          // Secrets Manager appends "-" and 6 random characters to a secret's name in its ARN.
          resources: [...new Set(secretNames)].map((name) => Stack.of(this).formatArn({ service: "secretsmanager", resource: "secret", resourceName: `${name}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME })),
        }),
      );
    }
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [deadLetters.queueArn] }));
    this.function.addEnvironment("WEBHOOK_DEAD_LETTER_QUEUE_URL", deadLetters.queueUrl);
  }

  /**
   * Send texts through AWS End User Messaging SMS: SendTextMessage from the one origination identity, through
   * the one configuration set (when given) — nothing else. Its entry must wire the sender (handlers/text-ports.ts).
   */
  sendTexts(sms: SmsOrigination): void {
    const stack = Stack.of(this);
    const configurationSetArn = sms.configurationSetName && stack.formatArn({ service: "sms-voice", resource: "configuration-set", resourceName: sms.configurationSetName });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["sms-voice:SendTextMessage"], resources: [sms.originationIdentityArn, ...(configurationSetArn ? [configurationSetArn] : [])] }));
    this.function.addEnvironment("LIVELINE_TEXTS", "aws");
    this.function.addEnvironment("SMS_ORIGINATION_IDENTITY", sms.originationIdentityArn);
    if (sms.configurationSetName) this.function.addEnvironment("SMS_CONFIGURATION_SET", sms.configurationSetName);
  }

  /**
   * Store files on the site (an uploaded brand logo): s3:PutObject under one folder of the site bucket only —
   * no reading, listing or deleting. Its entry must wire the port (handlers/site-file-ports.ts).
   */
  putSiteFiles(bucket: s3.IBucket, folder: string): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [bucket.arnForObjects(`${folder}/*`)] }));
    this.function.addEnvironment("SITE_BUCKET", bucket.bucketName);
  }

  /** The public origin the handler puts into links (manage, outcome) it mails out. */
  usePublicUrl(url: string): void {
    this.function.addEnvironment("LIVELINE_PUBLIC_URL", url);
  }
}

/**
 * An SQS on-failure destination that grants only sqs:SendMessage: `aws-lambda-destinations`' SqsDestination
 * grants GetQueueAttributes and GetQueueUrl too, which Lambda does not need to deliver a failure record.
 */
class SendOnlyQueueDestination implements lambda.IDestination {
  constructor(private readonly queue: sqs.IQueue) {}

  bind(_scope: Construct, fn: lambda.IFunction): lambda.DestinationConfig {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.queue.queueArn] }));
    return { destination: this.queue.queueArn };
  }
}

function bundlingOptions(config: LivelineConfig, metafile: boolean, defines: Record<string, string> = {}): nodejs.BundlingOptions {
  return {
    format: nodejs.OutputFormat.ESM,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    minify: BUNDLE_SETTINGS.minify,
    sourceMap: true,
    // Stack traces only need the mappings; the sources would double the asset for nothing.
    sourcesContent: false,
    banner: BUNDLE_SETTINGS.banner,
    metafile,
    // Bundling the SDK pins the version we test with and cold-starts faster than the runtime's copy.
    bundleAwsSDK: true,
    // handlerConfig() reads process.env.LIVELINE_CONFIG_JSON: esbuild replaces it with the validated config.
    define: { "process.env.LIVELINE_CONFIG_JSON": JSON.stringify(JSON.stringify(config)), ...defines },
    // The local esbuild (a dev dependency) bundles; Docker is not on every machine that synthesizes.
    forceDockerBundling: false,
  };
}

