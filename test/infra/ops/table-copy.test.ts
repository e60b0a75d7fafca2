// The restore drill on DynamoDB Local: a table with bookings, webinars and timers exported to JSON lines and
// imported into a new table holds the same items, and the product reads its bookings from the copy.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportTable, importTable } from "../../../infra/ops/table-copy";
import { ensureTable } from "../../../infra/local/create-table";
import { TestClock } from "../../support/lifecycle-harness";
import { createTestApi } from "../../support/test-api";
import { dynamoDbEndpoint } from "../../support/engines";

async function scanAll(client: DynamoDBClient, tableName: string) {
  const items = (await DynamoDBDocumentClient.from(client).send(new ScanCommand({ TableName: tableName, ConsistentRead: true }))).Items ?? [];
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

describe("exporting and importing the table", () => {
  it("copies every item exactly, and a booking's manage link reads it from the copy", async () => {
    const clock = new TestClock(new Date("2026-11-30T06:00:00Z"));
    const api = await createTestApi({ clock });
    const booked = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Rita Restore", email: `rita.${Date.now()}@restore.example`, timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    const sessions = (await api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions;
    await api.call("POST", `/api/webinars/${sessions[0].id}/registrations`, { name: "Rhea Restore", email: `rhea.${Date.now()}@restore.example`, timeZone: "UTC", consent: true, colleagues: [] });

    const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
    const lines: string[] = [];
    const exported = await exportTable(client, api.tableName, (line) => void lines.push(line));
    expect(exported).toBe((await scanAll(client, api.tableName)).length);
    expect(exported).toBeGreaterThan(10);

    const copy = `restore-${randomUUID()}`;
    await ensureTable(client, copy);
    expect(await importTable(client, copy, lines)).toBe(exported);
    expect(await scanAll(client, copy)).toEqual(await scanAll(client, api.tableName));

    // The restored table serves the product: the same booking reads back through the API.
    const restored = await createTestApi({ clock });
    await importTable(client, restored.tableName, lines);
    const manageUrl = new URL(booked.json.manageUrl);
    const token = manageUrl.searchParams.get("token") ?? new URLSearchParams(manageUrl.hash.slice(1)).get("token");
    const original = await api.call("GET", `/api/bookings/${booked.json.id}?token=${encodeURIComponent(token!)}`);
    const fromCopy = await restored.call("GET", `/api/bookings/${booked.json.id}?token=${encodeURIComponent(token!)}`);
    expect(original.status).toBe(200);
    expect(fromCopy.status).toBe(200);
    expect(fromCopy.json).toEqual(original.json);
  });
});
