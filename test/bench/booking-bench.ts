// Bench: bookings through the real API handler on DynamoDB Local — latency for one client and under 16
// concurrent clients, throughput, DynamoDB/SES requests per booking on the request path and in the outbox
// function, and the time from a booking request to its invitation accepted by SES (through the table's
// stream, read as the local runtime reads it).

import { DynamoDBClient, TransactWriteItemsCommand, type TransactWriteItemsCommandInput } from "@aws-sdk/client-dynamodb";
import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { createOutboxStreamHandler } from "../../functions/handlers/outbox-stream";
import type { Mailer } from "../../functions/ports/mailer";
import { retryOnConflict } from "../../functions/adapters/dynamodb/transactions";
import { ensureTable } from "../../infra/local/create-table";
import { startStreamRunner } from "../../infra/local/stream-runner";
import { TEST_MAX_NUMBER, freshSolution } from "../support/proof-of-work";
import { firstDemo, httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, runClients, type BenchEngines } from "./bench-engines";

const BOOKINGS = 480;
/** The committed default's team size. */
const REPS = 3;
const NOW = new Date("2026-11-30T00:00:00Z");

/** Reps who work around the clock, so the bench never runs out of free slots. */
export function benchConfig(): LivelineConfig {
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
  const handler = createHttpApiHandler(deps, apiRoutes);
  // Every request its own slot: this measures the booking path, not contention (booking-race.test.ts does).
  const startOf = (i: number) => new Date(NOW.getTime() + (60 + i * 30) * 60_000).toISOString();
  const book = (i: number) =>
    handler(
      httpEvent("POST", "/api/bookings", { offering: "live-demo", start: startOf(i), name: `Bench ${i}`, email: `bench${i}@load.example`, timeZone: "Europe/Berlin", consent: true }, { "idempotency-key": `bench-${i}-${tableName}` }),
    );

  for (let i = 0; i < 32; i++) await book(BOOKINGS + 100 + i); // warm-up: JIT (ours and DynamoDB Local's), connections
  dynamo.reset();
  ses.reset();

  const transactions = clients > 1 ? recordTransactions(dynamo.client) : undefined;
  const { latencies, statuses, seconds } = await runClients(clients, BOOKINGS, book);
  const booked = statuses.get(201) ?? 0;
  if (booked !== BOOKINGS) throw new Error(`expected ${BOOKINGS} bookings, got statuses ${JSON.stringify([...statuses])}`);
  print(`booking ${clients} client${clients > 1 ? "s" : ""} x ${BOOKINGS}: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
  print(`booking throughput ${clients} client${clients > 1 ? "s" : ""}: ${(booked / seconds).toFixed(0)} bookings/s`);
  if (clients === 1) return;
  // The same transactions, bare, at the same concurrency on a fresh table: what DynamoDB Local itself allows.
  const bare = await replayTransactions(engines, transactions!, clients);
  print(`bare TransactWriteItems of the same items ${clients} clients: p50=${ms(percentile(bare, 50))} ms p99=${ms(percentile(bare, 99))} ms; booking/bare p50 ratio=${(percentile(latencies, 50) / percentile(bare, 50)).toFixed(2)}`);
  print(`dynamodb requests per booking: ${requestsPer(dynamo, booked)}`);
  print(`ses requests per booking: ${(ses.count() / booked).toFixed(1)}`);
  // What the bookings left to the outbox function: its invitations and timers, read off the table's stream.
  dynamo.reset();
  ses.reset();
  const feed = startStreamRunner({ dynamoDb: dynamo.client, tableName, handler: createOutboxStreamHandler(deps), intervalMs: 3_600_000 });
  await feed.drain();
  await feed.stop();
  print(`outbox function per booking: dynamodb ${requestsPer(dynamo, booked + 32)}, ses ${(ses.count() / (booked + 32)).toFixed(1)}`);
}

const PROTECTED_BOOKINGS = 50;

/**
 * Bookings as the page sends them with abuse protection on (a fresh proof-of-work solution each, the
 * default rate limits but the per-client one, which 50 bookings from one address would pass): the DynamoDB
 * requests of the booking request alone — the solution's mark and the counters ride in its transaction.
 */
export async function benchProtectedBookingRequests(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const config = benchConfig();
  config.protection.challenge.maxNumber = TEST_MAX_NUMBER;
  config.protection.rateLimits.writesPerIp = { max: 1000, windowMinutes: 10 };
  const clock = { now: () => NOW };
  const { deps, dynamo } = await benchDependencies(engines, { config, clock, protection: "on" });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const get = async (path: string) => {
    const answer = await handler(httpEvent("GET", path));
    return { status: answer.statusCode, json: JSON.parse(answer.body ?? "null") };
  };
  let booked = 0;
  const requests = new Map<string, number>();
  for (let i = 0; i < PROTECTED_BOOKINGS; i++) {
    const altcha = await freshSolution(get, deps);
    dynamo.reset();
    const start = new Date(NOW.getTime() + (60 + i * 30) * 60_000).toISOString();
    const answer = await handler(httpEvent("POST", "/api/bookings", { offering: "live-demo", start, name: `Guarded ${i}`, email: `guarded${i}@load.example`, timeZone: "Europe/Berlin", consent: true, altcha }));
    if (answer.statusCode !== 201) throw new Error(`a protected booking answered ${answer.statusCode}: ${answer.body}`);
    booked++;
    for (const [name, count] of dynamo.counts) requests.set(name, (requests.get(name) ?? 0) + count);
  }
  const total = [...requests.values()].reduce((a, b) => a + b, 0);
  const perOperation = [...requests].map(([name, count]) => `${name.replace("Command", "")} ${(count / booked).toFixed(1)}`).join(", ");
  print(`dynamodb requests per booking with protection on: ${(total / booked).toFixed(1)} (${perOperation})`);
}

const TO_INVITATION_BOOKINGS = 50;
/** Prospects arrive one by one: this measures the way to the invitation, not a backlog. */
const BETWEEN_BOOKINGS_MS = 100;

/**
 * Prospects book one slot after another, 100 ms apart, while the outbox reader polls the table's stream every 250 ms (as
 * `npm start` does; Lambda polls a shard 4 times a second): from each request's start to SES accepting the
 * prospect's invitation.
 */
export async function benchBookingToInvitation(engines: BenchEngines, print: (line: string) => void, bookings = TO_INVITATION_BOOKINGS): Promise<void> {
  const accepted = new Map<string, number>();
  const { deps, tableName, dynamo } = await benchDependencies(engines, {
    config: benchConfig(),
    clock: { now: () => NOW },
    wrapMailer: (mailer: Mailer): Mailer => ({
      send: async (email) => {
        const result = await mailer.send(email);
        accepted.set(email.to, performance.now());
        return result;
      },
    }),
  });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const feed = startStreamRunner({ dynamoDb: dynamo.client, tableName, handler: createOutboxStreamHandler(deps), intervalMs: 250 });
  const sentAt = new Map<string, number>();
  try {
    for (let i = 0; i < bookings; i++) {
      const email = `invite${i}@load.example`;
      sentAt.set(email, performance.now());
      const answer = await handler(httpEvent("POST", "/api/bookings", { offering: "live-demo", start: new Date(NOW.getTime() + (60 + i * 30) * 60_000).toISOString(), name: `Bench ${i}`, email, timeZone: "Europe/Berlin", consent: true }));
      if (answer.statusCode !== 201) throw new Error(`booking ${i} answered ${answer.statusCode}`);
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_BOOKINGS_MS));
    }
    const deadline = performance.now() + 60_000;
    while ([...sentAt.keys()].some((email) => !accepted.has(email)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    await feed.stop();
  }
  const missing = [...sentAt.keys()].filter((email) => !accepted.has(email));
  if (missing.length > 0) throw new Error(`${missing.length} invitations never reached SES`);
  const latencies = [...sentAt].map(([email, at]) => accepted.get(email)! - at).sort((a, b) => a - b);
  print(`booking to invitation accepted by SES (${bookings} bookings): p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
}

/** The TransactWriteItems inputs the client sends from now on, as sent (attribute values marshalled). */
function recordTransactions(client: DynamoDBClient): TransactWriteItemsCommandInput[] {
  const recorded: TransactWriteItemsCommandInput[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === "TransactWriteItemsCommand") recorded.push(structuredClone(args.input as TransactWriteItemsCommandInput));
      return result;
    },
    { step: "build", name: "liveline-transaction-recorder" },
  );
  return recorded;
}

/** Sends each recorded transaction once more, into a fresh table, `clients` at a time; milliseconds each, sorted. */
async function replayTransactions(engines: BenchEngines, transactions: readonly TransactWriteItemsCommandInput[], clients: number): Promise<number[]> {
  const client = new DynamoDBClient({ endpoint: engines.dynamo.endpoint, maxAttempts: 4 });
  const tableName = `bench-bare-${Date.now()}`;
  await ensureTable(client, tableName);
  const retarget = (input: TransactWriteItemsCommandInput): TransactWriteItemsCommandInput => ({
    TransactItems: input.TransactItems!.map((item) => Object.fromEntries(Object.entries(item).map(([kind, write]) => [kind, { ...write, TableName: tableName }]))),
  });
  // Only the sends that succeeded were recorded: one per booking.
  const { latencies } = await runClients(clients, transactions.length, async (i) => {
    // A conflict with a concurrent transaction is retried by the store's own loop.
    await retryOnConflict(() => client.send(new TransactWriteItemsCommand(retarget(transactions[i]!))));
    return { statusCode: 200 };
  });
  client.destroy();
  return latencies;
}