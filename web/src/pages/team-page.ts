// Web: entry point of the console's Team page (/console/team, managers). Checks who is signed in (GET /api/me;
// the sign-in page otherwise), lists the team (GET /api/settings/reps), and adds (POST), edits (PUT …/{id}),
// deactivates or takes back a rep (POST …/deactivate, …/reactivate), each with the version the page loaded
// as If-Match: when another manager saved first (412) the page loads and shows the newer version and says so.

import type { ApiResult } from "../api/api-client";
import type { DeactivationBody, TeamMemberResponseBody, TeamMemberView, TeamSettingsBody } from "../api/console-types";
import { clearFieldError } from "../shared/field-errors";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId } from "../shared/page-dom";
import { h } from "../console/safe-dom";
import { consoleApi as api, showFieldProblems, signedIn } from "../console/settings-pages";
import { CONTROL_OF_FIELD, controlIdOf, DAYS, dayControl, deactivatedText, formValuesOf, memberBody, memberSummary, newMemberBody, staleText, type TeamFormValues } from "../console/team-form";

const alertBox = byId("team-alert");
const list = byId("team-list");
const form = byId<HTMLFormElement>("member-form");
const heading = byId("member-heading");
const saveButton = byId<HTMLButtonElement>("save-button");
const addButton = byId<HTMLButtonElement>("add-button");
const input = (id: string) => byId<HTMLInputElement>(id);

let version = 0;
let team: TeamMemberView[] = [];
/** The rep being edited; undefined while adding one. */
let editing: string | undefined;

const repPath = (id: string, action = "") => `/api/settings/reps/${encodeURIComponent(id)}${action}`;
const ifMatch = () => ({ "If-Match": `"${version}"` });

function memberRow(rep: TeamMemberView): HTMLLIElement {
  const nameId = `member-${rep.id}-name`;
  const edit = h("button", { type: "button", class: "button button--secondary button--small", "aria-describedby": nameId }, "Edit");
  edit.addEventListener("click", () => openForm(rep));
  const toggle = h("button", { type: "button", class: "button button--secondary button--small", "aria-describedby": nameId }, rep.active ? "Deactivate" : "Reactivate");
  toggle.addEventListener("click", () => void (rep.active ? deactivate(rep, toggle) : reactivate(rep, toggle)));
  return h(
    "li",
    { class: `card team-member${rep.active ? "" : " team-member--inactive"}`, "data-rep": rep.id },
    h("h2", { id: nameId, class: "team-member-name" }, rep.name, rep.active ? undefined : h("span", { class: "badge" }, "Deactivated")),
    h("p", { class: "muted" }, `${rep.email} · ${rep.id}`),
    h("p", { class: "team-member-summary" }, memberSummary(rep)),
    h("div", { class: "actions actions--start" }, edit, toggle),
  );
}

function render(view: TeamSettingsBody): void {
  version = view.version;
  team = view.reps;
  byId("team-version").textContent = `Settings version ${view.version}`;
  list.replaceChildren(...team.map(memberRow));
  list.setAttribute("aria-busy", "false");
}

async function load(): Promise<boolean> {
  const result = await api<TeamSettingsBody>("/api/settings/reps");
  if (!result.ok) {
    list.setAttribute("aria-busy", "false");
    if (result.status !== 401) showAlert(alertBox, result.status === 403 ? "The team page is for managers." : result.error.message, result.kind === "unavailable" ? () => void load() : undefined);
    return false;
  }
  render(result.data);
  return true;
}

function fillForm(values: TeamFormValues): void {
  for (const [field, id] of Object.entries(CONTROL_OF_FIELD)) {
    const value = values[field as keyof TeamFormValues];
    if (typeof value === "string") byId<HTMLInputElement | HTMLSelectElement>(id).value = value;
  }
  for (const day of DAYS) input(dayControl(day)).value = values.hours[day];
}

function readForm(): TeamFormValues {
  const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value;
  const fields = Object.fromEntries(Object.entries(CONTROL_OF_FIELD).map(([field, id]) => [field, value(id)]));
  return { ...(fields as Omit<TeamFormValues, "hours">), hours: Object.fromEntries(DAYS.map((day) => [day, value(dayControl(day))])) as TeamFormValues["hours"] };
}

