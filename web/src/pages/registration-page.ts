// Web: entry point of the registration page (registration.html?registration#token, the manage link in a
// webinar registrant's e-mails). GET /api/registrations/{id} → the session and its members → "Cancel" one
// member or everyone (a confirm step → POST …/cancel) or "Invite colleagues" (POST …/colleagues).

import { apiRequest, type ApiError } from "../api/api-client";
import type { RegistrationCancelBody, RegistrationColleaguesBody, RegistrationView } from "../api/api-types";
import { checkColleagues, sentPositions } from "../webinars/colleague-emails";
import { colleagueFields } from "../webinars/colleague-fields";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { apiSentence, incompleteLink, rejectionNotice, type Notice } from "../lifecycle/link-messages";
import { LINK_TOKEN_HEADER, moveQueryTokenToFragment, registrationLinkFrom, type RegistrationLink } from "../lifecycle/link-params";
import { renderMembers } from "../webinars/member-list";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/webinars";
import "../page-text/lifecycle";
import { apiProblems, registrationErrorTarget, registrationFieldMessage } from "../webinars/registration-form";
import { cancelTarget, registrationStatus, type RegistrationEvent } from "../webinars/registration-messages";
import { zoneDisplayName } from "../booking/time-zone-options";
import { sessionWhenLine } from "../webinars/webinar-sessions";

const heading = byId("registration-heading");
const statusLine = byId("registration-status");
const details = byId("registration-details");
const memberList = byId("member-list");
const registrationAlert = byId("registration-alert");
const actions = byId("registration-actions");
const cancelAllButton = byId<HTMLButtonElement>("cancel-all");
const addButton = byId<HTMLButtonElement>("add-button");
const registerAgain = byId("register-again");
const cancelSection = byId("cancel-step");
const cancelHeading = byId("cancel-heading");
const cancelAlert = byId("cancel-alert");
const cancelConfirm = byId<HTMLButtonElement>("cancel-confirm");
const colleaguesForm = byId<HTMLFormElement>("colleagues-form");
const colleaguesHeading = byId("colleagues-heading");
const colleaguesBox = byId("colleagues");
const colleaguesAlert = byId("colleagues-alert");
const colleaguesSubmit = byId<HTMLButtonElement>("colleagues-submit");

/** The page in the language its link names (?lang=, the registrant's stored one), else the browser's; dates in it. */
const locale = pageLocale(navigator.languages, startPageLanguage());

const state: {
  link?: RegistrationLink;
  view?: RegistrationView;
  event: RegistrationEvent;
  /** Who the last change was about, for the status line. */
  detail?: string;
  /** The members the open cancel step is about; undefined: everyone. */
  cancelling?: string[];
  /** Where focus goes back to when the cancel step closes. */
  cancelOpener?: HTMLElement;
  busy: boolean;
} = { event: "loaded", busy: false };

const colleagues = colleagueFields(byId("colleague-list"), byId<HTMLButtonElement>("add-colleague"), byId("colleagues-hint"), 0, { names: true });

function registrationPath(suffix = ""): string {
  return `/api/registrations/${encodeURIComponent(state.link?.registrationId ?? "")}${suffix}`;
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  for (const control of [cancelAllButton, addButton, cancelConfirm, colleaguesSubmit, ...memberList.querySelectorAll<HTMLButtonElement>("button")]) control.disabled = busy;
  colleagues.setDisabled(busy);
}

// --- The registration -------------------------------------------------------------------------------

function render(): void {
  const view = state.view;
  if (!view) return;
  const text = registrationStatus(view, state.event, state.detail);
  heading.textContent = text.heading;
  statusLine.textContent = text.status;
  statusLine.dataset["tone"] = text.tone;
  byId("session-title").textContent = view.session.title;
  byId("session-when").textContent = sessionWhenLine(view.session, locale);
  byId("session-zone").textContent = zoneDisplayName(view.timeZone);
  renderMembers(memberList, view.members, { cancellable: text.canCancel });
  details.hidden = false;
  actions.hidden = !text.canCancel && !text.canAdd;
  cancelAllButton.hidden = !text.canCancel;
  addButton.hidden = !text.canAdd;
  registerAgain.hidden = view.members.some((member) => member.status !== "cancelled");
  colleagues.setMax(view.colleaguesLeft);
  if (!text.canCancel) closeCancel(false);
  if (!text.canAdd) closeColleagues(false);
}

