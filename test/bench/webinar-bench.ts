// Bench: webinar registrations through the real API handler on DynamoDB Local — 32 concurrent clients
// registering for one session (every registration updates the same seat counter, the hot item of a rush),
// throughput, latency, and DynamoDB/SES requests per registration.

import { randomUUID } from "node:crypto";
import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig, WebinarOfferingConfig } from "../../functions/config/liveline-config";
import { createHandlerDependencies } from "../../functions/handlers/handler-dependencies";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import type { Mailer } from "../../functions/ports/mailer";
import { ensureTable } from "../../infra/local/create-table";
import { httpEvent } from "../support/test-api";
import { countingDynamoDbClient, ms, percentile, runClients, type BenchEngines } from "./bench-engines";

const REGISTRATIONS = 480;
const CLIENTS = 32;
const NOW = new Date("2026-11-30T00:00:00Z");
// The committed default's weekly webinar: Tuesdays 16:00 London.
const SESSION = "weekly-webinar-20261201T1600Z";

/** The default config with room for every registration of the run. */
function benchConfig(): LivelineConfig {
  const config = readConfigFile("liveline.config.json");
  const webinar = config.offerings.find((offering): offering is WebinarOfferingConfig => offering.kind === "webinar")!;
  webinar.capacity = 10_000;
  return config;
}

export async function benchRegistrations(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const dynamo = countingDynamoDbClient(engines.dynamo.endpoint);
  const tableName = `bench-${randomUUID()}`;
  await ensureTable(dynamo.client, tableName);
  let sesRequests = 0;
  const countSes = (mailer: Mailer): Mailer => ({ send: (email) => (sesRequests++, mailer.send(email)) });
  const deps = await createHandlerDependencies(
    { TABLE_NAME: tableName, LIVELINE_PUBLIC_URL: "http://localhost:3000", SIGNING_SECRET: "bench-secret-0123456789abcdef0123456789", LOG_LEVEL: "silent" },
    { config: benchConfig(), clock: { now: () => NOW }, dynamoDb: dynamo.client, wrapMailer: countSes },
  );
  const handler = createHttpApiHandler(deps);
  const register = (i: number) =>
    handler(httpEvent("POST", `/api/webinars/${SESSION}/registrations`, { name: `Bench ${i}`, email: `webinar${i}@load.example`, timeZone: "Europe/Berlin", consent: true }));

  for (let i = 0; i < CLIENTS; i++) await register(REGISTRATIONS + 100 + i); // warm-up: JIT, connections, the session's timers
  dynamo.reset();
  sesRequests = 0;

  const { latencies, statuses, seconds } = await runClients(CLIENTS, REGISTRATIONS, register);
  const registered = statuses.get(201) ?? 0;
  if (registered !== REGISTRATIONS) throw new Error(`expected ${REGISTRATIONS} registrations, got statuses ${JSON.stringify([...statuses])}`);
  const perOperation = [...dynamo.counts].map(([name, count]) => `${name.replace("Command", "")} ${(count / registered).toFixed(1)}`).join(", ");
  print(`webinar registration ${CLIENTS} clients x ${REGISTRATIONS}, one session: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
  print(`webinar registration throughput ${CLIENTS} clients: ${(registered / seconds).toFixed(0)} registrations/s`);
  print(`dynamodb requests per registration: ${(dynamo.total() / registered).toFixed(1)} (${perOperation})`);
  print(`ses requests per registration: ${(sesRequests / registered).toFixed(1)}`);
}
