// Web: the manage page's words: the booking's state (confirmed, too close to change, over, cancelled,
// just moved) and what a refused reschedule means for the person.

import type { ApiError } from "./api-client";
import type { BookingView } from "./api-types";
import { slotMessage } from "./field-errors";
import { apiSentence } from "./link-messages";
import { slotLabel } from "./slot-groups";
import { isoInZone } from "./zoned-time";

/** What just happened on the page: the text thanks for a change, not only describes the booking. */
export type ManageEvent = "loaded" | "moved" | "cancelled";

export interface ManageText {
  heading: string;
  /** One line that starts with the state ("Confirmed", "Cancelled", "Rescheduled to …"). */
  status: string;
  tone: "ok" | "warn";
  /** Offer "Pick a new time" and "Cancel". */
  canChange: boolean;
  /** Offer "Book another time". */
  cancelled: boolean;
}

type ViewState = Pick<BookingView, "status" | "canChange" | "start" | "end" | "rep">;

/** `zone` is the zone the page shows times in (the person may have switched it). */
export function manageText(view: ViewState, event: ManageEvent, zone: string, locale = "en-US", now = Date.now()): ManageText {
  if (view.status === "cancelled") {
    const status =
      event === "cancelled"
        ? `Cancelled. We've let ${view.rep.firstName} know and e-mailed you a confirmation.`
        : "Cancelled. This demo will not take place.";
    return { heading: "Your demo is cancelled", status, tone: "warn", canChange: false, cancelled: true };
  }
  const base = { heading: "Your demo", tone: "ok" as const, canChange: view.canChange, cancelled: false };
  if (event === "moved") {
    const when = slotLabel(isoInZone(view.start, zone), locale);
    return { ...base, heading: "Your demo has moved", status: `Rescheduled to ${when}. We've e-mailed you an updated invitation.` };
  }
  if (view.canChange) return { ...base, status: "Confirmed. Need another time? Pick a new one or cancel below." };
  if (Date.parse(view.end) <= now) return { ...base, tone: "warn", status: "This demo has already taken place, so it can no longer be changed." };
  return { ...base, tone: "warn", status: "Confirmed. It starts soon, so it is too close to change it here — join with the link below." };
}

export interface RescheduleProblem {
  message: string;
  /** The list of times is out of date: load it again. */
  refresh: boolean;
  /** The demo can no longer be moved at all: close the picker. */
  tooLate: boolean;
}

/** A 409 or 422 answer to POST /api/bookings/{id}/reschedule; `label` names the chosen time. */
export function rescheduleProblem(error: ApiError, label: string): RescheduleProblem {
  if (error.code === "slot_taken") {
    return { message: `Sorry, ${label} was just taken by someone else. Here are the times that are still open.`, refresh: true, tooLate: false };
  }
  if (error.code === "too_late_to_change") {
    return { message: "It is now too close to the demo to change it. Please join with the link above.", refresh: false, tooLate: true };
  }
  if (error.code === "same_time") return { message: `${label} is already your demo's time. Please pick another time.`, refresh: false, tooLate: false };
  if (error.field === "start") return { message: slotMessage(error.message), refresh: true, tooLate: false };
  return { message: apiSentence(error.message), refresh: false, tooLate: false };
}
