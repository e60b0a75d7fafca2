// Web: the console's words — which outcomes a call-back offers and how they read, why a call-back is in
// the queue, what an outcome led to, each kind of event in a lead's history as a line of plain text, and
// the insights figures whose leads the lead search lists.

import type { FigureLeads } from "./console-route";
import type { LeadEventView, LeadFigure, Outcome, QueueItem } from "../api/console-types";
import { timeForRep, type ZonedPerson } from "./lead-time";

export const OUTCOME_LABELS: Record<Outcome, string> = {
  attended: "Attended",
  no_show: "No-show",
  reached: "Reached",
  voicemail: "Voicemail",
  no_answer: "No answer",
  converted: "Converted",
  wants_another_demo: "Wants another demo",
  not_interested: "Not interested",
  wrong_number: "Wrong number",
};

/** The outcomes of a call, most frequent first (most business calls end in voice mail). */
const CALL_OUTCOMES: readonly Outcome[] = ["voicemail", "no_answer", "reached", "converted", "wants_another_demo", "not_interested", "wrong_number"];

/** A call-back after a demo also records whether the prospect came; any other call-back only the call. */
export function outcomesFor(item: Pick<QueueItem, "kind" | "bookingId">): Outcome[] {
  return item.kind === "after-demo" && item.bookingId ? ["attended", "no_show", ...CALL_OUTCOMES] : [...CALL_OUTCOMES];
}

const REASONS: Record<string, string> = {
  "after-demo": "Call after the demo",
  "after-webinar": "Call after the webinar",
  "unbooked-request": "Asked to talk, no demo booked",
  retry: "Try again",
  instant: "Wants a call now",
};

/** "Try again · attempt 2". */
export function reasonText(kind: string, attempt: number): string {
  return `${REASONS[kind] ?? humanize(kind)} · attempt ${attempt}`;
}

/** The badge of a late call-back: overdue, and whether the manager was told (escalated); none when on time. */
export function lateness(item: Pick<QueueItem, "overdue" | "escalated">): string | undefined {
  if (item.escalated) return "Overdue · escalated";
  return item.overdue ? "Overdue" : undefined;
}

export interface OutcomeAnswer {
  outcome: Outcome;
  lead: { name: string };
  next?: { attempt: number; dueAt: string };
  closed?: string;
}

/** What the rep reads after a tap: what was logged, and the next attempt or why the follow-up ended. */
export function outcomeResultText(answer: OutcomeAnswer, lead: ZonedPerson, repTimeZone: string): string {
  const logged = `${OUTCOME_LABELS[answer.outcome] ?? humanize(answer.outcome)} logged for ${answer.lead.name}.`;
  if (answer.next) return `${logged} Attempt ${answer.next.attempt} is scheduled for ${timeForRep(new Date(answer.next.dueAt), lead, repTimeZone, { withDay: true })}.`;
  if (answer.closed === "unreachable") return `${logged} That was the last attempt: the lead is closed as unreachable.`;
  if (answer.closed) return `${logged} The lead is closed (${humanize(answer.closed).toLowerCase()}).`;
  return logged;
}

export interface EventLine {
  title: string;
  /** Free text as the rep or prospect wrote it (notes, feedback comments): shown as text, never markup. */
  detail?: string;
}

const EVENT_TITLES: Record<string, string> = {
  requested: "Asked to talk (contact form)",
  booked: "Booked a demo",
  rescheduled: "Moved the demo",
  cancelled: "Cancelled the demo",
  registered: "Registered for a webinar",
  registration_cancelled: "Cancelled a webinar registration",
  promoted_from_waitlist: "Got a seat from the waitlist",
  attended: "Attended",
  no_show: "Did not show up",
  call_prompted: "Call-back opened",
  reassigned: "Call-back handed to another rep",
  escalated: "Call-back escalated to the manager",
  feedback: "Gave feedback",
  converted: "Converted",
  unreachable: "Closed as unreachable",
  note: "Note",
  invite_sent: "E-mail sent: invitation",
  cancellation_sent: "E-mail sent: cancellation",
  reminder_sent: "E-mail sent: reminder",
  prep_sent: "E-mail sent: preparation",
  feedback_requested: "E-mail sent: feedback request",
  rebook_invited: "E-mail sent: invitation to book again",
  replay_sent: "E-mail sent: replay",
  registration_resent: "E-mail sent: registration again",
  waitlist_confirmation_sent: "E-mail sent: on the waitlist",
  complaint_alerted: "Marked our e-mail as spam",
  timer_skipped: "Reminder skipped (too late to be useful)",
  instant_requested: "Asked to be called now (Call me now)",
  instant_claimed: "Call me now: taken",
  instant_handed_off: "Call me now: moved to the next rep",
  instant_unanswered: "Call me now: nobody was free; offered times to book",
  text_sent: "Text sent",
  text_reply: "Replied by text",
  text_opted_out: "Opted out of texts (STOP)",
  text_opted_in: "Opted back in to texts (START)",
};

