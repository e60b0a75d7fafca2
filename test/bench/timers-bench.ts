// Bench: the lifecycle's timers — DynamoDB and SES requests per fired timer (reminder, prep note, call-back
// prompt, feedback request) through the real timer use case, then in the outbox function that sends what it
// wrote, and the time the local runner takes to fire 10,000 due timers.

import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TableTimers } from "../../functions/adapters/dynamodb/timers.table";
import type { TimerPayload, TimerSpec } from "../../functions/core/bookings/timer-plan";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { fireTimer } from "../../functions/use-cases/timers/fire-timer";
import { createOutboxStreamHandler } from "../../functions/handlers/outbox-stream";
import { startStreamRunner } from "../../infra/local/stream-runner";
import { startTimerRunner } from "../../infra/local/timer-runner";
import { httpEvent } from "../support/test-api";
import { benchDependencies, type BenchEngines } from "./bench-engines";

const MANY_TIMERS = 10_000;
const NOW = Date.parse("2026-11-30T06:00:00Z");

export async function benchTimerRequests(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const now = { value: new Date(NOW) };
  const { deps, dynamo, ses, tableName } = await benchDependencies(engines, { clock: { now: () => now.value } });
  const api = createHttpApiHandler(deps, apiRoutes);
  const feed = startStreamRunner({ dynamoDb: dynamo.client, tableName, handler: createOutboxStreamHandler(deps), intervalMs: 3_600_000 });
  const booked = await api(httpEvent("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Bench", email: "bench@load.example", phone: "+1 312 555 0100", timeZone: "UTC", consent: true }));
  const bookingId = JSON.parse(booked.body!).id as string;
  const timers: [string, string, TimerPayload][] = [
    ["reminder", "2026-11-30T17:00:00Z", { kind: "reminder", bookingId, version: 1, minutesBefore: 1440 }],
    ["prep note", "2026-12-01T16:45:00Z", { kind: "rep-prep", bookingId, version: 1 }],
    ["call-back prompt", "2026-12-01T17:35:00Z", { kind: "call-back", bookingId, version: 1 }],
    ["feedback request", "2026-12-01T19:30:00Z", { kind: "feedback", bookingId, version: 1 }],
  ];
  await feed.drain();
  const figures: string[] = [];
  const outboxFigures: string[] = [];
  const measure = () => `${dynamo.total()}/${ses.count()}`;
  const fire = async (label: string, payload: TimerPayload) => {
    dynamo.reset();
    ses.reset();
    await fireTimer(deps, payload);
    figures.push(`${label} ${measure()}`);
    dynamo.reset();
    ses.reset();
    await feed.drain();
    outboxFigures.push(`${label} ${measure()}`);
  };
  for (const [label, at, payload] of timers) {
    now.value = new Date(at);
    await fire(label, payload);
  }
  await fire("duplicate delivery", timers[0]![2]);
  await feed.stop();
  print(`requests per fired timer (dynamodb/ses): ${figures.join(", ")}`);
  print(`then in the outbox function (dynamodb/ses): ${outboxFigures.join(", ")}`);
}

export async function benchTimerRunner(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const { deps, tableName, dynamo } = await benchDependencies(engines, { clock: { now: () => new Date(NOW) } });
  const timers = new TableTimers(DynamoDBDocumentClient.from(dynamo.client), tableName);
  // Reminders of bookings that were cancelled: each fires, re-reads its booking and finds it stale.
  const specs: TimerSpec[] = Array.from({ length: MANY_TIMERS }, (_, i) => ({
    name: `bk-bench-${i}-r60-v1`,
    fireAt: NOW - 60_000,
    payload: { kind: "reminder", bookingId: `bench-${i}`, version: 1, minutesBefore: 60 },
  }));
  for (let start = 0; start < specs.length; start += 500) await timers.schedule(specs.slice(start, start + 500));
  const runner = startTimerRunner({ timers, clock: { now: () => new Date(NOW) }, handler: (payload) => fireTimer(deps, payload), intervalMs: 3_600_000, sweepEveryMs: 3_600_000 });
  const started = performance.now();
  const fired = await runner.drain();
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  if (fired !== MANY_TIMERS) throw new Error(`fired ${fired} of ${MANY_TIMERS}`);
  print(`local runner ${MANY_TIMERS} due timers: ${seconds.toFixed(1)} s (${(MANY_TIMERS / seconds).toFixed(0)} timers/s, each re-reading its booking)`);
}
