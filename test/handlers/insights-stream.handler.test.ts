// The insights aggregator on DynamoDB Local's change stream: the local stream runner hands the handler the
// event AWS would send; counters follow the lead log, a redelivered batch counts once, a failing lead is
// reported and retried, and an erased lead leaves the counters.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import type { Lead, LeadEvent } from "../../functions/core/bookings/booking";
import { DynamoDbInsightsStore } from "../../functions/adapters/dynamodb/insights-store.dynamodb";
import { speedBucket } from "../../functions/core/insights/insights";
import { createInsightsStreamHandler } from "../../functions/handlers/insights-stream.handler";
import type { DynamoDBStreamEvent } from "../../functions/handlers/dynamodb-stream-types";
import type { InsightsStore } from "../../functions/ports/insights-store";
import { startStreamRunner, type StreamRunner } from "../../infra/local/stream-runner";
import { createTestApi, type TestApi } from "../support/test-api";
import { dynamoDbEndpoint } from "../support/engines";

const silent = () => undefined;
const runners: StreamRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

function newLead(id: string, createdAt: string): Lead {
  return { id, prospect: { name: "Pat", email: `${id}@initech.example` }, timeZone: "Europe/Paris", offeringId: "live-demo", routing: { rule: null, pool: ["maya"] }, consentAt: createdAt, createdAt };
}

async function history(api: TestApi, leadId: string) {
  await api.deps.store.saveLead(newLead(leadId, "2026-12-01T09:00:00.000Z"), []);
  const events: LeadEvent[] = [
    { leadId, at: "2026-12-01T09:20:00.000Z", kind: "call_attempt", ref: "p1", data: { outcome: "voicemail", repId: "maya" } },
    { leadId, at: "2026-12-01T11:20:00.000Z", kind: "call_attempt", ref: "p2", data: { outcome: "reached", repId: "maya" } },
  ];
  await api.deps.leadLog.append(events);
}

async function setUp(wrap: (store: InsightsStore) => InsightsStore = (store) => store) {
  const api = await createTestApi();
  const store = new DynamoDbInsightsStore(api.documents, api.tableName);
  const delivered: DynamoDBStreamEvent[] = [];
  const handler = createInsightsStreamHandler(wrap(store), silent);
  const runner = startStreamRunner({
    dynamoDb: new DynamoDBClient({ endpoint: dynamoDbEndpoint() }),
    tableName: api.tableName,
    intervalMs: 60_000,
    retryPauseMs: 10,
    handler: async (event) => {
      delivered.push(event);
      return handler(event);
    },
  });
  runners.push(runner);
  const team = async () => {
    const sum: Record<string, number> = {};
    for (const row of await store.counterRows("ALL", "2026-11-30T00:00", "2026-12-03T00:00")) {
      for (const [name, value] of Object.entries(row.counters)) if (value !== 0) sum[name] = (sum[name] ?? 0) + value;
    }
    return sum;
  };
  return { api, store, handler, runner, delivered, team };
}

// Reached 140 minutes after the request: bucket (120, 180].
const EXPECTED = { requests: 1, reached: 1, within1d: 1, [`s${speedBucket(140)}`]: 1, calls: 2, callsReached: 1, voicemails: 1 };

describe("insights aggregator on the change stream", () => {
  it("counts a lead's log from the stream, in the event shape AWS sends, and a redelivered batch counts once", async () => {
    const { api, handler, runner, delivered, team } = await setUp();
    await history(api, "lead-a");
    expect(await runner.drain()).toBeGreaterThan(0);
    expect(await team()).toEqual(EXPECTED);

    const record = delivered.flatMap((event) => event.Records).find((r) => r.dynamodb.Keys.sk?.S?.startsWith("EVENT#"))!;
    expect(record).toMatchObject({ eventSource: "aws:dynamodb", eventName: "INSERT", awsRegion: expect.any(String), eventSourceARN: expect.stringContaining(api.tableName) });
    expect(record.dynamodb).toMatchObject({ Keys: { pk: { S: "LEAD#lead-a" } }, NewImage: { kind: { S: "requested" }, entity: { S: "lead-event" } }, SequenceNumber: expect.any(String), StreamViewType: "NEW_IMAGE" });

    for (const event of delivered.splice(0)) expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(await team()).toEqual(EXPECTED);
  });

  it("reports a lead that failed as a batch item failure, is delivered again from it, and counts it once", async () => {
    let failures = 1;
    const { api, runner, delivered, team } = await setUp((store) => ({
      ...store,
      leadHistory: (leadId) => store.leadHistory(leadId),
      snapshot: (leadId) => store.snapshot(leadId),
      counterRows: (...args) => store.counterRows(...args),
      eachSnapshot: (visit) => store.eachSnapshot(visit),
      applyLeadRows: async (leadId, previous, next) => {
        if (leadId === "lead-b" && failures-- > 0) throw new Error("throttled");
        return store.applyLeadRows(leadId, previous, next);
      },
    }));
    await history(api, "lead-c");
    await history(api, "lead-b");
    await runner.drain();
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const firstOfB = delivered[0]!.Records.find((r) => r.dynamodb.Keys.pk?.S === "LEAD#lead-b")!.dynamodb.SequenceNumber;
    expect(delivered[1]!.Records[0]!.dynamodb.SequenceNumber).toBe(firstOfB);
    const twice = Object.fromEntries(Object.entries(EXPECTED).map(([name, value]) => [name, 2 * value]));
    expect(await team()).toEqual(twice);
  });

  it("counts every lead of a batch exactly when their transactions add to the same counter items at once", async () => {
    const api = await createTestApi();
    const store = new DynamoDbInsightsStore(api.documents, api.tableName);
    const handler = createInsightsStreamHandler(store, silent);
    // More leads than the handler brings up to date at once (8), in one quarter hour, rep and offering: every
    // lead's transaction adds to the same counter items.
    const leadIds = Array.from({ length: 10 }, (_, index) => `hot-${index}`);
    for (const leadId of leadIds) await history(api, leadId);
    const records = leadIds.map((leadId, index) => ({
      eventID: `e${index}`,
      eventName: "INSERT" as const,
      eventVersion: "1.1",
      eventSource: "aws:dynamodb" as const,
      awsRegion: "us-east-1",
      eventSourceARN: "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/s",
      dynamodb: { Keys: { pk: { S: `LEAD#${leadId}` }, sk: { S: "LEAD" } }, SequenceNumber: String(1000 + index) },
    }));
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    const sum: Record<string, number> = {};
    for (const row of await store.counterRows("ALL", "2026-11-30T00:00", "2026-12-03T00:00")) {
      for (const [name, value] of Object.entries(row.counters)) sum[name] = (sum[name] ?? 0) + value;
    }
    expect(sum).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([name, value]) => [name, leadIds.length * value])));
  }, 120_000);

  it("takes an erased lead's figures out of the counters", async () => {
    const { api, runner, team } = await setUp();
    await history(api, "lead-d");
    await runner.drain();
    expect(await team()).toEqual(EXPECTED);
    for (const item of await api.itemsWithPrefix("LEAD#lead-d")) {
      await api.documents.send(new DeleteCommand({ TableName: api.tableName, Key: { pk: item.pk, sk: item.sk } }));
    }
    await runner.drain();
    expect(await team()).toEqual({});
  });
});
