// Bench: slot computation for a 50-rep pool over 30 days with 10 busy blocks per rep per day — in the
// core alone (p50/p99 of 200 runs, peak heap), and through GET /api/slots on DynamoDB Local (p50/p99,
// DynamoDB requests per call), where 2 of the 10 are booked demos and 8 calendar-feed meetings.

import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { computeSlotStarts, computeSlots, type AvailabilityRep } from "../../functions/core/availability/availability";
import type { Interval } from "../../functions/core/bookings/booking";
import { toWeeklyHours } from "../../functions/core/availability/working-hours";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { itemKeys, scheduleAttribute } from "../../functions/adapters/dynamodb/item-keys";
import { encodeBusy, encodeDemo } from "../../functions/adapters/dynamodb/schedule-encoding";
import { feedSourceKey } from "../../functions/use-cases/availability/calendar-feed-copies";
import { firstDemo, httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, type BenchEngines } from "./bench-engines";

const REPS = 50;
const DAYS = 30;
const BUSY_PER_DAY = 10;
/** Of those, booked demos in the rep's schedule; the rest are calendar-feed meetings. */
const DEMOS_PER_DAY = 2;
const CORE_RUNS = 200;
const API_RUNS = 100;
const ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney"];
const NOW = Date.parse("2027-03-01T00:00:00Z");
const DAY = 86_400_000;
const WEEKDAY_HOURS = { mon: ["08:00-12:00", "13:00-18:00"], tue: ["08:00-12:00", "13:00-18:00"], wed: ["08:00-12:00", "13:00-18:00"], thu: ["08:00-12:00", "13:00-18:00"], fri: ["08:00-12:00", "13:00-18:00"] };

/** A repeatable pseudo-random sequence, so every run measures the same pool. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** Ten 15–60 minute blocks per rep per day, spread over each day (UTC), from now on. */
function busyBlocks(random: () => number): Map<string, Interval[]> {
  const busy = new Map<string, Interval[]>();
  for (let rep = 0; rep < REPS; rep++) {
    const blocks: Interval[] = [];
    for (let day = 0; day < DAYS; day++) {
      for (let i = 0; i < BUSY_PER_DAY; i++) {
        const start = NOW + day * DAY + Math.floor(random() * 96) * 15 * 60_000;
        blocks.push({ start, end: start + (1 + Math.floor(random() * 4)) * 15 * 60_000 });
      }
    }
    busy.set(`rep-${rep}`, blocks);
  }
  return busy;
}

export function benchCoreSlots(print: (line: string) => void): void {
  const reps: AvailabilityRep[] = Array.from({ length: REPS }, (_, i) => ({ id: `rep-${i}`, timeZone: ZONES[i % ZONES.length]!, weeklyHours: toWeeklyHours(WEEKDAY_HOURS) }));
  const busy = busyBlocks(seeded(42));
  const rules = { durationMinutes: 30, slotIntervalMinutes: 15, minimumNoticeMinutes: 120, horizonDays: DAYS, bufferBeforeMinutes: 5, bufferAfterMinutes: 5 };
  const query = { reps, rules, busy, from: NOW, to: NOW + DAYS * DAY, now: NOW };
  measure("slots core", () => computeSlotStarts(query).length, print);
  measure("slots core with free reps per slot (booking)", () => computeSlots(query).length, print);
}

