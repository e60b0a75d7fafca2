// Local runtime: creates Liveline's table in DynamoDB Local from the shared definition (the same one the
// CDK stack deploys), with its index and TTL, if it does not exist yet.

import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { tableDefinition } from "../../functions/adapters/dynamodb/table-definition";

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<"created" | "existed"> {
  if (await tableExists(client, tableName)) return "existed";
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

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return false;
    throw error;
  }
}
