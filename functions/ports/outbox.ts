// Port: the outbox — side effects written in the same transaction as the state change that causes them
// (an e-mail composed and waiting, timers to create or delete, a schedule entry to release), performed
// off the request path by the table's change feed as soon as the write lands (handlers/outbox-stream.handler.ts),
// and retried by the sweep until done. A duplicate enqueue (same owner and key) is a no-op.

import type { OutboxItem } from "../core/messages/outbox-items";

export type { OutboxBroadcast, OutboxItem, OutboxMail, OutboxOwner, OutboxPromote, OutboxRelease, OutboxText, OutboxTimers } from "../core/messages/outbox-items";

/** An item as stored: how often it was tried. */
export interface StoredOutboxItem {
  item: OutboxItem;
  attempts: number;
}

export type OutboxResult =
  | { status: "done"; messageId?: string }
  /** Not sent because the address is suppressed (bounce, complaint, unsubscribe): final. */
  | { status: "skipped"; reason: string }
  /** Refused for good (e.g. SES MessageRejected): final, logged. */
  | { status: "rejected"; error: string }
  | { status: "failed"; error: string; nextAttemptAt: Date }
  /** Held on purpose (a text in the recipient's quiet hours): due again at `until` — no error, no attempt counted. */
  | { status: "deferred"; reason: string; until: Date };

export interface Outbox {
  /** Puts each item unless one with its owner and key exists; returns the ones it put. */
  enqueue(items: readonly OutboxItem[], now: Date): Promise<OutboxItem[]>;
  /** Items due at `now` (failed ones whose retry time came, pending ones past their grace time). */
  due(now: Date, limit: number): Promise<StoredOutboxItem[]>;
  /**
   * Takes a new item for its first attempt (the change feed's delivery of its insert), for `leaseMs`; false
   * when it was taken before — a redelivered insert, or the sweep already at it.
   */
  claimNew(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean>;
  /** Takes an item for `leaseMs` so a concurrent sweep leaves it alone; false when someone else has it. */
  claim(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean>;
  /** Records the results (and the log events of sent mail) in one write. */
  complete(results: readonly { item: OutboxItem; result: OutboxResult }[], now: Date): Promise<void>;
}
