// Web: the lead page's "Book a demo" (console-page.ts shows it for every lead the rep may open) — pick a
// demo offering, list the times the lead's details route to (GET /api/leads/{id}/slots, in the lead's
// zone and hours), pick one, see it in the lead's time and the rep's, confirm; POST /api/leads/{id}/bookings
// books it with one Idempotency-Key per attempt, and the prospect gets the normal invitation. The day
// picker and the confirm step are the booking page's own (slot-picker.ts, slot-review-step.ts).

import type { ApiResult, RequestOptions } from "../api/api-client";
import type { BookingConfirmed, Offering, SlotsResponse } from "../api/api-types";
import { BookingAttempts } from "../api/idempotency-key";
import { firstName, timeForRep, type ZonedPerson } from "./lead-time";
import { announce } from "../shared/notices";
import { byId } from "../shared/page-dom";
import { slotPicker } from "../booking/slot-picker";
import { slotReviewStep } from "../booking/slot-review-step";

type Api = <T>(path: string, options?: RequestOptions) => Promise<ApiResult<T>>;
type Problem = (result: Extract<ApiResult<unknown>, { ok: false }>, retry?: () => void) => void;

export interface BookableLead extends ZonedPerson {
  id: string;
}

export interface LeadBooking {
  /** Shows the tools for this lead (or hides them) and forgets the times and the last result. */
  showFor(lead: BookableLead | undefined): void;
}

export function leadBooking(api: Api, problem: Problem, repTimeZone: string, onBooked: () => void): LeadBooking {
  const section = byId("lead-booking");
  const offeringSelect = byId<HTMLSelectElement>("lead-booking-offering");
  const showButton = byId<HTMLButtonElement>("lead-booking-show");
  const summary = byId("lead-booking-summary");
  const slotList = byId("slot-list");
  const repTime = byId("lead-booking-rep-time");
  const result = byId("lead-booking-result");
  const attempts = new BookingAttempts();
  let lead: BookableLead | undefined;
  let busy = false;
  let offeringsLoaded = false;

  const setResult = (text: string | undefined) => {
    result.textContent = text ?? "";
    result.hidden = !text;
  };
  const review = slotReviewStep({ slotList, locale: "en-US", action: "Book", onConfirm: (start) => void book(start), fallbackFocus: showButton });
  const picker = slotPicker(slotList, {
    locale: "en-US",
    onPick: (start) => {
      if (!lead || busy) return;
      review.open(start, lead.timeZone);
      repTime.textContent = `That is ${timeForRep(new Date(start), lead, repTimeZone, { withDay: true })}.`;
    },
    isBusy: () => busy,
    emptyText: "No open times in the next 14 days for this lead.",
  });

  async function loadOfferings(): Promise<void> {
    if (offeringsLoaded) return;
    const answer = await api<Offering[]>("/api/offerings");
    if (!answer.ok) return problem(answer, () => void loadOfferings());
    offeringSelect.replaceChildren(...answer.data.filter((offering) => offering.kind === "demo").map((offering) => new Option(`${offering.title} (${offering.durationMinutes} min)`, offering.id)));
    offeringsLoaded = true;
  }

  function clearTimes(): void {
    review.close();
    slotList.replaceChildren();
    summary.hidden = true;
    repTime.textContent = "";
  }

  async function showTimes(): Promise<void> {
    if (!lead || busy) return;
    setResult(undefined);
    clearTimes();
    slotList.setAttribute("aria-busy", "true");
    const query = new URLSearchParams({ offering: offeringSelect.value });
    const answer = await api<SlotsResponse>(`/api/leads/${encodeURIComponent(lead.id)}/slots?${query}`);
    slotList.setAttribute("aria-busy", "false");
    if (!answer.ok) return problem(answer, () => void showTimes());
    const shown = picker.show(answer.data.slots);
    summary.textContent = shown.times
      ? `${shown.times} open time${shown.times === 1 ? "" : "s"} over ${shown.days} day${shown.days === 1 ? "" : "s"}, in ${firstName(lead.name)}'s time (${lead.timeZone}).`
      : `No open times in the next 14 days for ${lead.name}.`;
    summary.hidden = false;
    summary.focus();
  }

  async function book(start: string): Promise<void> {
    if (!lead || busy) return;
    busy = true;
    review.setBusy(true);
    announce("Booking…");
    const answer = await api<BookingConfirmed>(`/api/leads/${encodeURIComponent(lead.id)}/bookings`, {
      method: "POST",
      body: { offering: offeringSelect.value, start },
      headers: { "Idempotency-Key": attempts.keyFor(start) },
    });
    busy = false;
    review.setBusy(false);
    if (!answer.ok && answer.kind === "unavailable") return problem(answer, () => void book(start));
    attempts.settle();
    if (!answer.ok) {
      // Taken meanwhile, or no longer a slot: say so and show the times as they are now.
      await showTimes();
      setResult(answer.error.message);
      result.focus();
      return;
    }
    clearTimes();
    setResult(`Booked: ${answer.data.offering.title} with ${answer.data.rep.name}, ${timeForRep(new Date(answer.data.start), lead, repTimeZone, { withDay: true })}. ${firstName(lead.name)} has been sent the invitation.`);
    result.focus();
    onBooked();
  }

  showButton.addEventListener("click", () => void showTimes());
  offeringSelect.addEventListener("change", clearTimes);

  return {
    showFor(next) {
      lead = next;
      section.hidden = !next;
      clearTimes();
      setResult(undefined);
      if (next) void loadOfferings();
    },
  };
}
