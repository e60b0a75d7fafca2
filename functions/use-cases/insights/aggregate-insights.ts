// Use case: bring the insights counters up to date with a lead's log — recompute the lead's contribution
// from its whole log (core/insights/insights.ts) and apply the difference to what was applied before. Called by
// the change-stream handler for every lead a batch touched; idempotent, and indifferent to the order and
// number of deliveries: a redelivered batch finds nothing left to add.

import { leadContribution } from "../../core/insights/insights";
import type { InsightsStore } from "../../ports/insights-store";

/** Another writer of the same lead (a parallel batch, the rebuild) wins a race: read again, this often. */
const RACE_RETRIES = 5;

export async function refreshLeadInsights(store: InsightsStore, leadId: string): Promise<void> {
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt++) {
    const [history, snapshot] = await Promise.all([store.leadHistory(leadId), store.snapshot(leadId)]);
    if (await store.applyLeadRows(leadId, snapshot, leadContribution(history.lead, history.events))) return;
  }
  throw new Error(`insights of lead ${leadId}: lost the race ${RACE_RETRIES + 1} times`);
}
