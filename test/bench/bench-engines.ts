// Bench: the real engines for a bench run, and a DynamoDB client that counts the requests it makes.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { createHandlerDependencies } from "../../functions/handlers/handler-dependencies";
import { webhookPorts } from "../../functions/handlers/webhook-ports";
import type { Mailer } from "../../functions/ports/mailer";
import type { UseCaseDependencies } from "../../functions/use-cases/use-case-dependencies";
import { ensureTable } from "../../infra/local/create-table";
import { startDynamoDbLocal, type RunningEngine } from "../../infra/local/dynamodb-local";
import { startSesLocal } from "../../infra/local/ses-local";

export interface BenchEngines {
  dynamo: RunningEngine;
  ses: RunningEngine;
  stop(): Promise<void>;
}

export async function startBenchEngines(): Promise<BenchEngines> {
  const [dynamo, ses] = await Promise.all([startDynamoDbLocal(), startSesLocal()]);
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    // One figure a line: the functions' EMF metric lines stay off the bench's output.
    LIVELINE_METRICS: "off",
  });
  return { dynamo, ses, stop: async () => void (await Promise.all([dynamo.stop(), ses.stop()])) };
}

export interface CountingClient {
  client: DynamoDBClient;
  /** Requests sent since the last reset, by operation name. */
  counts: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingDynamoDbClient(endpoint: string): CountingClient {
  const client = new DynamoDBClient({ endpoint, maxAttempts: 4 });
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? "unknown");
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    // "finalizeRequest" runs once per HTTP attempt, retries included.
    { step: "finalizeRequest", name: "liveline-request-counter" },
  );
  return { client, counts, total: () => [...counts.values()].reduce((a, b) => a + b, 0), reset: () => counts.clear() };
}

export interface BenchDependencies {
  deps: UseCaseDependencies;
  tableName: string;
  /** Counts the DynamoDB requests of `deps`. */
  dynamo: CountingClient;
  /** SES requests since the last reset. */
  ses: { count(): number; reset(): void };
}

/** The handlers' dependencies on a fresh table of the bench's DynamoDB Local, counting DynamoDB and SES requests. */
export async function benchDependencies(
  engines: BenchEngines,
  options: { clock: { now(): Date }; config?: LivelineConfig; wrapMailer?: (mailer: Mailer) => Mailer; protection?: "on" | "off" },
): Promise<BenchDependencies> {
  const dynamo = countingDynamoDbClient(engines.dynamo.endpoint);
  const tableName = `bench-${randomUUID()}`;
  await ensureTable(dynamo.client, tableName);
  let sesRequests = 0;
  const countSes = (mailer: Mailer): Mailer => ({ send: (email) => (sesRequests++, mailer.send(email)) });
  const { wrapMailer, protection = "off", ...rest } = options;
  const deps = await createHandlerDependencies(
    // Benches measure the product's own work: abuse protection off, as the README allows for load tests
    // (unless a bench measures what protection adds).
    { TABLE_NAME: tableName, LIVELINE_PUBLIC_URL: "http://localhost:3000", SIGNING_SECRET: BENCH_SECRET, LOG_LEVEL: "silent", LIVELINE_DEMO_TOKENS: "allow", LIVELINE_PROTECTION: protection, LIVELINE_WEBHOOK_TARGETS: "local" },
    { ...rest, dynamoDb: dynamo.client, wrapMailer: (mailer) => countSes(wrapMailer ? wrapMailer(mailer) : mailer) },
    { webhooks: webhookPorts },
  );
  return { deps, tableName, dynamo, ses: { count: () => sesRequests, reset: () => void (sesRequests = 0) } };
}

export const BENCH_SECRET = "bench-secret-0123456789abcdef0123456789";

/** "BatchGetItem 2.0, TransactWriteItems 3.0": requests of each operation per `per` operations measured. */
export function requestsPer(dynamo: CountingClient, per: number): string {
  const perOperation = [...dynamo.counts].map(([name, count]) => `${name.replace("Command", "")} ${(count / per).toFixed(1)}`).join(", ");
  return `${(dynamo.total() / per).toFixed(1)} (${perOperation})`;
}

export interface LoadResult {
  /** Milliseconds per request, sorted. */
  latencies: number[];
  statuses: Map<number, number>;
  seconds: number;
}

/** Sends requests 0 … total-1 from `clients` concurrent clients, each taking the next one when done. */
export async function runClients(clients: number, total: number, send: (i: number) => Promise<{ statusCode: number }>): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const result = await send(i);
        latencies.push(performance.now() - t0);
        statuses.set(result.statusCode, (statuses.get(result.statusCode) ?? 0) + 1);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), statuses, seconds: (performance.now() - started) / 1000 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export const ms = (value: number) => value.toFixed(1);
