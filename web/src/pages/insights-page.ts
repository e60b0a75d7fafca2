// Web: entry point of the insights page (/console/insights). Checks who is signed in (GET /api/me; sign-in
// page otherwise), reads the range and rep from the address, and shows GET /api/insights three ways — by
// week (totals, the funnel, webinars, the weekly charts), by rep, by offering and by lead source. A manager may pick the whole team or
// one rep; a rep sees their own figures only (the API enforces it). Every chart has its table beside it;
// every count links to the console's lead search listing the leads behind it (insights-view.ts leadsHref).

import { apiRequest, type ApiResult } from "../api/api-client";
import type { Insights, InsightsFigures, InsightsRow, Me, Team } from "../api/console-types";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { drawWeeklyChart, type DrawnChart } from "../console/insights-chart";
import { funnelSteps, insightsQuery, leadsHref, pageSearch, paramsFrom, rangeLabel, sourceName, TABLE_COLUMNS, TOTALS, WEBINAR_FIGURES, WEEKLY_CHARTS, weekLabel, type Figure, type InsightsParams } from "../console/insights-view";
import { readerTimeZone } from "../console/lead-time";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { h } from "../console/safe-dom";

const form = byId<HTMLFormElement>("insights-form");
const fromInput = byId<HTMLInputElement>("from");
const toInput = byId<HTMLInputElement>("to");
const repSelect = byId<HTMLSelectElement>("rep");
const alertBox = byId("insights-alert");
const body = byId("insights-body");

const timeZone = readerTimeZone();
let me: Me["rep"] | undefined;
let repNames = new Map<string, string>();
let offeringNames = new Map<string, string>();
let charts: DrawnChart[] = [];

async function api<T>(path: string): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

function problem(result: Extract<ApiResult<unknown>, { ok: false }>): void {
  if (result.status === 401) return;
  if (result.kind === "rejected" && (result.error.field === "from" || result.error.field === "to")) {
    const control = result.error.field === "from" ? fromInput : toInput;
    showFieldError(control, `${result.error.field === "from" ? "From" : "To"}: ${result.error.message}`);
    control.focus();
    return;
  }
  showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void show(currentParams()) : undefined)?.focus();
}

function currentParams(): InsightsParams {
  const rep = me?.role === "manager" ? repSelect.value : undefined;
  return { from: fromInput.value, to: toInput.value, timeZone, ...(rep ? { rep } : {}) };
}

// ---------------------------------------------------------------- rendering

/** A figure's value, linked to the console's lead search listing the leads behind it when there is such a list. */
function figureValue(figure: Figure, figures: InsightsFigures, params: InsightsParams, row?: Parameters<typeof leadsHref>[2]): HTMLElement | string {
  const text = figure.value(figures);
  return figure.leads ? h("a", { href: leadsHref(params, figure.leads, row), class: "figure-leads" }, text) : text;
}

function renderFigures(listId: string, figures: readonly Figure[], report: Insights, params: InsightsParams): void {
  byId(listId).replaceChildren(...figures.map((figure) => h("div", { class: "insights-total" }, h("dt", {}, figure.label), h("dd", {}, figureValue(figure, report.totals, params)))));
}

function renderFunnel(report: Insights): void {
  byId("funnel").replaceChildren(
    ...funnelSteps(report.totals).map((step) => {
      const bar = h("span", { class: "funnel-bar", "aria-hidden": "true" });
      // CSSOM, not a style attribute: the page's CSP allows no inline style.
      bar.style.width = `${Math.round((step.share ?? 0) * 100)}%`;
      const share = step.share === null ? "" : ` (${Math.round(step.share * 100)}%)`;
      return h("li", { class: "funnel-step" }, h("span", { class: "funnel-label" }, step.label), h("span", { class: "funnel-value" }, `${step.value}${share}`), h("span", { class: "funnel-track" }, bar));
    }),
  );
}

function renderCharts(report: Insights): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  const keys = report.series.map((row) => row.key);
  const labels = keys.map(weekLabel);
  const figures = WEEKLY_CHARTS.map((chart) => {
    const values = report.series.map((row) => chart.value(row));
    const headingId = `chart-${chart.id}-title`;
    const picture = h("div", { class: "chart", id: `chart-${chart.id}`, "aria-hidden": "true" });
    const table = h(
      "table",
      { class: "insights-table" },
      h("caption", { class: "visually-hidden" }, `${chart.title} by week`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Week of"), h("th", { scope: "col" }, chart.title))),
      h("tbody", {}, ...labels.map((label, index) => h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, chart.format(values[index] ?? null))))),
    );
    const figure = h(
      "figure",
      { class: "card insights-chart", "aria-labelledby": headingId },
      h("figcaption", { id: headingId }, chart.title),
      picture,
      h("details", { class: "chart-table" }, h("summary", {}, `${chart.title} as a table`), h("div", { class: "table-scroll" }, table)),
    );
    return { figure, picture, chart, values };
  });
  byId("charts").replaceChildren(...figures.map((each) => each.figure));
  // Drawn once on the page, so each knows its width.
  charts = figures.map(({ picture, chart, values }) => drawWeeklyChart(picture, chart, labels, values));
}

