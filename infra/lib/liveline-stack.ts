// Infra: the Liveline stack of DESIGN.md, wired: site + API behind one CloudFront origin → API Lambda →
// table, SES, signing secret; the timer Lambda as the target of the Scheduler group's schedules (role, DLQ,
// the recurring outbox sweep); the SES-event Lambda behind an EventBridge rule on the configuration set's
// bounces and complaints; and the event bus. Both asynchronously invoked functions park what still fails
// after Lambda's retries in a queue of their own; operators get alarms and a dashboard (operations.ts).

import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, Token, type StackProps } from "aws-cdk-lib";
import type { HttpRoute } from "aws-cdk-lib/aws-apigatewayv2";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as events from "aws-cdk-lib/aws-events";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as eventTargets from "aws-cdk-lib/aws-events-targets";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { REP_KEY_PREFIX, SETTINGS_PARTITION } from "../../functions/adapters/dynamodb/item-keys";
import { NEW_OUTBOX_ITEM_FILTER } from "../../functions/adapters/dynamodb/outbox-records";
import { SUPPRESSION_KEY_PREFIX } from "../../functions/adapters/dynamodb/suppression-list.dynamodb";
import { webhookProblemsInAws, webhookSecretNames } from "../../functions/config/webhooks-config";
import { isPublishedDemoTokenHash } from "../../functions/core/access/rep-tokens";
import { LOGO_FOLDER } from "../../functions/core/messages/logo-image";
import { WEBHOOK_STREAM_FILTERS } from "../../functions/handlers/webhook-stream";
import { BookingTable } from "./booking-table";
import { EdgeWebAcl } from "./edge-web-acl";
import { PublicHttpApi } from "./http-api";
import { functionArnFromName, LivelineFunction, type SmsOrigination, type TimerScheduling } from "./liveline-function";
import { InboundTexts } from "./inbound-texts";
import { dmarcRecord, type DnsRecord, Mail, mailFromRecords } from "./mail";
import { MailEvents } from "./mail-events";
import { prebuiltOpenApiDefines } from "./openapi-inline";
import { Operations } from "./operations";
import { Timers } from "./timers";
import { requireUsEast1 } from "./us-east-1";
import { WebSite } from "./web-site";

export interface LivelineStackProps extends StackProps {
  /** Validated; its sender e-mail already carries the `senderEmail` context override. */
  config: LivelineConfig;
  /** The SES sending domain (the `domain` context, else the sender address's domain). */
  senderDomain: string;
  createEmailIdentity: boolean;
  /** The HTTP API's custom domain (context `apiDomain`, else `api.<senderDomain>`); CloudFront's API origin. */
  apiDomain: string;
  /** A regional ACM certificate for `apiDomain` (context `apiCertificateArn`); else one is created. */
  apiCertificateArn?: string;
  /** The site's own address (context `siteDomain`, `siteCertificateArn`); none: the distribution's *.cloudfront.net. */
  site?: SiteDomain;
  /** The SES identity's custom MAIL FROM domain (context `mailFromDomain`); used when this stack owns the identity. */
  mailFromDomain?: string;
  /** Receives the alarms (context `operatorEmail`); optional. */
  operatorEmail?: string;
  /** A WAF web ACL on the distribution (context `waf`, default true; the stack must then be in us-east-1). */
  waf: boolean;
  /** Texts (context `smsOriginationIdentity`): without it, texting stays off and no SMS resource exists. */
  sms?: SmsOrigination;
}

/** A custom domain for the CloudFront distribution; its certificate must be in us-east-1 (CloudFront's rule). */
export interface SiteDomain {
  name: string;
  /** An ACM certificate in us-east-1 (context `siteCertificateArn`); without it the stack creates one. */
  certificateArn?: string;
}

/** Room for a busy campaign day, low enough that a runaway client cannot run up a bill. */
const API_THROTTLING = { rateLimit: 25, burstLimit: 50 };

