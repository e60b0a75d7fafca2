// Web: entry point of the webinars page (/webinars, webinars.html?session). Wires the DOM to the flow:
// GET /api/webinars in the visitor's zone (again on a zone change) → a chosen session → the registration
// form with colleagues → POST /api/webinars/{id}/registrations → "check your inbox" with the session's
// calendar links; a full session (409) offers the next session with room, or the waitlist. Rendering,
// checks and words live in the modules below.

import { apiRequest, type ApiError } from "../api/api-client";
import type { RegistrationAccepted, WebinarList, WebinarSession } from "../api/api-types";
import { MAX_COLLEAGUES, sentPositions } from "../webinars/colleague-emails";
import { colleagueFields } from "../webinars/colleague-fields";
import { setLink } from "../booking/confirmation";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { apiSentence } from "../lifecycle/link-messages";
import { leadSourceOf, withSource } from "../booking/lead-source";
import { sessionIdFrom } from "../lifecycle/link-params";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/webinars";
import { fillPageLanguages, followLanguageChoice } from "../shared/language-choice";
import { protectionFields, startProtection } from "../api/protection";
import {
  REGISTRATION_FIELDS,
  apiProblems,
  readRegistrationForm,
  registrationBody,
  registrationErrorTarget,
  registrationFieldMessage,
  sessionMessage,
  validateRegistration,
  type RegistrationProblem,
} from "../webinars/registration-form";
import { confirmationText } from "../webinars/registration-messages";
import { markChosen, renderSessions } from "../webinars/session-list";
import { slotLabel } from "../booking/slot-groups";
import { detectedTimeZone, zoneDisplayName } from "../booking/time-zone-options";
import { availability, findSession, fullOffer, seatsText, sessionWhenLine, type FullOffer } from "../webinars/webinar-sessions";
import { fillZoneSelect } from "../booking/zone-select";
import { embeddedPage } from "../embed/embedded-page";
import { HOST_EVENTS } from "../embed/embed-messages";

/** Read before the page rewrites its address: the utm_* and ref it was opened with. */
const source = leadSourceOf(location.href, document.referrer);
/** Framed by embed.js on another site: the webinar it names, its prefill, where its events go. */
const embed = embeddedPage();
const sessionsSection = byId("sessions");
const sessionsAlert = byId("sessions-alert");
const sessionList = byId("session-list");
const zoneSelect = byId<HTMLSelectElement>("timeZone");
const form = byId<HTMLFormElement>("registration-form");
startProtection();
const detailsHeading = byId("details-heading");
const chosenLine = byId("chosen-session");
const colleaguesBox = byId("colleagues");
const formAlert = byId("form-alert");
const submitButton = byId<HTMLButtonElement>("submit-registration");
const offerBox = byId("full-offer");
const takeNextButton = byId<HTMLButtonElement>("take-next");
const waitlistButton = byId<HTMLButtonElement>("join-waitlist");
const confirmation = byId("confirmation");

/** The page in the reader's language (?lang=, else the browser's; the form's select changes it), dates in it. */
let locale = pageLocale(navigator.languages, startPageLanguage());

const state: {
  zone: string;
  sessions: WebinarSession[];
  chosen?: WebinarSession;
  /** ?session= of the link this page was opened with (the "next session" link in a cancellation). */
  preselect?: string;
  offer?: FullOffer;
  busy: boolean;
  /** Ignores list responses overtaken by a later zone change. */
  listRequest: number;
} = { zone: detectedTimeZone(), sessions: [], busy: false, listRequest: 0 };

const colleagues = colleagueFields(byId("colleague-list"), byId<HTMLButtonElement>("add-colleague"), byId("colleagues-hint"), MAX_COLLEAGUES, { names: true });

function setBusy(busy: boolean, label?: string): void {
  state.busy = busy;
  for (const control of [submitButton, takeNextButton, waitlistButton, zoneSelect]) control.disabled = busy;
  colleagues.setDisabled(busy);
  submitButton.textContent = label ?? text("webinars.register");
}

