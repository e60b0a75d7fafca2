// Infra: the cdk-nag AwsSolutions findings this stack accepts, one finding at a time, each on the narrowest
// construct and with the reason it is accepted. Everything else is fixed in the constructs themselves.

import { DefaultStackSynthesizer, Validations, type CfnElement } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { LivelineFunction, tracingFromContext } from "./liveline-function";
import type { LivelineStack } from "./liveline-stack";
import { LOGO_FOLDER } from "../../functions/core/messages/logo-image";

export function acknowledgeNagFindings(stack: LivelineStack): void {
  acknowledgeProductChoices(stack);
  acknowledgeTimerSchedules(stack);
  acknowledgeSiteFileUploads(stack);
  acknowledgeSiteFindings(stack);
  acknowledgeBucketDeploymentProvider(stack);
  acknowledgeTracing(stack);
}

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

function acknowledgeProductChoices(stack: LivelineStack): void {
  for (const route of stack.apiRoutes) {
    acknowledge(
      route,
      "AwsSolutions-APIG4",
      "A public booking API is the product: prospects book without an account. Writes are protected by throttling, validation, idempotency keys and signed, expiring links for managing a booking. The workspace's routes (reps and managers) check a session cookie or API token in the handler, which also serves sign-in: an API Gateway authorizer would add a second place that knows who a rep is.",
    );
  }
  acknowledge(
    stack.signingSecret,
    "AwsSolutions-SMG4",
    "The secret is a key ring for the HMAC of links already mailed out (some live 373 days). Operators rotate it with `npm run rotate-secret` (README runbook): a new key signs, every old key verifies until its links expire, then `rotate-secret -- remove` drops it. Secrets Manager's scheduled rotation would need a rotation Lambda that only repeats that command; a lone new value would kill every outstanding link.",
  );
  acknowledge(
    stack.timers.deadLetterQueue,
    "AwsSolutions-SQS3",
    "This queue is itself the dead-letter queue of the EventBridge Scheduler timers; a DLQ for the DLQ adds nothing.",
  );
  acknowledge(
    stack.mailEvents.deadLetterQueue,
    "AwsSolutions-SQS3",
    "This queue is itself the dead-letter queue of the SES bounce/complaint rule's Lambda target; a DLQ for the DLQ adds nothing.",
  );
  for (const queue of [stack.timerFailures, stack.sesEventFailures]) {
    acknowledge(
      queue,
      "AwsSolutions-SQS3",
      "This queue is the on-failure destination of an asynchronously invoked function (its dead-letter queue): nothing consumes it but `npm run redrive`, so a DLQ for it adds nothing.",
    );
  }
  acknowledge(
    stack.insightsFailures,
    "AwsSolutions-SQS3",
    "This queue is the on-failure destination of the insights aggregator's stream event source mapping (its dead-letter queue): an operator reads it and runs `npm run insights:rebuild`, so a DLQ for it adds nothing.",
  );
  if (stack.webhooks) {
    acknowledge(
      stack.webhooks.failures,
      "AwsSolutions-SQS3",
      "This queue is the on-failure destination of the webhook function's stream event source mapping (its dead-letter queue): it records which batches of changes could not be stored as deliveries, for an operator to replay; a DLQ for it adds nothing.",
    );
    acknowledge(
      stack.webhooks.deadLetters,
      "AwsSolutions-SQS3",
      "This queue is itself the webhooks' dead-letter queue: a delivery lands here after its last of 8 attempts over 27.5 hours, and an operator resends it; a DLQ for the DLQ adds nothing.",
    );
  }
  if (stack.inboundTexts) {
    acknowledge(
      stack.inboundTexts.failures,
      "AwsSolutions-SQS3",
      "This queue is the on-failure destination of the asynchronously invoked inbound-text function (its dead-letter queue): nothing consumes it but `npm run redrive`, so a DLQ for it adds nothing.",
    );
    acknowledge(
      stack.inboundTexts.topic,
      "AwsSolutions-SNS2",
      "The topic only relays replies from End User Messaging SMS to one Lambda subscriber at once (SNS keeps nothing once delivered); a customer-managed KMS key would have to grant sms-voice.amazonaws.com, and the AWS-managed SNS key cannot be used by that service. Publishing is limited to sms-voice.amazonaws.com and to TLS.",
    );
  }
  acknowledge(
    stack.outboxFailures,
    "AwsSolutions-SQS3",
    "This queue is the on-failure destination of the outbox function's stream event source mapping (its dead-letter queue): it records which batches failed, while their items stay in the table for the outbox sweep, so a DLQ for it adds nothing.",
  );
  for (const fn of [stack.insightsFunction, stack.outboxFunction, ...(stack.webhooks ? [stack.webhooks.fn] : [])]) {
    acknowledge(
      fn.role,
      "AwsSolutions-IAM5[Resource::*]",
      "dynamodb:ListStreams, which the stream event source grants, has no resource-level permissions (Resource must be *); the stream itself is read only on this table's stream ARN.",
    );
  }
}

/**
 * The functions that create and delete timers do so on `schedule/<group>/*`: one schedule per timer, named at
 * run time (`bk-<bookingId>-<kind>-v<version>`, `ld-<leadId>-…`, `webhook-<deliveryId>-a<attempt>`), so only the name part can be a wildcard.
 */
