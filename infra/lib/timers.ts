// Infra: where timers live in AWS: the EventBridge Scheduler group for one-time schedules, the role the
// schedules run as, their dead-letter queue, and the app's event bus. `targetFunction` makes the timer
// Lambda the target of every schedule: the role may invoke that function and write to the queue, nothing
// else; recurring schedules in the same group sweep the outbox every minute, run the daily retention
// sweep and look for managers' weekly digests due every quarter hour.

import { Duration, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { RETENTION_SWEEP_AT_UTC, RETENTION_SWEEP_EVENT } from "../../functions/handlers/retention-sweep-schedule";
import { WEEKLY_DIGEST_EVENT, WEEKLY_DIGEST_EVERY_MINUTES } from "../../functions/handlers/weekly-digest-schedule";
import type { TimerScheduling } from "./liveline-function";

/** The timer handler's payload for the recurring sweep (functions/core/bookings/timer-plan.ts, `outbox-sweep`). */
export const OUTBOX_SWEEP_INPUT = { kind: "outbox-sweep" } as const;

export class Timers extends Construct {
  readonly eventBus: events.EventBus;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  /** Assumed by EventBridge Scheduler when a schedule of the group fires. */
  readonly schedulerRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  /** Present once `targetFunction` ran: retries e-mails that failed (the outbox), every minute. */
  outboxSweep?: scheduler.Schedule;
  /** Present once `targetFunction` ran: erases people inactive past the retention period, daily. */
  retentionSweep?: scheduler.Schedule;
  /** Present once `targetFunction` ran: sends managers their weekly digest at Monday 08:00 in their zone. */
  weeklyDigest?: scheduler.Schedule;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.eventBus = new events.EventBus(this, "EventBus", { eventBusName: `${stack.stackName}-events` });
    this.scheduleGroup = new scheduler.ScheduleGroup(this, "ScheduleGroup");
    this.schedulerRole = new iam.Role(this, "SchedulerRole", {
      // Confused-deputy guard: only schedules of this account, and of this group, may use the role. Scheduler
      // sets aws:SourceArn to the schedule *group's* ARN (its docs: scope it to a group, never to a schedule).
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": stack.account, "aws:SourceArn": this.scheduleGroup.scheduleGroupArn },
        },
      }),
      description: "Runs Liveline's timer schedules (invokes the timer function)",
    });
    this.deadLetterQueue = new sqs.Queue(this, "DeadLetterQueue", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to notice and redrive a timer that could not fire.
      retentionPeriod: Duration.days(14),
    });
  }

  /**
   * Makes `fn` the target of the group's schedules: the scheduler role may invoke exactly that function
   * (unqualified: the schedules name no version or alias) and send to the dead-letter queue. Adds the
   * recurring outbox sweep. Returns what a function that creates and deletes timers needs to know.
   * `functionArn` is the function's ARN as a plain string (built from its fixed name), so the timer function
   * can carry it in its own environment without referring to itself.
   */
  targetFunction(fn: lambda.IFunction, functionArn: string): TimerScheduling {
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [fn.functionArn] }),
    );
    // SQS-managed encryption: sending needs no KMS permission.
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.deadLetterQueue.queueArn] }),
    );
    this.outboxSweep = new scheduler.Schedule(this, "OutboxSweep", {
      description: "Liveline: retry e-mails that failed to send (the outbox), every minute",
      scheduleGroup: this.scheduleGroup,
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new TimerFunctionTarget(fn.functionArn, this.schedulerRole, this.deadLetterQueue, OUTBOX_SWEEP_INPUT),
    });
    this.retentionSweep = new scheduler.Schedule(this, "RetentionSweep", {
      description: "Liveline: erase people inactive past retention.inactiveLeadDays, daily at 03:15 UTC",
      scheduleGroup: this.scheduleGroup,
      schedule: scheduler.ScheduleExpression.cron({ minute: String(RETENTION_SWEEP_AT_UTC.minute), hour: String(RETENTION_SWEEP_AT_UTC.hour) }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new TimerFunctionTarget(fn.functionArn, this.schedulerRole, this.deadLetterQueue, RETENTION_SWEEP_EVENT),
    });
    this.weeklyDigest = new scheduler.Schedule(this, "WeeklyDigest", {
      description: "Liveline: managers' weekly digest, due Monday 08:00 in each manager's zone (looked at every quarter hour)",
      scheduleGroup: this.scheduleGroup,
      schedule: scheduler.ScheduleExpression.cron({ minute: `0/${WEEKLY_DIGEST_EVERY_MINUTES}` }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new TimerFunctionTarget(fn.functionArn, this.schedulerRole, this.deadLetterQueue, WEEKLY_DIGEST_EVENT),
    });
    // Fire only once the role may invoke the function (its policy is a resource of its own).
    this.outboxSweep.node.addDependency(this.schedulerRole);
    this.retentionSweep.node.addDependency(this.schedulerRole);
    this.weeklyDigest.node.addDependency(this.schedulerRole);
    return { group: this.scheduleGroup, role: this.schedulerRole, targetFunctionArn: functionArn, deadLetterQueue: this.deadLetterQueue };
  }
}

/**
 * A Lambda target that grants nothing itself: `aws-scheduler-targets`' LambdaInvoke would call grantInvoke,
 * which adds `<function>:*` (every version and alias) to the role. The role's grants are made above.
 */
class TimerFunctionTarget implements scheduler.IScheduleTarget {
  constructor(
    private readonly functionArn: string,
    private readonly role: iam.IRole,
    private readonly deadLetterQueue: sqs.IQueue,
    private readonly input: object,
  ) {}

  bind(): scheduler.ScheduleTargetConfig {
    return {
      arn: this.functionArn,
      role: this.role,
      input: scheduler.ScheduleTargetInput.fromObject(this.input),
      // The next sweep comes a minute later anyway: a few quick retries, then the dead-letter queue.
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: Duration.minutes(5).toSeconds() },
      deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
    };
  }
}
