// Web: entry point of the booking page ("Talk to us live"). Wires the DOM to the flow: details form →
// POST /api/contact-requests → day picker and times (refreshed on a time-zone change) → POST /api/bookings
// → confirmation; a large team may switch step 2 to a private group session and invite colleagues.
// Rendering, validation and API details live in the small modules imported below.

import { apiRequest, type ApiError, type ApiResult } from "../api/api-client";
import type { BookingConfirmed, ContactRequestCreated, Offering, Slot, SlotsResponse } from "../api/api-types";
import { checkColleagues, sentPositions, type ColleagueProblem } from "../webinars/colleague-emails";
import { colleagueFields } from "../webinars/colleague-fields";
import { renderConfirmation, withWhom } from "../booking/confirmation";
import { callMeNow } from "../booking/call-me-now";
import { bookingBody, contactRequestBody, readContactForm, validateContact, type FieldProblem } from "../booking/contact-form";
import { clearAllFieldErrors, clearFieldError, errorTarget, fieldMessage, showFieldError, slotMessage } from "../shared/field-errors";
import { colleaguesInvitedText, groupOfferText, groupSwitchLabel, type GroupSession } from "../booking/group-offer";
import type { ConciergeDetails } from "../embed/concierge";
import { embeddedPage } from "../embed/embedded-page";
import { HOST_EVENTS } from "../embed/embed-messages";
import { BookingAttempts } from "../api/idempotency-key";
import { leadSourceOf, withSource } from "../booking/lead-source";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { LANGUAGES, countryOptions, defaultCountry, defaultLanguage, regionNames, safeLocale } from "../booking/routing-options";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/slots";
import "../page-text/booking-progress";
import { followLanguageChoice, languageOption } from "../shared/language-choice";
import { protectionFields, startProtection } from "../api/protection";
import { registrationErrorTarget, registrationFieldMessage } from "../webinars/registration-form";
import { slotLabel } from "../booking/slot-groups";
import { setSlotsBusy } from "../booking/slot-list";
import { slotPicker } from "../booking/slot-picker";
import { prospectHoursText } from "../booking/slot-review";
import { slotReviewStep } from "../booking/slot-review-step";
import { slotWindow } from "../booking/slot-window";
import { detectedTimeZone, zoneDisplayName } from "../booking/time-zone-options";
import { fillZoneSelect } from "../booking/zone-select";

/** Read before anything changes the address: the utm_* and ref this page was opened with. */
const source = leadSourceOf(location.href, document.referrer);
/** Framed by embed.js on another site: the offering it asked for, its prefill, where its events go. */
const embed = embeddedPage();
const form = byId<HTMLFormElement>("contact-form");
const submitButton = byId<HTMLButtonElement>("submit-contact");
const zoneSelect = byId<HTMLSelectElement>("timeZone");
const countrySelect = byId<HTMLSelectElement>("country");
const languageSelect = byId<HTMLSelectElement>("language");
const formAlert = byId("form-alert");
const slotsSection = byId("slots");
const slotsHeading = byId("slots-heading");
const slotsZoneName = byId("slots-zone-name");
const slotsAlert = byId("slots-alert");
const slotList = byId("slot-list");
const slotsHours = byId("slots-hours");
const allTimesButton = byId<HTMLButtonElement>("all-times");
const confirmation = byId("confirmation");
const groupOffer = byId("group-offer");
const groupSwitch = byId<HTMLButtonElement>("group-switch");
const colleaguesBox = byId("colleagues");
const colleagues = colleagueFields(byId("colleague-list"), byId<HTMLButtonElement>("add-colleague"), byId("colleagues-hint"), 0);

/** The page in the reader's language (the address's ?lang=, else the browser's), its dates in their locale. */
let locale = pageLocale(navigator.languages, startPageLanguage());

const state: {
  busy: boolean;
  offering?: Offering;
  /** The 1:1 demo the contact request was routed to. */
  demo?: Offering;
  /** The private group session offered to a large team, when it was. */
  group?: GroupSession;
  contactRequestId?: string;
  /** The zone the visible slots are written in. */
  slotsZone?: string;
  /** Ignores slot responses overtaken by a later zone change. */
  slotsRequest: number;
  /** The prospect asked to see times outside their reasonable hours too. */
  allTimes: boolean;
  /** The demo an embed asked for, when it is not the one contact requests are routed to. */
  wanted?: Offering;
} = { busy: false, slotsRequest: 0, allTimes: false };

