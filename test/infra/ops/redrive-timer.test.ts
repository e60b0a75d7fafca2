// A timer whose function threw on every try (Lambda's first attempt and its two retries) is parked with
// Lambda's on-failure record; redriving it through the same timer use case has its effect exactly once.

import { describe, expect, it } from "vitest";
import type { TimerPayload } from "../../../functions/core/bookings/timer-plan";
import { fireTimer } from "../../../functions/use-cases/timers/fire-timer";
import { redriveQueue, type QueueMessage } from "../../../infra/ops/failed-events";
import { faultyStore } from "../../support/faulty-store";
import { createLifecycle, mailsTo } from "../../support/lifecycle-harness";
import { lambdaFailureRecord, memoryQueue } from "../../support/lambda-failure-record";

const TIMER_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:Liveline-timers";

/** Every store call fails while `down` (DynamoDB unreachable for the whole retry window). */
const failingStore = (state: { down: boolean }) =>
  faultyStore(() => (state.down ? Object.assign(new Error("connect ECONNREFUSED"), { name: "TimeoutError" }) : undefined));

describe("redriving a failed timer", () => {
  it("sends the reminder once after the fix, and a second redrive of the same record sends nothing more", async () => {
    const store = { down: false };
    const life = await createLifecycle("2026-11-30T06:00:00Z", { wrapStore: failingStore(store) });
    const email = `redrive.${Date.now()}@hooli.example`;
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Ria Redrive", email, timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    const reminder: TimerPayload = { kind: "reminder", bookingId: booked.json.id, version: 1, minutesBefore: 60 };

    life.clock.set("2026-12-01T16:00:00Z");
    store.down = true;
    // Lambda: the first attempt and two retries all throw, then the record goes to the failure queue.
    for (let attempt = 0; attempt < 3; attempt++) await expect(life.fire(reminder)).rejects.toThrow();
    const parked: QueueMessage[] = [{ receiptHandle: "h1", body: lambdaFailureRecord(TIMER_ARN, reminder), attributes: {} }];
    expect(await mailsTo(email, /^In 1 hour/)).toHaveLength(0);

    store.down = false;
    const queue = memoryQueue(parked);
    // Lambda's asynchronous Invoke of the timer function, which runs this same use case.
    const invokeTimerFunction = async (arn: string, payload: unknown) => {
      expect(arn).toBe(TIMER_ARN);
      await fireTimer(life.api.deps, payload as TimerPayload);
    };
    expect(await redriveQueue(queue, invokeTimerFunction)).toEqual({ redriven: 1, left: [] });
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /^In 1 hour/)).toHaveLength(1);

    // The same record redriven again (an operator runs it twice, or SQS delivers it twice): no second mail.
    parked.push({ receiptHandle: "h2", body: lambdaFailureRecord(TIMER_ARN, reminder), attributes: {} });
    expect((await redriveQueue(queue, invokeTimerFunction)).redriven).toBe(1);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /^In 1 hour/)).toHaveLength(1);
  });
});
