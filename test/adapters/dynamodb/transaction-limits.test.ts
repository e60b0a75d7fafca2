// The item counts the config check relies on, held to the transactions the stores really write on
// DynamoDB Local (which refuses more than 100 items, as DynamoDB does): an offering at the limit books,
// moves and cancels, and a webinar registration with the most colleagues goes through.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import {
  MAX_TRANSACTION_ITEMS,
  MAX_WEBINAR_COLLEAGUES,
  demoBookingItems,
  demoCancelItems,
  demoRescheduleItems,
  maxDemoBlockedMinutes,
  registrationItems,
  type DemoTransactionShape,
} from "../../../functions/adapters/dynamodb/transaction-limits";
import { itemKeys } from "../../../functions/adapters/dynamodb/item-keys";
import { createTestApi, defaultConfig, firstDemo } from "../../support/test-api";
import { registerAndRead } from "../../support/webinar-registration";
import { tokenOf } from "../../support/lifecycle-harness";
import { dynamoDbEndpoint } from "../../support/engines";

/** A DynamoDB client that notes the size of every TransactWriteItems it sends. */
function countingClient() {
  const transactions: { size: number; text: string }[] = [];
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint(), region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  client.middlewareStack.add(
    (next) => async (args) => {
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
      if (items) transactions.push({ size: items.length, text: JSON.stringify(items) });
      return next(args);
    },
    { step: "initialize", name: "countTransactItems" },
  );
  /** Sizes of the transactions that write this record (a booking's or a registration's), in order. */
  const sizesWriting = (key: { pk: string; sk: string }) => {
    const record = new RegExp(`"pk":(\\{"S":)?"${key.pk}"\\}?,"sk":(\\{"S":)?"${key.sk}"`);
    return transactions.filter((t) => record.test(t.text)).map((t) => t.size);
  };
  return { client, transactions, sizesWriting };
}

describe("transaction sizes", () => {
  it("a two-pool demo with colleagues at the length limit books, moves to other reps and cancels, each in one transaction of the counted size", async () => {
    const colleagues = 10;
    const blockedMinutes = maxDemoBlockedMinutes({ participants: 2, colleagues });
    const shape: DemoTransactionShape = { blockedMinutes, participants: 2, colleagues };
    expect(demoRescheduleItems(shape)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    expect(demoRescheduleItems({ ...shape, blockedMinutes: blockedMinutes + 5 })).toBeGreaterThan(MAX_TRANSACTION_ITEMS);

    const config = defaultConfig();
    const rep = config.reps[0]!;
    // Hours that start off the 5-minute grid: every demo touches one cell more (the worst case counted).
    const tue = { tue: ["09:02-17:00"] };
    const wed = { wed: ["09:02-17:00"] };
    config.reps = [
      { ...rep, id: "ana", email: "ana@acme-analytics.example", timeZone: "UTC", workingHours: tue },
      { ...rep, id: "ben", email: "ben@acme-analytics.example", timeZone: "UTC", workingHours: wed },
      { ...rep, id: "cho", email: "cho@acme-analytics.example", timeZone: "UTC", workingHours: tue },
      { ...rep, id: "dan", email: "dan@acme-analytics.example", timeZone: "UTC", workingHours: wed },
    ];
    Object.assign(firstDemo(config), {
      durationMinutes: blockedMinutes - 15,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 5,
      slotIntervalMinutes: 30,
      maxColleagues: colleagues,
      reps: ["ana", "ben"],
      secondPool: { reps: ["cho", "dan"], label: "Solutions engineer" },
    });
    const counting = countingClient();
    const api = await createTestApi({ clock: { now: () => new Date("2026-11-30T06:00:00Z") }, config, dynamoDb: counting.client });

    const booked = await api.call(
      "POST",
      "/api/bookings",
      { offering: "live-demo", start: "2026-12-01T09:02:00Z", name: "Pat", email: "pat@prospect.example", timeZone: "UTC", consent: true, colleagues: Array.from({ length: colleagues }, (_, i) => `colleague${i}@prospect.example`) },
      { "Idempotency-Key": "limit-booking" },
    );
    expect(booked.status).toBe(201);
    const bookingKey = itemKeys.booking(booked.json.id);
    expect(counting.sizesWriting(bookingKey)[0]).toBe(demoBookingItems(shape));

    // Ana and Cho do not work Wednesdays: Ben and Dan take over, every old cell is freed, every new one claimed.
    const moved = await api.call("POST", `/api/bookings/${booked.json.id}/reschedule`, { token: tokenOf(booked.json.manageUrl), start: "2026-12-02T09:02:00Z" });
    expect(moved.status).toBe(200);
    const record = (await api.itemsWithPrefix(bookingKey.pk)).find((item) => item.sk === "BOOKING");
    expect(record).toMatchObject({ repId: "ben", secondRepId: "dan" });
    // The largest of the three: 5 minutes more would not fit (asserted above).
    expect(counting.sizesWriting(bookingKey)[1]).toBe(demoRescheduleItems(shape));

    const cancelled = await api.call("POST", `/api/bookings/${booked.json.id}/cancel`, { token: tokenOf(moved.json.manageUrl) });
    expect(cancelled.status).toBe(200);
    expect(counting.sizesWriting(bookingKey)[2]).toBe(demoCancelItems(shape));
    expect(counting.transactions.every((t) => t.size <= MAX_TRANSACTION_ITEMS)).toBe(true);
  });

  it("a webinar registration with the most colleagues the config allows is one transaction of the counted size", async () => {
    const config = defaultConfig();
    const webinar = config.offerings.find((offering) => offering.kind === "webinar")!;
    if (webinar.kind !== "webinar") throw new Error("the default config has a webinar");
    webinar.maxColleagues = MAX_WEBINAR_COLLEAGUES;
    const counting = countingClient();
    const api = await createTestApi({ clock: { now: () => new Date("2026-11-30T06:00:00Z") }, config, dynamoDb: counting.client });
    const response = await registerAndRead(api, "weekly-webinar-20261201T1600Z", {
      name: "Pat",
      email: "pat@prospect.example",
      timeZone: "UTC",
      consent: true,
      colleagues: Array.from({ length: MAX_WEBINAR_COLLEAGUES }, (_, i) => `colleague${i}@prospect.example`),
    });
    expect(response.status).toBe(202);
    expect(response.json.seats).toBe(MAX_WEBINAR_COLLEAGUES + 1);
    const sizes = counting.sizesWriting(itemKeys.registration(response.json.id));
    expect(sizes[0]).toBe(registrationItems(MAX_WEBINAR_COLLEAGUES + 1));
    // One more person would not fit.
    expect(registrationItems(MAX_WEBINAR_COLLEAGUES + 2)).toBeGreaterThan(MAX_TRANSACTION_ITEMS);
  });
});