// Both read their options when they draw, so a language picked on the form reaches the next times drawn.
const reviewOptions = { slotList, locale, action: text("review.book"), onConfirm: (start: string) => void book(start), fallbackFocus: slotsHeading };
const reviewStep = slotReviewStep(reviewOptions);
const pickerOptions = {
  locale,
  onPick: (start: string) => {
    if (!state.busy && state.slotsZone) reviewStep.open(start, state.slotsZone);
  },
  isBusy: () => state.busy,
  // Read when drawn: in the page's language then.
  get emptyText() {
    return text("progress.noSlots");
  },
};
const picker = slotPicker(slotList, pickerOptions);

const attempts = new BookingAttempts();
// Beside the slots: a call within minutes while a routed rep is free; when nobody is, the slots are the way on.
startProtection();
const callNow = callMeNow(() => withSource(contactRequestBody(readContactForm(form)), source), () => protectionFields(form), () => slotsHeading.scrollIntoView({ block: "nearest" }));

function setBusy(busy: boolean, pendingStart?: string): void {
  state.busy = busy;
  submitButton.disabled = busy;
  zoneSelect.disabled = busy;
  groupSwitch.disabled = busy;
  allTimesButton.disabled = busy;
  reviewStep.setBusy(busy);
  colleagues.setDisabled(busy);
  setSlotsBusy(slotList, busy ? (pendingStart ?? "") : undefined);
}

// --- Time zones -------------------------------------------------------------------------------------

function fillTimeZones(): void {
  fillZoneSelect(zoneSelect, detectedTimeZone());
}

// --- Country and language (route the lead to reps) ------------------------------------------------

function fillRoutingChoices(): void {
  const browserLocale = safeLocale(navigator.language);
  const countries = countryOptions(regionNames(browserLocale), browserLocale);
  countrySelect.replaceChildren(new Option("Choose…", ""), ...countries.map((option) => new Option(option.label, option.value)));
  countrySelect.value = defaultCountry(navigator.language, countries);
  languageSelect.replaceChildren(...LANGUAGES.map(languageOption));
  // A link that names the page's language (?lang=) names the e-mails' too; else the browser's.
  languageSelect.value = defaultLanguage(new URLSearchParams(location.search).get("lang") ?? navigator.language);
  // Picking one of the pages' languages rewrites the page in it.
  followLanguageChoice(languageSelect, (language) => {
    locale = pageLocale(navigator.languages, language);
    reviewOptions.locale = locale;
    reviewOptions.action = text("review.book");
    pickerOptions.locale = locale;
  });
}

// --- Errors -----------------------------------------------------------------------------------------

/** Shows problems next to their fields and moves focus to the first one. */
function showProblems(problems: readonly FieldProblem[]): void {
  // A concierge pop-up opens on the times with the details folded away: they need the person now.
  form.hidden = false;
  let first: HTMLElement | undefined;
  for (const problem of problems) {
    const control = form.elements.namedItem(problem.field);
    if (!(control instanceof HTMLElement)) continue;
    showFieldError(control, problem.message);
    first ??= control;
  }
  first?.focus();
  announce(problems.length === 1 ? text("announce.fixField") : text("announce.fixFields", { count: problems.length }));
}

/** Puts an API error where it belongs: by its field, by the slot list, or in the alert of `where`. */
function showApiError(error: ApiError, where: "form" | "slots", retry?: () => void): void {
  const target = errorTarget(error.field);
  if (target.kind === "field") {
    showProblems([{ field: target.field, message: fieldMessage(target.field, error.message) }]);
  } else if (target.kind === "slots" && !slotsSection.hidden) {
    showAlert(slotsAlert, slotMessage(error.message));
    slotsHeading.focus();
  } else {
    const retryButton = showAlert(where === "form" ? formAlert : slotsAlert, error.message, retry);
    // Disabling the clicked button dropped focus; put it on the way forward.
    (retryButton ?? (where === "form" ? submitButton : slotsHeading)).focus();
  }
}

// --- Step 1: contact request ------------------------------------------------------------------------

