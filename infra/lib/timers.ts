// Infra: where timers live in AWS: the EventBridge Scheduler group for one-time schedules, the role the
// schedules run as, their dead-letter queue, and the app's event bus. Later issues add the timer Lambda as
// the schedules' target and grant the role exactly that.

import { Duration, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export class Timers extends Construct {
  readonly eventBus: events.EventBus;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  /** Assumed by EventBridge Scheduler when a schedule fires; no permissions until a target exists. */
  readonly schedulerRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.eventBus = new events.EventBus(this, "EventBus", { eventBusName: `${stack.stackName}-events` });
    this.scheduleGroup = new scheduler.ScheduleGroup(this, "ScheduleGroup");
    this.schedulerRole = new iam.Role(this, "SchedulerRole", {
      // Only schedules of this account may use the role (confused-deputy guard).
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
      description: "Runs Liveline's one-time timer schedules",
    });
    this.deadLetterQueue = new sqs.Queue(this, "DeadLetterQueue", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to notice and redrive a timer that could not fire.
      retentionPeriod: Duration.days(14),
    });
  }
}
