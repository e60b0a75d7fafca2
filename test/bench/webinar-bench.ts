// Bench: webinar registrations through the real API handler on DynamoDB Local — 32 concurrent clients
// registering for one session (every registration updates the same seat counter, the hot item of a rush),
// throughput, latency, and DynamoDB/SES requests per registration.

import { readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig, WebinarOfferingConfig } from "../../functions/config/liveline-config";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, runClients, type BenchEngines } from "./bench-engines";

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
  const { deps, dynamo, ses } = await benchDependencies(engines, { config: benchConfig(), clock: { now: () => NOW } });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const register = (i: number) =>
    handler(httpEvent("POST", `/api/webinars/${SESSION}/registrations`, { name: `Bench ${i}`, email: `webinar${i}@load.example`, timeZone: "Europe/Berlin", consent: true }));

  for (let i = 0; i < CLIENTS; i++) await register(REGISTRATIONS + 100 + i); // warm-up: JIT, connections, the session's timers
  dynamo.reset();
  ses.reset();

  const { latencies, statuses, seconds } = await runClients(CLIENTS, REGISTRATIONS, register);
  const registered = statuses.get(202) ?? 0;
  if (registered !== REGISTRATIONS) throw new Error(`expected ${REGISTRATIONS} registrations, got statuses ${JSON.stringify([...statuses])}`);
  print(`webinar registration ${CLIENTS} clients x ${REGISTRATIONS}, one session: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
  print(`webinar registration throughput ${CLIENTS} clients: ${(registered / seconds).toFixed(0)} registrations/s`);
  print(`dynamodb requests per registration: ${requestsPer(dynamo, registered)}`);
  print(`ses requests per registration: ${(ses.count() / registered).toFixed(1)}`);
}
