// Tests: the one batch loop (functions/adapters/dynamodb/batches.ts). DynamoDB Local never leaves part of a
// batch unprocessed, so the client is mocked here only to inject that fault, and to see the requests' sizes.

import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { batchGetAll, batchWriteAll, unprocessedPauseMs } from "../../../functions/adapters/dynamodb/batches";
import { TryAgainLater } from "../../../functions/core/errors";

const documents = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "eu-west-1" }));
const keys = (count: number) => Array.from({ length: count }, (_, n) => ({ pk: `K#${n}`, sk: "S" }));
const noPause = { pauseMs: () => 0 };
type GetInput = { RequestItems: Record<string, { Keys: { pk: string }[]; ConsistentRead?: boolean }> };

beforeEach(() => documents.reset());

describe("batchGetAll", () => {
  it("reads 100 keys a request and returns every item found", async () => {
    documents.on(BatchGetCommand).callsFake((input: GetInput) => ({ Responses: { t: input.RequestItems.t!.Keys.map((key) => ({ ...key, found: true })) } }));
    const items = await batchGetAll(client, "t", keys(250), { consistentRead: true });
    expect(items.map((item) => item.pk).sort()).toEqual(keys(250).map((key) => key.pk).sort());
    const sent = documents.commandCalls(BatchGetCommand).map((call) => (call.args[0].input as GetInput).RequestItems.t!);
    expect(sent.map((request) => request.Keys.length)).toEqual([100, 100, 50]);
    expect(sent.every((request) => request.ConsistentRead === true)).toBe(true);
  });

  it("asks again for the keys DynamoDB left unprocessed until it has them all", async () => {
    let round = 0;
    documents.on(BatchGetCommand).callsFake((input: GetInput) => {
      const asked = input.RequestItems.t!.Keys;
      // First round: only the first key answered, the rest left unprocessed.
      const answered = round++ === 0 ? asked.slice(0, 1) : asked;
      return { Responses: { t: answered }, UnprocessedKeys: { t: { Keys: asked.slice(answered.length) } } };
    });
    const items = await batchGetAll(client, "t", keys(5), noPause);
    expect(items).toHaveLength(5);
    expect(documents.commandCalls(BatchGetCommand).map((call) => (call.args[0].input as GetInput).RequestItems.t!.Keys.length)).toEqual([5, 4]);
  });

  it("gives up with TryAgainLater (503 with Retry-After) when the table keeps refusing, instead of a silent gap", async () => {
    documents.on(BatchGetCommand).callsFake((input: GetInput) => ({ Responses: { t: [] }, UnprocessedKeys: { t: { Keys: input.RequestItems.t!.Keys } } }));
    await expect(batchGetAll(client, "t", keys(3), noPause)).rejects.toBeInstanceOf(TryAgainLater);
    expect(documents.commandCalls(BatchGetCommand)).toHaveLength(8);
  });
});

describe("batchWriteAll", () => {
  it("writes 25 requests a batch and sends an unprocessed part again", async () => {
    let round = 0;
    documents.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      const sent = input.RequestItems.t!;
      return round++ === 0 ? { UnprocessedItems: { t: sent.slice(20) } } : {};
    });
    const requests = keys(30).map((key) => ({ PutRequest: { Item: key } }));
    await batchWriteAll(client, "t", requests, noPause);
    expect(documents.commandCalls(BatchWriteCommand).map((call) => (call.args[0].input as { RequestItems: Record<string, unknown[]> }).RequestItems.t!.length)).toEqual([25, 5, 5]);
  });
});

describe("unprocessedPauseMs", () => {
  it("doubles from 20 ms and stops growing at a second", () => {
    expect([0, 1, 2, 5, 6, 10].map(unprocessedPauseMs)).toEqual([20, 40, 80, 640, 1000, 1000]);
  });
});
