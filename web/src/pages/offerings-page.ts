// Web: entry point of the console's "Offerings and webinars" page (/console/offerings, managers). Loads the
// offerings and routing in force (GET /api/settings/offerings), adds or edits an offering (POST, PUT …/{id}),
// edits, adds or deletes a routing rule (PUT /api/settings/routing, the whole section), each with the loaded
// version as If-Match — a 412 loads the newer version and says so — and tests the rule in the form on sample
// answers (POST /api/settings/routing/test, with the draft), showing each rule's step of the trace.

import type { ApiResult } from "../api/api-client";
import type { OfferingsSettingsBody, RoutingTestBody, RoutingTestResponseBody } from "../api/console-types";
import { clearFieldError } from "../shared/field-errors";
import { announce, clearAlert, showAlert } from "../shared/notices";
import {
  OFFERING_LISTS, OFFERING_NUMBERS, OFFERING_TEXT, RULE_ROUTE, RULE_WHEN, offeringControlOf, offeringFromForm, offeringValues, ruleControlOf, ruleFromForm, ruleValues, traceLines,
  type Kind, type Offering, type OfferingFormValues, type RuleFormValues,
} from "../console/offerings-form";
import { byId } from "../shared/page-dom";
import { h } from "../console/safe-dom";
import { consoleApi as api, showFieldProblems, signedIn } from "../console/settings-pages";
import { staleText } from "../console/team-form";

type Routing = { regions?: Record<string, string[]>; rules: { name: string; when: Record<string, unknown>; route: Record<string, unknown> }[]; fallback?: Record<string, unknown> };

const alertBox = byId("offerings-alert");
const offeringForm = byId<HTMLFormElement>("offering-form");
const ruleForm = byId<HTMLFormElement>("rule-form");
const value = (id: string) => byId<HTMLInputElement>(id).value;
const setValue = (id: string, text: string) => {
  byId<HTMLInputElement>(id).value = text;
};

let view: OfferingsSettingsBody | undefined;
/** The offering being edited (undefined: a new one) and its kind. */
let editingOffering: Offering | undefined;
let kind: Kind = "demo";
/** The rule being edited: its index (rules.length: a new one). */
let editingRule = 0;

const ifMatch = () => ({ "If-Match": `"${view?.version ?? 0}"` });
const routing = () => view!.routing as unknown as Routing;
const repName = (id: string) => view?.reps.find((rep) => rep.id === id)?.name ?? id;

function offeringSummary(offering: Offering): string {
  const parts = [offering.kind === "webinar" ? "Webinar" : "Demo", `${offering.durationMinutes} min`];
  if (offering.kind === "webinar") {
    parts.push(`hosts: ${((offering.hosts ?? []) as string[]).map(repName).join(", ")}`);
    const sessions = (offering.sessions ?? []) as unknown[];
    if (offering.recurrence) parts.push(`repeats ${(offering.recurrence as { rule: string }).rule}`);
    if (sessions.length > 0) parts.push(`${sessions.length} one-off session${sessions.length === 1 ? "" : "s"}`);
  } else {
    parts.push(offering.reps ? `pool: ${(offering.reps as string[]).map(repName).join(", ")}` : "pool: every rep");
  }
  return parts.join(" · ");
}

function ruleSummary(rule: Routing["rules"][number]): string {
  const describe = (section: Record<string, unknown>) =>
    Object.entries(section)
      .map(([field, entry]) => `${field} ${Array.isArray(entry) ? entry.join(", ") : JSON.stringify(entry)}`)
      .join("; ") || "anything";
  return `When ${describe(rule.when)} → ${describe(rule.route)}`;
}

function render(data: OfferingsSettingsBody): void {
  view = data;
  byId("offerings-version").textContent = `Settings version ${data.version}`;
  const offeringsList = byId("offerings-list");
  offeringsList.replaceChildren(
    ...data.offerings.map((offering) => {
      const nameId = `offering-${String(offering.id)}-name`;
      const edit = h("button", { type: "button", class: "button button--secondary button--small", "aria-describedby": nameId }, "Edit");
      edit.addEventListener("click", () => openOffering(offering));
      return h("li", { class: "card team-member", "data-offering": String(offering.id) }, h("h3", { id: nameId, class: "team-member-name" }, String(offering.title)), h("p", { class: "muted" }, String(offering.id)), h("p", { class: "team-member-summary" }, offeringSummary(offering)), h("div", { class: "actions actions--start" }, edit));
    }),
  );
  offeringsList.setAttribute("aria-busy", "false");
  byId("rules-list").replaceChildren(
    ...routing().rules.map((rule, index) => {
      const nameId = `rule-${index}-name`;
      const edit = h("button", { type: "button", class: "button button--secondary button--small", "aria-describedby": nameId }, "Edit");
      edit.addEventListener("click", () => openRule(index));
      const remove = h("button", { type: "button", class: "button button--secondary button--small", "aria-describedby": nameId }, "Delete");
      remove.addEventListener("click", () => void saveRules(routing().rules.filter((_, at) => at !== index), `Rule "${rule.name}" deleted.`));
      return h("li", { class: "card team-member", "data-rule": String(index) }, h("h3", { id: nameId, class: "team-member-name" }, rule.name), h("p", { class: "team-member-summary" }, ruleSummary(rule)), h("div", { class: "actions actions--start" }, edit, remove));
    }),
  );
  const offeringSelect = byId<HTMLSelectElement>("test-offering");
  const chosen = offeringSelect.value;
  offeringSelect.replaceChildren(...data.offerings.filter((offering) => offering.kind === "demo").map((offering) => h("option", { value: String(offering.id) }, String(offering.title))));
  if (chosen) offeringSelect.value = chosen;
}

