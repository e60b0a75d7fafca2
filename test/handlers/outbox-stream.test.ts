// The outbox's change feed: a booking's request path sends nothing; the table's stream hands the new items to
// the outbox handler, which performs each once — however often the stream delivers it, and whether the
// sweep got there first.
import { freshSolution } from "../support/proof-of-work";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { createOutboxStreamHandler, newOutboxItems } from "../../functions/handlers/outbox-stream";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import type { DynamoDBStreamRecord } from "../../functions/handlers/dynamodb-stream-types";
import type { Mailer, OutgoingEmail } from "../../functions/ports/mailer";
import { sweepOutbox } from "../../functions/use-cases/messages/process-outbox";
import { startStreamRunner } from "../../infra/local/stream-runner";
import { TestClock } from "../support/lifecycle-harness";
import { createTestApi, httpEvent, type TestApi } from "../support/test-api";

const ONLY_MAYA = "2026-12-01T11:00:00-06:00";
let counter = 0;

function booking() {
  counter++;
  return { offering: "live-demo", start: ONLY_MAYA, name: "Jane Doe", email: `feed.${counter}.${Date.now()}@globex.example`, company: "Globex", timeZone: "Europe/Paris", consent: true };
}

function recordingMailer(sent: OutgoingEmail[]) {
  return (mailer: Mailer): Mailer => ({
    send: async (email) => {
      const result = await mailer.send(email);
      sent.push(email);
      return result;
    },
  });
}

/** A request through the API handler alone: no stream delivery afterwards. */
async function requestPathOnly(api: TestApi, body: object) {
  // A public write: with a solution of a real challenge, as the page sends it.
  const altcha = await freshSolution((path) => api.call("GET", path), api.deps);
  const result = await createHttpApiHandler(api.deps, apiRoutes)(httpEvent("POST", "/api/bookings", { ...body, altcha }));
  return { status: result.statusCode, json: JSON.parse(result.body ?? "{}") };
}

/** A second reader of the same stream from its start: what a redelivered batch looks like to the handler. */
function redelivery(api: TestApi) {
  return startStreamRunner({ dynamoDb: new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB }), tableName: api.tableName, handler: createOutboxStreamHandler(api.deps), intervalMs: 3_600_000 });
}

describe("outbox change feed", () => {
  const clock = new TestClock(new Date("2026-11-30T06:00:00Z"));
  const sent: OutgoingEmail[] = [];
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ clock, wrapMailer: recordingMailer(sent) });
  });

  it("answers a booking without sending anything; the stream's delivery sends each invitation once, and a redelivery sends none again", async () => {
    const body = booking();
    const before = sent.length;
    const answer = await requestPathOnly(api, body);
    expect(answer.status).toBe(201);
    expect(sent.length).toBe(before);
    const outbox = (await api.itemsWithPrefix(`BOOKING#${answer.json.id}`)).filter((item) => item.entity === "outbox");
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((item) => item.status === "pending")).toBe(true);

    await api.deliverOutbox();
    const toProspect = sent.slice(before).filter((email) => email.to === body.email);
    expect(toProspect).toHaveLength(1);
    const performed = (await api.itemsWithPrefix(`BOOKING#${answer.json.id}`)).filter((item) => item.entity === "outbox");
    expect(performed.every((item) => item.status === "done")).toBe(true);

    const again = redelivery(api);
    try {
      expect(await again.drain()).toBeGreaterThan(0);
    } finally {
      await again.stop();
    }
    expect(sent.slice(before).filter((email) => email.to === body.email)).toHaveLength(1);
  });

  it("leaves an item the sweep already took to the sweep: the late stream delivery sends nothing", async () => {
    const body = booking();
    const answer = await requestPathOnly(api, { ...body, start: "2026-12-01T11:30:00-06:00" });
    expect(answer.status).toBe(201);
    // The stream is late: past the creator's grace time the sweep performs the items.
    clock.advance(3);
    expect(await sweepOutbox(api.deps)).toBeGreaterThan(0);
    expect(sent.filter((email) => email.to === body.email)).toHaveLength(1);
    await api.deliverOutbox();
    expect(sent.filter((email) => email.to === body.email)).toHaveLength(1);
  });
});

describe("outbox stream handler", () => {
  const image = (entity: string) => ({ entity: { S: entity }, item: { M: { type: { S: "release" }, key: { S: "k" }, owner: { M: { kind: { S: "booking" }, id: { S: "b1" } } }, repId: { S: "maya" }, demo: { M: {} } } } });
  const record = (eventName: DynamoDBStreamRecord["eventName"], entity: string, sequenceNumber: string): DynamoDBStreamRecord => ({
    eventID: sequenceNumber,
    eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x",
    dynamodb: { Keys: { pk: { S: "BOOKING#b1" }, sk: { S: "OUTBOX#k" } }, NewImage: image(entity), SequenceNumber: sequenceNumber },
  });

  it("takes only inserts of outbox items, in stream order, with the item as written", () => {
    const items = newOutboxItems([record("MODIFY", "outbox", "1"), record("INSERT", "booking", "2"), record("INSERT", "outbox", "3")]);
    expect(items).toEqual([{ sequenceNumber: "3", item: { type: "release", key: "k", owner: { kind: "booking", id: "b1" }, repId: "maya", demo: {} } }]);
  });

  it("reports the batch's first new item as failed when the items cannot be claimed (the table unreachable), so the batch comes again", async () => {
    const logged: string[] = [];
    const deps = {
      clock: { now: () => new Date() },
      outbox: { claimNew: async () => Promise.reject(new Error("ECONNREFUSED")) },
      log: (_level: string, message: string) => logged.push(message),
    };
    const handle = createOutboxStreamHandler(deps as never);
    const answer = await handle({ Records: [record("INSERT", "booking", "1"), record("INSERT", "outbox", "2"), record("INSERT", "outbox", "3")] });
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: "2" }] });
    expect(logged).toContain("new outbox items not performed; the batch is delivered again");
  });
});
