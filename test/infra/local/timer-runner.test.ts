// The local timer runner on DynamoDB Local: fires due timers once, retries failures, parks hopeless ones.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TIMER_MAX_ATTEMPTS, TableTimers } from "../../../functions/adapters/dynamodb/timers.table";
import type { TimerPayload } from "../../../functions/core/bookings/timer-plan";
import { nextRetentionSweep, RETENTION_SWEEP_EVENT } from "../../../functions/handlers/retention-sweep-schedule";
import { nextWeeklyDigestRun, WEEKLY_DIGEST_EVENT } from "../../../functions/handlers/weekly-digest-schedule";
import { ensureTable } from "../../../infra/local/create-table";
import { startTimerRunner } from "../../../infra/local/timer-runner";
import { dynamoDbEndpoint } from "../../support/engines";

async function table() {
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint(), region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  const name = `runner-${randomUUID()}`;
  await ensureTable(client, name);
  const documents = DynamoDBDocumentClient.from(client);
  return { documents, name, timers: new TableTimers(documents, name) };
}

describe("the local timer runner", () => {
  it("fires what is due, in one drain, each once, and leaves the rest", async () => {
    const { timers } = await table();
    const clock = { value: new Date("2026-12-01T10:00:00Z"), now() { return this.value; } };
    const fired: string[] = [];
    await timers.schedule([
      { name: "a", fireAt: Date.parse("2026-12-01T09:00:00Z"), payload: { kind: "lead-call-back", leadId: "a" } },
      { name: "b", fireAt: Date.parse("2026-12-01T10:00:00Z"), payload: { kind: "lead-call-back", leadId: "b" } },
      { name: "c", fireAt: Date.parse("2026-12-01T11:00:00Z"), payload: { kind: "lead-call-back", leadId: "c" } },
    ]);
    await timers.schedule([{ name: "a", fireAt: Date.parse("2026-12-01T09:30:00Z"), payload: { kind: "lead-call-back", leadId: "a-again" } }]);
    const runner = startTimerRunner({ timers, clock, handler: async (p: TimerPayload) => void fired.push((p as { leadId: string }).leadId), intervalMs: 3_600_000 });
    expect(await runner.drain()).toBe(2);
    expect(fired.sort()).toEqual(["a", "b"]);
    expect(await runner.drain()).toBe(0);
    clock.value = new Date("2026-12-01T11:00:00Z");
    expect(await runner.drain()).toBe(1);
    await runner.stop();
  });

  it("retries a failing timer with growing delays, then parks it as a dead letter", async () => {
    const { timers, documents, name } = await table();
    const clock = { value: new Date("2026-12-01T10:00:00Z"), now() { return this.value; } };
    let calls = 0;
    await timers.schedule([{ name: "flaky", fireAt: Date.parse("2026-12-01T10:00:00Z"), payload: { kind: "outbox-sweep" } }]);
    const handler = async () => {
      calls++;
      throw new Error("down");
    };
    const failing = startTimerRunner({ timers, clock, handler, intervalMs: 3_600_000 });
    await failing.drain();
    expect(calls).toBe(1);
    await failing.drain();
    expect(calls).toBe(1); // not due again yet: 30 s later
    clock.value = new Date(clock.value.getTime() + 30_000);
    await failing.drain();
    expect(calls).toBe(2);
    for (let attempt = 2; attempt < TIMER_MAX_ATTEMPTS; attempt++) {
      clock.value = new Date(clock.value.getTime() + 30_000 * 2 ** attempt);
      await failing.drain();
    }
    expect(calls).toBe(TIMER_MAX_ATTEMPTS);
    clock.value = new Date(clock.value.getTime() + 86_400_000);
    await failing.drain();
    expect(calls).toBe(TIMER_MAX_ATTEMPTS);
    const { Item } = await documents.send(new GetCommand({ TableName: name, Key: { pk: "TIMER#flaky", sk: "TIMER" } }));
    expect(Item).toMatchObject({ deadLetter: true, attempts: TIMER_MAX_ATTEMPTS, lastError: "Error: down" });
    await failing.stop();
  });

  it("sends the daily retention sweep's event once each time the clock passes 03:15 UTC, as the stack's schedule does", async () => {
    const { clock, sent, runner } = await recurringRunner("2026-12-01T03:00:00Z", false);
    await runner.drain();
    clock.value = new Date("2026-12-01T03:14:59Z");
    await runner.drain();
    expect(sent).toEqual([]);
    clock.value = new Date("2026-12-01T03:15:00Z");
    await runner.drain();
    await runner.drain();
    expect(sent).toEqual([{ kind: "retention-sweep" }]);
    // Three days later (the clock moved past two more runs): one run, then the next is tomorrow's.
    clock.value = new Date("2026-12-04T09:00:00Z");
    await runner.drain();
    clock.value = new Date("2026-12-05T03:14:00Z");
    await runner.drain();
    expect(sent).toHaveLength(2);
    clock.value = new Date("2026-12-05T03:15:00Z");
    await runner.drain();
    expect(sent).toHaveLength(3);
    await runner.stop();
    expect(nextRetentionSweep(new Date("2026-12-05T03:15:00Z")).toISOString()).toBe("2026-12-06T03:15:00.000Z");
    expect(nextRetentionSweep(new Date("2026-12-05T23:59:00Z")).toISOString()).toBe("2026-12-06T03:15:00.000Z");
  });

  it("sends the weekly digest's event at every quarter hour the clock passes, beside the daily sweep, as the stack's schedules do", async () => {
    const { clock, sent, runner } = await recurringRunner("2026-11-30T06:50:00Z", true);
    await runner.drain();
    expect(sent).toEqual([]);
    clock.value = new Date("2026-11-30T07:00:00Z");
    await runner.drain();
    await runner.drain();
    expect(sent).toEqual([{ kind: "weekly-digest" }]);
    clock.value = new Date("2026-11-30T07:15:00Z");
    await runner.drain();
    expect(sent).toEqual([{ kind: "weekly-digest" }, { kind: "weekly-digest" }]);
    await runner.stop();
  });
});

/** A runner whose handler records the events it gets, on a clock the test moves: the daily sweep, and the weekly digest's look if asked. */
async function recurringRunner(start: string, withDigest: boolean) {
  const { timers } = await table();
  const clock = { value: new Date(start), now() { return this.value; } };
  const sent: unknown[] = [];
  const handler = async (event: unknown) => void sent.push(event);
  const recurring = [
    { name: "retention sweep", next: nextRetentionSweep, run: () => handler(RETENTION_SWEEP_EVENT) },
    ...(withDigest ? [{ name: "weekly digest", next: nextWeeklyDigestRun, run: () => handler(WEEKLY_DIGEST_EVENT) }] : []),
  ];
  return { clock, sent, runner: startTimerRunner({ timers, clock, handler, intervalMs: 3_600_000, recurring }) };
}
