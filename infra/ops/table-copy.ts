// Operations: the table as JSON lines and back — what a restore drill does locally, where DynamoDB Local
// has no point-in-time recovery: export every item (a consistent scan, page by page) and import it into
// another table (batches of 25, unprocessed items retried). In AWS, restore with PITR (README).

import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import { batchWriteAll } from "../../functions/adapters/dynamodb/batches";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

type Item = Record<string, unknown>;

/** Calls `write` with each item as one JSON line; returns how many. */
export async function exportTable(client: DynamoDBClient, tableName: string, write: (line: string) => void | Promise<void>): Promise<number> {
  const documents = DynamoDBDocumentClient.from(client);
  let count = 0;
  for await (const page of paginateScan({ client: documents }, { TableName: tableName, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      await write(JSON.stringify(item, setsAsTagged));
      count++;
    }
  }
  return count;
}

/** Writes every JSON line as an item (an existing item of the same key is replaced); returns how many. */
export async function importTable(client: DynamoDBClient, tableName: string, lines: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let batch: Item[] = [];
  let count = 0;
  const flush = async () => {
    await batchWriteAll(documents, tableName, batch.map((item) => ({ PutRequest: { Item: item } })));
    count += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (line.trim() === "") continue;
    batch.push(JSON.parse(line, taggedAsSets) as Item);
    if (batch.length === 25) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}

/** JSON has no sets: a DynamoDB string or number set travels as {"$set": [...]}. */
function setsAsTagged(_key: string, value: unknown): unknown {
  return value instanceof Set ? { $set: [...value] } : value;
}

function taggedAsSets(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "$set" in value) {
    return new Set((value as { $set: unknown[] }).$set);
  }
  return value;
}