async function submitContact(): Promise<void> {
  if (state.busy) return;
  clearAllFieldErrors(form);
  clearAlert(formAlert);
  const values = readContactForm(form);
  const problems = validateContact(values);
  if (problems.length > 0) return showProblems(problems);

  setBusy(true);
  submitButton.textContent = text("booking.finding");
  announce(text("booking.finding"));
  const body = { ...withSource(contactRequestBody(values), source), ...(await protectionFields(form)) };
  // A concierge pop-up may be closed at once: its request still goes through, and the call-back follows.
  const result = await apiRequest<ContactRequestCreated>("/api/contact-requests", { method: "POST", body, keepalive: embed?.context.mode === "concierge" });
  setBusy(false);
  submitButton.textContent = text("form.submit");

  if (!result.ok) return showApiError(result.error, "form", result.kind === "unavailable" ? () => void submitContact() : undefined);
  state.offering = result.data.offering;
  state.demo = result.data.offering;
  state.group = result.data.groupSession;
  state.contactRequestId = result.data.id;
  showOffering(result.data.offering);
  showGroupOffer(body.teamSize);
  attempts.settle();
  showSlots(result.data.slots, result.data.timeZone, result.data.prospectHours);
  callNow.offer(result.data.offering.id, result.data.id);
  embed?.post({ type: HOST_EVENTS.contactRequest, contactRequest: result.data.id, offering: result.data.offering.id });
  slotsHeading.focus();
  if (state.wanted && state.wanted.id !== result.data.offering.id) await showWanted(state.wanted);
}

// --- Step 2: slots ----------------------------------------------------------------------------------

function showSlots(slots: readonly Slot[], timeZone: string, prospectHours?: string): void {
  state.slotsZone = timeZone;
  slotsZoneName.textContent = zoneDisplayName(timeZone);
  reviewStep.close();
  const hoursText = prospectHoursText(prospectHours, locale) ?? (state.allTimes ? text("slots.allTimesShown") : undefined);
  slotsHours.hidden = !hoursText;
  byId("slots-hours-text").textContent = hoursText ?? "";
  const { times, days } = picker.show(slots);
  slotsSection.hidden = false;
  const limited = hoursText ? " Only times from morning to evening your time are shown; Show all times lists the rest." : "";
  announce(times === 0 ? `No open times in the next 14 days.${limited}` : text("slots.announce", { times, days }));
}

/** "Show all times": the night owl's times too (and back). */
async function toggleAllTimes(): Promise<void> {
  if (state.busy || !state.slotsZone) return;
  state.allTimes = !state.allTimes;
  allTimesButton.textContent = text(state.allTimes ? "slots.daytimeOnly" : "slots.allTimes");
  announce(text(state.allTimes ? "progress.loadingAll" : "progress.loadingDaytime"));
  await refreshSlots(state.slotsZone);
  allTimesButton.focus();
}

/** Loads the 14 days from today in `timeZone` again (after a zone change or a taken slot). */
async function refreshSlots(timeZone: string): Promise<boolean> {
  if (!state.offering) return false;
  const request = ++state.slotsRequest;
  const { from, to } = slotWindow(timeZone);
  const query = new URLSearchParams({ offering: state.offering.id, from, to, timeZone });
  if (state.allTimes) query.set("allTimes", "true");
  // The reps this request was routed to: the same people whose times step 1 showed.
  if (state.contactRequestId) query.set("contactRequest", state.contactRequestId);
  slotList.setAttribute("aria-busy", "true");
  const result: ApiResult<SlotsResponse> = await apiRequest<SlotsResponse>(`/api/slots?${query}`);
  if (request !== state.slotsRequest) return false;
  slotList.setAttribute("aria-busy", "false");
  if (!result.ok) {
    const retry = result.kind === "unavailable" ? () => void refreshSlots(timeZone) : undefined;
    const target = errorTarget(result.error.field);
    if (target.kind === "field") showApiError(result.error, "slots");
    // No focus move: the person may still be choosing a zone in the <select>.
    else showAlert(slotsAlert, text("slots.loadFailed", { reason: result.error.message }), retry);
    return false;
  }
  showSlots(result.data.slots, result.data.timeZone || timeZone, result.data.prospectHours);
  return true;
}

let zoneChangeTimer: number | undefined;

function changeZone(): void {
  clearFieldError(zoneSelect);
  // Before the first submit the zone simply goes with the form.
  if (slotsSection.hidden || !state.offering) return;
  // Arrow keys on a closed <select> fire "change" per option: wait until the person settles.
  window.clearTimeout(zoneChangeTimer);
  zoneChangeTimer = window.setTimeout(() => {
    const timeZone = zoneSelect.value;
    if (timeZone === state.slotsZone || state.busy) return;
    clearAlert(slotsAlert);
    announce(text("progress.loadingZone", { zone: zoneDisplayName(timeZone) }));
    void refreshSlots(timeZone);
  }, 300);
}