async function load(): Promise<boolean> {
  const result = await api<OfferingsSettingsBody>("/api/settings/offerings");
  if (!result.ok) {
    byId("offerings-list").setAttribute("aria-busy", "false");
    if (result.status !== 401) showAlert(alertBox, result.status === 403 ? "The offerings page is for managers." : result.error.message, result.kind === "unavailable" ? () => void load() : undefined);
    return false;
  }
  render(result.data);
  return true;
}

// ---------------------------------------------------------------- offerings

const offeringControls = () => [...Object.values(OFFERING_TEXT), ...Object.values(OFFERING_NUMBERS.demo), ...Object.values(OFFERING_NUMBERS.webinar), "offering-reps", "offering-hosts", "offering-replay-url", "offering-sessions", "recurrence-rule", "recurrence-time", "recurrence-time-zone", "recurrence-start", "recurrence-until"];

function fillOffering(values: OfferingFormValues): void {
  for (const [field, id] of Object.entries(OFFERING_TEXT)) setValue(id, values.text[field] ?? "");
  for (const [field, id] of Object.entries(OFFERING_NUMBERS[kind])) setValue(id, values.numbers[field] ?? "");
  for (const [field, id] of Object.entries(OFFERING_LISTS[kind])) setValue(id, values.lists[field] ?? "");
  setValue("offering-replay-url", values.replayUrl);
  byId<HTMLTextAreaElement>("offering-sessions").value = values.sessions;
  for (const [field, id] of Object.entries({ rule: "recurrence-rule", time: "recurrence-time", timeZone: "recurrence-time-zone", startDate: "recurrence-start", until: "recurrence-until" })) setValue(id, values.recurrence[field] ?? "");
}

function readOffering(): OfferingFormValues {
  const read = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([field, id]) => [field, value(id)]));
  return {
    text: read(OFFERING_TEXT),
    numbers: read(OFFERING_NUMBERS[kind]),
    lists: read(OFFERING_LISTS[kind]),
    replayUrl: value("offering-replay-url"),
    sessions: byId<HTMLTextAreaElement>("offering-sessions").value,
    recurrence: read({ rule: "recurrence-rule", time: "recurrence-time", timeZone: "recurrence-time-zone", startDate: "recurrence-start", until: "recurrence-until" }),
  };
}

function openOffering(offering?: Offering, newKind: Kind = "demo"): void {
  clearErrors();
  editingOffering = offering;
  kind = offering?.kind === "webinar" ? "webinar" : offering ? "demo" : newKind;
  byId("demo-fields").hidden = kind !== "demo";
  byId("webinar-fields").hidden = kind !== "webinar";
  fillOffering(offeringValues(offering ?? {}, kind));
  byId<HTMLInputElement>("offering-id").readOnly = Boolean(offering);
  byId("offering-form-heading").textContent = offering ? `Edit ${String(offering.title)}` : kind === "webinar" ? "Add a webinar" : "Add a demo offering";
  ruleForm.hidden = true;
  offeringForm.hidden = false;
  byId("offering-form-heading").focus();
}

async function saveOffering(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearErrors();
  const body = offeringFromForm(editingOffering ?? {}, kind, readOffering());
  const path = editingOffering ? `/api/settings/offerings/${encodeURIComponent(String(editingOffering.id))}` : "/api/settings/offerings";
  const result = await api<OfferingsSettingsBody>(path, { method: editingOffering ? "PUT" : "POST", body, headers: ifMatch() });
  if (result.ok) {
    offeringForm.hidden = true;
    render(result.data);
    return done(`${String(body.title)} saved as settings version ${result.data.version}.`);
  }
  await refused(result, (field) => offeringControlOf(field, kind), () => {
    const current = view?.offerings.find((offering) => offering.id === editingOffering?.id);
    if (current) fillOffering(offeringValues(current, kind));
  });
}

// ---------------------------------------------------------------- routing rules

function fillRule(values: RuleFormValues): void {
  setValue("rule-name", values.name);
  for (const [field, id] of Object.entries(RULE_WHEN)) setValue(id, values.when[field] ?? "");
  for (const [field, id] of Object.entries(RULE_ROUTE)) setValue(id, values.route[field] ?? "");
  setValue("rule-team-min", values.teamSizeMin);
  setValue("rule-team-max", values.teamSizeMax);
}

