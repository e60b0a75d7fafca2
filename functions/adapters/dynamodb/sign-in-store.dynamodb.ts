// Storage: the SignInStore port on DynamoDB — link and session items carry `expiresAt` (epoch seconds) so
// TTL removes them; reads still check the time themselves, since TTL deletes "within days". A link is
// used by deleting it with a condition: of two clicks racing, exactly one gets the item back.

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Session, SignInLink, SignInStore } from "../../ports/sign-in-store";
import { itemKeys } from "./item-keys";
import { isConditionFailure } from "./transactions";

const HOUR = 3_600_000;
const ttl = (epochMs: number) => Math.ceil(epochMs / 1000);

export class DynamoDbSignInStore implements SignInStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveLink(link: SignInLink): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...itemKeys.signInLink(link.tokenHash), entity: "sign-in-link", ...link, expiresAt: ttl(link.expiresAt), validUntil: link.expiresAt } }),
    );
  }

  async takeLink(tokenHash: string): Promise<SignInLink | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: itemKeys.signInLink(tokenHash), ConditionExpression: "attribute_exists(pk)", ReturnValues: "ALL_OLD" }),
      );
      return Attributes ? { tokenHash, repId: Attributes.repId, expiresAt: Attributes.validUntil } : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async saveSession(session: Session, endsAt: number): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...itemKeys.consoleSession(session.idHash), entity: "console-session", ...session, expiresAt: ttl(endsAt) } }),
    );
  }

  async getSession(idHash: string): Promise<Session | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.consoleSession(idHash), ConsistentRead: true }));
    return Item ? { idHash, repId: Item.repId, createdAt: Item.createdAt, lastSeenAt: Item.lastSeenAt } : undefined;
  }

  async touchSession(idHash: string, lastSeenAt: number, endsAt: number): Promise<void> {
    try {
      // Only an existing session: a sign-out in between must not be undone by a late touch.
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemKeys.consoleSession(idHash),
          UpdateExpression: "SET lastSeenAt = :seen, expiresAt = :ttl",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":seen": lastSeenAt, ":ttl": ttl(endsAt) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: itemKeys.consoleSession(idHash) }));
  }

  async countMail(address: string, admit: (sentAt: readonly number[]) => number[] | undefined): Promise<boolean> {
    const key = itemKeys.signInMails(address);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    const earlier: number[] = Item?.sentAt ?? [];
    const next = admit(earlier);
    if (!next) return false;
    try {
      // Written only over the copy we read: two requests at once cannot both take the last place.
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, entity: "sign-in-mails", sentAt: next, version: (Item?.version ?? 0) + 1, expiresAt: ttl(Math.max(...next) + HOUR) },
          ConditionExpression: Item ? "version = :version" : "attribute_not_exists(pk)",
          ExpressionAttributeValues: Item ? { ":version": Item.version } : undefined,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
