// Handlers: which leads a batch of the table's change stream touched — any write or delete of a lead's
// log event (an erase deletes them, and the lead's figures leave the counters with them).

import type { DynamoDBStreamRecord } from "./dynamodb-stream-types";

const LEAD_PREFIX = "LEAD#";

/** The lead whose log this record changed, if it is a lead's log event (or the lead itself). */
export function leadOfRecord(record: DynamoDBStreamRecord): string | undefined {
  const pk = record.dynamodb.Keys.pk?.S;
  const sk = record.dynamodb.Keys.sk?.S;
  if (!pk?.startsWith(LEAD_PREFIX) || !sk) return undefined;
  if (!sk.startsWith("EVENT#") && sk !== "LEAD") return undefined;
  return pk.slice(LEAD_PREFIX.length);
}

/** Leads in order of their first record, each with the sequence number of that record. */
export function leadsOfBatch(records: readonly DynamoDBStreamRecord[]): Map<string, string> {
  const leads = new Map<string, string>();
  for (const record of records) {
    const leadId = leadOfRecord(record);
    if (leadId !== undefined && !leads.has(leadId)) leads.set(leadId, record.dynamodb.SequenceNumber);
  }
  return leads;
}