/** The workspace API stores uploaded logos under one folder of the site bucket, each named by its content at run time. */
function acknowledgeSiteFileUploads(stack: LivelineStack): void {
  const policy = stack.workspaceApiFunction.role.node.tryFindChild("DefaultPolicy");
  if (!policy) throw new Error(`${stack.workspaceApiFunction.node.path} has no default policy`);
  acknowledge(
    policy,
    `AwsSolutions-IAM5[Resource::<${logicalIdOf(stack, stack.site.bucket.node.defaultChild)}.Arn>/${LOGO_FOLDER}/*]`,
    "s3:PutObject only, in the site bucket's upload folder only: an uploaded logo's name is made from its content at run time.",
  );
}

function acknowledgeTimerSchedules(stack: LivelineStack): void {
  const groupName = stack.resolve(stack.timers.scheduleGroup.scheduleGroupName) as unknown;
  if (typeof groupName !== "string") throw new Error("the schedule group's name must be known at synth time");
  const finding = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${groupName}/*]`;
  // The webhook function schedules a failed delivery's next attempt.
  for (const fn of [stack.apiFunction, stack.workspaceApiFunction, stack.timerFunction, stack.outboxFunction, ...(stack.webhooks ? [stack.webhooks.fn] : [])]) {
    const policy = fn.role.node.tryFindChild("DefaultPolicy");
    if (!policy) throw new Error(`${fn.node.path} has no default policy`);
    acknowledge(
      policy,
      finding,
      "scheduler:CreateSchedule/DeleteSchedule on the schedules of Liveline's own schedule group only: each timer is a one-time schedule whose name (booking or lead id, kind, version) is only known at run time.",
    );
  }
}

function acknowledgeSiteFindings(stack: LivelineStack): void {
  const { bucket, logBucket, distribution } = stack.site;
  acknowledge(
    bucket,
    "AwsSolutions-S1",
    "The site bucket is private and read only by CloudFront through origin access control; CloudFront's access log (in the log bucket) records every viewer request.",
  );
  acknowledge(logBucket, "AwsSolutions-S1", "This is the access-log bucket; logging it into itself would loop.");
  // With context siteDomain the distribution has its own certificate and refuses TLS before 1.2_2021.
  if (!stack.siteDomain) {
    acknowledge(
      distribution,
      "AwsSolutions-CFR4",
      "No custom domain (context siteDomain), so the distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the security policy at TLSv1. With siteDomain it gets its own certificate and TLSv1.2_2021.",
    );
  }
  acknowledge(
    distribution,
    "AwsSolutions-CFR1",
    "Prospects may book from any country; there is no jurisdiction to exclude.",
  );
  // With context waf=false the operator chose to go without the web ACL (its monthly cost).
  if (!stack.webAcl) {
    acknowledge(
      distribution,
      "AwsSolutions-CFR2",
      "Context waf=false: the operator turned the WAF web ACL off (its fixed monthly cost, or a stack outside us-east-1); the API's own abuse protection (proof of work, per-client and per-address rate limits, the mail budget) and the stage's throttling stay on.",
    );
  }
}

/** The Lambda that copies the built site into the bucket belongs to CDK's BucketDeployment, not to us. */
function acknowledgeBucketDeploymentProvider(stack: LivelineStack): void {
  const { deployment, bucket } = stack.site;
  const role = deployment.handlerRole;
  const providerFunction = role.node.scope;
  if (providerFunction) {
    acknowledge(
      providerFunction,
      "AwsSolutions-L1",
      "CDK's BucketDeployment provider (Python, runs only during deployments): CDK chooses and updates its runtime.",
    );
  }
  acknowledge(
    role,
    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    "CDK's BucketDeployment provider role: CDK attaches the basic execution policy (its own logs) and offers no way to replace it.",
  );
  const cdkWildcards: Record<string, string> = {
    "Action::s3:GetBucket*": "CDK's bucket grants to the deployment provider: read the asset bucket, sync the site bucket.",
    "Action::s3:GetObject*": "CDK's bucket grants to the deployment provider: read the site asset, compare the site bucket.",
    "Action::s3:List*": "CDK's bucket grants to the deployment provider: list the asset and site buckets to sync.",
    "Action::s3:Abort*": "CDK's write grant on the site bucket: abort its own multipart uploads of site files.",
    "Action::s3:DeleteObject*": "CDK's write grant on the site bucket: prune files that are no longer part of the site.",
    [`Resource::arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`]:
      "The CDK bootstrap asset bucket: the site archive's key is only known at deploy time.",
    [`Resource::<${logicalIdOf(stack, bucket.node.defaultChild)}.Arn>/*`]: "Every object of the site bucket: the deployment replaces the whole site.",
    "Resource::*": "cloudfront:CreateInvalidation/GetInvalidation as granted by CDK to invalidate the site after a deploy (CDK does not scope it to the distribution).",
  };
  for (const [finding, reason] of Object.entries(cdkWildcards)) {
    acknowledge(role, `AwsSolutions-IAM5[${finding}]`, reason);
  }
}

function logicalIdOf(stack: LivelineStack, element: IConstruct | undefined): string {
  return stack.resolve((element as CfnElement).logicalId) as string;
}

/** With `-c tracing=true`, Lambda's active tracing grants each function X-Ray's two write actions. */
function acknowledgeTracing(stack: LivelineStack): void {
  if (!tracingFromContext(stack)) return;
  for (const fn of stack.node.findAll().filter((construct) => construct instanceof LivelineFunction)) {
    const policy = fn.role.node.tryFindChild("DefaultPolicy");
    if (!policy) throw new Error(`${fn.node.path} has no default policy`);
    acknowledge(
      policy,
      "AwsSolutions-IAM5[Resource::*]",
      "xray:PutTraceSegments and xray:PutTelemetryRecords, added by Lambda's active tracing: X-Ray defines no resource for them, so `*` is the only value IAM accepts.",
    );
  }
}
