// Operations: recompute every insights counter from the lead log — after a fix to how figures are counted,
// after failed stream batches (the InsightsFailures queue), or to backfill. Reads the whole table once
// (parallel Scan), sums every lead's contribution with the same function the aggregator uses
// (core/insights/insights.ts), then writes the counters and the per-lead snapshots whole and deletes counters and
// snapshots nothing backs any more. Run it while the aggregator is quiet (in AWS: disable the event source
// mapping, rebuild, enable it): a change counted between the Scan and the writes would be overwritten.

import { ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { batchWriteAll, type WriteRequest } from "../../functions/adapters/dynamodb/batches";
import type { LeadEvent } from "../../functions/core/bookings/booking";
import { addRows, leadContribution, parseCounterRowKey, type CounterRows, type InsightsLead } from "../../functions/core/insights/insights";
import { itemKeys } from "../../functions/adapters/dynamodb/item-keys";

export interface RebuildResult {
  leads: number;
  events: number;
  counterItems: number;
  deleted: number;
  seconds: number;
}

const SEGMENTS = 4;
const WRITE_CONCURRENCY = 8;
const COUNTER_PREFIX = itemKeys.insightsCounter("", "").pk;
const SNAPSHOT_PREFIX = itemKeys.leadInsights("").pk;

interface Scanned {
  leads: Map<string, { lead?: InsightsLead; events: LeadEvent[] }>;
  counterKeys: Set<string>;
  snapshotVersions: Map<string, number>;
}

export async function rebuildInsights(client: DynamoDBDocumentClient, tableName: string): Promise<RebuildResult> {
  const started = performance.now();
  const scanned: Scanned = { leads: new Map(), counterKeys: new Set(), snapshotVersions: new Map() };
  await Promise.all(Array.from({ length: SEGMENTS }, (_, segment) => scanSegment(client, tableName, segment, scanned)));

  const totals: CounterRows = {};
  const snapshots = new Map<string, CounterRows>();
  let events = 0;
  for (const [leadId, history] of scanned.leads) {
    events += history.events.length;
    const rows = leadContribution(history.lead, history.events);
    if (Object.keys(rows).length === 0) continue;
    addRows(totals, rows);
    snapshots.set(leadId, rows);
  }

  const writes: Record<string, unknown>[] = [];
  const keep = new Set<string>();
  for (const [rowKey, counters] of Object.entries(totals)) {
    const { scope, bucket } = parseCounterRowKey(rowKey);
    const key = itemKeys.insightsCounter(scope, bucket);
    keep.add(`${key.pk}|${key.sk}`);
    writes.push({ PutRequest: { Item: { ...key, entity: "insights-counter", ...counters } } });
  }
  for (const [leadId, rows] of snapshots) {
    writes.push({ PutRequest: { Item: { ...itemKeys.leadInsights(leadId), entity: "lead-insights", leadId, version: (scanned.snapshotVersions.get(leadId) ?? 0) + 1, rows } } });
  }
  let deleted = 0;
  for (const key of scanned.counterKeys) {
    if (keep.has(key)) continue;
    const at = key.indexOf("|");
    writes.push({ DeleteRequest: { Key: { pk: key.slice(0, at), sk: key.slice(at + 1) } } });
    deleted++;
  }
  for (const leadId of scanned.snapshotVersions.keys()) {
    if (snapshots.has(leadId)) continue;
    writes.push({ DeleteRequest: { Key: itemKeys.leadInsights(leadId) } });
    deleted++;
  }
  await writeAll(client, tableName, writes);
  return { leads: scanned.leads.size, events, counterItems: Object.keys(totals).length, deleted, seconds: (performance.now() - started) / 1000 };
}

async function scanSegment(client: DynamoDBDocumentClient, tableName: string, segment: number, scanned: Scanned): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Segment: segment,
        TotalSegments: SEGMENTS,
        // Only what the figures read: no names, addresses or notes leave the table.
        ProjectionExpression: "pk, sk, id, createdAt, offeringId, #source, leadId, #at, kind, #ref, #data.repId, #data.outcome, #data.bookingId, #data.#start, #data.#to, #data.offeringId, #data.sessionId, #data.invitedBy, #data.stayed, version",
        ExpressionAttributeNames: { "#source": "source", "#at": "at", "#ref": "ref", "#data": "data", "#start": "start", "#to": "to" },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) take(item, scanned);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

function take(item: Record<string, any>, scanned: Scanned): void {
  const pk: string = item.pk;
  if (pk.startsWith(COUNTER_PREFIX)) {
    scanned.counterKeys.add(`${pk}|${item.sk}`);
    return;
  }
  if (pk.startsWith(SNAPSHOT_PREFIX)) {
    scanned.snapshotVersions.set(pk.slice(SNAPSHOT_PREFIX.length), item.version ?? 0);
    return;
  }
  if (!pk.startsWith("LEAD#")) return;
  const leadId = pk.slice("LEAD#".length);
  const history = scanned.leads.get(leadId) ?? scanned.leads.set(leadId, { events: [] }).get(leadId)!;
  if (item.sk === "LEAD") history.lead = { id: item.id, createdAt: item.createdAt, offeringId: item.offeringId, ...(item.source ? { source: item.source } : {}) };
  else if (String(item.sk).startsWith("EVENT#")) history.events.push({ leadId, at: item.at, kind: item.kind, ref: item.ref || undefined, data: item.data });
}

/** BatchWriteItem, 25 at a time, a few batches at once (batchWriteAll sends an unprocessed part again). */
async function writeAll(client: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += 25) batches.push(requests.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      await batchWriteAll(client, tableName, batches[next++]!);
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
}
