// Web: entry point of the console's webhooks page (/console/webhooks, managers). Checks who is signed in
// (GET /api/me; the sign-in page otherwise), lists GET /api/console/webhooks — each endpoint with its last 100
// deliveries as a table — and resends one (POST …/deliveries/{id}/resend): the row then says it is being
// retried, and the page reads the list again a little later to show how the attempt ended.

import { apiRequest, type ApiResult } from "../api/api-client";
import type { Me, WebhookDeliveryView, WebhookEndpointView, Webhooks } from "../api/console-types";
import { readerTimeZone } from "../console/lead-time";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { h } from "../console/safe-dom";
import { canResend, deliveryTime, lastAnswer, statusLabel } from "../console/webhook-deliveries";

const alertBox = byId("webhooks-alert");
const endpointsBox = byId("endpoints");
const timeZone = readerTimeZone();
/** How long after a resend the list is read again: the timer function makes the attempt within seconds. */
const RELOAD_AFTER_RESEND_MS = 4_000;

async function api<T>(path: string, init: Parameters<typeof apiRequest>[1] = {}): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path, init);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

function deliveryRow(endpoint: WebhookEndpointView, delivery: WebhookDeliveryView): HTMLTableRowElement {
  const when = deliveryTime(delivery.createdAt, timeZone);
  const resend = h("button", { type: "button", class: "button button--secondary button--small", "aria-label": `Resend ${delivery.type} of ${when}` }, "Resend");
  resend.disabled = !canResend(delivery.status);
  resend.addEventListener("click", () => void resendDelivery(endpoint, delivery, resend));
  return h(
    "tr",
    { "data-delivery": delivery.id },
    h("th", { scope: "row" }, delivery.type),
    h("td", {}, when),
    h("td", { class: "delivery-status" }, statusLabel(delivery.status)),
    h("td", {}, String(delivery.attempts)),
    h("td", {}, lastAnswer(delivery)),
    h("td", {}, deliveryTime(delivery.nextAttemptAt, timeZone)),
    h("td", {}, resend),
  );
}

function endpointSection(endpoint: WebhookEndpointView): HTMLElement {
  const headingId = `endpoint-${endpoint.id}`;
  const table =
    endpoint.deliveries.length === 0
      ? h("p", { class: "muted" }, "No deliveries yet.")
      : h(
          "div",
          { class: "table-scroll card", role: "region", "aria-labelledby": headingId, tabindex: "0" },
          h(
            "table",
            { class: "insights-table" },
            h("caption", { class: "visually-hidden" }, `Last ${endpoint.deliveries.length} deliveries to ${endpoint.id}, newest first`),
            h("thead", {}, h("tr", {}, ...["Event", "Created", "Status", "Attempts", "Last answer", "Next attempt", "Action"].map((title) => h("th", { scope: "col" }, title)))),
            h("tbody", {}, ...endpoint.deliveries.map((delivery) => deliveryRow(endpoint, delivery))),
          ),
        );
  return h(
    "section",
    { "aria-labelledby": headingId, class: "webhook-endpoint" },
    h("h2", { id: headingId }, endpoint.id),
    h("p", { class: "muted" }, `${endpoint.url} · ${endpoint.events.join(", ")}`),
    ...(endpoint.disabledAt ? [h("p", { class: "alert" }, `Disabled since ${deliveryTime(endpoint.disabledAt, timeZone)}: it answered 410 Gone. Resending a delivery enables it again.`)] : []),
    table,
  );
}

async function load(): Promise<void> {
  endpointsBox.setAttribute("aria-busy", "true");
  const result = await api<Webhooks>("/api/console/webhooks");
  endpointsBox.setAttribute("aria-busy", "false");
  if (!result.ok) {
    if (result.status !== 401) showAlert(alertBox, result.status === 403 ? "Webhooks are for managers." : result.error.message, result.kind === "unavailable" ? () => void load() : undefined);
    return;
  }
  byId("webhooks-empty").hidden = result.data.endpoints.length > 0;
  endpointsBox.replaceChildren(...result.data.endpoints.map(endpointSection));
}

async function resendDelivery(endpoint: WebhookEndpointView, delivery: WebhookDeliveryView, button: HTMLButtonElement): Promise<void> {
  clearAlert(alertBox);
  button.disabled = true;
  const path = `/api/console/webhooks/${encodeURIComponent(endpoint.id)}/deliveries/${encodeURIComponent(delivery.id)}/resend`;
  const result = await api<WebhookDeliveryView>(path, { method: "POST" });
  if (!result.ok) {
    button.disabled = false;
    if (result.status !== 401) showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void resendDelivery(endpoint, delivery, button) : undefined)?.focus();
    return;
  }
  const status = button.closest("tr")?.querySelector(".delivery-status");
  if (status) status.textContent = statusLabel(result.data.status);
  announce(`${delivery.type} is being sent again to ${endpoint.id}.`);
  window.setTimeout(() => void reloadKeepingFocus(delivery.id), RELOAD_AFTER_RESEND_MS);
}

/**
 * Reads the list again; focus goes back to the same delivery's button, where the person left it (disabling it
 * while the resend was on its way dropped focus to the page), unless they have moved on meanwhile.
 */
async function reloadKeepingFocus(deliveryId: string): Promise<void> {
  const active = document.activeElement;
  const hadFocus = !active || active === document.body || active.closest("tr")?.getAttribute("data-delivery") === deliveryId;
  await load();
  if (hadFocus) endpointsBox.querySelector<HTMLButtonElement>(`tr[data-delivery="${CSS.escape(deliveryId)}"] button`)?.focus();
}

async function start(): Promise<void> {
  scriptReady();
  const who = await api<Me>("/api/me");
  if (!who.ok) {
    if (who.status !== 401) showAlert(alertBox, who.error.message, () => location.reload());
    return;
  }
  byId("who").textContent = who.data.rep.role === "manager" ? `${who.data.rep.name} (manager)` : who.data.rep.name;
  await load();
}

void start();
