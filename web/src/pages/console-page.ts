// Web: entry point of the rep console (/console). Checks who is signed in (GET /api/me; sign-in page
// otherwise), then shows one view at a time by the address fragment (console-route.ts): the call queue with
// one-tap outcomes, refreshed every 20 s (every 5 s while the rep takes instant calls, whose rows are claimed
// first: instant-console.ts); the schedule; lead search (also the leads behind an insights figure); a lead's history with notes; and for a
// manager the team queue with a rep filter and reassignment, and a lead's data export and erasure (privacy-tools.ts). Every string from the API is put on the page as
// text (safe-dom.ts). Registers the service worker that keeps the app shell for offline starts.

import { apiRequest, type ApiResult, type RequestOptions } from "../api/api-client";
import { describeEvent, figureLeadsText, lateness, OUTCOME_LABELS, outcomeResultText, outcomesFor, reasonText, type OutcomeAnswer } from "../console/console-labels";
import { figureLeadsQuery, parseRoute, routeHash, type ConsoleRoute } from "../console/console-route";
import type { Claim, LeadPage, LeadSummary, Leads, Me, Outcome, Queue, QueueItem, Schedule, ScheduleEntry, Team, TeamMember } from "../api/console-types";
import { leadBooking } from "../console/lead-booking";
import { startInstantConsole, type InstantConsole } from "../console/instant-console";
import { leadTimeNow, readerTimeZone, timeForRep } from "../console/lead-time";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { privacyTools } from "../console/privacy-tools";
import { planRows } from "../console/queue-rows";
import { h, httpHref, mailtoHref, telHref } from "../console/safe-dom";
import { shortDateTime } from "../booking/zoned-time";

/** New call-backs must show within 30 s without a reload. */
const REFRESH_MS = 20_000;

const alertBox = byId("console-alert");
const resultLine = byId("outcome-result");
const views = {
  queue: byId("queue-view"),
  team: byId("team-view"),
  schedule: byId("schedule-view"),
  search: byId("search-view"),
  lead: byId("lead-view"),
} as const;
const navLinks = { queue: byId<HTMLAnchorElement>("nav-queue"), schedule: byId<HTMLAnchorElement>("nav-schedule"), search: byId<HTMLAnchorElement>("nav-search"), team: byId<HTMLAnchorElement>("nav-team") };

const repZone = readerTimeZone();
let me: Me["rep"] | undefined;
let team: TeamMember[] = [];
let route: ConsoleRoute = { view: "queue" };
let refreshing = false;
let instant: InstantConsole | undefined;

// ---------------------------------------------------------------- API

/** An API call; a lapsed session goes back to the sign-in page. */
async function api<T>(path: string, options?: RequestOptions): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path, options);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

function problem(result: Extract<ApiResult<unknown>, { ok: false }>, retry?: () => void): void {
  if (result.status === 401) return;
  showAlert(alertBox, result.error.message, result.kind === "unavailable" ? retry : undefined)?.focus();
}

// "-": the team's pool (a deactivated rep's call-backs), as the API and the figures name it.
const repNameOf = (id: string): string => team.find((rep) => rep.id === id)?.name ?? (me?.id === id ? me.name : id === "-" ? "Team pool" : id);

// ---------------------------------------------------------------- queue rows

interface Row {
  item: QueueItem;
  element: HTMLLIElement;
  due: HTMLElement;
  overdue: HTMLElement;
  localTime: HTMLElement;
  owner?: HTMLElement;
  /** An instant call not claimed yet: its Claim button, the outcomes it hides, and the ring line. */
  claim?: { button: HTMLButtonElement; outcomes: HTMLElement; ring: HTMLElement };
}

interface QueueList {
  list: HTMLOListElement;
  empty: HTMLElement;
  summary: HTMLElement;
  rows: Map<string, Row>;
  manager: boolean;
}

const myQueue: QueueList = { list: byId<HTMLOListElement>("queue-list"), empty: byId("queue-empty"), summary: byId("queue-summary"), rows: new Map(), manager: false };
const teamQueue: QueueList = { list: byId<HTMLOListElement>("team-list"), empty: byId("team-empty"), summary: byId("team-summary"), rows: new Map(), manager: true };
let rowCount = 0;

function leadLink(lead: Pick<LeadSummary, "id" | "name">): HTMLAnchorElement {
  return h("a", { href: routeHash({ view: "lead", leadId: lead.id }) }, lead.name);
}