/** A table of figures per rep, offering or source: each cell links to the leads behind it, for that row. */
function figuresTable(caption: string, keyHeading: string, rows: readonly InsightsRow[], nameOf: (key: string) => string, params: InsightsParams, rowFilter: "rep" | "offering" | "source"): HTMLTableElement {
  return h(
    "table",
    { class: "insights-table" },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, keyHeading), ...TABLE_COLUMNS.map((column) => h("th", { scope: "col" }, column.label)))),
    h("tbody", {}, ...rows.map((row) => h("tr", { "data-key": row.key }, h("th", { scope: "row" }, nameOf(row.key)), ...TABLE_COLUMNS.map((column) => h("td", {}, figureValue(column, row, params, { [rowFilter]: row.key })))))),
  );
}

const repName = (key: string) => (key === "-" ? "Not yet assigned" : (repNames.get(key) ?? (me?.id === key ? me.name : key)));
const offeringName = (key: string) => offeringNames.get(key) ?? key;

function scopeText(params: InsightsParams): string {
  const who = me?.role !== "manager" ? `${me?.name ?? ""}, your own figures` : params.rep ? repName(params.rep) : "Whole team";
  return `${who} · ${rangeLabel(params.from, params.to)} · days in ${timeZone}`;
}

function csvHref(params: InsightsParams, groupBy: "week" | "rep" | "source"): string {
  return `/api/insights.csv?${insightsQuery(params, groupBy)}`;
}

// ---------------------------------------------------------------- loading

async function show(params: InsightsParams): Promise<void> {
  clearAlert(alertBox);
  clearFieldError(fromInput);
  clearFieldError(toInput);
  announce("Loading the figures…");
  const [weeks, reps, offerings, sources] = await Promise.all([
    api<Insights>(`/api/insights?${insightsQuery(params, "week")}`),
    api<Insights>(`/api/insights?${insightsQuery(params, "rep")}`),
    api<Insights>(`/api/insights?${insightsQuery(params, "offering")}`),
    api<Insights>(`/api/insights?${insightsQuery(params, "source")}`),
  ]);
  for (const result of [weeks, reps, offerings, sources]) {
    if (!result.ok) return problem(result);
  }
  if (!weeks.ok || !reps.ok || !offerings.ok || !sources.ok) return;
  history.replaceState(null, "", pageSearch(params));
  body.hidden = false;
  byId("insights-scope").textContent = scopeText(params);
  byId<HTMLAnchorElement>("csv-weeks").href = csvHref(params, "week");
  byId<HTMLAnchorElement>("csv-reps").href = csvHref(params, "rep");
  byId<HTMLAnchorElement>("csv-sources").href = csvHref(params, "source");
  renderFigures("totals", TOTALS, weeks.data, params);
  renderFigures("webinar-totals", WEBINAR_FIGURES, weeks.data, params);
  renderFunnel(weeks.data);
  renderCharts(weeks.data);
  byId("rep-table").replaceChildren(figuresTable("Figures by rep", "Rep", reps.data.series, repName, params, "rep"));
  byId("offering-table").replaceChildren(figuresTable("Figures by offering", "Offering", offerings.data.series, offeringName, params, "offering"));
  byId("source-table").replaceChildren(figuresTable("Figures by source", "Source", sources.data.series, sourceName, params, "source"));
  announce(`Figures for ${scopeText(params)} shown.`);
}

async function loadNames(): Promise<void> {
  const offerings = await api<{ id: string; title: string }[]>("/api/offerings");
  if (offerings.ok) offeringNames = new Map(offerings.data.map((offering) => [offering.id, offering.title]));
  if (me?.role !== "manager") return;
  const team = await api<Team>("/api/console/team");
  if (!team.ok) return;
  repNames = new Map(team.data.reps.map((rep) => [rep.id, rep.name]));
  repSelect.append(...team.data.reps.map((rep) => h("option", { value: rep.id }, rep.name)));
  byId("rep-field").hidden = false;
}

async function start(): Promise<void> {
  scriptReady();
  const who = await api<Me>("/api/me");
  if (!who.ok) return problem(who);
  me = who.data.rep;
  byId("who").textContent = me.role === "manager" ? `${me.name} (manager)` : me.name;
  await loadNames();
  const params = paramsFrom(location.search, timeZone, Date.now());
  fromInput.value = params.from;
  toInput.value = params.to;
  if (me.role === "manager" && params.rep && repNames.has(params.rep)) repSelect.value = params.rep;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void show(currentParams());
  });
  let resizing: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => charts.forEach((chart) => chart.resize()), 100);
  });
  await show(currentParams());
}

void start();