// --- Step 1: sessions -------------------------------------------------------------------------------

async function loadSessions(): Promise<void> {
  const request = ++state.listRequest;
  const timeZone = state.zone;
  sessionList.setAttribute("aria-busy", "true");
  const query = new URLSearchParams({ timeZone, ...(embed?.context.offering ? { offering: embed.context.offering } : {}) });
  const result = await apiRequest<WebinarList>(`/api/webinars?${query}`);
  if (request !== state.listRequest) return;
  sessionList.setAttribute("aria-busy", "false");
  if (!result.ok) {
    sessionList.querySelector(".slots-loading")?.remove();
    if (result.kind === "rejected" && result.error.field === "timeZone") {
      showFieldError(zoneSelect, apiSentence(result.error.message));
      return;
    }
    showAlert(sessionsAlert, text("webinars.loadFailed", { reason: result.error.message }), () => void loadSessions());
    return;
  }
  clearAlert(sessionsAlert);
  state.sessions = result.data.sessions;
  const wanted = state.chosen?.id ?? state.preselect;
  const chosen = findSession(state.sessions, wanted);
  const usable = chosen && availability(chosen) !== "closed" ? chosen : undefined;
  renderSessions(sessionList, state.sessions, usable?.id, locale);
  if (usable) {
    // The same session, now written in the new zone and with today's seats.
    const opening = state.chosen === undefined;
    state.chosen = usable;
    showChosen();
    if (opening) openForm(true);
  } else if (wanted) {
    state.chosen = undefined;
    form.hidden = true;
    showAlert(sessionsAlert, text("webinars.chosenClosed"));
  }
  state.preselect = undefined;
  announce(text(state.sessions.length === 1 ? "webinars.count.one" : "webinars.count.other", { count: state.sessions.length }));
}

function choose(id: string | undefined): void {
  const session = findSession(state.sessions, id);
  if (!session || availability(session) === "closed" || state.busy) return;
  const changed = state.chosen?.id !== session.id;
  state.chosen = session;
  markChosen(sessionList, session.id);
  if (changed) hideOffer();
  clearAlert(formAlert);
  showChosen();
  openForm(true);
  // A reload or a shared address opens the same session.
  history.replaceState(null, "", `${location.pathname}?${new URLSearchParams({ session: session.id })}`);
}

function showChosen(): void {
  const session = state.chosen;
  if (!session) return;
  colleagues.setMax(session.maxColleagues);
  chosenLine.textContent = text("webinars.chosen", { title: session.title, when: sessionWhenLine(session, locale), zone: zoneDisplayName(state.zone), seats: seatsText(session) });
}

function openForm(moveFocus: boolean): void {
  form.hidden = false;
  if (moveFocus) detailsHeading.focus();
  if (state.chosen) announce(`Chosen: ${state.chosen.title}, ${slotLabel(state.chosen.start, locale)}. Please enter your details.`);
}

let zoneChangeTimer: number | undefined;

function changeZone(): void {
  clearFieldError(zoneSelect);
  // Arrow keys on a closed <select> fire "change" per option: wait until the person settles.
  window.clearTimeout(zoneChangeTimer);
  zoneChangeTimer = window.setTimeout(() => {
    if (zoneSelect.value === state.zone || state.busy) return;
    state.zone = zoneSelect.value;
    announce(text("webinars.loadingZone", { zone: zoneDisplayName(state.zone) }));
    void loadSessions();
  }, 300);
}

// --- Step 2: register -------------------------------------------------------------------------------

function clearErrors(): void {
  for (const field of REGISTRATION_FIELDS) {
    const control = field === "colleagues" ? colleaguesBox : form.elements.namedItem(field);
    if (control instanceof HTMLElement) clearFieldError(control);
  }
  colleagues.clearErrors();
}