// --- Step 2, for a large team: the private group session ------------------------------------------

const groupChosen = () => state.group !== undefined && state.offering?.id === state.group.offering.id;

function showGroupOffer(teamSize: number | undefined): void {
  groupOffer.hidden = !state.group;
  colleaguesBox.hidden = true;
  colleagues.setMax(0);
  if (!state.group || !state.demo) return;
  byId("group-offer-text").textContent = groupOfferText(state.group, teamSize);
  groupSwitch.textContent = groupSwitchLabel(false, state.demo);
}

/** Switches step 2 between the 1:1 demo and the group session, and loads that offering's times. */
async function switchOffering(): Promise<void> {
  if (state.busy || !state.group || !state.demo || !state.slotsZone) return;
  const toGroup = !groupChosen();
  state.offering = toGroup ? state.group.offering : state.demo;
  showOffering(state.offering);
  colleaguesBox.hidden = !toGroup;
  // Typed colleagues stay (hidden) while the person looks at the 1:1 times, and only go with a group booking.
  if (toGroup) colleagues.setMax(state.group.maxColleagues);
  clearFieldError(colleaguesBox);
  groupSwitch.textContent = groupSwitchLabel(toGroup, state.demo);
  clearAlert(slotsAlert);
  // A start tried for one offering is a different booking for the other.
  attempts.settle();
  announce(text("progress.loadingOffering", { offering: state.offering.title }));
  await refreshSlots(state.slotsZone);
}

/** The colleagues to invite with a group booking; shows the problems instead when there are any. */
function colleaguesToInvite(ownEmail: string): { emails: string[]; sent: number[] } | undefined {
  if (!groupChosen()) return { emails: [], sent: [] };
  colleagues.clearErrors();
  clearFieldError(colleaguesBox);
  const values = colleagues.values();
  const checked = checkColleagues(values, [ownEmail]);
  if (checked.problems.length > 0) return void showColleagueProblems(checked.problems);
  return { emails: checked.emails, sent: sentPositions(values) };
}

function showColleagueProblems(problems: readonly ColleagueProblem[]): void {
  for (const problem of problems) colleagues.showError(problem.index, problem.message);
  colleagues.focus(problems[0]!.index);
  announce(problems.length === 1 ? text("progress.fixColleague") : text("progress.fixColleagues", { count: problems.length }));
}

/** An API error about the colleagues: next to the input it names, else under the colleague list. */
function showColleagueError(field: string, message: string, sent: readonly number[]): void {
  const target = registrationErrorTarget(field, sent);
  if (target.kind !== "field") return;
  const text = registrationFieldMessage(target, message);
  if (target.index !== undefined && colleagues.showError(target.index, text)) return colleagues.focus(target.index);
  showFieldError(colleaguesBox, text);
  byId("add-colleague").focus();
}

// --- Step 3: booking --------------------------------------------------------------------------------

async function book(start: string): Promise<void> {
  if (state.busy || !state.offering || !state.slotsZone) return;
  clearAllFieldErrors(form);
  clearAlert(formAlert);
  clearAlert(slotsAlert);
  // The details may have been edited since step 1; the booking carries them, so they must hold.
  const values = readContactForm(form);
  const problems = validateContact(values);
  if (problems.length > 0) return showProblems(problems);
  const invited = colleaguesToInvite(values.email);
  if (!invited) return;

  const label = slotLabel(start, locale);
  setBusy(true, start);
  announce(text("progress.booking", { when: label }));
  const body = withSource(
    bookingBody(values, {
      offering: state.offering.id,
      start,
      timeZone: state.slotsZone,
      ...(state.contactRequestId ? { contactRequestId: state.contactRequestId } : {}),
      colleagues: invited.emails,
    }),
    source,
  );
  const result = await apiRequest<BookingConfirmed>("/api/bookings", {
    method: "POST",
    body: { ...body, ...(await protectionFields(form)) },
    headers: { "Idempotency-Key": attempts.keyFor(start) },
  });
  setBusy(false);

  if (result.ok) {
    attempts.settle();
    embed?.post({ type: HOST_EVENTS.booked, start: result.data.start, offering: state.offering.id });
    return showConfirmation(result.data, invited.emails.length);
  }
  if (result.kind === "unavailable") {
    // Same slot, same key: if the first request did get through, the server answers with that booking.
    showAlert(slotsAlert, `We couldn't confirm ${label}. ${result.error.message}`, () => void book(start))?.focus();
    return;
  }
  attempts.settle();
  if (result.status === 409 || result.error.code === "slot_taken") {
    showAlert(slotsAlert, text("slots.taken", { when: label }));
    await refreshSlots(state.slotsZone);
    slotsHeading.focus();
    return;
  }
  if (result.error.field?.startsWith("colleagues")) return showColleagueError(result.error.field, result.error.message, invited.sent);
  showApiError(result.error, "slots");
  // A refused start usually means the list is out of date.
  if (errorTarget(result.error.field).kind === "slots") await refreshSlots(state.slotsZone);
}

