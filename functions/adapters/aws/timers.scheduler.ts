// Timers: the Timers port on EventBridge Scheduler — one one-time `at(...)` schedule per timer in the
// stack's group, deleted after it fires, flexible window off, retried, with a dead-letter queue. The name
// is the timer's deterministic name: creating it twice is a conflict we ignore, deleting a gone one too.

import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, type SchedulerClient } from "@aws-sdk/client-scheduler";
import type { TimerSpec } from "../../core/bookings/timer-plan";
import type { Clock } from "../../ports/clock";
import type { Timers } from "../../ports/timers";

export interface SchedulerTarget {
  groupName: string;
  /** The timer function. */
  functionArn: string;
  /** The role Scheduler assumes to invoke it. */
  roleArn: string;
  deadLetterQueueArn: string;
}

/** Scheduler fires at minute granularity and refuses times in the past. */
const EARLIEST_AHEAD_MS = 60_000;

export class SchedulerTimers implements Timers {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: SchedulerTarget,
    private readonly clock: Clock,
  ) {}

  async schedule(timers: readonly TimerSpec[]): Promise<void> {
    await Promise.all(timers.map((timer) => this.create(timer)));
  }

  async cancel(names: readonly string[]): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        try {
          await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.target.groupName }));
        } catch (error) {
          if (!(error instanceof ResourceNotFoundException) && (error as { name?: string }).name !== "ResourceNotFoundException") throw error;
        }
      }),
    );
  }

  private async create(timer: TimerSpec): Promise<void> {
    const at = new Date(Math.max(timer.fireAt, this.clock.now().getTime() + EARLIEST_AHEAD_MS));
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: timer.name,
          GroupName: this.target.groupName,
          ScheduleExpression: `at(${at.toISOString().slice(0, 19)})`,
          ScheduleExpressionTimezone: "UTC",
          FlexibleTimeWindow: { Mode: "OFF" },
          ActionAfterCompletion: "DELETE",
          Target: {
            Arn: this.target.functionArn,
            RoleArn: this.target.roleArn,
            Input: JSON.stringify(timer.payload),
            RetryPolicy: { MaximumEventAgeInSeconds: 24 * 3600, MaximumRetryAttempts: 185 },
            DeadLetterConfig: { Arn: this.target.deadLetterQueueArn },
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConflictException) && (error as { name?: string }).name !== "ConflictException") throw error;
    }
  }
}
