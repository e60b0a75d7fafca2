// Use case: what happened to the lead behind a booking, in order — for the booking's rep, whole, or for the
// prospect's manage link (their own booking), without the notes reps write for each other.

import type { LeadEvent } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

/** Who reads the timeline: the booking's rep sees the whole log; the prospect sees no rep's note. */
export type TimelineReader = "rep" | "prospect";

export async function leadTimeline(deps: UseCaseDependencies, leadId: string, reader: TimelineReader): Promise<LeadEvent[]> {
  const events = (await deps.leadLog.events(leadId)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return reader === "rep" ? events : events.filter((event) => event.kind !== "note").map(withoutNote);
}

/**
 * The event without the note a rep added to it (an outcome logged in the console carries one): a manage link
 * is forwarded to colleagues, and a rep writes a note for the team, not for the prospect.
 */
function withoutNote(event: LeadEvent): LeadEvent {
  if (!event.data || !("note" in event.data)) return event;
  const { note: _note, ...data } = event.data;
  return { ...event, data };
}
