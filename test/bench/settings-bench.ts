// Bench: what the settings in the table cost on the request path — DynamoDB requests per request while the
// function's copy is warm (the head is read again only once the cache time has passed) — and the time from a
// saved change (every rep off on a Friday) to GET /api/slots answering without that Friday, in the process
// that saved it (other functions: within LIVELINE_SETTINGS_CACHE_SECONDS).

import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { validSettings } from "../../functions/use-cases/settings/settings-validation";
import { httpEvent } from "../support/test-api";
import { benchDependencies, ms, type BenchEngines } from "./bench-engines";

const NOW = Date.parse("2027-03-01T06:00:00Z");
const FRIDAY = "2027-03-05";
const REQUESTS = 200;

export async function benchSettings(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const { deps, dynamo } = await benchDependencies(engines, { clock: { now: () => new Date(NOW) } });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const fridaySlots = async () => JSON.parse((await handler(httpEvent("GET", `/api/slots?offering=live-demo&from=${FRIDAY}&to=${FRIDAY}&timeZone=UTC`))).body ?? "{}").slots as unknown[];
  if ((await fridaySlots()).length === 0) throw new Error("the bench's Friday has no slots to begin with");

  // What the API entry does before each request (http-api-function.ts): the settings' refresh, then the route.
  let settingsRequests = 0;
  for (let i = 0; i < REQUESTS; i++) {
    dynamo.reset();
    await deps.settings.refresh();
    settingsRequests += dynamo.total();
    await fridaySlots();
  }
  print(`settings read on the request path: ${(settingsRequests / REQUESTS).toFixed(1)} dynamodb requests per request (warm cache)`);

  const { config, version } = deps.settings.current();
  const changed = { ...config, reps: config.reps.map((rep) => ({ ...rep, datesOff: [...rep.datesOff, FRIDAY] })) };
  const t0 = performance.now();
  await deps.settings.replace(changed, version, config.reps[0]!.id, validSettings);
  const remaining = (await fridaySlots()).length;
  const elapsed = performance.now() - t0;
  if (remaining !== 0) throw new Error(`the Friday still has ${remaining} slots after the change`);
  print(`settings change to changed slots: ${ms(elapsed)} ms`);
}