/** The link cannot be used (expired, forged, unknown registration): say so and offer nothing that needs it. */
function showProblem(notice: Notice, moveFocus: boolean): void {
  heading.textContent = notice.heading;
  statusLine.textContent = notice.message;
  statusLine.dataset["tone"] = "error";
  details.hidden = true;
  actions.hidden = true;
  registerAgain.hidden = false;
  closeCancel(false);
  closeColleagues(false);
  announce(notice.message);
  if (moveFocus) heading.focus();
}

/** 403 and 404 end the page's usefulness; anything else is the caller's to show. */
function linkRefused(status: number, error: ApiError): boolean {
  if (status !== 403 && status !== 404) return false;
  showProblem(rejectionNotice("registration", status, error), true);
  return true;
}

async function load(): Promise<void> {
  if (!state.link) return;
  clearAlert(registrationAlert);
  const result = await apiRequest<RegistrationView>(registrationPath(), { headers: { [LINK_TOKEN_HEADER]: state.link.token } });
  if (!result.ok) {
    if (result.kind === "unavailable") {
      statusLine.textContent = text("registration.loadFailed");
      showAlert(registrationAlert, result.error.message, () => void load());
      return;
    }
    return showProblem(rejectionNotice("registration", result.status, result.error), false);
  }
  state.view = result.data;
  render();
  announce(statusLine.textContent ?? "");
}

/** After a change: the page shows what the API answered, and says what happened. */
function changed(view: RegistrationView, event: RegistrationEvent, detail: string): void {
  state.view = view;
  state.event = event;
  state.detail = detail;
  closeCancel(false);
  closeColleagues(false);
  render();
  heading.focus();
  announce(statusLine.textContent ?? "");
}

// --- Cancel one member or everyone ------------------------------------------------------------------

function openCancel(emails: string[] | undefined, opener: HTMLElement): void {
  if (state.busy || !state.view) return;
  closeColleagues(false);
  clearAlert(cancelAlert);
  state.cancelling = emails;
  state.cancelOpener = opener;
  const who = cancelTarget(state.view.members, emails);
  cancelHeading.textContent = emails ? text("registration.cancelWho", { who }) : text("registration.cancelEveryoneQuestion");
  byId("cancel-text").textContent = emails
    ? text("registration.cancelSomeText", { who })
    : text("registration.cancelAllText");
  cancelConfirm.textContent = emails ? text(emails.length === 1 ? "registration.yesCancelSeat.one" : "registration.yesCancelSeat.other") : text("registration.yesCancelEveryone");
  cancelSection.hidden = false;
  cancelHeading.focus();
}

function closeCancel(returnFocus: boolean): void {
  if (cancelSection.hidden) return;
  cancelSection.hidden = true;
  if (returnFocus) (state.cancelOpener?.isConnected ? state.cancelOpener : cancelAllButton).focus();
}

async function cancel(): Promise<void> {
  if (state.busy || !state.link || !state.view) return;
  clearAlert(cancelAlert);
  const emails = state.cancelling;
  const who = cancelTarget(state.view.members, emails);
  const body: RegistrationCancelBody = { token: state.link.token, ...(emails ? { emails } : {}) };
  setBusy(true);
  cancelConfirm.textContent = text("manage.cancelling");
  announce(text("registration.cancelling", { who }));
  const result = await apiRequest<RegistrationView>(registrationPath("/cancel"), { method: "POST", body });
  setBusy(false);
  cancelConfirm.textContent = text("registration.yesCancel");
  if (result.ok) return changed(result.data, "cancelled", who);
  if (result.kind === "unavailable") {
    showAlert(cancelAlert, text("registration.cancelFailed", { who, reason: result.error.message }), () => void cancel())?.focus();
    return;
  }
  if (linkRefused(result.status, result.error)) return;
  // Too late (the session started) or someone not in the registration any more: the page is out of date.
  showAlert(cancelAlert, cancelProblem(result.error));
  cancelHeading.focus();
  if (result.error.field === "emails") void reloadQuietly();
}

function cancelProblem(error: ApiError): string {
  if (error.code === "too_late_to_change") return text("registration.tooLate");
  if (error.field === "emails") return text("registration.goneMember");
  return apiSentence(error.message);
}

async function reloadQuietly(): Promise<void> {
  if (!state.link) return;
  const result = await apiRequest<RegistrationView>(registrationPath(), { headers: { [LINK_TOKEN_HEADER]: state.link.token } });
  if (!result.ok) return;
  state.view = result.data;
  state.event = "loaded";
  render();
}