function showConfirmation(booking: BookingConfirmed, colleagueCount: number): void {
  renderConfirmation(confirmation, booking, state.offering, locale);
  const invitedLine = byId("confirmation-colleagues");
  invitedLine.textContent = colleaguesInvitedText(colleagueCount);
  invitedLine.hidden = colleagueCount === 0;
  form.hidden = true;
  slotsSection.hidden = true;
  callNow.stop();
  confirmation.hidden = false;
  byId("confirmation-heading").focus();
  announce(text("booking.booked", { when: slotLabel(booking.start, locale), who: withWhom(booking) }));
}

// --- Offering summary -------------------------------------------------------------------------------

function showOffering(offering: Offering): void {
  byId("offering-title").textContent = `${offering.title} · ${offering.durationMinutes} min`;
  if (offering.description) byId("offering-summary").textContent = offering.description;
}

async function loadOffering(): Promise<void> {
  // Only decoration for the intro: when it fails, the static text stays and the form still works.
  const result = await apiRequest<Offering[]>("/api/offerings", { timeoutMs: 8_000 });
  if (result.ok && Array.isArray(result.data) && result.data[0] && !state.offering) showOffering(result.data[0]);
}

// --- Embedded on another site (embed.js) -----------------------------------------------------------

/** The offering the embed names: a webinar is the webinars page's; a demo is the one step 2 shows. */
async function embeddedOffering(wanted: string): Promise<void> {
  const result = await apiRequest<Offering[]>("/api/offerings", { timeoutMs: 8_000 });
  const offering = result.ok && Array.isArray(result.data) ? result.data.find((each) => each.id === wanted) : undefined;
  if (!offering) return;
  if (offering.kind === "webinar") return location.replace(`/webinars${location.search}${location.hash}`);
  state.wanted = offering;
  if (!state.offering) showOffering(offering);
}

/** Step 2 for the demo the embed asked for (the group session, when it is the one offered, with its colleagues). */
async function showWanted(offering: Offering): Promise<void> {
  if (state.group?.offering.id === offering.id) return switchOffering();
  state.offering = offering;
  state.demo = offering;
  showOffering(offering);
  await refreshSlots(state.slotsZone ?? zoneSelect.value);
}

/**
 * A concierge pop-up: the site's form sent the details (embed.js), with consent given there; the page sends
 * the contact request as if the visitor had typed them here, and opens on the times, the details folded away.
 */
async function fromSiteForm(details: ConciergeDetails): Promise<void> {
  for (const [field, value] of Object.entries(details)) {
    const control = form.elements.namedItem(field);
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) control.value = value;
  }
  const consent = form.elements.namedItem("consent");
  if (consent instanceof HTMLInputElement) consent.checked = true;
  form.hidden = true;
  await submitContact();
  // Refused (a field the person must fix): showProblems brought the form back.
  if (!state.contactRequestId) form.hidden = false;
}

// --- Wiring -----------------------------------------------------------------------------------------

function start(): void {
  scriptReady();
  void applyBrand();
  fillTimeZones();
  fillRoutingChoices();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submitContact();
  });
  // Errors clear as the person fixes the field, so stale messages never linger.
  form.addEventListener("input", (event) => {
    const control = event.target;
    if (control instanceof HTMLElement && control !== zoneSelect && control.getAttribute("aria-invalid") === "true") clearFieldError(control);
  });
  zoneSelect.addEventListener("change", changeZone);
  groupSwitch.addEventListener("click", () => void switchOffering());
  byId("change-zone").addEventListener("click", () => {
    form.hidden = false;
    zoneSelect.focus();
  });
  allTimesButton.addEventListener("click", () => void toggleAllTimes());
  embed?.prefill(form);
  embed?.onDetails((details) => void fromSiteForm(details));
  const wanted = embed?.context.offering;
  void (wanted ? embeddedOffering(wanted) : loadOffering());
}

start();
