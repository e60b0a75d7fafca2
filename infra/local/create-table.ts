// Local runtime: creates Liveline's table in DynamoDB Local from the shared definition (the same one the
// CDK stack deploys), with its index, TTL and change stream, if it does not exist yet; a table kept from
// before the stream existed gets its stream turned on.

import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { tableDefinition } from "../../functions/adapters/dynamodb/table-definition";

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<"created" | "existed"> {
  const existing = await describeTable(client, tableName);
  if (existing) {
    if (!existing.StreamSpecification?.StreamEnabled) await enableStream(client, tableName);
    return "existed";
  }
  const definition = tableDefinition;
  const keyNames = new Set([definition.partitionKey.name, definition.sortKey.name]);
  for (const index of definition.globalSecondaryIndexes) keyNames.add(index.partitionKey.name).add(index.sortKey.name);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: definition.partitionKey.name, KeyType: "HASH" },
          { AttributeName: definition.sortKey.name, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: "HASH" },
            { AttributeName: index.sortKey.name, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: definition.streamViewType },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    return "existed";
  }
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true } }),
  );
  return "created";
}

async function describeTable(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

async function enableStream(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } }));
}
