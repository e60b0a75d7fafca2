// Storage: small helpers around DynamoDB transactions — telling a condition failure from other errors,
// and writing more items than one transaction takes.

import { TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CancellationReason } from "@aws-sdk/client-dynamodb";
import { MAX_TRANSACTION_ITEMS } from "./transaction-limits";

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>[number];

/** How often, and after which pauses, a transaction that lost a race is sent again. */
export interface ConflictRetry {
  retries: number;
  pauseMs: (attempt: number) => number;
  /** The error to throw once every retry lost too (default: the last cancellation). */
  exhausted?: (error: unknown) => unknown;
}

const DEFAULT_RETRY: ConflictRetry = { retries: 6, pauseMs: (attempt) => 10 + Math.random() * 20 * 2 ** attempt };

/** Writes one transaction, trying again while it only lost a race with a concurrent one (retryOnConflict). */
export async function transactWithRetry(client: DynamoDBDocumentClient, items: readonly TransactItem[]): Promise<void> {
  await retryOnConflict(() => client.send(new TransactWriteCommand({ TransactItems: [...items] })));
}

/**
 * Sends one transaction (`send`), again while it only lost a race with a concurrent transaction
 * (TransactionConflict): the other one's outcome decides ours. Condition failures are thrown at once.
 * The one conflict-retry loop of the code base; the stores turn what it throws into their own errors.
 */
export async function retryOnConflict<T>(send: () => Promise<T>, retry: ConflictRetry = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!lostRaceOnly(error)) throw error;
      if (attempt >= retry.retries) throw retry.exhausted ? retry.exhausted(error) : error;
      await new Promise((resolve) => setTimeout(resolve, retry.pauseMs(attempt)));
    }
  }
}

function lostRaceOnly(error: unknown): boolean {
  const reasons = cancellationReasons(error);
  return reasons !== undefined && reasons.some((r) => r.Code === "TransactionConflict") && !reasons.some((r) => r.Code === "ConditionalCheckFailed");
}

/** The roles (as the transaction's builder named its items) whose condition failed. */
export function failedRoles<Role>(error: unknown, roles: readonly Role[]): Role[] {
  return (cancellationReasons(error) ?? []).flatMap((reason, index) => (reason.Code === "ConditionalCheckFailed" ? [roles[index]!] : []));
}

export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if ((error as { name?: string })?.name !== "TransactionCanceledException") return undefined;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** Writes all items atomically; false when a condition failed (the "once" was already spent). */
export async function transactOnce(client: DynamoDBDocumentClient, items: readonly object[]): Promise<boolean> {
  try {
    await transactWithRetry(client, items as readonly TransactItem[]);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A failed condition — in a single write or in a transaction. */
export function isConditionFailure(error: unknown): boolean {
  if ((error as { name?: string })?.name === "ConditionalCheckFailedException") return true;
  return cancellationReasons(error)?.some((reason) => reason.Code === "ConditionalCheckFailed") ?? false;
}

/** Which items of a cancelled transaction failed their condition. */
export function failedConditions(error: unknown): number[] {
  return (cancellationReasons(error) ?? []).flatMap((reason, index) => (reason.Code === "ConditionalCheckFailed" ? [index] : []));
}

/**
 * Writes units of items (each unit all-or-nothing) in transactions of up to 100 items. With
 * perUnitOnConditionFailure, a transaction that fails a condition is written again unit by unit,
 * skipping the units whose condition fails.
 */
export async function transactUnits(client: DynamoDBDocumentClient, units: readonly (readonly TransactItem[])[], options: { perUnitOnConditionFailure?: boolean } = {}): Promise<void> {
  const batches: (readonly TransactItem[])[][] = [[]];
  let size = 0;
  for (const unit of units) {
    if (size + unit.length > MAX_TRANSACTION_ITEMS) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1]!.push(unit);
    size += unit.length;
  }
  for (const batch of batches.filter((b) => b.length > 0)) {
    try {
      await transactWithRetry(client, batch.flat());
    } catch (error) {
      if (!options.perUnitOnConditionFailure || !isConditionFailure(error)) throw error;
      for (const unit of batch) {
        try {
          await transactWithRetry(client, unit);
        } catch (single) {
          if (!isConditionFailure(single)) throw single;
        }
      }
    }
  }
}
