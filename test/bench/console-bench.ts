// Bench: the rep console's reads through the real API handler on DynamoDB Local — a rep's queue with 1,000
// open call-backs in a table of 10,000 leads, and a lead page with 200 events: latency and DynamoDB requests
// per call. The queue's request count must not grow with the number of leads (one index query per rep).

import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { itemKeys } from "../../functions/adapters/dynamodb/item-keys";
import { leadEventRecord, promptRecord } from "../../functions/adapters/dynamodb/lead-log-records";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { httpEvent } from "../support/test-api";
import { benchDependencies, ms, percentile, requestsPer, runClients, type BenchEngines } from "./bench-engines";

const LEADS = 10_000;
const CALL_BACKS = 1_000;
const EVENTS = 200;
const CALLS = 100;
const NOW = new Date("2026-11-30T12:00:00Z");
/** A seeded rep of the committed config, and the README's local-only token for them. */
const REP = "maya";
const AS_REP = { authorization: `Bearer local-token-${REP}` };

const iso = (offsetMinutes: number) => new Date(NOW.getTime() + offsetMinutes * 60_000).toISOString();

function leadItem(i: number): Record<string, unknown> {
  const id = `bench-lead-${String(i).padStart(5, "0")}`;
  return {
    ...itemKeys.lead(id),
    entity: "lead",
    id,
    prospect: { name: `Bench Lead ${i}`, email: `lead${i}@load.example`, phone: "+14155550100", company: `Company ${i % 700}` },
    timeZone: "America/New_York",
    offeringId: "live-demo",
    routing: { rule: null, pool: [REP] },
    consentAt: iso(-60 * 24),
    createdAt: iso(-60 * 24),
  };
}

function callBackItem(i: number): Record<string, unknown> {
  const leadId = `bench-lead-${String(i).padStart(5, "0")}`;
  return promptRecord({
    leadId,
    promptId: "lead.1",
    chain: "lead",
    attempt: 1,
    repId: REP,
    reason: "unbooked-request",
    dueAt: iso(-i),
    status: "open",
    contact: { name: `Bench Lead ${i}`, email: `lead${i}@load.example`, phone: "+14155550100", company: `Company ${i % 700}`, timeZone: "America/New_York" },
  });
}

/** A lead with a long history: requests, bookings, calls with notes, e-mails. */
function historyItems(leadId: string): Record<string, unknown>[] {
  const kinds = ["requested", "booked", "invite_sent", "call_attempt", "note", "reminder_sent", "rescheduled", "feedback"];
  return Array.from({ length: EVENTS }, (_, i) =>
    leadEventRecord({ leadId, at: iso(-EVENTS + i), kind: kinds[i % kinds.length]!, ref: `e${i}`, data: { repId: REP, text: `Event ${i}: called, left a voicemail, will try again after lunch.` } }),
  );
}

async function seed(documents: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const answer = await documents.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
          pending = (answer.UnprocessedItems?.[tableName] ?? []) as typeof pending;
        }
      }
    }),
  );
}

export async function benchConsole(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const { deps, tableName, dynamo } = await benchDependencies(engines, { clock: { now: () => NOW } });
  const documents = DynamoDBDocumentClient.from(dynamo.client);
  const pageLead = "bench-lead-00000";
  await seed(documents, tableName, [
    ...Array.from({ length: LEADS }, (_, i) => leadItem(i)),
    ...Array.from({ length: CALL_BACKS }, (_, i) => callBackItem(i)),
    ...historyItems(pageLead),
  ]);
  const handler = createHttpApiHandler(deps, apiRoutes);

  const queue = async () => {
    const answer = await handler(httpEvent("GET", "/api/console/queue", undefined, AS_REP));
    if (answer.statusCode === 200 && JSON.parse(String(answer.body)).items.length !== CALL_BACKS) throw new Error("queue: not every call-back came back");
    return answer;
  };
  const leadPage = async () => {
    const answer = await handler(httpEvent("GET", `/api/leads/${pageLead}`, undefined, AS_REP));
    if (answer.statusCode === 200 && JSON.parse(String(answer.body)).events.length !== EVENTS) throw new Error("lead page: not every event came back");
    return answer;
  };

  for (const [name, call, label] of [
    ["queue", queue, `console queue ${CALL_BACKS} call-backs, ${LEADS} leads`],
    ["lead page", leadPage, `console lead page ${EVENTS} events`],
  ] as const) {
    for (let i = 0; i < 10; i++) await call(); // warm-up: JIT (ours and DynamoDB Local's), connections
    dynamo.reset();
    const { latencies, statuses } = await runClients(1, CALLS, () => call());
    if ((statuses.get(200) ?? 0) !== CALLS) throw new Error(`${name}: statuses ${JSON.stringify([...statuses])}`);
    print(`${label}: p50=${ms(percentile(latencies, 50))} ms p99=${ms(percentile(latencies, 99))} ms`);
    print(`dynamodb requests per ${name} call: ${requestsPer(dynamo, CALLS)}`);
  }
}
