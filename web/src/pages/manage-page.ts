// Web: entry point of the manage page (manage.html?booking#token, the link in the prospect's e-mails).
// GET /api/bookings/{id} → the booking in a zone the person can switch → "Pick a new time" (its slots → a
// picked time to confirm → POST …/reschedule, then the page takes the new link) or "Cancel" (a confirm step → POST …/cancel).

import { apiRequest, type ApiError } from "../api/api-client";
import type { BookingConfirmed, BookingView, CancelBody, Cancelled, RescheduleBody, SlotsResponse } from "../api/api-types";
import { renderConfirmation } from "../booking/confirmation";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { apiSentence, incompleteLink, rejectionNotice, type Notice } from "../lifecycle/link-messages";
import { LINK_TOKEN_HEADER, manageLinkFrom, moveQueryTokenToFragment, replacementLocation, type ManageLink } from "../lifecycle/link-params";
import { manageText, rescheduleProblem, type ManageEvent } from "../lifecycle/manage-messages";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { pageLanguage, startPageLanguage, text } from "../shared/page-text";
import "../page-text/slots";
import "../page-text/lifecycle";
import { slotLabel } from "../booking/slot-groups";
import { setSlotsBusy } from "../booking/slot-list";
import { slotPicker } from "../booking/slot-picker";
import { slotReviewStep } from "../booking/slot-review-step";
import { detectedTimeZone, zoneDisplayName } from "../booking/time-zone-options";
import { fillZoneSelect } from "../booking/zone-select";
import { isoInZone } from "../booking/zoned-time";

const card = byId("booking");
const heading = byId("booking-heading");
const statusLine = byId("manage-status");
const details = byId("booking-details");
const zoneSelect = byId<HTMLSelectElement>("timeZone");
const zoneField = byId("zone-field");
const manageAlert = byId("manage-alert");
const actions = byId("manage-actions");
const rescheduleButton = byId<HTMLButtonElement>("reschedule-button");
const cancelButton = byId<HTMLButtonElement>("cancel-button");
const rebook = byId("rebook");
const rescheduleSection = byId("reschedule");
const rescheduleHeading = byId("reschedule-heading");
const slotsZoneName = byId("slots-zone-name");
const slotsAlert = byId("slots-alert");
const slotList = byId("slot-list");
const cancelSection = byId("cancel-step");
const cancelHeading = byId("cancel-heading");
const cancelForm = byId<HTMLFormElement>("cancel-form");
const reason = byId<HTMLTextAreaElement>("reason");
const cancelAlert = byId("cancel-alert");
const cancelConfirm = byId<HTMLButtonElement>("cancel-confirm");

/** The page in the language its link names (?lang=, the prospect's stored one), else the browser's; dates in it. */
const locale = pageLocale(navigator.languages, startPageLanguage());

const state: {
  /** The booking and its token; a reschedule replaces the token (the old one stops working). */
  link?: ManageLink;
  view?: BookingView;
  /** The zone times are shown in: the booking's own until the person picks another. */
  zone: string;
  event: ManageEvent;
  /** Calendar links for the time the booking was just moved to (GET gives none). */
  calendar?: Pick<BookingConfirmed, "icsUrl" | "googleCalendarUrl">;
  busy: boolean;
  /** Ignores slot responses overtaken by a later zone change. */
  slotsRequest: number;
} = { zone: detectedTimeZone(), event: "loaded", busy: false, slotsRequest: 0 };

// Picking a time only shows it; "Confirm this time" moves the demo.
const reviewStep = slotReviewStep({ slotList, locale, action: text("manage.moveTo"), onConfirm: (start) => void reschedule(start), fallbackFocus: rescheduleHeading });
const picker = slotPicker(slotList, {
  locale,
  onPick: (start) => {
    if (!state.busy) reviewStep.open(start, state.zone);
  },
  isBusy: () => state.busy,
  emptyText: text("manage.noOtherTimes"),
});

function bookingPath(suffix = ""): string {
  return `/api/bookings/${encodeURIComponent(state.link?.bookingId ?? "")}${suffix}`;
}

function setBusy(busy: boolean, pendingStart?: string): void {
  state.busy = busy;
  for (const control of [zoneSelect, rescheduleButton, cancelButton, cancelConfirm]) control.disabled = busy;
  reviewStep.setBusy(busy);
  setSlotsBusy(slotList, busy ? (pendingStart ?? "") : undefined);
}

// --- The booking ------------------------------------------------------------------------------------

function renderView(): void {
  const view = state.view;
  if (!view) return;
  const cancelled = view.status === "cancelled";
  renderConfirmation(
    card,
    {
      ...view,
      start: isoInZone(view.start, state.zone),
      end: isoInZone(view.end, state.zone),
      timeZone: state.zone,
      // No joining a cancelled call.
      joinUrl: cancelled ? "" : view.joinUrl,
      ...(cancelled ? {} : state.calendar),
    },
    view.offering,
    locale,
  );
  const text = manageText(view, state.event, state.zone, locale);
  heading.textContent = text.heading;
  statusLine.textContent = text.status;
  statusLine.dataset["tone"] = text.tone;
  details.hidden = false;
  card.classList.toggle("booking--cancelled", cancelled);
  // Which zone a call that will not happen is shown in no longer matters.
  zoneField.hidden = cancelled;
  actions.hidden = !text.canChange;
  rebook.hidden = !text.cancelled;
  if (!text.canChange) closeSteps();
}

