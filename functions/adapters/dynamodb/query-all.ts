// Storage: every item a Query finds, page after page (lib-dynamodb's paginator follows LastEvaluatedKey),
// for the adapters that read a whole partition or index partition.

import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";

export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
}
