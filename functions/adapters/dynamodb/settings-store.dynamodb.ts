// Storage: the settings document in the one table — a head item (the version in force and its document,
// so a function's cache reads one item) and one item per version (who, when, what changed), written
// together in one transaction conditioned on the head's version: optimistic concurrency.

import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { SettingsTooLarge, SettingsVersionTaken, type SettingsHistoryEntry, type SettingsStore, type SettingsVersionRecord } from "../../ports/settings-store";
import { itemKeys, SETTINGS_PARTITION, SETTINGS_VERSION_PREFIX } from "./item-keys";
import { failedRoles, retryOnConflict } from "./transactions";

export const SETTINGS_HEAD_ENTITY = "settings-head";
export const SETTINGS_VERSION_ENTITY = "settings-version";

/** The document and the changes are kept as JSON text: exactly what was saved, with no attribute-type mapping. */
function itemOf(record: SettingsVersionRecord) {
  return { version: record.version, document: JSON.stringify(record.document), savedAt: record.savedAt, savedBy: record.savedBy, changes: JSON.stringify(record.changes) };
}

function recordOf(item: Record<string, any>): SettingsVersionRecord {
  return { version: item.version, document: JSON.parse(item.document), savedAt: item.savedAt, savedBy: item.savedBy, changes: JSON.parse(item.changes ?? "[]") };
}

/**
 * What one item may hold: DynamoDB's 400 KB, less room for the keys and the other attributes. Both items carry
 * the document and its changes, and a change replacing most of the document (a restore) doubles it.
 */
const MAX_SETTINGS_BYTES = 400 * 1024 - 2 * 1024;

/** The bytes of the document and the changes as stored (UTF-8 text): what decides whether the items fit. */
const storedBytes = (item: { document: string; changes: string }) => Buffer.byteLength(item.document) + Buffer.byteLength(item.changes);

export class DynamoDbSettingsStore implements SettingsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async head(): Promise<SettingsVersionRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.settingsHead(), ConsistentRead: true }));
    return Item ? recordOf(Item) : undefined;
  }

  async save(record: SettingsVersionRecord): Promise<void> {
    const item = itemOf(record);
    // Refused before it is sent: DynamoDB would answer a ValidationException no retry can cure.
    const bytes = storedBytes(item);
    if (bytes > MAX_SETTINGS_BYTES) throw new SettingsTooLarge(bytes, MAX_SETTINGS_BYTES);
    const headCondition =
      record.version === 1
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "#version = :before", ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":before": record.version - 1 } };
    try {
      await retryOnConflict(() =>
        this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: { ...itemKeys.settingsHead(), entity: SETTINGS_HEAD_ENTITY, ...item }, ...headCondition } },
              { Put: { TableName: this.tableName, Item: { ...itemKeys.settingsVersion(record.version), entity: SETTINGS_VERSION_ENTITY, ...item }, ConditionExpression: "attribute_not_exists(pk)" } },
            ],
          }),
        ),
      );
    } catch (error) {
      if (failedRoles(error, ["head", "version"]).length > 0) throw new SettingsVersionTaken(record.version);
      throw error;
    }
  }

  /**
   * Newest first, without the documents (a restore reads its version alone); page after page, as one Query
   * answers at most 1 MB and each version's changes may be large (a restore's diff is the whole document).
   */
  async history(limit: number): Promise<SettingsHistoryEntry[]> {
    const entries: SettingsHistoryEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": SETTINGS_PARTITION, ":prefix": SETTINGS_VERSION_PREFIX },
          ProjectionExpression: "#version, savedAt, savedBy, changes",
          ExpressionAttributeNames: { "#version": "version" },
          ScanIndexForward: false,
          Limit: limit - entries.length,
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) entries.push({ version: item.version, savedAt: item.savedAt, savedBy: item.savedBy, changes: JSON.parse(item.changes ?? "[]") });
      startKey = page.LastEvaluatedKey;
    } while (startKey && entries.length < limit);
    return entries;
  }

  async version(version: number): Promise<SettingsVersionRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.settingsVersion(version), ConsistentRead: true }));
    return Item ? recordOf(Item) : undefined;
  }
}
