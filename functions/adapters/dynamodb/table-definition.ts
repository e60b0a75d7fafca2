// Storage: the one definition of Liveline's DynamoDB table — keys, index, TTL attribute, change stream. The CDK stack
// (infra/lib) and the local runtime (infra/local) both build the table from this object.

export interface KeyAttribute {
  name: string;
  type: "S";
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Epoch seconds; DynamoDB deletes the item some time after (locks of past demos, idempotency records). */
  timeToLiveAttribute: string;
  globalSecondaryIndexes: IndexDefinition[];
  /** The change stream: each change's new item, read by the insights aggregator. */
  streamViewType: "NEW_IMAGE";
}

export const tableDefinition: TableDefinition = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  timeToLiveAttribute: "expiresAt",
  globalSecondaryIndexes: [
    // Overloaded, sparse: only items that are "due" carry gsi1pk (e-mail waiting for a retry, later timers
    // and follow-ups), so the index holds exactly the work still to do.
    { indexName: "gsi1", partitionKey: { name: "gsi1pk", type: "S" }, sortKey: { name: "gsi1sk", type: "S" } },
  ],
  streamViewType: "NEW_IMAGE",
};