// --- Invite colleagues ------------------------------------------------------------------------------

function openColleagues(): void {
  if (state.busy || !state.view) return;
  closeCancel(false);
  clearAlert(colleaguesAlert);
  colleaguesForm.hidden = false;
  addButton.setAttribute("aria-expanded", "true");
  colleaguesHeading.focus();
}

function closeColleagues(returnFocus: boolean): void {
  if (colleaguesForm.hidden) return;
  colleaguesForm.hidden = true;
  addButton.setAttribute("aria-expanded", "false");
  if (returnFocus) addButton.focus();
}

async function addColleagues(): Promise<void> {
  if (state.busy || !state.link || !state.view) return;
  clearAlert(colleaguesAlert);
  clearFieldError(colleaguesBox);
  colleagues.clearErrors();
  const values = colleagues.values();
  const current = state.view.members.filter((member) => member.status !== "cancelled").map((member) => member.email);
  const checked = checkColleagues(values, current);
  if (checked.problems.length > 0) {
    for (const problem of checked.problems) colleagues.showError(problem.index, problem.message, problem.part);
    colleagues.focus(checked.problems[0]!.index, checked.problems[0]!.part);
    return;
  }
  if (checked.emails.length === 0) {
    showFieldError(colleaguesBox, text("registration.addOne"));
    if (values.length === 0) byId("add-colleague").focus();
    else colleagues.focus(0);
    return;
  }
  const sent = sentPositions(values);
  const body: RegistrationColleaguesBody = { token: state.link.token, colleagues: checked.colleagues };
  setBusy(true);
  colleaguesSubmit.textContent = text("registration.sending");
  announce(text("registration.sendingAnnounce"));
  const result = await apiRequest<RegistrationView>(registrationPath("/colleagues"), { method: "POST", body });
  setBusy(false);
  colleaguesSubmit.textContent = text("registration.send");
  if (result.ok) {
    colleagues.reset();
    return changed(result.data, "added", checked.emails.join(", "));
  }
  if (result.kind === "unavailable") {
    showAlert(colleaguesAlert, text("registration.addFailed", { reason: result.error.message }), () => void addColleagues())?.focus();
    return;
  }
  if (linkRefused(result.status, result.error)) return;
  let focused = false;
  const general: string[] = [];
  for (const problem of apiProblems(result.error)) {
    const target = registrationErrorTarget(problem.field, sent);
    if (target.kind !== "field" || target.field !== "colleagues") {
      general.push(apiSentence(problem.message));
      continue;
    }
    const message = registrationFieldMessage(target, problem.message);
    if (target.index !== undefined && colleagues.showError(target.index, message, target.part)) {
      if (!focused) colleagues.focus(target.index, target.part);
    } else if (result.error.code === "registration_closed") {
      general.push(message);
      continue;
    } else {
      showFieldError(colleaguesBox, message);
      if (!focused) byId("add-colleague").focus();
    }
    focused = true;
  }
  if (general.length > 0) {
    showAlert(colleaguesAlert, general.join(" "));
    if (!focused) colleaguesHeading.focus();
  }
  // Full or closed: what the page offers is out of date.
  if (result.status === 409 || result.error.code === "registration_closed") void reloadQuietly();
}

// --- Wiring -----------------------------------------------------------------------------------------

function start(): void {
  scriptReady();
  void applyBrand();
  state.link = registrationLinkFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!state.link) return showProblem(incompleteLink(), false);
  memberList.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button.member-cancel");
    const email = button?.dataset["email"];
    if (button && email) openCancel([email], button);
  });
  cancelAllButton.addEventListener("click", () => openCancel(undefined, cancelAllButton));
  cancelConfirm.addEventListener("click", () => void cancel());
  byId("cancel-back").addEventListener("click", () => !state.busy && closeCancel(true));
  addButton.addEventListener("click", () => (colleaguesForm.hidden ? openColleagues() : closeColleagues(true)));
  byId("colleagues-back").addEventListener("click", () => !state.busy && closeColleagues(true));
  colleaguesForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void addColleagues();
  });
  colleaguesForm.addEventListener("input", () => clearFieldError(colleaguesBox));
  // Escape backs out of an open step, as from a dialog.
  cancelSection.addEventListener("keydown", (event) => event.key === "Escape" && !state.busy && closeCancel(true));
  colleaguesForm.addEventListener("keydown", (event) => event.key === "Escape" && !state.busy && closeColleagues(true));
  void load();
}

start();
