// Storage: the ShortLinks port on DynamoDB — one item per code (item-keys.ts `shortLink`), deleted by the
// table's TTL once its token expired (TTL deletes late, so a read checks the expiry itself).

import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ShortLink } from "../../core/messages/short-links";
import type { ShortLinks } from "../../ports/short-links";
import { batchWriteAll } from "./batches";
import { itemKeys } from "./item-keys";

export class DynamoDbShortLinks implements ShortLinks {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(links: readonly ShortLink[]): Promise<void> {
    if (links.length === 0) return;
    const requests = links.map((link) => ({ PutRequest: { Item: { ...itemKeys.shortLink(link.code), entity: "short-link", url: link.url, expiresAt: link.expiresAt } } }));
    await batchWriteAll(this.client, this.tableName, requests);
  }

  async find(code: string, now: Date): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.shortLink(code) }));
    if (!Item || typeof Item.url !== "string" || typeof Item.expiresAt !== "number") return undefined;
    return Item.expiresAt * 1000 > now.getTime() ? Item.url : undefined;
  }
}