const EMPTY: TeamFormValues = {
  id: "", name: "", email: "", role: "rep", weight: "1", skills: "", regions: "", languages: "", language: "en", timeZone: "", phone: "", meetingUrl: "", calendarFeedUrl: "",
  hours: { mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00", thu: "09:00-17:00", fri: "09:00-17:00", sat: "", sun: "" },
};

/** Opens the form for a rep (edit) or a new one (add), focus on its heading. */
function openForm(rep?: TeamMemberView): void {
  clearErrors();
  editing = rep?.id;
  fillForm(rep ? formValuesOf(rep) : { ...EMPTY, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  input("member-id").readOnly = Boolean(rep);
  heading.textContent = rep ? `Edit ${rep.name}` : "Add a rep";
  saveButton.textContent = rep ? "Save changes" : "Add rep";
  form.hidden = false;
  heading.focus();
}

function closeForm(): void {
  form.hidden = true;
  editing = undefined;
  clearErrors();
}

function clearErrors(): void {
  for (const id of Object.values(CONTROL_OF_FIELD)) clearFieldError(byId(id));
  for (const day of DAYS) clearFieldError(byId(dayControl(day)));
  clearAlert(alertBox);
}

/** A stale save (412): the newer version is loaded and shown; the rep being edited shows as it is now. */
async function showNewerVersion(): Promise<void> {
  if (!(await load())) return;
  const current = editing ? team.find((rep) => rep.id === editing) : undefined;
  if (current) fillForm(formValuesOf(current));
  showAlert(alertBox, staleText(version));
  byId("team-heading").focus();
}

async function save(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearErrors();
  saveButton.disabled = true;
  try {
    const values = readForm();
    const result = editing
      ? await api<TeamMemberResponseBody>(repPath(editing), { method: "PUT", body: memberBody(values), headers: ifMatch() })
      : await api<TeamMemberResponseBody>("/api/settings/reps", { method: "POST", body: newMemberBody(values), headers: ifMatch() });
    if (result.ok) {
      closeForm();
      await load();
      announce(`${result.data.rep.name} saved as settings version ${result.data.version}.`);
      byId("team-heading").focus();
      return;
    }
    if (result.status === 412) return await showNewerVersion();
    if (showFieldProblems(alertBox, result, controlIdOf, byId("team-heading"))) return;
    if (result.status !== 401) {
      showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => form.requestSubmit() : undefined)?.focus();
    }
  } finally {
    saveButton.disabled = false;
  }
}

async function deactivate(rep: TeamMemberView, button: HTMLButtonElement): Promise<void> {
  clearAlert(alertBox);
  button.disabled = true;
  const result = await api<DeactivationBody>(repPath(rep.id, "/deactivate"), { method: "POST", headers: ifMatch() });
  button.disabled = false;
  if (result.ok) return afterChange(rep.id, deactivatedText(rep.name, result.data.handedToPool));
  await refused(result);
}

async function reactivate(rep: TeamMemberView, button: HTMLButtonElement): Promise<void> {
  clearAlert(alertBox);
  button.disabled = true;
  const result = await api<TeamMemberResponseBody>(repPath(rep.id, "/reactivate"), { method: "POST", headers: ifMatch() });
  button.disabled = false;
  if (result.ok) return afterChange(rep.id, `${rep.name} is active again.`);
  await refused(result);
}

/** After a row's change: the list again, the words said, focus back on that rep's row button. */
async function afterChange(repId: string, words: string): Promise<void> {
  await load();
  announce(words);
  byId("team-version").textContent = `Settings version ${version}. ${words}`;
  list.querySelector<HTMLButtonElement>(`[data-rep="${CSS.escape(repId)}"] .actions button:last-child`)?.focus();
}

async function refused(result: Extract<ApiResult<unknown>, { ok: false }>): Promise<void> {
  if (result.status === 412) return showNewerVersion();
  if (result.status === 401) return;
  const fields = (result.error.details?.fields as { field: string; message: string }[] | undefined) ?? [];
  showAlert(alertBox, [result.error.message, ...fields.map((problem) => `${problem.field} ${problem.message}.`)].join(" "));
  byId("team-heading").focus();
}

async function start(): Promise<void> {
  if (!(await signedIn(alertBox))) return;
  form.addEventListener("submit", (event) => void save(event));
  addButton.addEventListener("click", () => openForm());
  byId("cancel-button").addEventListener("click", () => {
    closeForm();
    addButton.focus();
  });
  await load();
}

void start();
