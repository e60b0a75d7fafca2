// The webhook function's side of the table's stream: which records become webhook sources (new leads and
// the log events the catalogue maps; never a modified lead or a mail-sent event), the same test as the
// stack's event source mapping filters, and a batch that cannot be stored is reported failed for redelivery.
import { marshall } from "@aws-sdk/util-dynamodb";
import { describe, expect, it } from "vitest";
import type { DynamoDBStreamRecord } from "../../functions/handlers/dynamodb-stream-types";
import { createWebhookStreamHandler, WEBHOOK_STREAM_FILTERS, webhookSources } from "../../functions/handlers/webhook-stream";
import type { UseCaseDependencies } from "../../functions/use-cases/use-case-dependencies";

let sequence = 100;
function record(eventName: DynamoDBStreamRecord["eventName"], item: Record<string, unknown>): DynamoDBStreamRecord {
  sequence++;
  return {
    eventID: String(sequence),
    eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:dynamodb:us-east-1:000000000000:table/liveline/stream/x",
    dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }), NewImage: marshall(item, { removeUndefinedValues: true }), SequenceNumber: String(sequence) },
  };
}

const lead = { pk: "LEAD#l1", sk: "LEAD", entity: "lead", id: "l1", prospect: { name: "Ada", email: "ada@example.com" }, timeZone: "UTC", offeringId: "live-demo", createdAt: "2026-12-07T10:00:00.000Z" };
const booked = { pk: "LEAD#l1", sk: "EVENT#2026-12-07T10:00:00.000Z#booked#b1", entity: "lead-event", leadId: "l1", at: "2026-12-07T10:00:00.000Z", kind: "booked", ref: "b1", data: { bookingId: "b1" } };
const inviteSent = { ...booked, sk: "EVENT#x#invite_sent#", kind: "invite_sent" };

/** The filter as the event source mapping applies it: every named attribute's value among the listed ones. */
function passesFilter(candidate: DynamoDBStreamRecord): boolean {
  return WEBHOOK_STREAM_FILTERS.some(
    (filter) => filter.eventName.includes(candidate.eventName) && Object.entries(filter.dynamodb.NewImage).every(([name, { S }]) => S.includes(candidate.dynamodb.NewImage?.[name]?.S ?? "")),
  );
}

describe("the webhook stream", () => {
  it("takes new leads and the mapped log events only, as the mapping's filter does", () => {
    const records = [record("INSERT", lead), record("MODIFY", lead), record("INSERT", booked), record("INSERT", inviteSent), record("INSERT", { pk: "BOOKING#b1", sk: "BOOKING", entity: "booking" })];
    const sources = webhookSources(records);
    expect(sources.map(({ source }) => source.kind)).toEqual(["lead-created", "lead-event"]);
    expect(sources[0]!.source).toEqual({ kind: "lead-created", lead: { id: "l1", prospect: { name: "Ada", email: "ada@example.com" }, timeZone: "UTC", offeringId: "live-demo", createdAt: "2026-12-07T10:00:00.000Z" } });
    expect(records.map(passesFilter)).toEqual([true, false, true, false, false]);
  });

  it("reports the batch failed when its deliveries cannot be stored", async () => {
    const logged: string[] = [];
    const deps = {
      webhooks: { endpointIds: ["crm"], endpoints: async () => [{ id: "crm", url: "http://127.0.0.1:9/", secret: "whsec_x" }] },
      store: {
        getLead: async () => {
          throw new Error("table unreachable");
        },
      },
      log: (_level: string, message: string) => logged.push(message),
    } as unknown as UseCaseDependencies;
    const records = [record("INSERT", booked), record("INSERT", { ...booked, sk: "EVENT#y#booked#b2", ref: "b2" })];
    expect(await createWebhookStreamHandler(deps)({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: records[0]!.dynamodb.SequenceNumber }] });
    expect(logged).toEqual(["webhook deliveries not stored; the batch is delivered again"]);
  });
});
