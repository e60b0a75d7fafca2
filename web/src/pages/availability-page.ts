// Web: entry point of "My availability" (/console/availability). Checks who is signed in (GET /api/me; the
// sign-in page otherwise), loads the rep's availability (a manager may pick any rep: ?rep=<id>) and next
// week's slots (GET /api/settings/reps/{repId}/availability), and saves the form with the version it was
// loaded at (If-Match): a newer version saved meanwhile (412) is loaded and shown, the change to be redone.

import { apiRequest, type ApiResult } from "../api/api-client";
import type { AvailabilityBody, AvailabilityResponseBody, Me, Team } from "../api/console-types";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { pageLanguage, startPageLanguage, text } from "../shared/page-text";
import "../page-text/availability";
import { h } from "../console/safe-dom";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Day = (typeof DAYS)[number];

const form = byId<HTMLFormElement>("availability-form");
const alertBox = byId("availability-alert");
const repSelect = byId<HTMLSelectElement>("rep");
const datesOff = byId<HTMLTextAreaElement>("dates-off");
const blockDate = byId<HTMLInputElement>("block-date");
const hoursInput = (day: Day) => byId<HTMLInputElement>(`hours-${day}`);
/** The form's controls by the request field they fill (the API names these in its errors). */
const CONTROLS: Record<string, string> = {
  datesOff: "dates-off",
  timeZone: "time-zone",
  calendarFeedUrl: "calendar-feed",
  meetingUrl: "meeting-url",
  phone: "phone",
  languages: "languages",
};
const input = (id: string) => byId<HTMLInputElement>(id);

let repId = "";
let version = 0;

async function api<T>(path: string, options: Parameters<typeof apiRequest>[1] = {}): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path, options);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

const availabilityPath = (rep: string) => `/api/settings/reps/${encodeURIComponent(rep)}/availability`;
const list = (value: string) =>
  value
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

function fill(view: AvailabilityResponseBody): void {
  version = view.version;
  const { availability } = view;
  for (const day of DAYS) hoursInput(day).value = (availability.workingHours[day] ?? []).join(", ");
  datesOff.value = availability.datesOff.join("\n");
  input("time-zone").value = availability.timeZone;
  input("calendar-feed").value = availability.calendarFeedUrl ?? "";
  input("meeting-url").value = availability.meetingUrl ?? "";
  input("phone").value = availability.phone ?? "";
  input("languages").value = availability.languages.join(", ");
  byId("availability-version").textContent = text("availability.version", { version: view.version });
  renderPreview(view.preview);
}

function readForm(): AvailabilityBody {
  const workingHours: AvailabilityBody["workingHours"] = {};
  for (const day of DAYS) {
    const ranges = list(hoursInput(day).value);
    if (ranges.length > 0) workingHours[day] = ranges;
  }
  const optional = (id: string) => input(id).value.trim() || undefined;
  return {
    timeZone: input("time-zone").value.trim(),
    workingHours,
    datesOff: list(datesOff.value),
    calendarFeedUrl: optional("calendar-feed"),
    meetingUrl: optional("meeting-url"),
    phone: optional("phone"),
    languages: list(input("languages").value),
  };
}

function renderPreview(preview: AvailabilityResponseBody["preview"]): void {
  const days = byId("preview-days");
  if (!preview) {
    byId("preview-summary").textContent = text("availability.previewNone");
    days.replaceChildren();
    return;
  }
  const locale = pageLocale(navigator.languages, pageLanguage());
  const dayLabel = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const dates: string[] = [];
  for (let date = preview.from; date <= preview.to; date = nextDate(date)) dates.push(date);
  byId("preview-summary").textContent = text("availability.previewCount", { from: dayLabel.format(Date.parse(preview.from)), to: dayLabel.format(Date.parse(preview.to)), count: preview.slots.length });
  days.replaceChildren(
    ...dates.map((date) => {
      // Each slot's start is written in the rep's zone ("2027-01-15T09:00:00-06:00"): its date and time are theirs.
      const times = preview.slots.filter((slot) => slot.start.startsWith(date)).map((slot) => slot.start.slice(11, 16));
      return h("li", { "data-date": date }, h("strong", {}, dayLabel.format(Date.parse(date))), " ", h("span", { class: times.length ? "" : "muted" }, times.length ? times.join(", ") : text("availability.noSlots")));
    }),
  );
}

