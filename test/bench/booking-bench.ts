// Bench: bookings through the real API handler on DynamoDB Local — latency for one client and under 16
// concurrent clients, throughput, and DynamoDB/SES requests per booking.

import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { firstDemo, httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, runClients, type BenchEngines } from "./bench-engines";

const BOOKINGS = 480;
/** The committed default's team size. */
const REPS = 3;
const NOW = new Date("2026-11-30T00:00:00Z");

/** Reps who work around the clock, so the bench never runs out of free slots. */
function benchConfig(): LivelineConfig {
  const config = readConfigFile("liveline.config.json");
  const template = config.reps[0]!;
  const allDay = ["00:00-24:00"];
  config.reps = Array.from({ length: REPS }, (_, i) => ({
    ...template,
    id: `rep-${i}`,
    email: `rep-${i}@acme-analytics.example`,
    timeZone: "UTC",
    workingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  }));
  firstDemo(config).minimumNoticeMinutes = 0;
  return config;
}

/** Runs BOOKINGS bookings with `clients` concurrent clients on a fresh table. */
export async function benchBookings(engines: BenchEngines, clients: number, print: (line: string) => void): Promise<void> {
  const { deps, tableName, dynamo, ses } = await benchDependencies(engines, { config: benchConfig(), clock: { now: () => NOW } });
  const handler = createHttpApiHandler(deps);
  // Every request its own slot: this measures the booking path, not contention (booking-race.test.ts does).
  const startOf = (i: number) => new Date(NOW.getTime() + (60 + i * 30) * 60_000).toISOString();
  const book = (i: number) =>
    handler(
      httpEvent("POST", "/api/bookings", { offering: "live-demo", start: startOf(i), name: `Bench ${i}`, email: `bench${i}@load.example`, timeZone: "Europe/Berlin", consent: true }, { "idempotency-key": `bench-${i}-${tableName}` }),
    );

  for (let i = 0; i < 32; i++) await book(BOOKINGS + 100 + i); // warm-up: JIT (ours and DynamoDB Local's), connections
  dynamo.reset();
  ses.reset();

  const { latencies, statuses, seconds } = await runClients(clients, BOOKINGS, book);
  const booked = statuses.get(201) ?? 0;
  if (booked !== BOOKINGS) throw new Error(`expected ${BOOKINGS} bookings, got statuses ${JSON.stringify([...statuses])}`);
  print(`booking ${clients} client${clients > 1 ? "s" : ""} x ${BOOKINGS}: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
  print(`booking throughput ${clients} client${clients > 1 ? "s" : ""}: ${(booked / seconds).toFixed(0)} bookings/s`);
  if (clients === 1) return;
  print(`dynamodb requests per booking: ${requestsPer(dynamo, booked)}`);
  print(`ses requests per booking: ${(ses.count() / booked).toFixed(1)}`);
}
