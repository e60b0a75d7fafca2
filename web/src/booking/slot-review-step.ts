// Web: the second step of picking a time on the booking and manage pages — a picked time is only shown
// (in the zone the times are listed in, named) until the person presses the confirm button; "Pick another
// time" goes back to the list, on the time that was picked. The page's markup has one `.slot-review` box
// whose ids start with `slot-review-` (index.html, manage.html).

import { announce } from "../shared/notices";
import { byId } from "../shared/page-dom";
import { text } from "../shared/page-text";
import "../page-text/slots";
import { slotReview } from "./slot-review";

export interface SlotReviewStep {
  /** Shows the picked time for confirmation, moves focus to it and announces it. */
  open(start: string, timeZone: string): void;
  /** Hides the box and forgets the pick (after a new list of times, or a booking). */
  close(): void;
  setBusy(busy: boolean): void;
}

export interface SlotReviewOptions {
  slotList: HTMLElement;
  locale: string;
  /** "Book" or "Move your demo to": the start of the question screen readers hear. */
  action: string;
  /** What "Confirm this time" does with the picked time. */
  onConfirm: (start: string) => void;
  /** Where focus goes back to when the picked time is no longer listed. */
  fallbackFocus: HTMLElement;
}

export function slotReviewStep(options: SlotReviewOptions): SlotReviewStep {
  const box = byId("slot-review");
  const confirm = byId<HTMLButtonElement>("slot-review-confirm");
  const back = byId<HTMLButtonElement>("slot-review-back");
  let picked: string | undefined;

  const slotButtons = () => [...options.slotList.querySelectorAll<HTMLButtonElement>("button.slot")];

  function open(start: string, timeZone: string): void {
    picked = start;
    const words = slotReview(start, timeZone, options.locale, options.action);
    byId("slot-review-when").textContent = words.when;
    byId("slot-review-zone").textContent = words.zone;
    confirm.setAttribute("aria-describedby", "slot-review-when slot-review-zone");
    box.hidden = false;
    for (const button of slotButtons()) button.setAttribute("aria-pressed", String(button.dataset["start"] === start));
    byId("slot-review-heading").focus();
    announce(text("review.announce", { prompt: words.prompt, confirm: text("review.confirm"), back: text("review.back") }));
  }

  function close(): void {
    picked = undefined;
    box.hidden = true;
    for (const button of slotButtons()) button.removeAttribute("aria-pressed");
  }

  function pickAnother(): void {
    const was = picked;
    close();
    (slotButtons().find((candidate) => candidate.dataset["start"] === was) ?? options.fallbackFocus).focus();
  }

  confirm.addEventListener("click", () => {
    if (picked) options.onConfirm(picked);
  });
  back.addEventListener("click", pickAnother);
  return {
    open,
    close,
    setBusy: (busy) => {
      confirm.disabled = busy;
      back.disabled = busy;
    },
  };
}