/** p50/p99 of CORE_RUNS runs after a warm-up long enough for V8 to optimise, and the heap they used. */
function measure(label: string, run: () => number, print: (line: string) => void): void {
  for (let i = 0; i < 100; i++) run();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const times: number[] = [];
  let slots = 0;
  for (let i = 0; i < CORE_RUNS; i++) {
    const t0 = performance.now();
    slots = run();
    times.push(performance.now() - t0);
    if (i % 20 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  print(`${label} ${REPS} reps x ${DAYS} days, ${BUSY_PER_DAY} busy/rep/day: p50=${ms(percentile(times, 50))} ms p99=${ms(percentile(times, 99))} ms (${slots} slots, peak heap +${((peak - baseline) / 1024 / 1024).toFixed(1)} MB)`);
}

function benchConfig(): LivelineConfig {
  const config = readConfigFile("liveline.config.json");
  const template = config.reps[0]!;
  config.reps = Array.from({ length: REPS }, (_, i) => ({
    ...template,
    id: `rep-${i}`,
    email: `rep-${i}@acme-analytics.example`,
    timeZone: ZONES[i % ZONES.length]!,
    workingHours: WEEKDAY_HOURS,
    calendarFeed: { url: `https://calendar.example/rep-${i}.ics`, refreshMinutes: 24 * 60 },
  }));
  firstDemo(config).horizonDays = DAYS;
  firstDemo(config).slotIntervalMinutes = 15;
  return config;
}

export async function benchApiSlots(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const config = benchConfig();
  const { deps, tableName, dynamo } = await benchDependencies(engines, {
    config,
    clock: { now: () => new Date(NOW) },
  });
  const documents = DynamoDBDocumentClient.from(dynamo.client);
  // Each rep's busy blocks: a few booked demos in the schedule item, the rest as a fresh calendar-feed copy.
  for (const [repId, blocks] of busyBlocks(seeded(42))) {
    const demos = blocks.filter((_, i) => i % BUSY_PER_DAY < DEMOS_PER_DAY);
    const meetings = blocks.filter((_, i) => i % BUSY_PER_DAY >= DEMOS_PER_DAY);
    const rep = config.reps.find((r) => r.id === repId)!;
    const schedule = {
      ...itemKeys.repSchedule(repId),
      entity: "rep-schedule",
      [scheduleAttribute.demos]: new Set(demos.map((block) => encodeDemo({ bookingId: randomUUID(), blocked: block, assignedAt: NOW - DAY, day: new Date(block.start).toISOString().slice(0, 10) }))),
      feedSourceKey: feedSourceKey(rep),
      feedFetchedAt: NOW,
      feedBusy: encodeBusy(meetings),
    };
    await documents.send(new PutCommand({ TableName: tableName, Item: schedule }));
  }
  const handler = createHttpApiHandler(deps, apiRoutes);
  const listUntil = (to: string) => handler(httpEvent("GET", `/api/slots?offering=live-demo&from=2027-03-01&to=${to}&timeZone=Europe/Paris`));
  const list = () => listUntil("2027-03-30");
  for (let i = 0; i < 10; i++) await list();
  dynamo.reset();
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < API_RUNS; i++) {
    const t0 = performance.now();
    const result = await list();
    times.push(performance.now() - t0);
    if (result.statusCode !== 200) throw new Error(`GET /api/slots answered ${result.statusCode}: ${result.body}`);
    count = JSON.parse(result.body!).slots.length;
  }
  times.sort((a, b) => a - b);
  print(`slots api ${REPS} reps x ${DAYS} days on DynamoDB Local: p50=${ms(percentile(times, 50))} ms p99=${ms(percentile(times, 99))} ms (${count} slots)`);
  print(`dynamodb requests per slots call: ${requestsPer(dynamo, API_RUNS)}`);
  // The same pool over 1 and 7 days: the requests must not grow with the days asked for.
  const byDays: string[] = [];
  for (const [days, to] of [[1, "2027-03-01"], [7, "2027-03-07"], [DAYS, "2027-03-30"]] as const) {
    dynamo.reset();
    const result = await listUntil(to);
    if (result.statusCode !== 200) throw new Error(`GET /api/slots answered ${result.statusCode}: ${result.body}`);
    byDays.push(`${days} day${days === 1 ? "" : "s"} ${dynamo.total()}`);
  }
  print(`dynamodb requests per slots call by days asked: ${byDays.join(", ")}`);
}
