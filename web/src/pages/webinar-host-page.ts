// Web: entry point of the host page (webinar-host.html?session). The host's token (sessionStorage) and a
// session → GET /api/webinars/{id}/attendees (Authorization: Bearer) → a table to tick who attended →
// POST …/attendance {marks}, or the platform's CSV sent as text/csv → who stayed, left early, did not come.

import { apiRequest, type ApiResult } from "../api/api-client";
import type { AttendanceBody, AttendanceResult, Attendee, AttendeeList, WebinarList } from "../api/api-types";
import { attendanceGroups, attendanceMarks, attendanceSummary, csvFileProblem, hostProblem, type HostProblem } from "../webinars/attendance";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { cleanToken, hostTokenStore } from "../webinars/host-token";
import { sessionIdFrom } from "../lifecycle/link-params";
import { memberStatusLabel } from "../webinars/registration-messages";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { offsetLabel, slotLabel } from "../booking/slot-groups";
import { detectedTimeZone } from "../booking/time-zone-options";
import { sessionWhenLine } from "../webinars/webinar-sessions";

const hostForm = byId<HTMLFormElement>("host-form");
const tokenInput = byId<HTMLInputElement>("token");
const sessionInput = byId<HTMLInputElement>("sessionId");
const sessionOptions = byId("session-options");
const hostAlert = byId("host-alert");
const loadButton = byId<HTMLButtonElement>("load-attendees");
const attendeesSection = byId("attendees");
const attendeesHeading = byId("attendees-heading");
const rows = byId("attendee-rows");
const table = byId("attendee-table");
const marksForm = byId<HTMLFormElement>("marks-form");
const attendanceAlert = byId("attendance-alert");
const saveButton = byId<HTMLButtonElement>("save-attendance");
const markAllButton = byId<HTMLButtonElement>("mark-all");
const uploadForm = byId<HTMLFormElement>("upload-form");
const csvInput = byId<HTMLInputElement>("csv-file");
const uploadButton = byId<HTMLButtonElement>("upload-csv");
const resultSection = byId("attendance-result");

const locale = pageLocale();
const store = hostTokenStore(safeSessionStorage());

const state: { token?: string; sessionId?: string; attendees: Attendee[]; busy: boolean } = { attendees: [], busy: false };

/** Some browsers throw on merely reading sessionStorage when storage is off. */
function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  for (const control of [loadButton, saveButton, markAllButton, uploadButton]) control.disabled = busy;
}

function authorization(): Record<string, string> {
  return { Authorization: `Bearer ${state.token ?? ""}` };
}

function sessionPath(suffix: string): string {
  return `/api/webinars/${encodeURIComponent(state.sessionId ?? "")}${suffix}`;
}

/** Puts a refused request's message where it belongs, and focuses it. */
function showProblem(problem: HostProblem, fallbackAlert: HTMLElement): void {
  const control = problem.target === "token" ? tokenInput : problem.target === "sessionId" ? sessionInput : problem.target === "upload" ? csvInput : undefined;
  if (control) {
    showFieldError(control, problem.message);
    control.focus();
    announce(problem.message);
    return;
  }
  const alertBox = problem.target === "attendance" ? attendanceAlert : fallbackAlert;
  showAlert(alertBox, problem.message);
  announce(problem.message);
}

// --- Sessions to pick from --------------------------------------------------------------------------

async function loadSessionOptions(): Promise<void> {
  // Only a convenience: the host may always paste an id (past sessions are not listed).
  const result = await apiRequest<WebinarList>(`/api/webinars?${new URLSearchParams({ timeZone: detectedTimeZone() })}`, { timeoutMs: 8_000 });
  if (!result.ok) return;
  sessionOptions.replaceChildren(
    ...result.data.sessions.map((session) => {
      const option = document.createElement("option");
      option.value = session.id;
      option.label = `${sessionWhenLine(session, locale)} · ${session.title}`;
      return option;
    }),
  );
}

// --- Attendees --------------------------------------------------------------------------------------

