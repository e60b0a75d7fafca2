// Infra: the configuration set's bounces and complaints, published by SES to the default EventBridge bus
// (the only bus SES can publish to) and routed by a rule to the SES-event Lambda, which puts the recipients
// on the suppression list. Deliveries the rule cannot make go to a dead-letter queue of their own.

import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as ses from "aws-cdk-lib/aws-ses";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface MailEventsProps {
  configurationSet: ses.IConfigurationSet;
  /** The SES-event Lambda. */
  handler: lambda.IFunction;
}

/**
 * The EventBridge detail-types SES uses for a configuration set's BOUNCE and COMPLAINT events (see "Monitoring
 * SES events using Amazon EventBridge" in the SES developer guide); `detail` is the SES event record.
 */
export const SES_EVENT_DETAIL_TYPES = ["Email Bounced", "Email Complaint Received"] as const;

export class MailEvents extends Construct {
  readonly eventDestination: ses.ConfigurationSetEventDestination;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    const defaultBus = events.EventBus.fromEventBusName(this, "DefaultBus", "default");
    this.eventDestination = new ses.ConfigurationSetEventDestination(this, "BouncesAndComplaints", {
      configurationSet: props.configurationSet,
      destination: ses.EventDestination.eventBus(defaultBus),
      // Bounce = hard bounce (or a soft one SES gave up on); both mean: do not mail this address again.
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.deadLetterQueue = new sqs.Queue(this, "DeadLetterQueue", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.rule = new events.Rule(this, "Rule", {
      description: "Liveline: bounces and complaints of the configuration set, to the SES-event function",
      // No eventBus: the account's default bus, where SES publishes.
      eventPattern: {
        source: ["aws.ses"],
        detailType: [...SES_EVENT_DETAIL_TYPES],
        // Only this app's mail: SES tags every event of a configuration set with the set's name. Other
        // configuration sets of the account may publish to the same default bus.
        detail: { mail: { tags: { "ses:configuration-set": [props.configurationSet.configurationSetName] } } },
      },
      targets: [
        new targets.LambdaFunction(props.handler, {
          deadLetterQueue: this.deadLetterQueue,
          // Suppression is not urgent, losing it is bad: keep retrying for hours, then park in the queue.
          retryAttempts: 20,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
  }
}
