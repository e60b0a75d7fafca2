// Bench: "call me now" through the real API handler on DynamoDB Local and the SES emulator — the time from
// a prospect's POST /api/instant-calls to the item in the ringing rep's GET /api/console/queue answer (the
// console polls that), and the DynamoDB requests one request makes.

import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, type BenchEngines } from "./bench-engines";

const CALLS = 100;
/** Tuesday 15:00Z: 09:00 for Maya in Chicago, inside her working hours. */
const NOW = new Date("2026-12-01T15:00:00Z");
const REP = "maya";
const AS_REP = { authorization: `Bearer local-token-${REP}` };

export async function benchInstantCalls(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const { deps, dynamo } = await benchDependencies(engines, { clock: { now: () => NOW } });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const presence = await handler(httpEvent("PUT", "/api/console/presence", { available: true }, AS_REP));
  if (presence.statusCode !== 200) throw new Error(`presence: ${presence.statusCode} ${presence.body}`);

  let counter = 0;
  const requestToQueue = async (): Promise<number> => {
    const started = performance.now();
    const i = counter++;
    const body = { offering: "live-demo", name: `Bench Caller ${i}`, email: `caller${i}.${Date.now()}@load.example`, phone: "+1 212 555 0100", timeZone: "America/New_York", consent: true };
    const answer = await handler(httpEvent("POST", "/api/instant-calls", body, { "idempotency-key": `bench-${i}-${Date.now()}` }));
    if (answer.statusCode !== 201) throw new Error(`instant call: ${answer.statusCode} ${answer.body}`);
    const { id, status } = JSON.parse(String(answer.body)) as { id: string; status: string };
    if (status !== "ringing") throw new Error(`instant call: ${status}, not ringing`);
    for (;;) {
      const queue = await handler(httpEvent("GET", "/api/console/queue", undefined, AS_REP));
      const items = (JSON.parse(String(queue.body)) as { items: { instant?: { callId: string } }[] }).items;
      if (items.some((item) => item.instant?.callId === id)) return performance.now() - started;
    }
  };

  for (let i = 0; i < 10; i++) await requestToQueue(); // warm-up: JIT (ours and DynamoDB Local's), connections
  dynamo.reset();
  const latencies: number[] = [];
  for (let i = 0; i < CALLS; i++) latencies.push(await requestToQueue());
  latencies.sort((a, b) => a - b);
  print(`instant call request to queue: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
  print(`dynamodb requests per instant call request and queue read: ${requestsPer(dynamo, CALLS)}`);
}
