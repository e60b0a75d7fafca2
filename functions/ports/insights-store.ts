// Port: the insights counters — reading a lead's history, the contribution last applied for it, applying
// the next one (only the difference reaches the counters), reading a rollup's counters over a range, and
// reading every lead's snapshot (to find the leads behind a figure).

import type { LeadEvent } from "../core/bookings/booking";
import type { CounterRows, Counters, InsightsLead } from "../core/insights/insights";

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
  /**
   * Every lead's snapshot, page by page (the leads behind a figure: a scan whose cost grows with the leads —
   * it serves a person following a link, never a list that polls).
   */
  eachSnapshot(visit: (leadId: string, rows: CounterRows) => void): Promise<void>;
  /** One rollup's rows with fromBucket <= bucket < toBucket, in bucket order. */
  counterRows(scope: string, fromBucket: string, toBucket: string): Promise<CounterRow[]>;
}