async function loadAttendees(): Promise<void> {
  if (state.busy) return;
  clearFieldError(tokenInput);
  clearFieldError(sessionInput);
  clearAlert(hostAlert);
  const token = cleanToken(tokenInput.value);
  const sessionId = sessionIdFrom(`?${new URLSearchParams({ session: sessionInput.value.trim() })}`);
  let first: HTMLElement | undefined;
  if (!token) {
    showFieldError(tokenInput, "Please paste your host API token.");
    first = tokenInput;
  }
  if (!sessionId) {
    showFieldError(sessionInput, "Please pick a session, or paste its id (like weekly-webinar-20261208T1600Z).");
    first ??= sessionInput;
  }
  if (first) return first.focus();
  state.token = token;
  state.sessionId = sessionId;
  store.save(token);
  setBusy(true);
  loadButton.textContent = "Loading…";
  announce("Loading the attendees…");
  const result = await apiRequest<AttendeeList>(sessionPath("/attendees"), { headers: authorization() });
  setBusy(false);
  loadButton.textContent = "Show attendees";
  if (!result.ok) {
    if (result.kind === "unavailable") {
      showAlert(hostAlert, `We couldn't load the attendees. ${result.error.message}`, () => void loadAttendees())?.focus();
      return;
    }
    attendeesSection.hidden = true;
    return showProblem(hostProblem(result.status, result.error), hostAlert);
  }
  history.replaceState(null, "", `${location.pathname}?${new URLSearchParams({ session: sessionId! })}`);
  showAttendees(result.data);
}

function showAttendees(list: AttendeeList): void {
  state.attendees = list.attendees;
  const session = list.session;
  // The API writes the times in the host's own zone; the offset says which.
  byId("session-summary").textContent = `${session.title} — ${sessionWhenLine(session, locale)} (${offsetLabel(session.start)})`;
  const seated = list.attendees.filter((attendee) => attendee.status === "confirmed").length;
  const waiting = list.attendees.length - seated;
  byId("attendee-count").textContent = `${seated} with a seat${waiting > 0 ? `, ${waiting} on the waitlist` : ""}; ${session.seatsLeft} of ${session.capacity} seats free.`;
  rows.replaceChildren(...list.attendees.map(attendeeRow));
  table.hidden = list.attendees.length === 0;
  byId("no-attendees").hidden = list.attendees.length > 0;
  saveButton.hidden = seated === 0;
  markAllButton.hidden = seated === 0;
  clearAlert(attendanceAlert);
  clearFieldError(csvInput);
  resultSection.hidden = true;
  attendeesSection.hidden = false;
  attendeesHeading.focus();
  announce(`${list.attendees.length} registered for ${session.title}, ${slotLabel(session.start, locale)}.`);
}