export class LivelineStack extends Stack {
  readonly bookingTable: BookingTable;
  readonly httpApi: PublicHttpApi;
  readonly site: WebSite;
  /** The certificate of the site's own address (context `siteDomain`): imported, or created here (us-east-1). */
  readonly siteCertificate?: acm.ICertificate;
  /** The WAF web ACL on the distribution; none with context waf=false. */
  readonly webAcl?: EdgeWebAcl;
  /** The prospect-facing API (public-api.handler.ts). */
  readonly apiFunction: LivelineFunction;
  /** The reps' and managers' API (workspace-api.handler.ts). */
  readonly workspaceApiFunction: LivelineFunction;
  readonly timerFunction: LivelineFunction;
  readonly sesEventFunction: LivelineFunction;
  readonly mail: Mail;
  readonly mailEvents: MailEvents;
  readonly timers: Timers;
  readonly signingSecret: secretsmanager.Secret;
  readonly apiRoutes: HttpRoute[];
  /** Where the timer and SES-event functions park an event that threw after Lambda's retries. */
  readonly timerFailures: sqs.Queue;
  readonly sesEventFailures: sqs.Queue;
  /** The insights aggregator, fed the table's change stream; its failed batches' records go to its queue. */
  readonly insightsFunction: LivelineFunction;
  readonly calendarFeedsFunction: LivelineFunction;
  readonly insightsFailures: sqs.Queue;
  /** Performs new outbox items, fed the table's change stream (outbox inserts only). */
  readonly outboxFunction: LivelineFunction;
  readonly outboxFailures: sqs.Queue;
  /** Only with webhooks configured: the function fed new leads and log events, and its two queues. */
  readonly webhooks?: { fn: LivelineFunction; failures: sqs.Queue; deadLetters: sqs.Queue };
  /** Only with an SMS origination identity: the two-way SNS topic and the function that reads replies. */
  readonly inboundTexts?: InboundTexts;
  readonly operations: Operations;
  /** The site's own address (context `siteDomain`); undefined: the distribution's *.cloudfront.net. */
  readonly siteDomain?: string;

