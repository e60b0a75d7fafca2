// Port: the whole table as a person's data request sees it — every item, page by page, and one partition
// at a time — plus removing and rewriting items. Only data requests (export, erase, retention) use it.

import type { OutboxItem } from "../core/messages/outbox-items";
import type { StoredItem } from "../core/access/personal-data";

export interface PersonalDataStore {
  /** Every item of the table, a page at a time (a data request is rare: a full read is acceptable). */
  everyItem(): AsyncIterable<StoredItem[]>;
  partition(pk: string): Promise<StoredItem[]>;
  remove(items: readonly StoredItem[]): Promise<void>;
  /** Puts each item as given (same key), replacing what is stored. */
  replace(items: readonly StoredItem[]): Promise<void>;
  /** The outbox items among `items` that nobody has performed or taken yet. */
  untouchedOutboxItems(items: readonly StoredItem[]): OutboxItem[];
}