function contactLinks(lead: LeadSummary): HTMLElement {
  const tel = telHref(lead.phone);
  const mail = mailtoHref(lead.email);
  return h(
    "p",
    { class: "queue-contact" },
    tel ? h("a", { class: "button button--call", href: tel }, `Call ${lead.phone ?? ""}`) : h("span", { class: "muted" }, "No phone number. "),
    mail ? h("a", { class: "queue-mail", href: mail }, lead.email) : lead.email,
  );
}

function createRow(queue: QueueList, item: QueueItem): Row {
  const n = ++rowCount;
  const nameId = `row-${n}-name`;
  const due = h("span", { class: "queue-due" });
  const overdue = h("span", { class: "badge badge--overdue" }, "Overdue");
  const localTime = h("span", { class: "queue-local" });
  const note = h("textarea", { id: `row-${n}-note`, name: "note", rows: "2", maxlength: "2000" });
  const buttons = outcomesFor(item).map((outcome) => {
    const button = h("button", { type: "button", class: `button button--outcome${outcome === "voicemail" || outcome === "no_answer" ? "" : " button--secondary"}`, "data-outcome": outcome }, OUTCOME_LABELS[outcome]);
    button.addEventListener("click", () => void logOutcome(queue, row, outcome, note, buttons));
    return button;
  });
  const owner = queue.manager ? h("span", { class: "queue-owner" }) : undefined;
  const outcomes = h("div", { class: "outcome-buttons", role: "group", "aria-label": `Log the call with ${item.lead.name}` }, ...buttons);
  const instantCall = item.kind === "instant" ? instantControls(item, outcomes) : undefined;
  const element = h(
    "li",
    { class: "card queue-item", "data-id": item.id, "aria-labelledby": nameId },
    h("div", { class: "queue-head" }, h("h2", { id: nameId, class: "queue-name" }, leadLink(item.lead)), overdue),
    item.lead.company ? h("p", { class: "queue-company" }, item.lead.company) : undefined,
    h("p", { class: "queue-why" }, reasonText(item.kind, item.attempt), " · ", due),
    item.inPool ? h("p", { class: "queue-pool" }, h("span", { class: "badge" }, "Team pool"), " Its rep left the team: whoever logs the call takes it.") : undefined,
    instantCall?.ring,
    h("p", { class: "queue-now" }, "Their time now: ", localTime),
    owner ? h("p", { class: "queue-owner-line" }, "Rep: ", owner) : undefined,
    contactLinks(item.lead),
    queue.manager ? reassignControls(item, n) : undefined,
    h("div", { class: "field queue-note" }, h("label", { for: note.id }, "Note ", h("span", { class: "optional" }, "(optional)")), note),
    instantCall?.button,
    outcomes,
  );
  const row: Row = { item, element, due, overdue, localTime, ...(owner ? { owner } : {}), ...(instantCall ? { claim: instantCall } : {}) };
  instantCall?.button.addEventListener("click", () => void claim(queue, row));
  updateRow(row, item);
  return row;
}

function updateRow(row: Row, item: QueueItem): void {
  row.item = item;
  row.due.textContent = `due ${timeForRep(new Date(item.dueAt), item.lead, repZone, { withDay: true })}`;
  const late = lateness(item);
  row.overdue.textContent = late ?? "";
  row.overdue.hidden = !late;
  row.element.classList.toggle("queue-item--overdue", Boolean(late));
  const now = leadTimeNow(new Date(), item.lead);
  row.localTime.textContent = now.unsociable ? `${now.text} — outside 8 AM–9 PM there` : now.text;
  row.localTime.classList.toggle("queue-local--late", now.unsociable);
  if (row.owner) row.owner.textContent = repNameOf(item.repId);
  if (row.claim) updateClaim(row, item);
}

// ---------------------------------------------------------------- instant calls ("call me now")

/** An instant call rings one rep at a time: Claim takes it (the outcomes show once it is claimed). */
function instantControls(item: QueueItem, outcomes: HTMLElement): Row["claim"] {
  const button = h("button", { type: "button", class: "button button--claim" }, `Claim the call with ${item.lead.name}`);
  return { button, outcomes, ring: h("p", { class: "queue-ring" }) };
}