/** Shows problems next to their fields (one colleague's input, when one is named) and focuses the first. */
function showProblems(problems: readonly RegistrationProblem[]): void {
  let first: (() => void) | undefined;
  for (const problem of problems) {
    if (problem.field === "colleagues" && problem.index !== undefined && colleagues.showError(problem.index, problem.message, problem.part)) {
      const { index, part } = problem;
      first ??= () => colleagues.focus(index, part);
      continue;
    }
    const control = problem.field === "colleagues" ? colleaguesBox : form.elements.namedItem(problem.field);
    if (!(control instanceof HTMLElement)) continue;
    showFieldError(control, problem.message);
    first ??= () => (problem.field === "colleagues" ? byId("add-colleague") : control).focus();
  }
  first?.();
  announce(problems.length === 1 ? text("announce.fixField") : text("announce.fixFields", { count: problems.length }));
}

async function submit(waitlist = false): Promise<void> {
  const session = state.chosen;
  if (state.busy || !session) return;
  clearErrors();
  clearAlert(formAlert);
  const values = readRegistrationForm(form, colleagues.values());
  const problems = validateRegistration(values);
  if (problems.length > 0) return showProblems(problems);

  hideOffer();
  const sent = sentPositions(values.colleagues);
  setBusy(true, text(waitlist ? "webinars.joiningWaitlist" : "webinars.registering"));
  announce(text(waitlist ? "webinars.joiningWaitlist" : "webinars.registering"));
  const body = { ...withSource(registrationBody(values, waitlist), source), ...(await protectionFields(form)) };
  const result = await apiRequest<RegistrationAccepted>(`/api/webinars/${encodeURIComponent(session.id)}/registrations`, { method: "POST", body });
  setBusy(false);

  // 202 for a new registration and for an address that holds a place already: the details come by e-mail.
  if (result.ok) {
    if (!waitlist) embed?.post({ type: HOST_EVENTS.booked, start: result.data.session.start, offering: session.offering.id });
    return showConfirmation(result.data, body.colleagues?.length ?? 0, waitlist, values.timeZone);
  }
  if (result.kind === "unavailable") {
    // Registering is safe to repeat: an address that holds a place keeps it (and gets its registration again).
    showAlert(formAlert, text("webinars.registerFailed", { reason: result.error.message }), () => void submit(waitlist))?.focus();
    return;
  }
  const offer = fullOffer(result.error, locale);
  if (offer) return showOffer(offer);
  showApiError(result.status, result.error, sent);
}

function showApiError(status: number, error: ApiError, sent: readonly number[]): void {
  const problems: RegistrationProblem[] = [];
  const general: string[] = [];
  let sessionGone = status === 404;
  for (const problem of apiProblems(error)) {
    const target = registrationErrorTarget(problem.field, sent);
    if (target.kind === "field") problems.push({ ...target, message: registrationFieldMessage(target, problem.message) });
    else if (target.kind === "session") {
      sessionGone = true;
      general.push(sessionMessage(problem.message));
    } else general.push(apiSentence(problem.message));
  }
  if (sessionGone) return void sessionClosed(general.join(" ") || text("webinars.sessionClosed"));
  if (problems.length > 0) showProblems(problems);
  if (general.length === 0) return;
  showAlert(formAlert, general.join(" "));
  if (problems.length === 0) submitButton.focus();
}

/** The chosen session closed (its cut-off passed) or is gone: the list is out of date, so load it again. */
async function sessionClosed(message: string): Promise<void> {
  state.chosen = undefined;
  form.hidden = true;
  history.replaceState(null, "", location.pathname);
  await loadSessions();
  showAlert(sessionsAlert, text("webinars.pickAnother", { message }));
  byId("sessions-heading").focus();
}

// --- A full session: the next one, or the waitlist -------------------------------------------------