function nextDate(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

function controlOf(field: string): HTMLElement | undefined {
  const [head = "", second = ""] = field.split(/[.[]/);
  if (head === "workingHours") return (DAYS as readonly string[]).includes(second) ? hoursInput(second as Day) : hoursInput("mon");
  return CONTROLS[head] ? byId(CONTROLS[head]) : undefined;
}

function clearErrors(): void {
  for (const day of DAYS) clearFieldError(hoursInput(day));
  for (const id of Object.values(CONTROLS)) clearFieldError(byId(id));
  clearAlert(alertBox);
}

async function load(rep: string): Promise<boolean> {
  const result = await api<AvailabilityResponseBody>(availabilityPath(rep));
  if (!result.ok) {
    if (result.status !== 401) showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void load(rep) : undefined)?.focus();
    return false;
  }
  repId = rep;
  fill(result.data);
  return true;
}

async function save(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearErrors();
  const button = byId<HTMLButtonElement>("save-button");
  button.disabled = true;
  try {
    const result = await api<AvailabilityResponseBody>(availabilityPath(repId), { method: "PUT", body: readForm(), headers: { "If-Match": `"${version}"` } });
    if (result.ok) {
      fill(result.data);
      announce(text("availability.saved"));
      return;
    }
    if (result.status === 412) {
      await load(repId);
      showAlert(alertBox, text("availability.stale", { version }));
      byId("availability-heading").focus();
      return;
    }
    const fields = (result.error.details?.fields as { field: string; message: string }[] | undefined) ?? (result.error.field ? [{ field: result.error.field, message: result.error.message }] : []);
    const marked = fields.flatMap((problem) => {
      const control = controlOf(problem.field);
      if (control) showFieldError(control, problem.message);
      return control ? [control] : [];
    });
    if (marked.length > 0) {
      showAlert(alertBox, text("availability.fixFields"));
      marked[0]!.focus();
    } else if (result.status !== 401) {
      showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void form.requestSubmit() : undefined)?.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/** The date picked becomes one more line of the days off (saved with the form). */
function blockPickedDay(): void {
  const date = blockDate.value;
  if (!date) return;
  const entries = list(datesOff.value);
  if (!entries.includes(date)) datesOff.value = [...entries, date].join("\n");
  blockDate.value = "";
}

async function start(): Promise<void> {
  startPageLanguage();
  scriptReady();
  const who = await api<Me>("/api/me");
  if (!who.ok) {
    if (who.status !== 401) showAlert(alertBox, who.error.message);
    return;
  }
  const me = who.data.rep;
  byId("who").textContent = me.name;
  const asked = new URLSearchParams(location.search).get("rep");
  if (me.role === "manager") {
    const team = await api<Team>("/api/console/team");
    if (team.ok) {
      repSelect.replaceChildren(...team.data.reps.map((rep) => h("option", { value: rep.id }, rep.name)));
      byId("rep-field").hidden = false;
      repSelect.addEventListener("change", () => {
        history.replaceState(null, "", `?${new URLSearchParams({ rep: repSelect.value })}`);
        clearErrors();
        void load(repSelect.value);
      });
    }
  }
  const rep = me.role === "manager" && asked ? asked : me.id;
  repSelect.value = rep;
  form.addEventListener("submit", (event) => void save(event));
  byId("block-button").addEventListener("click", blockPickedDay);
  await load(rep);
}

void start();
