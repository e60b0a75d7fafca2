// Use case: what happened to the lead behind a booking, in order — for the prospect's manage link (their
// own booking) or the booking's rep.

import type { LeadEvent } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

export async function leadTimeline(deps: UseCaseDependencies, leadId: string): Promise<LeadEvent[]> {
  const events = await deps.leadLog.events(leadId);
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
