// Tests (integration setup): when a test file ends, the tables its test APIs created are dropped. The worker's
// DynamoDB Local keeps every table otherwise — thousands, with their streams' records — and reading a
// stream gets slower the more records the engine holds (test/bench/run-bench.ts says the same).

import { DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll } from "vitest";
import { tablesCreated } from "./created-tables";
import { dynamoDbEndpoint } from "./engines";

afterAll(async () => {
  if (tablesCreated.size === 0) return;
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  const names = [...tablesCreated];
  tablesCreated.clear();
  // One at a time: DynamoDB Local answers one request at a time anyway. A table already gone is fine.
  for (const TableName of names) await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
  client.destroy();
});
