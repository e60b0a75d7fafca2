// Bench: insights at scale on DynamoDB Local — a lead log of 100,000 leads over 90 days and 50 reps (written
// straight to the table, as the app stores them), the aggregator's throughput on the stream records of the
// first leads' writes, the rebuild's time from it all, reading 90 days by week for the team and by rep (p50
// and DynamoDB requests per call: one Query per series, whatever the lead count).
// BENCH_INSIGHTS_LEADS scales the lead count down.

import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbInsightsStore } from "../../functions/adapters/dynamodb/insights-store.dynamodb";
import { leadEventRecord } from "../../functions/adapters/dynamodb/lead-log-records";
import { itemKeys } from "../../functions/adapters/dynamodb/item-keys";
import type { LeadEvent } from "../../functions/core/bookings/booking";
import { bucketRange } from "../../functions/core/insights/insights-report";
import type { DynamoDBStreamRecord } from "../../functions/handlers/dynamodb-stream-types";
import { createInsightsStreamHandler } from "../../functions/handlers/insights-stream.handler";
import { insightsReport, type InsightsRequest } from "../../functions/use-cases/insights/insights-report";
import { rebuildInsights } from "../../infra/ops/insights-rebuild";
import { benchDependencies, ms, percentile, type BenchEngines, type CountingClient } from "./bench-engines";

const LEADS = Number(process.env.BENCH_INSIGHTS_LEADS ?? 100_000);
const REPS = Array.from({ length: 50 }, (_, i) => `rep-${i}`);
const OFFERINGS = ["live-demo", "team-demo"];
const SOURCES = ["google", "newsletter", "linkedin", undefined];
const OUTCOMES = ["reached", "voicemail", "no_answer", "voicemail", "reached", "not_interested", "wrong_number"];
const DAYS = 90;
const START = Date.parse("2026-09-01T00:00:00Z");
const MINUTE = 60_000;
const READS = 21;
/** Leads whose writes the aggregator is timed on (their log's records, as the stream delivers them). */
const AGGREGATED_LEADS = Math.min(LEADS, 2_000);
/** Records per invocation: the event source mapping's batch size (infra/lib). */
const STREAM_BATCH = 100;

/** A deterministic stream of numbers in [0, 1): the same history every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One lead and its log as the app writes them: requested; maybe booked, attended or not; calls; maybe converted. */
function leadItems(index: number, next: () => number): Record<string, unknown>[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const id = `bench-lead-${index}`;
  const created = START + Math.floor(next() * DAYS * 24 * 60) * MINUTE;
  const at = (minutes: number) => new Date(created + minutes * MINUTE).toISOString();
  const rep = pick(REPS);
  const offeringId = pick(OFFERINGS);
  const utmSource = pick(SOURCES);
  const createdAt = at(0);
  const lead = {
    ...itemKeys.lead(id),
    entity: "lead",
    id,
    prospect: { name: `Bench Lead ${index}`, email: `lead-${index}@bench.example` },
    timeZone: "America/Chicago",
    offeringId,
    routing: { rule: null, pool: [rep] },
    consentAt: createdAt,
    createdAt,
    ...(utmSource ? { source: { utmSource } } : {}),
  };
  const events: LeadEvent[] = [{ leadId: id, at: createdAt, kind: "requested", data: { offeringId } }];
  if (next() < 0.5) {
    const bookingId = `${id}-b`;
    const start = 60 * 24 + Math.floor(next() * 60 * 48);
    events.push({ leadId: id, at: at(5 + Math.floor(next() * 60)), kind: "booked", ref: bookingId, data: { bookingId, repId: rep, start: at(start), offeringId } });
    events.push({ leadId: id, at: at(start + 40), kind: next() < 0.75 ? "attended" : "no_show", ref: bookingId, data: { bookingId } });
  } else {
    events.push({ leadId: id, at: at(15), kind: "call_prompted", ref: "lead.1", data: { repId: rep } });
  }
  const calls = 1 + Math.floor(next() * 2);
  for (let call = 1; call <= calls; call++) {
    const outcome = pick(OUTCOMES);
    events.push({ leadId: id, at: at(20 + call * 60 * 24), kind: "call_attempt", ref: `lead.${call}`, data: { outcome, repId: rep } });
    if (outcome === "reached" && next() < 0.3) events.push({ leadId: id, at: at(20 + call * 60 * 24), kind: "converted", ref: `lead.${call}` });
  }
  return [lead, ...events.map(leadEventRecord)];
}