  constructor(scope: Construct, id: string, props: LivelineStackProps) {
    super(scope, id, props);
    refuseLocalWebhooks(props.config);
    warnOfPublishedRepTokens(this, props.config);
    warnOfLocalEmbedOrigins(this, props.config);
    this.bookingTable = new BookingTable(this, "Bookings");
    this.mail = new Mail(this, "Mail", {
      senderEmail: props.config.sender.email,
      domain: props.senderDomain,
      createEmailIdentity: props.createEmailIdentity,
      ...(props.createEmailIdentity && props.mailFromDomain ? { mailFromDomain: props.mailFromDomain } : {}),
    });
    this.signingSecret = new secretsmanager.Secret(this, "SigningSecret", {
      description: "Liveline: HMAC key of the signed, expiring manage and outcome links",
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Every link already mailed is signed with it: replacing or deleting the stack must not kill them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.timers = new Timers(this, "Timers");
    // The API and the distribution exist before the function: the distribution needs only the API's id,
    // the function needs the distribution's domain, and the route (which needs the function) comes last.
    this.httpApi = new PublicHttpApi(this, "HttpApi", {
      ...API_THROTTLING,
      domainName: props.apiDomain,
      certificateArn: props.apiCertificateArn,
      corsAllowedOrigins: props.config.embed.allowedOrigins,
    });
    this.webAcl = props.waf ? new EdgeWebAcl(this, "EdgeWebAcl") : undefined;
    this.siteCertificate = props.site ? this.createSiteCertificate(props.site) : undefined;
    this.site = new WebSite(this, "Site", {
      apiOriginDomain: this.httpApi.originDomain,
      allowedOrigins: props.config.embed.allowedOrigins,
      webAclArn: this.webAcl?.webAcl.attrArn,
      ...(props.site && this.siteCertificate ? { domain: { name: props.site.name, certificate: this.siteCertificate } } : {}),
    });
    this.siteDomain = props.site?.name;
    const { timerFunction, scheduling } = this.createTimerFunction(props.config, props.sms);
    this.timerFunction = timerFunction;
    this.apiFunction = this.createApiFunction("ApiFunction", props.config, scheduling);
    this.workspaceApiFunction = this.createApiFunction("WorkspaceApiFunction", props.config, scheduling);
    // A manager's logo upload: the one function that adds files to the site (kept by the site's deployment).
    this.workspaceApiFunction.putSiteFiles(this.site.bucket, LOGO_FOLDER);
    this.apiRoutes = this.httpApi.routeByFamily({ public: this.apiFunction.function, workspace: this.workspaceApiFunction.function });
    this.sesEventFunction = this.createSesEventFunction(props.config);
    this.mailEvents = new MailEvents(this, "MailEvents", {
      configurationSet: this.mail.configurationSet,
      handler: this.sesEventFunction.function,
    });
    ({ fn: this.insightsFunction, failures: this.insightsFailures } = this.createInsightsFunction(props.config));
    ({ fn: this.outboxFunction, failures: this.outboxFailures } = this.createOutboxFunction(props.config, scheduling, props.sms));
    this.calendarFeedsFunction = this.createCalendarFeedsFunction(props.config);
    this.webhooks = props.config.webhooks.length > 0 ? this.createWebhookFunction(props.config, scheduling) : undefined;
    this.inboundTexts = props.sms ? this.createInboundTexts(props.config) : undefined;
    this.timerFailures = this.timerFunction.keepFailedInvocations();
    this.sesEventFailures = this.sesEventFunction.keepFailedInvocations();
    this.operations = new Operations(this, "Operations", {
      operatorEmail: props.operatorEmail,
      failureQueues: {
        TimerDeliveryDLQ: this.timers.deadLetterQueue,
        TimerFailures: this.timerFailures,
        SesEventDeliveryDLQ: this.mailEvents.deadLetterQueue,
        SesEventFailures: this.sesEventFailures,
        InsightsFailures: this.insightsFailures,
        OutboxFailures: this.outboxFailures,
        ...(this.webhooks ? { WebhookFailures: this.webhooks.failures, WebhookDeadLetters: this.webhooks.deadLetters } : {}),
        ...(this.inboundTexts ? { InboundTextFailures: this.inboundTexts.failures } : {}),
      },
      functions: {
        Api: this.apiFunction.function,
        WorkspaceApi: this.workspaceApiFunction.function,
        Timer: this.timerFunction.function,
        SesEvent: this.sesEventFunction.function,
        Insights: this.insightsFunction.function,
        Outbox: this.outboxFunction.function,
        CalendarFeeds: this.calendarFeedsFunction.function,
        ...(this.webhooks ? { Webhook: this.webhooks.fn.function } : {}),
        ...(this.inboundTexts ? { InboundTexts: this.inboundTexts.fn.function } : {}),
      },
      asyncFunctions: [this.timerFunction.function, this.sesEventFunction.function],
      httpApi: this.httpApi.api,
      scheduleGroup: this.timers.scheduleGroup,
    });
    this.addOutputs(props.operatorEmail);
  }

  /**
   * One of the two API functions (functions/handlers/http/api-families.ts), with the same grants: booking,
   * rescheduling, cancelling and outcomes also create and delete timers; sign-in and lead bookings send mail.
   * The workspace serves the OpenAPI document, prebuilt at synth.
   */
  private createApiFunction(id: "ApiFunction" | "WorkspaceApiFunction", config: LivelineConfig, scheduling: TimerScheduling): LivelineFunction {
    const fn = new LivelineFunction(this, id, id === "ApiFunction"
      ? { entry: "functions/handlers/public-api.handler.ts", config, description: "Liveline HTTP API: prospects" }
      : { entry: "functions/handlers/workspace-api.handler.ts", config, description: "Liveline HTTP API: reps and managers", defines: prebuiltOpenApiDefines() });
    fn.useBookingTable(this.bookingTable.table, this.bookingTable.indexNames);
    fn.sendMailAs(this.mail.sending);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    fn.manageTimers(scheduling);
    return fn;
  }

  /**
   * The target of every schedule: reminders, call attempts, escalations, the outbox sweep. It schedules the
   * next attempts itself, so it puts its own ARN into schedules: a fixed name makes that ARN a plain string
   * (a GetAtt of itself in its own environment would be a circular dependency).
   */
  private createTimerFunction(config: LivelineConfig, sms: SmsOrigination | undefined): { timerFunction: LivelineFunction; scheduling: TimerScheduling } {
    const functionName = `${this.stackName}-timers`;
    if (!Token.isUnresolved(functionName) && functionName.length > 64) {
      throw new Error(`timer function name ${functionName} is longer than Lambda's 64 characters: shorten the stack name`);
    }
    const fn = new LivelineFunction(this, "TimerFunction", {
      entry: "functions/handlers/timer.handler.ts",
      config,
      description: "Liveline timers",
      functionName,
      // A firing timer reads the booking, writes the outcome and sends one e-mail; the sweep may send several.
      timeout: Duration.seconds(30),
    });
    // The outbox sweep sends the texts that waited (quiet hours, a failed attempt).
    if (sms) fn.sendTexts(sms);
    const scheduling = this.timers.targetFunction(fn.function, functionArnFromName(this, functionName));
    fn.useBookingTable(this.bookingTable.table, this.bookingTable.indexNames);
    fn.eraseFromWholeTable(this.bookingTable.table);
    fn.sendMailAs(this.mail.sending);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    fn.manageTimers(scheduling);
    return { timerFunction: fn, scheduling };
  }

  /** Bounces and complaints: writes suppression items, nothing else (no mail, no secret, no schedules). */
  private createSesEventFunction(config: LivelineConfig): LivelineFunction {
    const fn = new LivelineFunction(this, "SesEventFunction", {
      entry: "functions/handlers/ses-event.handler.ts",
      config,
      description: "Liveline SES events",
    });
    fn.putItemsStartingWith(this.bookingTable.table, SUPPRESSION_KEY_PREFIX);
    return fn;
  }

  /** Reads lead logs and writes counters; fed the table's stream (lead log changes only). */
  private createInsightsFunction(config: LivelineConfig): { fn: LivelineFunction; failures: sqs.Queue } {
    const fn = new LivelineFunction(this, "InsightsFunction", {
      entry: "functions/handlers/insights-stream.handler.ts",
      config,
      description: "Liveline insights aggregator",
      // A batch is up to 100 changes: a query and a transaction per lead touched.
      timeout: Duration.seconds(60),
    });
    fn.useBookingTable(this.bookingTable.table, []);
    const failures = new sqs.Queue(fn, "FailedBatches", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    fn.consumeTableStream(this.bookingTable.table, failures, {
      // Lead log changes only; up to 100 a batch, gathered for a second: the counters are not urgent.
      filter: { dynamodb: { Keys: { pk: { S: lambda.FilterRule.beginsWith("LEAD#") } } } },
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
    });
    return { fn, failures };
  }

  /**
   * Performs each new outbox item (a booking's invitations and timers, a prompt's e-mail…) the moment the
   * write that created it lands, so no request waits for SES or Scheduler. A batch it could not even claim
   * is retried, bisected, then recorded in its queue — the items themselves stay in the table, where the
   * outbox sweep performs them.
   */
  private createOutboxFunction(config: LivelineConfig, scheduling: TimerScheduling, sms: SmsOrigination | undefined): { fn: LivelineFunction; failures: sqs.Queue } {
    const fn = new LivelineFunction(this, "OutboxFunction", {
      entry: "functions/handlers/outbox-stream.handler.ts",
      config,
      description: "Liveline outbox: new items from the table's stream",
      // Up to 25 items, each an e-mail (SES answers or times out in 5 s) or a few schedules; a broadcast fans out.
      timeout: Duration.seconds(60),
    });
    if (sms) fn.sendTexts(sms);
    fn.useBookingTable(this.bookingTable.table, this.bookingTable.indexNames);
    fn.sendMailAs(this.mail.sending);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    fn.manageTimers(scheduling);
    const failures = new sqs.Queue(fn, "FailedBatches", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // Inserts of outbox items only; no batching window: an invitation should leave at once.
    fn.consumeTableStream(this.bookingTable.table, failures, { filter: NEW_OUTBOX_ITEM_FILTER, batchSize: 25 });
    return { fn, failures };
  }

  /**
   * Webhooks: a function of their own, fed the table's stream (new leads and the log events webhooks carry),
   * stores each delivery and makes its first attempt — so no request and no e-mail waits for an endpoint.
   * A failed attempt's retry is a timer, so the timer function delivers too; both park a delivery every
   * attempt of which failed in the dead-letter queue. A batch it could not store is retried, bisected, then
   * recorded in its on-failure queue.
   */
  private createWebhookFunction(config: LivelineConfig, scheduling: TimerScheduling): NonNullable<LivelineStack["webhooks"]> {
    const fn = new LivelineFunction(this, "WebhookFunction", {
      entry: "functions/handlers/webhook-stream.handler.ts",
      config,
      description: "Liveline webhooks: new leads and outcomes from the table's stream",
      // Up to 25 changes a batch, to every endpoint at once, each endpoint given 10 s.
      timeout: Duration.seconds(60),
    });
    fn.useBookingTable(this.bookingTable.table, []);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    fn.manageTimers(scheduling);
    const queue = (id: string) => new sqs.Queue(fn, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const deadLetters = queue("DeadLetters");
    const failures = queue("FailedBatches");
    const secrets = webhookSecretNames(config.webhooks);
    fn.deliverWebhooks(secrets, deadLetters);
    this.timerFunction.deliverWebhooks(secrets, deadLetters);
    fn.consumeTableStream(this.bookingTable.table, failures, { filter: WEBHOOK_STREAM_FILTERS, batchSize: 25 });
    return { fn, failures, deadLetters };
  }

  /**
   * Reads reps' calendar feeds into their schedule items every minute: the only function that fetches or
   * parses a feed, so the API and timer bundles carry no iCalendar parser. A failed run is the next minute's.
   */
  private createCalendarFeedsFunction(config: LivelineConfig): LivelineFunction {
    const fn = new LivelineFunction(this, "CalendarFeedsFunction", {
      entry: "functions/handlers/calendar-feeds.handler.ts",
      config,
      description: "Liveline calendar feed refresh",
      // Feeds are fetched 8 at a time with a timeout each (adapters/feeds): a large team fits in a minute.
      timeout: Duration.seconds(50),
    });
    fn.readAndUpdateItemsStartingWith(this.bookingTable.table, REP_KEY_PREFIX);
    fn.readItemsOfPartition(this.bookingTable.table, SETTINGS_PARTITION);
    // The next minute's run renews whatever this one missed: no retries to pile up behind it.
    fn.function.configureAsyncInvoke({ retryAttempts: 0 });
    new events.Rule(this, "CalendarFeedsEveryMinute", {
      description: "Liveline: renew reps' calendar feed copies that are due, every minute",
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(fn.function, { retryAttempts: 0 })],
    });
    return fn;
  }

  /** The site's own address; without one, the distribution's. Every link in mail and texts starts with it. */
  get siteUrl(): string {
    return `https://${this.siteDomain ?? this.site.distribution.distributionDomainName}`;
  }

  /** CloudFront takes certificates from us-east-1 only: one created here, validated by DNS, needs the stack there. */
  private createSiteCertificate(site: SiteDomain): acm.ICertificate {
    if (site.certificateArn) return acm.Certificate.fromCertificateArn(this, "SiteCertificate", site.certificateArn);
    requireUsEast1(this, "SiteCertificateInUsEast1", `CloudFront takes its certificate for ${site.name} from us-east-1: deploy the Liveline stack there, or pass -c siteCertificateArn=<an ACM certificate in us-east-1>.`);
    return new acm.Certificate(this, "SiteCertificate", { domainName: site.name, validation: acm.CertificateValidation.fromDns() });
  }

  /**
   * Replies to texts: End User Messaging publishes each to the two-way SNS topic; the inbound-text function
   * (no SMS client: the HELP answer and the rep's e-mail are outbox items) opts numbers out, answers HELP and
   * files replies. What it could not handle after Lambda's retries is parked in its queue.
   */
  private createInboundTexts(config: LivelineConfig): InboundTexts {
    const fn = new LivelineFunction(this, "TextInboundFunction", {
      entry: "functions/handlers/text-inbound.handler.ts",
      config,
      description: "Liveline inbound texts: STOP, HELP and replies from the two-way SNS topic",
    });
    fn.useBookingTable(this.bookingTable.table, []);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    return new InboundTexts(this, "InboundTexts", { fn, failures: fn.keepFailedInvocations() });
  }

  private addOutputs(operatorEmail: string | undefined): void {
    new CfnOutput(this, "SiteUrl", { value: this.siteUrl, description: "The booking page (and /api/*)" });
    // No output names the HTTP API's own execute-api address: it is disabled, the API is reached through the site.
    new CfnOutput(this, "ApiDomainRecord", {
      value: `${this.httpApi.originDomain} CNAME ${this.httpApi.domain.regionalDomainName}`,
      description: "Add to DNS: CloudFront reaches the API by this name (the certificate's validation record is shown by ACM)",
    });
    new CfnOutput(this, "ApiCertificateArn", { value: this.httpApi.certificate.certificateArn });
    new CfnOutput(this, "TableName", { value: this.bookingTable.table.tableName });
    new CfnOutput(this, "SigningSecretArn", { value: this.signingSecret.secretArn });
    if (this.inboundTexts) {
      new CfnOutput(this, "InboundTextsTopicArn", { value: this.inboundTexts.topic.topicArn, description: "Set as the two-way channel of the SMS phone number (README \"Text messages\")" });
    }
    new CfnOutput(this, "ScheduleGroupName", { value: this.timers.scheduleGroup.scheduleGroupName });
    new CfnOutput(this, "EventBusName", { value: this.timers.eventBus.eventBusName });
    new CfnOutput(this, "DeadLetterQueueUrl", { value: this.timers.deadLetterQueue.queueUrl });
    new CfnOutput(this, "TimerFunctionName", { value: this.timerFunction.function.functionName });
    new CfnOutput(this, "TimerFailuresQueueUrl", { value: this.timerFailures.queueUrl, description: "npm run redrive -- <this URL>" });
    new CfnOutput(this, "SesEventFailuresQueueUrl", { value: this.sesEventFailures.queueUrl, description: "npm run redrive -- <this URL>" });
    new CfnOutput(this, "OutboxFailuresQueueUrl", { value: this.outboxFailures.queueUrl, description: "Outbox batches the stream could not deliver: their items stay in the table and the outbox sweep performs them" });
    new CfnOutput(this, "InsightsFailuresQueueUrl", { value: this.insightsFailures.queueUrl, description: "Failed insights batches: fix the cause, then npm run insights:rebuild" });
    if (this.webhooks) {
      new CfnOutput(this, "WebhookDeadLetterQueueUrl", { value: this.webhooks.deadLetters.queueUrl, description: "Webhook deliveries every attempt of which failed (27.5 hours): see the console's deliveries" });
    }
    new CfnOutput(this, "AlarmTopicArn", { value: this.operations.alarmTopic.topicArn });
    new CfnOutput(this, "ConfigurationSetName", { value: this.mail.configurationSet.configurationSetName });
    this.mail.domainIdentity?.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: "Add to the sending domain's DNS so SES can verify it and sign with DKIM",
      });
    });
    if (this.siteDomain) {
      new CfnOutput(this, "SiteDomainRecord", {
        value: `${this.siteDomain} CNAME ${this.site.distribution.distributionDomainName}`,
        description: "Add to DNS: the site's own address, served by CloudFront (the certificate's validation record is shown by ACM)",
      });
      new CfnOutput(this, "SiteCertificateArn", { value: this.siteCertificate?.certificateArn ?? "" });
    }
    const mailFrom = this.mail.mailFromDomain;
    if (mailFrom) {
      mailFromRecords(mailFrom, this.region).forEach((record, index) => {
        new CfnOutput(this, `MailFromRecord${index + 1}`, { value: dnsLine(record), description: "Add to DNS: the custom MAIL FROM domain takes bounces and passes SPF for the sender's domain" });
      });
    }
    new CfnOutput(this, "DmarcRecord", {
      value: dnsLine(dmarcRecord(this.mail.domain, operatorEmail)),
      description: "Add to DNS (a starting policy that only reports): mailbox providers want DMARC beside DKIM and SPF",
    });
  }
}