function attendeeRow(attendee: Attendee, index: number): HTMLTableRowElement {
  const row = document.createElement("tr");
  const attended = cell("Attended");
  if (attendee.status === "confirmed") {
    const id = `attended-${index}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    box.dataset["email"] = attendee.email;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.className = "visually-hidden";
    label.textContent = `${attendee.name} attended`;
    attended.append(box, label);
  } else {
    attended.textContent = "—";
    attended.title = "No seat: on the waitlist";
  }
  const name = cell("Name");
  // One block, so the narrow layout puts name and address together beside the column's name.
  const who = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = attendee.name;
  const email = document.createElement("span");
  email.className = "attendee-email";
  email.textContent = attendee.email;
  who.append(strong, email);
  name.append(who);
  row.append(attended, name, cell("Company", attendee.company ?? "—"), cell("Interest", attendee.interest ?? "—"), cell("Status", memberStatusLabel(attendee.status)));
  return row;
}

/** A table cell; `data-label` names the column when narrow screens show each row as a card. */
function cell(column: string, text?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.dataset["label"] = column;
  if (text !== undefined) td.textContent = text;
  return td;
}

// --- Attendance -------------------------------------------------------------------------------------

function checkedEmails(): Set<string> {
  return new Set([...rows.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((box) => box.dataset["email"] ?? ""));
}

async function saveMarks(): Promise<void> {
  if (state.busy) return;
  clearAlert(attendanceAlert);
  const body: AttendanceBody = { marks: attendanceMarks(state.attendees, checkedEmails()) };
  await sendAttendance(() => apiRequest<AttendanceResult>(sessionPath("/attendance"), { method: "POST", body, headers: authorization() }), false, saveButton, "Saving…");
}

async function uploadCsv(): Promise<void> {
  if (state.busy) return;
  clearAlert(attendanceAlert);
  clearFieldError(csvInput);
  const file = csvInput.files?.[0];
  const problem = csvFileProblem(file);
  if (problem || !file) {
    showFieldError(csvInput, problem ?? "Please choose a file.");
    csvInput.focus();
    return;
  }
  let content: string;
  try {
    content = await file.text();
  } catch {
    showFieldError(csvInput, "We couldn't read this file. Please choose it again.");
    csvInput.focus();
    return;
  }
  await sendAttendance(
    () => apiRequest<AttendanceResult>(sessionPath("/attendance"), { method: "POST", text: { contentType: "text/csv", content }, headers: authorization() }),
    true,
    uploadButton,
    "Uploading…",
  );
}

async function sendAttendance(send: () => Promise<ApiResult<AttendanceResult>>, upload: boolean, button: HTMLButtonElement, busyLabel: string): Promise<void> {
  const label = button.textContent;
  setBusy(true);
  button.textContent = busyLabel;
  announce(upload ? "Uploading the attendance report…" : "Saving attendance…");
  const result = await send();
  setBusy(false);
  button.textContent = label;
  if (result.ok) return showResult(result.data);
  if (result.kind === "unavailable") {
    const retry = () => void (upload ? uploadCsv() : saveMarks());
    showAlert(attendanceAlert, `We couldn't record the attendance. ${result.error.message}`, retry)?.focus();
    return;
  }
  showProblem(hostProblem(result.status, result.error, upload), attendanceAlert);
  if (!upload) saveButton.focus();
}

function showResult(result: AttendanceResult): void {
  const summary = attendanceSummary(result);
  byId("result-summary").textContent = summary;
  byId("result-groups").replaceChildren(
    ...attendanceGroups(result, state.attendees).map((group) => {
      const section = document.createElement("section");
      section.className = "result-group";
      section.dataset["group"] = group.key;
      const heading = document.createElement("h3");
      heading.textContent = `${group.heading} (${group.people.length})`;
      const list = document.createElement("ul");
      list.append(
        ...group.people.map((person) => {
          const item = document.createElement("li");
          item.textContent = person;
          return item;
        }),
      );
      section.append(heading, list);
      return section;
    }),
  );
  resultSection.hidden = false;
  byId("result-heading").focus();
  announce(`Attendance recorded: ${summary}`);
}

// --- Wiring -----------------------------------------------------------------------------------------

function start(): void {
  scriptReady();
  const saved = store.read();
  if (saved) tokenInput.value = saved;
  const fromLink = sessionIdFrom(location.search);
  if (fromLink) sessionInput.value = fromLink;
  hostForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void loadAttendees();
  });
  marksForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void saveMarks();
  });
  uploadForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void uploadCsv();
  });
  markAllButton.addEventListener("click", () => {
    for (const box of rows.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) box.checked = true;
    announce("Everyone with a seat is ticked.");
  });
  byId("forget-token").addEventListener("click", () => {
    store.forget();
    tokenInput.value = "";
    state.token = undefined;
    tokenInput.focus();
    announce("The token is forgotten.");
  });
  tokenInput.addEventListener("input", () => clearFieldError(tokenInput));
  sessionInput.addEventListener("input", () => clearFieldError(sessionInput));
  csvInput.addEventListener("change", () => clearFieldError(csvInput));
  void loadSessionOptions();
  // Opened from a host e-mail with the token already in this tab: straight to the list.
  if (saved && fromLink) void loadAttendees();
}

start();
