// Port: finding leads by what a rep remembers of them — a part of the name, the e-mail address or the
// company. One adapter: DynamoDB.

import type { Lead } from "../core/bookings/booking";

export interface LeadDirectory {
  /** Leads whose name, e-mail or company contains every word of the query (case-insensitive), newest first. */
  search(query: string, limit: number): Promise<Lead[]>;
}