function updateClaim(row: Row, item: QueueItem): void {
  const claim = row.claim!;
  const claimed = Boolean(item.instant?.claimedAt);
  // Only the rep it rings takes it (a manager sees the team's, and may reassign instead).
  claim.button.hidden = claimed || item.repId !== me?.id;
  claim.outcomes.hidden = !claimed;
  const until = item.instant?.ringUntil ? new Date(item.instant.ringUntil).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: repZone }) : undefined;
  claim.ring.textContent = claimed ? "Claimed: call them now, then log how it went." : `Waiting on the website for a call now${until ? `; rings you until ${until}, then the next rep` : ""}.`;
  row.element.classList.toggle("queue-item--ringing", !claimed);
}

async function claim(queue: QueueList, row: Row): Promise<void> {
  clearAlert(alertBox);
  const button = row.claim!.button;
  button.disabled = true;
  const result = await api<Claim>(`/api/console/queue/${encodeURIComponent(row.item.id)}/claim`, { method: "POST" });
  button.disabled = false;
  if (!result.ok) {
    if (result.status === 409 || result.status === 403) {
      showResult(`${result.error.message} The call with ${row.item.lead.name} is no longer yours to take.`);
      dropRow(queue, row);
      return;
    }
    problem(result, () => void claim(queue, row));
    return;
  }
  updateRow(row, { ...row.item, instant: { ...row.item.instant!, claimedAt: result.data.claimedAt } });
  const call = row.element.querySelector<HTMLAnchorElement>(".button--call");
  announce(`You took the call with ${row.item.lead.name}. Call now, then log how it went.`);
  (call ?? row.claim!.outcomes.querySelector("button"))?.focus();
}

function reassignControls(item: QueueItem, n: number): HTMLElement {
  const select = h("select", { id: `row-${n}-rep`, name: "repId" });
  for (const rep of team) select.append(h("option", { value: rep.id }, rep.name));
  select.value = team.find((rep) => rep.id !== item.repId)?.id ?? item.repId;
  const button = h("button", { type: "button", class: "button button--secondary button--small" }, "Reassign");
  button.addEventListener("click", () => void reassign(item.id, select, button));
  return h("div", { class: "field queue-reassign" }, h("label", { for: select.id }, "Hand to"), h("div", { class: "queue-reassign-controls" }, select, button));
}

function renderQueue(queue: QueueList, items: QueueItem[]): void {
  const plan = planRows([...queue.rows.keys()], items.map((item) => item.id));
  for (const id of plan.remove) {
    queue.rows.get(id)?.element.remove();
    queue.rows.delete(id);
  }
  for (const item of items) {
    const row = queue.rows.get(item.id);
    if (row) updateRow(row, item);
    else queue.rows.set(item.id, createRow(queue, item));
  }
  if (plan.reorder) {
    // Rebuilding the order moves nodes; the focused one is put back so a keyboard user keeps their place.
    const focused = document.activeElement as HTMLElement | null;
    queue.list.replaceChildren(...items.map((item) => queue.rows.get(item.id)!.element));
    if (focused && queue.list.contains(focused)) focused.focus();
  } else {
    for (const id of plan.add) queue.list.append(queue.rows.get(id)!.element);
  }
  queue.empty.hidden = items.length > 0;
  const overdue = items.filter((item) => item.overdue).length;
  queue.summary.textContent = items.length ? `${items.length} open call-back${items.length === 1 ? "" : "s"}${overdue ? `, ${overdue} overdue` : ""}.` : "";
}

async function logOutcome(queue: QueueList, row: Row, outcome: Outcome, note: HTMLTextAreaElement, buttons: HTMLButtonElement[]): Promise<void> {
  clearAlert(alertBox);
  for (const button of buttons) button.disabled = true;
  const text = note.value.trim();
  const result = await api<OutcomeAnswer>(`/api/console/queue/${encodeURIComponent(row.item.id)}/outcome`, { method: "POST", body: { outcome, ...(text ? { note: text } : {}) } });
  for (const button of buttons) button.disabled = false;
  if (!result.ok) {
    if (result.status === 409) {
      showResult(`${result.error.message} The call-back with ${row.item.lead.name} is closed.`);
      dropRow(queue, row);
      return;
    }
    problem(result, () => void logOutcome(queue, row, outcome, note, buttons));
    return;
  }
  note.value = "";
  showResult(outcomeResultText(result.data, row.item.lead, repZone));
  // Attendance is recorded beside the call-back, which stays open for the call itself.
  if (outcome === "attended" || outcome === "no_show") {
    for (const button of buttons) if (button.dataset["outcome"] === "attended" || button.dataset["outcome"] === "no_show") button.remove();
    return;
  }
  dropRow(queue, row);
}