/** BatchWriteItem, 25 items a request, 16 at once; unprocessed items again. */
async function writeItems(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      let pending = items.slice(next, (next += 25)).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] as typeof pending | undefined) ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Writes the leads in chunks (so the whole log is never in memory at once); returns the items written. */
async function seed(doc: DynamoDBDocumentClient, tableName: string, leads: number, seedValue: number): Promise<number> {
  const next = random(seedValue);
  let written = 0;
  for (let start = 0; start < leads; start += 2_000) {
    const items = Array.from({ length: Math.min(2_000, leads - start) }, (_, i) => leadItems(start + i, next)).flat();
    await writeItems(doc, tableName, items);
    written += items.length;
  }
  return written;
}

/** The stream records of items written (keys only: the handler reads the lead's log itself), one shard's order. */
function streamRecords(items: readonly Record<string, unknown>[]): DynamoDBStreamRecord[] {
  return items.map((item, index) => ({
    eventID: `bench-${index}`,
    eventName: "INSERT",
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:dynamodb:us-east-1:000000000000:table/bench/stream/bench",
    dynamodb: { Keys: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } }, SequenceNumber: String(100_000_000_000 + index), StreamViewType: "NEW_IMAGE" },
  }));
}

/**
 * The aggregator handler on the first leads' records in the mapping's batches, one after the other as one
 * shard delivers them, before any counter exists (so every lead's contribution is written, none skipped).
 */
async function aggregatorThroughput(doc: DynamoDBDocumentClient, tableName: string): Promise<{ events: number; seconds: number }> {
  const next = random(1); // the seed's own sequence: the same first leads
  const items = Array.from({ length: AGGREGATED_LEADS }, (_, index) => leadItems(index, next)).flat();
  const records = streamRecords(items);
  const handler = createInsightsStreamHandler(new DynamoDbInsightsStore(doc, tableName), () => undefined);
  const started = performance.now();
  for (let start = 0; start < records.length; start += STREAM_BATCH) {
    const answer = await handler({ Records: records.slice(start, start + STREAM_BATCH) });
    if (answer.batchItemFailures.length > 0) throw new Error("the aggregator failed a batch");
  }
  return { events: records.length, seconds: (performance.now() - started) / 1000 };
}

async function timedReads(dynamo: CountingClient, read: () => Promise<unknown>): Promise<{ p50: number; requests: number }> {
  const latencies: number[] = [];
  let requests = 0;
  await read(); // warm up
  for (let run = 0; run < READS; run++) {
    dynamo.reset();
    const started = performance.now();
    await read();
    latencies.push(performance.now() - started);
    requests = Math.max(requests, dynamo.total());
  }
  return { p50: percentile(latencies.sort((a, b) => a - b), 50), requests };
}

export async function benchInsights(engines: BenchEngines, print: (line: string) => void): Promise<void> {
  const scaled = LEADS === 100_000 ? "" : ` (scaled down from 100,000 by BENCH_INSIGHTS_LEADS)`;
  const { deps, tableName, dynamo } = await benchDependencies(engines, { clock: { now: () => new Date(START + DAYS * 24 * 60 * MINUTE) } });
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  const seeded = performance.now();
  const items = await seed(doc, tableName, LEADS, 1);
  print(`insights seed ${LEADS} leads: ${items} items in ${((performance.now() - seeded) / 1000).toFixed(0)} s${scaled}`);

  const aggregated = await aggregatorThroughput(doc, tableName);
  print(`insights aggregator: ${Math.round(aggregated.events / aggregated.seconds)} events/s over ${aggregated.events} events (${AGGREGATED_LEADS} leads, batches of ${STREAM_BATCH}, one shard)`);

  const rebuilt = await rebuildInsights(doc, tableName);
  print(`insights rebuild ${rebuilt.leads} leads (${rebuilt.events} events, ${rebuilt.counterItems} counter items): ${rebuilt.seconds.toFixed(1)} s${scaled}`);

  const from = "2026-09-01";
  const to = "2026-11-29";
  const request = (groupBy: InsightsRequest["groupBy"]): InsightsRequest => ({ from, to, timeZone: "UTC", groupBy, repIds: REPS, offeringIds: OFFERINGS });
  const range = bucketRange(from, to, "UTC");
  const team = await timedReads(dynamo, () => insightsReport(deps.insights, request("week"), range));
  const byRep = await timedReads(dynamo, () => insightsReport(deps.insights, request("rep"), range));
  const check = await insightsReport(deps.insights, request("week"), range);
  if (check.totals.contactRequests !== LEADS) throw new Error(`read ${check.totals.contactRequests} requests of ${LEADS}`);
  print(`insights ${DAYS} days x ${REPS.length} reps over ${LEADS} leads: team by week p50=${ms(team.p50)} ms, ${team.requests} DynamoDB requests per call; by rep p50=${ms(byRep.p50)} ms, ${byRep.requests} requests per call${scaled}`);
}