function showOffer(offer: FullOffer): void {
  state.offer = offer;
  byId("full-message").textContent = offer.message;
  const nextText = byId("next-session-text");
  nextText.hidden = !offer.nextText;
  nextText.textContent = offer.nextText ?? "";
  takeNextButton.hidden = !offer.next;
  if (offer.next) takeNextButton.textContent = text("webinars.registerInstead", { when: slotLabel(offer.next.start, locale) });
  offerBox.hidden = false;
  offerBox.focus();
  announce(`${offer.message} ${offer.nextText ?? ""} You can join the waitlist.`);
  if (state.chosen) {
    // The list said there was room; it was out of date.
    state.chosen = { ...state.chosen, seatsLeft: 0 };
    showChosen();
  }
}

function hideOffer(): void {
  state.offer = undefined;
  offerBox.hidden = true;
}

function takeNext(): void {
  const next = state.offer?.next;
  if (!next || state.busy) return;
  if (!findSession(state.sessions, next.id)) state.sessions = [...state.sessions, next].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  renderSessions(sessionList, state.sessions, next.id, locale);
  state.chosen = next;
  hideOffer();
  showChosen();
  history.replaceState(null, "", `${location.pathname}?${new URLSearchParams({ session: next.id })}`);
  void submit(false);
}

// --- Confirmation -----------------------------------------------------------------------------------

function showConfirmation(accepted: RegistrationAccepted, colleagueCount: number, waitlist: boolean, timeZone: string): void {
  const words = confirmationText(colleagueCount, waitlist);
  byId("confirmation-title").textContent = words.heading;
  const status = byId("confirmation-status");
  status.textContent = words.status;
  status.dataset["tone"] = "ok";
  byId("confirmation-what").textContent = accepted.session.title;
  byId("confirmation-when").textContent = sessionWhenLine(accepted.session, locale);
  byId("confirmation-zone").textContent = zoneDisplayName(timeZone);
  byId("confirmation-invitations").textContent = words.invitations;
  // The session's public calendar entry: its time only, the same for everyone (the join link goes by e-mail).
  setLink(confirmation, "ics-link", accepted.session.icsUrl);
  setLink(confirmation, "google-link", accepted.session.googleCalendarUrl);
  byId("calendar-hint").textContent = words.calendar;
  sessionsSection.hidden = true;
  form.hidden = true;
  confirmation.hidden = false;
  byId("confirmation-heading").focus();
  announce(`${words.heading}. ${words.status}`);
}

// --- Wiring -----------------------------------------------------------------------------------------

function start(): void {
  scriptReady();
  void applyBrand();
  fillZoneSelect(zoneSelect, state.zone);
  const languageSelect = byId<HTMLSelectElement>("language");
  fillPageLanguages(languageSelect);
  // The page follows the form's language: its words now, the session list's days and seats redrawn.
  followLanguageChoice(languageSelect, (language) => {
    locale = pageLocale(navigator.languages, language);
    if (state.sessions.length > 0) renderSessions(sessionList, state.sessions, state.chosen?.id, locale);
    // Also redraws the colleague rows, their labels and hint.
    showChosen();
  });
  state.preselect = sessionIdFrom(location.search);
  sessionList.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button.session-option");
    if (button && !button.disabled) choose(button.dataset["session"]);
  });
  zoneSelect.addEventListener("change", changeZone);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(false);
  });
  // Errors clear as the person fixes the field, so stale messages never linger.
  form.addEventListener("input", (event) => {
    const control = event.target;
    if (control instanceof HTMLElement && control.getAttribute("aria-invalid") === "true") clearFieldError(control);
    if (control instanceof HTMLInputElement && (control.name === "colleague" || control.name === "colleague-name")) clearFieldError(colleaguesBox);
  });
  waitlistButton.addEventListener("click", () => void submit(true));
  embed?.prefill(form);
  takeNextButton.addEventListener("click", takeNext);
  void loadSessions();
}

start();
