// Use case: what happened to the lead behind a booking, in order — for the booking's rep, whole, or for the
// prospect's manage link (their own booking), without what the team writes and does among themselves.

import type { LeadEvent } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

/** Who reads the timeline: the booking's rep sees the whole log; the prospect sees what happened to them. */
export type TimelineReader = "rep" | "prospect";

/**
 * The team's own events: reps' notes, hand-overs between reps (and why), escalations to the manager, who did
 * not answer an instant call, mail held back, a complaint passed on, a team timer delivered too late. A manage
 * link gets forwarded to colleagues; none of this is the prospect's history.
 */
const TEAM_ONLY_KINDS = new Set(["note", "reassigned", "escalated", "instant_handed_off", "instant_unanswered", "mail_withheld", "complaint_alerted", "timer_skipped"]);

/** Words the team or a colleague wrote on an event: a rep's note on an outcome, a colleague's feedback comment. */
const WRITTEN_BY_OTHERS = ["note", "comment"];

/** Who of the team took a call, and on which ring: a hand-over or an unanswered ring, told another way. */
const WHO_CALLED = ["repId", "ring", "rung"];
const isCallEvent = (kind: string) => kind.startsWith("call_") || kind.startsWith("instant_");

export async function leadTimeline(deps: UseCaseDependencies, leadId: string, reader: TimelineReader): Promise<LeadEvent[]> {
  const events = (await deps.leadLog.events(leadId)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return reader === "rep" ? events : events.filter((event) => !TEAM_ONLY_KINDS.has(event.kind)).map(asTheProspectSeesIt);
}

function asTheProspectSeesIt(event: LeadEvent): LeadEvent {
  const hidden = isCallEvent(event.kind) ? [...WRITTEN_BY_OTHERS, ...WHO_CALLED] : WRITTEN_BY_OTHERS;
  if (!event.data || !hidden.some((key) => key in event.data!)) return event;
  return { ...event, data: Object.fromEntries(Object.entries(event.data).filter(([key]) => !hidden.includes(key))) };
}
