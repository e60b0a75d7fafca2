// The EventBridge Scheduler adapter's requests (no emulator runs here: the shapes are what we can check).
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SchedulerTimers } from "../../../functions/adapters/aws/timers.scheduler";

const scheduler = mockClient(SchedulerClient);
const target = {
  groupName: "liveline-timers",
  functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:Liveline-timer",
  roleArn: "arn:aws:iam::123456789012:role/Liveline-scheduler",
  deadLetterQueueArn: "arn:aws:sqs:eu-west-1:123456789012:Liveline-timers-dlq",
};
const now = new Date("2026-11-30T06:00:00Z");
const timers = () => new SchedulerTimers(new SchedulerClient({ region: "eu-west-1" }), target, { now: () => now });

beforeEach(() => scheduler.reset());

describe("SchedulerTimers", () => {
  it("creates one at() schedule per timer in the group: UTC, no flexible window, deleted after it fires, retried, with a DLQ", async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    const payload = { kind: "reminder" as const, bookingId: "b1", version: 1, minutesBefore: 60 };
    await timers().schedule([{ name: "bk-b1-r60-v1", fireAt: Date.parse("2026-12-01T16:00:00Z"), payload }]);
    const calls = scheduler.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      Name: "bk-b1-r60-v1",
      GroupName: "liveline-timers",
      ScheduleExpression: "at(2026-12-01T16:00:00)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      Target: {
        Arn: target.functionArn,
        RoleArn: target.roleArn,
        Input: JSON.stringify(payload),
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
        DeadLetterConfig: { Arn: target.deadLetterQueueArn },
      },
    });
  });

  it("treats an existing schedule of that name as done (creation is idempotent)", async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: "exists", Message: "exists", $metadata: {} }));
    await expect(timers().schedule([{ name: "bk-b1-prep-v1", fireAt: Date.parse("2026-12-01T16:45:00Z"), payload: { kind: "rep-prep", bookingId: "b1", version: 1 } }])).resolves.toBeUndefined();
  });

  it("never asks for a time in the past: a late timer fires a minute from now", async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await timers().schedule([{ name: "late", fireAt: Date.parse("2026-11-30T05:00:00Z"), payload: { kind: "outbox-sweep" } }]);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe("at(2026-11-30T06:01:00)");
  });

  it("deletes by name and ignores schedules that are already gone", async () => {
    scheduler.on(DeleteScheduleCommand, { Name: "gone" }).rejects(new ResourceNotFoundException({ message: "nope", Message: "nope", $metadata: {} }));
    scheduler.on(DeleteScheduleCommand, { Name: "there" }).resolves({});
    await timers().cancel(["gone", "there"]);
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => [c.args[0].input.Name, c.args[0].input.GroupName])).toEqual([
      ["gone", "liveline-timers"],
      ["there", "liveline-timers"],
    ]);
  });

  it("lets other errors through, so the outbox retries", async () => {
    scheduler.on(CreateScheduleCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await expect(timers().schedule([{ name: "x", fireAt: Date.parse("2026-12-01T16:00:00Z"), payload: { kind: "outbox-sweep" } }])).rejects.toThrow("Rate exceeded");
  });
});
