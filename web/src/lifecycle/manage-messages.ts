// Web: the manage page's words: the booking's state (confirmed, too close to change, over, cancelled,
// just moved) and what a refused reschedule means for the person, in the page's language (page-text.ts).

import type { ApiError } from "../api/api-client";
import type { BookingView } from "../api/api-types";
import { slotMessage } from "../shared/field-errors";
import { apiSentence } from "./link-messages";
import { text } from "../shared/page-text";
import "../page-text/slots";
import "../page-text/lifecycle";
import { slotLabel } from "../booking/slot-groups";
import { isoInZone } from "../booking/zoned-time";

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
        ? text("manage.cancelledNow", { rep: view.rep.firstName })
        : text("manage.cancelledBefore");
    return { heading: text("manage.cancelledHeading"), status, tone: "warn", canChange: false, cancelled: true };
  }
  const base = { heading: text("manage.yourDemo"), tone: "ok" as const, canChange: view.canChange, cancelled: false };
  if (event === "moved") {
    const when = slotLabel(isoInZone(view.start, zone), locale);
    return { ...base, heading: text("manage.movedHeading"), status: text("manage.moved", { when }) };
  }
  if (view.canChange) return { ...base, status: text("manage.confirmed") };
  if (Date.parse(view.end) <= now) return { ...base, tone: "warn", status: text("manage.past") };
  return { ...base, tone: "warn", status: text("manage.soon") };
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
    return { message: text("slots.taken", { when: label }), refresh: true, tooLate: false };
  }
  if (error.code === "too_late_to_change") {
    return { message: text("manage.tooLate"), refresh: false, tooLate: true };
  }
  if (error.code === "same_time") return { message: text("manage.sameTime", { when: label }), refresh: false, tooLate: false };
  if (error.field === "start") return { message: slotMessage(error.message), refresh: true, tooLate: false };
  return { message: apiSentence(error.message), refresh: false, tooLate: false };
}