function dropRow(queue: QueueList, row: Row): void {
  row.element.remove();
  queue.rows.delete(row.item.id);
  renderQueue(queue, [...queue.rows.values()].map((each) => each.item));
}

/** The answer to a tap: shown above the queue, focused (the row it came from is gone) and announced. */
function showResult(text: string): void {
  resultLine.textContent = text;
  resultLine.hidden = false;
  resultLine.focus();
  announce(text);
}

async function reassign(itemId: string, select: HTMLSelectElement, button: HTMLButtonElement): Promise<void> {
  clearAlert(alertBox);
  button.disabled = true;
  const result = await api<{ id: string; repId: string }>(`/api/console/queue/${encodeURIComponent(itemId)}/assign`, { method: "POST", body: { repId: select.value } });
  button.disabled = false;
  if (!result.ok) {
    problem(result, () => void reassign(itemId, select, button));
    return;
  }
  const row = teamQueue.rows.get(itemId);
  showResult(`${row?.item.lead.name ?? "The call-back"} now goes to ${repNameOf(result.data.repId)}.`);
  await refreshTeam();
}

async function refreshMine(): Promise<void> {
  const result = await api<Queue>("/api/console/queue");
  if (!result.ok) return problem(result, () => void refreshMine());
  renderQueue(myQueue, result.data.items);
  if (me) instant?.notice(result.data.items, me.id);
}

async function refreshTeam(): Promise<void> {
  const rep = route.view === "team" ? route.rep : "all";
  const result = await api<Queue>(`/api/console/queue?${new URLSearchParams({ rep })}`);
  if (!result.ok) return problem(result, () => void refreshTeam());
  renderQueue(teamQueue, result.data.items);
}

/** The queue on screen, fetched again (a timer calls this every REFRESH_MS while the page is visible). */
async function refreshQueues(): Promise<void> {
  if (refreshing || document.visibilityState !== "visible") return;
  refreshing = true;
  try {
    if (route.view === "queue") await refreshMine();
    if (route.view === "team") await refreshTeam();
  } finally {
    refreshing = false;
  }
}

// ---------------------------------------------------------------- schedule

function scheduleEntry(entry: ScheduleEntry): HTMLLIElement {
  const start = new Date(entry.start);
  const when = entry.lead && entry.timeZone ? timeForRep(start, { name: entry.lead.name, timeZone: entry.timeZone }, repZone, { withDay: true }) : `${shortDateTime(entry.start, "en-US", repZone)} yours`;
  const join = httpHref(entry.joinUrl);
  const prep: [string, string | undefined][] = entry.lead
    ? [["Company", entry.lead.company], ["Wants to see", entry.lead.interest], ["Notes", entry.lead.notes]]
    : [["Seats taken", entry.seatsTaken === undefined ? undefined : String(entry.seatsTaken)]];
  const facts = prep.filter((pair): pair is [string, string] => Boolean(pair[1]));
  return h(
    "li",
    { class: "card schedule-item" },
    h("h2", { class: "schedule-title" }, entry.kind === "demo" ? "Demo: " : "Webinar: ", entry.title),
    h("p", { class: "schedule-when" }, when),
    entry.lead ? h("p", {}, "With ", leadLink(entry.lead)) : undefined,
    facts.length ? h("dl", { class: "prep" }, ...facts.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)])) : undefined,
    join ? h("p", {}, h("a", { class: "button", href: join, target: "_blank", rel: "noopener noreferrer" }, entry.kind === "demo" ? "Join the demo" : "Join the session")) : undefined,
  );
}

async function showSchedule(): Promise<void> {
  const list = byId("schedule-list");
  list.setAttribute("aria-busy", "true");
  const result = await api<Schedule>("/api/console/schedule");
  list.removeAttribute("aria-busy");
  if (!result.ok) return problem(result, () => void showSchedule());
  list.replaceChildren(...result.data.entries.map(scheduleEntry));
  byId("schedule-empty").hidden = result.data.entries.length > 0;
}

// ---------------------------------------------------------------- search