/**
 * The link cannot be used (expired, replaced, unknown booking): say so and offer nothing that needs it.
 * An expired link has a newer one in the person's mail; for a booking we cannot find, booking anew is the way.
 */
function showProblem(notice: Notice, moveFocus: boolean, offerBooking = false): void {
  heading.textContent = notice.heading;
  statusLine.textContent = notice.message;
  statusLine.dataset["tone"] = "error";
  details.hidden = true;
  actions.hidden = true;
  rebook.hidden = !offerBooking;
  closeSteps();
  announce(notice.message);
  if (moveFocus) heading.focus();
}

/** A request was refused: 403 and 404 end the page's usefulness; anything else is the caller's to show. */
function linkRefused(status: number, error: ApiError): boolean {
  if (status !== 403 && status !== 404) return false;
  showProblem(rejectionNotice("manage", status, error), true, status === 404);
  return true;
}

async function load(): Promise<void> {
  if (!state.link) return;
  clearAlert(manageAlert);
  const result = await apiRequest<BookingView>(bookingPath(), { headers: { [LINK_TOKEN_HEADER]: state.link.token } });
  if (!result.ok) {
    if (result.kind === "unavailable") {
      statusLine.textContent = text("manage.loadFailed");
      showAlert(manageAlert, result.error.message, () => void load());
      return;
    }
    return showProblem(rejectionNotice("manage", result.status, result.error), false, result.status === 404);
  }
  state.view = result.data;
  state.zone = result.data.timeZone;
  // The person's own zone is offered too, for "what time is that for me?".
  fillZoneSelect(zoneSelect, state.zone, [detectedTimeZone()]);
  renderView();
  announce(statusLine.textContent ?? "");
}

// --- Time zone --------------------------------------------------------------------------------------

let zoneChangeTimer: number | undefined;

function changeZone(): void {
  // Arrow keys on a closed <select> fire "change" per option: wait until the person settles.
  window.clearTimeout(zoneChangeTimer);
  zoneChangeTimer = window.setTimeout(() => {
    if (zoneSelect.value === state.zone || state.busy) return;
    state.zone = zoneSelect.value;
    renderView();
    announce(text("manage.zoneNow", { zone: zoneDisplayName(state.zone) }));
    if (rescheduleSection.hidden) return;
    clearAlert(slotsAlert);
    void loadSlots();
  }, 300);
}

// --- Steps: pick a new time, cancel -----------------------------------------------------------------

function closeSteps(): void {
  reviewStep.close();
  rescheduleSection.hidden = true;
  cancelSection.hidden = true;
  rescheduleButton.setAttribute("aria-expanded", "false");
  cancelButton.setAttribute("aria-expanded", "false");
}

function openStep(step: "reschedule" | "cancel"): void {
  closeSteps();
  clearAlert(manageAlert);
  const section = step === "reschedule" ? rescheduleSection : cancelSection;
  section.hidden = false;
  (step === "reschedule" ? rescheduleButton : cancelButton).setAttribute("aria-expanded", "true");
  (step === "reschedule" ? rescheduleHeading : cancelHeading).focus();
  if (step === "reschedule") {
    clearAlert(slotsAlert);
    void loadSlots();
  }
}

function closeStep(returnFocusTo: HTMLElement): void {
  if (state.busy) return;
  closeSteps();
  returnFocusTo.focus();
}

// --- Reschedule -------------------------------------------------------------------------------------

async function loadSlots(): Promise<void> {
  if (!state.link || !state.view) return;
  const request = ++state.slotsRequest;
  const timeZone = state.zone;
  slotsZoneName.textContent = zoneDisplayName(timeZone);
  slotList.setAttribute("aria-busy", "true");
  if (!slotList.querySelector("button")) slotList.replaceChildren(loadingNote());
  announce(text("slots.loading"));
  const query = new URLSearchParams({ timeZone });
  const result = await apiRequest<SlotsResponse>(`${bookingPath("/slots")}?${query}`, { headers: { [LINK_TOKEN_HEADER]: state.link.token } });
  if (request !== state.slotsRequest) return;
  slotList.setAttribute("aria-busy", "false");
  if (!result.ok) {
    if (result.kind === "rejected" && linkRefused(result.status, result.error)) return;
    slotList.querySelector(".slots-loading")?.remove();
    showAlert(slotsAlert, text("slots.loadFailed", { reason: apiSentence(result.error.message) }), () => void loadSlots());
    return;
  }
  reviewStep.close();
  // The demo's own time is offered as free; moving to it would change nothing.
  const current = Date.parse(state.view.start);
  const { times, days } = picker.show(result.data.slots.filter((slot) => Date.parse(slot.start) !== current));
  announce(times === 0 ? text("manage.noOtherTimesShort") : text("slots.announce", { times, days }));
}