function readRule(): RuleFormValues {
  const read = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([field, id]) => [field, value(id)]));
  return { name: value("rule-name"), when: read(RULE_WHEN), teamSizeMin: value("rule-team-min"), teamSizeMax: value("rule-team-max"), route: read(RULE_ROUTE) };
}

const ruleControls = () => ["rule-name", "rule-team-min", "rule-team-max", ...Object.values(RULE_WHEN), ...Object.values(RULE_ROUTE)];

function openRule(index: number): void {
  clearErrors();
  editingRule = index;
  const rule = routing().rules[index];
  fillRule(ruleValues(rule));
  byId("rule-form-heading").textContent = rule ? `Edit rule "${rule.name}"` : "Add a rule";
  byId("test-trace").replaceChildren();
  offeringForm.hidden = true;
  ruleForm.hidden = false;
  byId("rule-form-heading").focus();
}

/** The rules with the one in the form in its place (or added at the end). */
function draftRules(): Routing["rules"] {
  const rules = [...routing().rules];
  rules[editingRule] = ruleFromForm(readRule());
  return rules;
}

async function saveRules(rules: Routing["rules"], words: string): Promise<void> {
  clearErrors();
  const result = await api<OfferingsSettingsBody>("/api/settings/routing", { method: "PUT", body: { ...routing(), rules }, headers: ifMatch() });
  if (result.ok) {
    ruleForm.hidden = true;
    render(result.data);
    return done(`${words} Settings version ${result.data.version}.`);
  }
  await refused(result, (field) => ruleControlOf(field, editingRule), () => {
    const current = routing().rules[editingRule];
    if (current) fillRule(ruleValues(current));
  });
}

async function testRule(): Promise<void> {
  clearErrors();
  const teamSize = value("test-team-size").trim();
  const optional = (id: string) => value(id).trim() || undefined;
  const body: RoutingTestBody = {
    answers: { email: value("test-email").trim(), country: optional("test-country"), language: optional("test-language"), teamSize: teamSize ? Number(teamSize) : undefined, interest: optional("test-interest") },
    offering: byId<HTMLSelectElement>("test-offering").value || undefined,
    routing: { ...routing(), rules: draftRules() },
  };
  const result = await api<RoutingTestResponseBody>("/api/settings/routing/test", { method: "POST", body });
  const trace = byId("test-trace");
  if (result.ok) {
    trace.replaceChildren(...traceLines(result.data, repName).map((line) => h("li", {}, line)));
    return;
  }
  trace.replaceChildren();
  await refused(result, (field) => ({ "answers.email": "test-email", "answers.country": "test-country", "answers.language": "test-language", "answers.teamSize": "test-team-size", "answers.interest": "test-interest" })[field] ?? ruleControlOf(field, editingRule));
}

// ---------------------------------------------------------------- shared

function clearErrors(): void {
  for (const id of [...offeringControls(), ...ruleControls(), "test-email", "test-country", "test-language", "test-team-size", "test-interest"]) clearFieldError(byId(id));
  clearAlert(alertBox);
}

function done(words: string): void {
  announce(words);
  byId("offerings-version").textContent = words;
  byId("offerings-heading").focus();
}

/** A refused save or test: 412 loads the newer version (`refill` puts it in the open form); field errors go on their controls, the rest in the alert. */
async function refused(result: Extract<ApiResult<unknown>, { ok: false }>, controlOf: (field: string) => string | undefined, refill?: () => void): Promise<void> {
  if (result.status === 401) return;
  if (result.status === 412) {
    if (await load()) refill?.();
    showAlert(alertBox, staleText(view?.version ?? 0));
    byId("offerings-heading").focus();
    return;
  }
  if (showFieldProblems(alertBox, result, controlOf, byId("offerings-heading"))) return;
  showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void load() : undefined);
  byId("offerings-heading").focus();
}

async function start(): Promise<void> {
  if (!(await signedIn(alertBox))) return;
  offeringForm.addEventListener("submit", (event) => void saveOffering(event));
  ruleForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void saveRules(draftRules(), `Rule "${value("rule-name").trim()}" saved.`);
  });
  byId("add-demo").addEventListener("click", () => openOffering(undefined, "demo"));
  byId("add-webinar").addEventListener("click", () => openOffering(undefined, "webinar"));
  byId("add-rule").addEventListener("click", () => openRule(routing().rules.length));
  byId("test-button").addEventListener("click", () => void testRule());
  byId("offering-cancel").addEventListener("click", () => {
    offeringForm.hidden = true;
    byId("add-demo").focus();
  });
  byId("rule-cancel").addEventListener("click", () => {
    ruleForm.hidden = true;
    byId("add-rule").focus();
  });
  await load();
}

void start();
