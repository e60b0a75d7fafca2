// Storage: the PersonalDataStore port on DynamoDB — a consistent Scan for "every item", a Query per
// partition, batched deletes and puts (25 at a time, unprocessed ones retried), and which outbox items are
// still untouched.

import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import type { OutboxItem } from "../../core/messages/outbox-items";
import type { StoredItem } from "../../core/access/personal-data";
import type { PersonalDataStore } from "../../ports/personal-data-store";
import { OUTBOX_ENTITY } from "./outbox-records";
import { batchWriteAll, type WriteRequest } from "./batches";
import { queryAll } from "./query-all";


/** The store on a DynamoDB client, writing items back as they were read (undefined attributes dropped). */
export function personalDataStoreOn(dynamoDb: DynamoDBClient, tableName: string): DynamoDbPersonalDataStore {
  return new DynamoDbPersonalDataStore(DynamoDBDocumentClient.from(dynamoDb, { marshallOptions: { removeUndefinedValues: true } }), tableName);
}

export class DynamoDbPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *everyItem(): AsyncIterable<StoredItem[]> {
    for await (const page of paginateScan({ client: this.client }, { TableName: this.tableName, ConsistentRead: true })) {
      yield (page.Items ?? []) as StoredItem[];
    }
  }

  async partition(pk: string): Promise<StoredItem[]> {
    return (await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk }, ConsistentRead: true })) as StoredItem[];
  }

  async remove(items: readonly StoredItem[]): Promise<void> {
    await this.write(items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })));
  }

  async replace(items: readonly StoredItem[]): Promise<void> {
    await this.write(items.map((item) => ({ PutRequest: { Item: item } })));
  }

  untouchedOutboxItems(items: readonly StoredItem[]): OutboxItem[] {
    return items.filter((item) => item.entity === OUTBOX_ENTITY && item.status === "pending" && item.leaseUntil === undefined).map((item) => item.item as OutboxItem);
  }

  private async write(requests: WriteRequest[]): Promise<void> {
    await batchWriteAll(this.client, this.tableName, requests);
  }
}
