// Storage: how an outbox item is stored — under its owner (booking or lead), with a sparse index entry
// in the one "due" partition while there is still work to do. Shared by the booking transaction (which
// writes items with the change that causes them) and the outbox adapter (which completes them).

import type { OutboxItem, OutboxOwner, OutboxResult, StoredOutboxItem } from "../../ports/outbox";

export const OUTBOX_DUE_PARTITION = "OUTBOX#DUE";
/** The `entity` attribute of every outbox item. */
export const OUTBOX_ENTITY = "outbox";
/**
 * The Lambda event filter pattern that lets only inserts of outbox items through to the outbox function
 * (the stack's event source mapping; handlers/outbox-stream.ts checks the same in code).
 */
export const NEW_OUTBOX_ITEM_FILTER = { eventName: ["INSERT"], dynamodb: { NewImage: { entity: { S: [OUTBOX_ENTITY] } } } };
/** A new item is its creator's to perform for this long; after that the sweep takes it over. */
export const OUTBOX_GRACE_MS = 2 * 60_000;
/**
 * A finished item (sent, skipped or refused) is kept this long, then DynamoDB's TTL deletes it. Its key
 * keeps a retried cause from enqueueing it again meanwhile; nothing else of it is needed, so its composed
 * message — whose links hold live tokens — is dropped the moment it is finished.
 */
export const FINISHED_OUTBOX_RETENTION_DAYS = 30;

const OWNER_PREFIX: Record<OutboxOwner["kind"], string> = { booking: "BOOKING", lead: "LEAD", session: "WEBINAR", registration: "REGISTRATION", digest: "DIGEST", text: "TEXTIN" };

export function ownerPk(owner: OutboxOwner): string {
  return `${OWNER_PREFIX[owner.kind]}#${owner.id}`;
}

export function outboxKey(item: Pick<OutboxItem, "owner" | "key">): { pk: string; sk: string } {
  return { pk: ownerPk(item.owner), sk: `OUTBOX#${item.key}` };
}

function dueSortKey(item: Pick<OutboxItem, "owner" | "key">, dueAt: Date): string {
  return `${dueAt.toISOString()}#${ownerPk(item.owner)}#${item.key}`;
}

/** The Put of a new item: nothing happens when one with this owner and key exists. */
export function outboxPut(tableName: string, item: OutboxItem, now: Date) {
  const dueAt = new Date(now.getTime() + OUTBOX_GRACE_MS);
  return {
    TableName: tableName,
    Item: {
      ...outboxKey(item),
      entity: OUTBOX_ENTITY,
      type: item.type,
      item,
      status: "pending",
      attempts: 0,
      createdAt: now.toISOString(),
      dueAt: dueAt.toISOString(),
      gsi1pk: OUTBOX_DUE_PARTITION,
      gsi1sk: dueSortKey(item, dueAt),
    },
    ConditionExpression: "attribute_not_exists(pk)",
  };
}

/** The Put of each outbox item, for a transaction. */
export function outboxPuts(tableName: string, outbox: readonly OutboxItem[], now: Date) {
  return outbox.map((item) => ({ Put: outboxPut(tableName, item, now) }));
}

export function storedOutboxItem(record: Record<string, any>): StoredOutboxItem {
  return { item: record.item as OutboxItem, attempts: Number(record.attempts ?? 0) };
}

/** The update recording a result: final results leave the due index, a failure is due again later. */
export function outboxCompletion(tableName: string, item: OutboxItem, result: OutboxResult, now: Date) {
  const base = { TableName: tableName, Key: outboxKey(item) };
  // Not yet final: the creator's own item, or one claimed by the sweep.
  const open = "#status IN (:pending, :processing, :failed, :deferred)";
  const openValues = { ":pending": "pending", ":processing": "processing", ":failed": "failed", ":deferred": "deferred" };
  // Due again later: a failure (its error, one more attempt) or a text held on purpose (its reason, no attempt).
  if (result.status === "failed" || result.status === "deferred") {
    const failed = result.status === "failed";
    const due = failed ? result.nextAttemptAt : result.until;
    return {
      ...base,
      UpdateExpression: failed
        ? "SET #status = :again, lastError = :why, lastAttemptAt = :at, dueAt = :due, gsi1pk = :partition, gsi1sk = :sort ADD attempts :one REMOVE leaseUntil"
        : "SET #status = :again, deferredReason = :why, dueAt = :due, gsi1pk = :partition, gsi1sk = :sort REMOVE leaseUntil",
      ConditionExpression: open,
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ...openValues,
        ":again": result.status,
        ":why": (failed ? result.error : result.reason).slice(0, 1000),
        ":due": due.toISOString(),
        ":partition": OUTBOX_DUE_PARTITION,
        ":sort": dueSortKey(item, due),
        ...(failed ? { ":at": now.toISOString(), ":one": 1 } : {}),
      },
    };
  }
  const detail = result.status === "done" ? (result.messageId ?? "") : result.status === "skipped" ? result.reason : result.error;
  const expiresAt = Math.floor(now.getTime() / 1000) + FINISHED_OUTBOX_RETENTION_DAYS * 86_400;
  return {
    ...base,
    // Only a mail has a raw message and short links (their long forms hold live tokens) to drop; REMOVE needs
    // the map holding the path to exist, not the path itself.
    UpdateExpression: `SET #status = :final, finishedAt = :at, detail = :detail, expiresAt = :expires ADD attempts :one REMOVE gsi1pk, gsi1sk, leaseUntil${item.type === "mail" ? ", #item.#raw, #item.#links" : ""}`,
    ConditionExpression: open,
    ExpressionAttributeNames: { "#status": "status", ...(item.type === "mail" ? { "#item": "item", "#raw": "raw", "#links": "links" } : {}) },
    ExpressionAttributeValues: { ...openValues, ":final": result.status === "done" ? "done" : result.status, ":at": now.toISOString(), ":detail": detail.slice(0, 1000), ":one": 1, ":expires": expiresAt },
  };
}