function dnsLine(record: DnsRecord): string {
  return `${record.name} ${record.type} ${record.value}`;
}

/** A deployed stack sends webhooks over https to public addresses only, with secrets from Secrets Manager. */
function refuseLocalWebhooks(config: LivelineConfig): void {
  const problems = webhookProblemsInAws(config.webhooks);
  if (problems.length > 0) throw new Error(`the config's webhooks cannot be deployed:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

/**
 * `cdk synth` (and deploy) warns for each rep still configured with a token the README publishes: the
 * deployed functions refuse it (401), so that rep cannot sign in until it is replaced.
 */
function warnOfPublishedRepTokens(stack: Stack, config: LivelineConfig): void {
  config.reps.forEach((rep, index) => {
    if (!isPublishedDemoTokenHash(rep.apiTokenSha256)) return;
    Annotations.of(stack).addWarningV2(
      `liveline:demo-rep-token:${rep.id}`,
      `Rep "${rep.id}" still has the published demo API token (reps[${index}].apiTokenSha256): the deployed API refuses it (401). Make a real one (README, "Security") and put its SHA-256 there.`,
    );
  });
}

/** The default config lets `npm start`'s demo host page embed the pages; a deployed site has no use for it. */
function warnOfLocalEmbedOrigins(stack: Stack, config: LivelineConfig): void {
  const local = config.embed.allowedOrigins.filter((origin) => origin.startsWith("http:"));
  if (local.length === 0) return;
  Annotations.of(stack).addWarningV2(
    "liveline:local-embed-origins",
    `embed.allowedOrigins lists ${local.join(", ")}: pages on a visitor's own machine could frame the booking pages and call the API. List only your sites' https origins before you deploy.`,
  );
}