function loadingNote(): HTMLElement {
  const note = document.createElement("p");
  note.className = "slots-loading";
  note.textContent = text("slots.loading");
  return note;
}

async function reschedule(start: string): Promise<void> {
  if (state.busy || !state.link) return;
  clearAlert(slotsAlert);
  const label = slotLabel(start, locale);
  setBusy(true, start);
  announce(text("manage.moving", { when: label }));
  const body: RescheduleBody = { token: state.link.token, start };
  const result = await apiRequest<BookingConfirmed>(bookingPath("/reschedule"), { method: "POST", body });
  setBusy(false);
  if (result.ok) return moved(result.data);
  if (result.kind === "unavailable") {
    showAlert(slotsAlert, text("manage.moveFailed", { when: label, reason: result.error.message }), () => void reschedule(start))?.focus();
    return;
  }
  if (linkRefused(result.status, result.error)) return;
  const problem = rescheduleProblem(result.error, label);
  if (problem.tooLate && state.view) {
    state.view = { ...state.view, canChange: false };
    renderView();
    showAlert(manageAlert, problem.message);
    heading.focus();
    return;
  }
  showAlert(slotsAlert, problem.message);
  if (problem.refresh) await loadSlots();
  rescheduleHeading.focus();
}

function moved(confirmation: BookingConfirmed): void {
  // The old token stops working after a change: the page (and a reload, or a bookmark) takes the new one.
  const next = replacementLocation(confirmation.manageUrl, location.href);
  if (next) {
    state.link = next.link;
    history.replaceState(null, "", next.href);
  }
  const { id, start, end, timeZone, rep, secondRep, joinUrl, icsUrl, googleCalendarUrl } = confirmation;
  if (state.view) {
    const { secondRep: _previous, ...rest } = state.view;
    state.view = { ...rest, id, status: "confirmed", start, end, timeZone, rep, ...(secondRep ? { secondRep } : {}), joinUrl };
  }
  state.calendar = { icsUrl, googleCalendarUrl };
  state.event = "moved";
  closeSteps();
  renderView();
  heading.focus();
  announce(statusLine.textContent ?? "");
}

// --- Cancel -----------------------------------------------------------------------------------------

async function cancel(): Promise<void> {
  if (state.busy || !state.link) return;
  clearAlert(cancelAlert);
  clearFieldError(reason);
  const note = reason.value.trim();
  const body: CancelBody = { token: state.link.token, ...(note ? { reason: note } : {}) };
  setBusy(true);
  cancelConfirm.textContent = text("manage.cancelling");
  announce(text("manage.cancellingDemo"));
  const result = await apiRequest<Cancelled>(bookingPath("/cancel"), { method: "POST", body });
  setBusy(false);
  cancelConfirm.textContent = text("manage.cancelConfirm");
  if (result.ok) {
    if (state.view) state.view = { ...state.view, status: "cancelled", canChange: false };
    state.calendar = undefined;
    state.event = "cancelled";
    closeSteps();
    renderView();
    heading.focus();
    announce(statusLine.textContent ?? "");
    return;
  }
  if (result.kind === "unavailable") {
    showAlert(cancelAlert, text("manage.cancelFailed", { reason: result.error.message }), () => void cancel())?.focus();
    return;
  }
  if (linkRefused(result.status, result.error)) return;
  if (result.error.field === "reason") {
    showFieldError(reason, apiSentence(result.error.message, text("manage.reasonLabel")));
    reason.focus();
    return;
  }
  showAlert(cancelAlert, apiSentence(result.error.message));
  cancelHeading.focus();
}

// --- Wiring -----------------------------------------------------------------------------------------

function start(): void {
  scriptReady();
  void applyBrand();
  state.link = manageLinkFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  // "Book another time" keeps the page's language.
  byId<HTMLAnchorElement>("rebook-link").search = `?${new URLSearchParams({ lang: pageLanguage() })}`;
  if (!state.link) return showProblem(incompleteLink(), false);
  zoneSelect.addEventListener("change", changeZone);
  rescheduleButton.addEventListener("click", () => (rescheduleSection.hidden ? openStep("reschedule") : closeStep(rescheduleButton)));
  cancelButton.addEventListener("click", () => (cancelSection.hidden ? openStep("cancel") : closeStep(cancelButton)));
  byId("reschedule-close").addEventListener("click", () => closeStep(rescheduleButton));
  byId("cancel-back").addEventListener("click", () => closeStep(cancelButton));
  byId("change-zone").addEventListener("click", () => zoneSelect.focus());
  // Escape backs out of an open step, as from a dialog.
  rescheduleSection.addEventListener("keydown", (event) => event.key === "Escape" && closeStep(rescheduleButton));
  cancelSection.addEventListener("keydown", (event) => event.key === "Escape" && closeStep(cancelButton));
  cancelForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void cancel();
  });
  reason.addEventListener("input", () => clearFieldError(reason));
  void load();
}

start();
