// Port: the insights counters — reading a lead's history, the contribution last applied for it, applying
// the next one (only the difference reaches the counters), and reading a rollup's counters over a range.

import type { LeadEvent } from "../core/booking";
import type { CounterRows, Counters, InsightsLead } from "../core/insights";

export interface LeadHistory {
  /** Absent when the lead was erased. */
  lead?: InsightsLead;
  events: LeadEvent[];
}

/** The rows a lead last added to the counters; the version makes a concurrent writer lose, not double count. */
export interface LeadInsightsSnapshot {
  version: number;
  rows: CounterRows;
}

export interface CounterRow {
  bucket: string;
  counters: Counters;
}

export interface InsightsStore {
  leadHistory(leadId: string): Promise<LeadHistory>;
  snapshot(leadId: string): Promise<LeadInsightsSnapshot | undefined>;
  /**
   * Adds `next - previous` to the counters and stores `next` as the lead's snapshot, atomically (in
   * transactions of at most 100 items, each carrying the snapshot as far as it has come). False when the
   * snapshot is no longer `previous` (someone else applied meanwhile): read again and retry.
   */
  applyLeadRows(leadId: string, previous: LeadInsightsSnapshot | undefined, next: CounterRows): Promise<boolean>;
  /** One rollup's rows with fromBucket <= bucket < toBucket, in bucket order. */
  counterRows(scope: string, fromBucket: string, toBucket: string): Promise<CounterRow[]>;
}