async function showSearch(current: Extract<ConsoleRoute, { view: "search" }>): Promise<void> {
  const input = byId<HTMLInputElement>("search-query");
  const summary = byId("search-summary");
  const results = byId("search-results");
  const behind = "behind" in current ? current.behind : undefined;
  const query = current.query;
  if (input.value !== query) input.value = query;
  // The leads behind an insights figure: what they are behind says the heading's line.
  const scope = byId("search-figure");
  scope.hidden = !behind;
  scope.textContent = behind ? `Leads behind: ${figureLeadsText(behind, repNameOf)}` : "";
  if (!query && !behind) {
    results.replaceChildren();
    summary.textContent = "";
    return;
  }
  summary.textContent = "Searching…";
  const result = await api<Leads>(`/api/leads?${behind ? figureLeadsQuery(behind) : new URLSearchParams({ query })}`);
  if (!result.ok) {
    summary.textContent = "";
    return problem(result, () => void showSearch(current));
  }
  const { leads, total = leads.length } = result.data;
  const shown = total > leads.length ? ` The ${leads.length} most recent are listed.` : "";
  summary.textContent = total ? `${total} lead${total === 1 ? "" : "s"} found.${shown}` : "No lead matches.";
  results.replaceChildren(
    ...leads.map((lead) => h("li", { class: "card lead-result" }, h("h2", { class: "lead-result-name" }, leadLink(lead)), lead.company ? h("p", { class: "muted" }, lead.company) : undefined, h("p", {}, lead.email))),
  );
}

// ---------------------------------------------------------------- lead page

let shownLead: LeadSummary | undefined;

function historyLine(event: LeadPage["events"][number]): HTMLLIElement {
  const line = describeEvent(event, repNameOf);
  return h(
    "li",
    { class: `history-item history-item--${event.kind.replace(/[^a-z_-]/gi, "")}` },
    h("time", { datetime: event.at }, shortDateTime(event.at, "en-US", repZone)),
    " ",
    h("span", { class: "history-title" }, line.title),
    line.detail ? h("p", { class: "history-detail" }, line.detail) : undefined,
  );
}

const privacy = privacyTools(api, problem, () => {
  // The person is gone: so is what the page showed of them.
  byId("lead-company").textContent = "";
  byId("lead-contact").replaceChildren();
  byId("lead-local-time").textContent = "";
  byId("note-form").hidden = true;
  byId("history").replaceChildren();
  booking.showFor(undefined);
  shownLead = undefined;
});

const booking = leadBooking(api, problem, repZone, () => {
  // The new booking is in the history now.
  if (shownLead) void refreshHistory(shownLead.id);
});

async function refreshHistory(leadId: string): Promise<void> {
  const result = await api<LeadPage>(`/api/leads/${encodeURIComponent(leadId)}`);
  if (!result.ok || shownLead?.id !== leadId) return;
  renderHistory(result.data.events);
}