const TEXT_NAMES: Record<string, string> = { reminder: "reminder", "missed-call": "sorry I missed you", help: "HELP answer", "opt-in": "START confirmation", "session-reminder": "webinar reminder" };

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

/** One history entry as plain text. `repName` turns rep ids into names where it can. */
export function describeEvent(event: LeadEventView, repName: (id: string) => string = (id) => id): EventLine {
  const data = event.data ?? {};
  switch (event.kind) {
    case "call_attempt": {
      const outcome = text(data["outcome"]);
      const label = outcome ? (OUTCOME_LABELS[outcome as Outcome] ?? humanize(outcome)) : "Logged";
      const by = text(data["repId"]);
      return withDetail(`Call attempt ${String(data["attempt"] ?? "")}: ${label}${by ? ` (${repName(by)})` : ""}`.replace(" :", ":"), text(data["note"]));
    }
    case "note":
      return withDetail(`Note by ${text(data["repName"]) ?? repName(text(data["repId"]) ?? "a rep")}`, text(data["text"]));
    case "feedback":
      return withDetail(`Gave feedback: ${String(data["rating"] ?? "?")} of 5`, text(data["comment"]));
    case "cancelled":
      return withDetail(EVENT_TITLES["cancelled"]!, text(data["reason"]));
    case "reassigned": {
      const to = text(data["repId"]);
      return { title: to ? `Call-back handed to ${repName(to)}` : EVENT_TITLES["reassigned"]! };
    }
    case "booked": {
      // The prospect booked, unless a rep did it for them from this page.
      const by = text(data["bookedBy"]);
      return { title: by ? `Demo booked for them by ${repName(by)}` : EVENT_TITLES["booked"]! };
    }
    case "instant_requested":
      return { title: data["status"] === "unavailable" ? `${EVENT_TITLES["instant_requested"]}: nobody was free` : EVENT_TITLES["instant_requested"]! };
    case "instant_claimed":
    case "instant_handed_off": {
      const rep = text(data["repId"]);
      return { title: rep ? `${EVENT_TITLES[event.kind]} (${repName(rep)})` : EVENT_TITLES[event.kind]! };
    }
    case "text_sent": {
      const name = TEXT_NAMES[text(data["text"]) ?? ""];
      return { title: name ? `${EVENT_TITLES["text_sent"]}: ${name}` : EVENT_TITLES["text_sent"]! };
    }
    case "text_reply":
      return withDetail(EVENT_TITLES["text_reply"]!, text(data["body"]));
    case "attended":
    case "no_show":
      return withDetail(`${EVENT_TITLES[event.kind]}${data["sessionId"] ? " (webinar)" : " (demo)"}`, text(data["note"]));
    default:
      return { title: EVENT_TITLES[event.kind] ?? humanize(event.kind) };
  }
}

function withDetail(title: string, detail: string | undefined): EventLine {
  return detail ? { title, detail } : { title };
}

/** "wants_another_demo" → "Wants another demo". */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What an erasure did, in words (the lead page's data tools). */
export function erasureText(report: { cancelledBookings: number; cancelledSeats: number; removed: number; anonymised: number }): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Erased. ${count(report.cancelledBookings, "upcoming demo", "upcoming demos")} and ${count(report.cancelledSeats, "webinar seat", "webinar seats")} cancelled, ${count(report.removed, "record", "records")} deleted, ${count(report.anonymised, "mention", "mentions")} in others' records replaced.`;
}

/** The insights figures a lead search can list the leads of, as the insights page names them. */
export const FIGURE_LABELS: Record<LeadFigure, string> = {
  contactRequests: "Contact requests",
  bookings: "Bookings",
  requestsBookedWithin7Days: "Booked within 7 days",
  demosHeld: "Demos held",
  demosAttended: "Demos attended",
  noShows: "No-shows",
  callAttempts: "Call attempts",
  callsReached: "Calls that reached someone",
  voicemails: "Voicemail",
  noAnswers: "No answer",
  converted: "Converted",
  leadsWithDemo: "Leads with a demo",
  requestsReached: "Reached live",
  requestsNeverReached: "Never reached",
  webinarRegistered: "Webinar registered",
  webinarRegistrations: "Webinar registrations",
  webinarColleagues: "Webinar colleagues",
  webinarAttended: "Webinar attended",
  webinarStayedEngaged: "Webinar stayed engaged",
};

/** "No-shows · 2026-12-01 to 2026-12-07 (Europe/Berlin) · rep maya · source google" */
export function figureLeadsText(behind: FigureLeads, repName: (id: string) => string = (id) => id): string {
  const parts = [FIGURE_LABELS[behind.figure] ?? behind.figure, `${behind.from} to ${behind.to} (${behind.timeZone})`];
  if (behind.rep) parts.push(behind.rep === "-" ? "not yet assigned" : repName(behind.rep));
  if (behind.offering) parts.push(`offering ${behind.offering}`);
  if (behind.source) parts.push(`source ${behind.source}`);
  return parts.join(" · ");
}
