// Storage: the WebhookDeliveryStore port on DynamoDB — one item per delivery under its endpoint's partition,
// sorted by the change's time (the console reads the latest with one Query), created with a condition so a
// redelivered change stores nothing twice; an attempt is recorded only over the attempt it followed. Kept
// for 30 days (TTL): they hold the person's details the body carried.

import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { WebhookAttemptRecord, WebhookDelivery, WebhookDeliveryKey, WebhookDeliveryStore } from "../../ports/webhooks";
import { itemKeys } from "./item-keys";
import { isConditionFailure } from "./transactions";
import { batchGetAll } from "./batches";

export const WEBHOOK_DELIVERY_ENTITY = "webhook-delivery";
const KEEP_SECONDS = 30 * 86_400;

const keyOf = (key: WebhookDeliveryKey) => itemKeys.webhookDelivery(key.endpointId, key.createdAt, key.id);

function toDelivery(item: Record<string, unknown>): WebhookDelivery {
  const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...delivery } = item;
  return delivery as unknown as WebhookDelivery;
}

export class DynamoDbWebhookDeliveries implements WebhookDeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(deliveries: readonly WebhookDelivery[]): Promise<WebhookDelivery[]> {
    const created = await Promise.all(
      deliveries.map(async (delivery) => {
        try {
          await this.client.send(
            new PutCommand({
              TableName: this.tableName,
              Item: { ...keyOf(delivery), entity: WEBHOOK_DELIVERY_ENTITY, ...delivery, expiresAt: Math.floor(Date.parse(delivery.createdAt) / 1000) + KEEP_SECONDS },
              ConditionExpression: "attribute_not_exists(pk)",
            }),
          );
          return true;
        } catch (error) {
          if (isConditionFailure(error)) return false;
          throw error;
        }
      }),
    );
    const existing = deliveries.filter((_, index) => !created[index]);
    const stored = existing.length > 0 ? await this.getMany(existing) : new Map<string, WebhookDelivery>();
    return deliveries.flatMap((delivery, index) => (created[index] ? [delivery] : stored.has(delivery.id) ? [stored.get(delivery.id)!] : []));
  }

  async get(key: WebhookDeliveryKey): Promise<WebhookDelivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(key), ConsistentRead: true }));
    return Item ? toDelivery(Item) : undefined;
  }

  async recordAttempt(key: WebhookDeliveryKey, previousAttempts: number, record: WebhookAttemptRecord): Promise<boolean> {
    const fields = Object.entries(record).filter(([, value]) => value !== undefined);
    const names = Object.fromEntries(fields.map(([name], index) => [`#f${index}`, name]));
    const values = Object.fromEntries(fields.map(([, value], index) => [`:f${index}`, value]));
    // What the previous attempt said and this one does not (a status code after a network error) goes.
    const cleared = ["lastStatusCode", "lastError", "nextAttemptAt"].filter((name) => !(name in record) || record[name as keyof WebhookAttemptRecord] === undefined);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(key),
          UpdateExpression: `SET ${fields.map((_, index) => `#f${index} = :f${index}`).join(", ")}${cleared.length > 0 ? ` REMOVE ${cleared.join(", ")}` : ""}`,
          ConditionExpression: "attempts = :previous",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ":previous": previousAttempts },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async recent(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": itemKeys.webhookEndpoint(endpointId).pk, ":prefix": "DELIVERY#" },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(toDelivery);
  }

  async disabledAt(endpointId: string, url: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.webhookEndpoint(endpointId) }));
    // A new URL in the config is a new endpoint: the old one's 410 does not stop it.
    return Item && Item.url === url ? String(Item.disabledAt) : undefined;
  }

  async disable(endpointId: string, url: string, at: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...itemKeys.webhookEndpoint(endpointId), entity: "webhook-endpoint", url, disabledAt: at } }));
  }

  async enable(endpointId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: itemKeys.webhookEndpoint(endpointId) }));
  }

  private async getMany(deliveries: readonly WebhookDelivery[]): Promise<Map<string, WebhookDelivery>> {
    const found = new Map<string, WebhookDelivery>();
    for (const item of await batchGetAll(this.client, this.tableName, deliveries.map(keyOf), { consistentRead: true })) found.set(String(item.id), toDelivery(item));
    return found;
  }
}