function renderHistory(events: LeadPage["events"]): void {
  byId("history").replaceChildren(...[...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map(historyLine));
}

async function showLead(leadId: string): Promise<void> {
  privacy.showFor(undefined);
  booking.showFor(undefined);
  byId("note-form").hidden = false;
  const history = byId("history");
  history.setAttribute("aria-busy", "true");
  const result = await api<LeadPage>(`/api/leads/${encodeURIComponent(leadId)}`);
  history.removeAttribute("aria-busy");
  if (!result.ok) return problem(result, () => void showLead(leadId));
  const { lead, events } = result.data;
  shownLead = lead;
  byId("lead-name").textContent = lead.name;
  byId("lead-company").textContent = lead.company ?? "";
  const tel = telHref(lead.phone);
  const mail = mailtoHref(lead.email);
  byId("lead-contact").replaceChildren(
    ...[tel ? h("li", {}, h("a", { href: tel }, `Call ${lead.phone ?? ""}`)) : undefined, h("li", {}, mail ? h("a", { href: mail }, lead.email) : lead.email)].filter((item): item is HTMLLIElement => item !== undefined),
  );
  byId("lead-local-time").textContent = `Their time now: ${leadTimeNow(new Date(), lead).text}`;
  renderHistory(events);
  booking.showFor({ id: lead.id, name: lead.name, timeZone: lead.timeZone });
  if (me?.role === "manager") privacy.showFor({ id: lead.id, name: lead.name, email: lead.email });
}

async function saveNote(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearAlert(alertBox);
  const textArea = byId<HTMLTextAreaElement>("note-text");
  const error = byId("note-text-error");
  const setError = (message: string | undefined) => {
    error.textContent = message ?? "";
    error.hidden = !message;
    if (message) textArea.setAttribute("aria-invalid", "true");
    else textArea.removeAttribute("aria-invalid");
  };
  setError(undefined);
  const text = textArea.value.trim();
  if (!text || !shownLead) {
    setError("Write the note first.");
    textArea.focus();
    return;
  }
  const button = byId<HTMLButtonElement>("note-button");
  button.disabled = true;
  const result = await api<LeadPage["events"][number]>(`/api/leads/${encodeURIComponent(shownLead.id)}/notes`, { method: "POST", body: { text } });
  button.disabled = false;
  if (!result.ok) {
    if (result.kind === "rejected" && result.error.field === "text") {
      setError(result.error.message);
      textArea.focus();
      return;
    }
    return problem(result, () => void saveNote(event));
  }
  textArea.value = "";
  byId("history").append(historyLine(result.data));
  announce("Note saved.");
}

// ---------------------------------------------------------------- views

function show(view: keyof typeof views): void {
  for (const [name, element] of Object.entries(views)) element.hidden = name !== view;
  for (const [name, link] of Object.entries(navLinks)) {
    if (name === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function go(moveFocus: boolean): Promise<void> {
  route = parseRoute(location.hash);
  if (route.view === "team" && me?.role !== "manager") route = { view: "queue" };
  clearAlert(alertBox);
  resultLine.hidden = true;
  show(route.view);
  const headings = { queue: "queue-heading", team: "team-heading", schedule: "schedule-heading", search: "search-heading", lead: "lead-name" } as const;
  document.title = `${{ queue: "Queue", team: "Team queue", schedule: "Schedule", search: "Search", lead: "Lead" }[route.view]} – Liveline console`;
  if (moveFocus) byId(headings[route.view]).focus();
  switch (route.view) {
    case "queue":
      return refreshMine();
    case "team":
      byId<HTMLSelectElement>("team-rep").value = route.rep;
      return refreshTeam();
    case "schedule":
      return showSchedule();
    case "search":
      return showSearch(route);
    case "lead":
      return showLead(route.leadId);
  }
}

async function loadTeam(): Promise<void> {
  const result = await api<Team>("/api/console/team");
  if (!result.ok) return;
  team = result.data.reps;
  const select = byId<HTMLSelectElement>("team-rep");
  select.replaceChildren(h("option", { value: "all" }, "Everyone"), ...team.map((rep) => h("option", { value: rep.id }, rep.name)));
  navLinks.team.hidden = false;
  // Managers also manage the team (/console/team), the offerings and routing (/console/offerings), see the
  // webhook deliveries (/console/webhooks) and keep the brand (/console/brand).
  for (const id of ["nav-manage-team", "nav-offerings"]) byId(id).hidden = false;
  byId("nav-webhooks").hidden = false;
  byId("nav-brand").hidden = false;
}

async function signOut(): Promise<void> {
  const result = await apiRequest<unknown>("/api/auth/sign-out", { method: "POST" });
  if (!result.ok && result.kind === "unavailable") return problem(result, () => void signOut());
  location.replace("/sign-in");
}

async function start(): Promise<void> {
  scriptReady();
  const who = await api<Me>("/api/me");
  if (!who.ok) {
    // Offline (the shell came from the service worker) or the API is down: the page says so and offers a retry.
    if (who.status !== 401) {
      show("queue");
      problem(who, () => location.reload());
    }
    return;
  }
  me = who.data.rep;
  byId("who").textContent = me.role === "manager" ? `${me.name} (manager)` : me.name;
  if (me.role === "manager") await loadTeam();
  byId("instant-panel").hidden = false;
  instant = startInstantConsole(api, refreshMine, (message) => void showAlert(alertBox, message)?.focus());
  byId("sign-out").addEventListener("click", () => void signOut());
  byId<HTMLFormElement>("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = byId<HTMLInputElement>("search-query").value.trim();
    const next = routeHash({ view: "search", query });
    if (location.hash === next) void showSearch({ view: "search", query });
    else location.hash = next;
  });
  byId<HTMLFormElement>("note-form").addEventListener("submit", (event) => void saveNote(event));
  byId<HTMLSelectElement>("team-rep").addEventListener("change", (event) => {
    location.hash = routeHash({ view: "team", rep: (event.target as HTMLSelectElement).value });
  });
  window.addEventListener("hashchange", () => void go(true));
  document.addEventListener("visibilitychange", () => void refreshQueues());
  window.setInterval(() => void refreshQueues(), REFRESH_MS);
  await go(false);
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/console-sw.js", { scope: "/console" }).catch(() => undefined);
}

void start();
