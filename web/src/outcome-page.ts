// Web: entry point of the outcome page (outcome.html#token, a rep's one-click outcome link). Mail scanners
// fetch links, so nothing is logged by opening the page: its script POSTs /api/outcomes on load and shows
// what was logged, and the next call attempt or the lead's close.

import { apiRequest } from "./api-client";
import type { OutcomeBody, OutcomeLogged } from "./api-types";
import { INCOMPLETE_LINK, rejectionNotice, type Notice } from "./link-messages";
import { moveQueryTokenToFragment, tokenFrom } from "./link-params";
import { announce, clearAlert, showAlert } from "./notices";
import { outcomeText } from "./outcome-message";
import { byId, scriptReady } from "./page-dom";

const section = byId("outcome");
const heading = byId("outcome-heading");
const resultLine = byId("outcome-result");
const detailLine = byId("outcome-detail");
const alertBox = byId("outcome-alert");

function show(title: string, result: string, detail: string | undefined, tone: "success" | Notice["tone"]): void {
  section.setAttribute("aria-busy", "false");
  heading.textContent = title;
  resultLine.textContent = result;
  resultLine.dataset["tone"] = tone;
  detailLine.textContent = detail ?? "";
  detailLine.hidden = !detail;
  announce(detail ? `${result} ${detail}` : result);
}

async function logOutcome(token: string): Promise<void> {
  clearAlert(alertBox);
  section.setAttribute("aria-busy", "true");
  const body: OutcomeBody = { token };
  const result = await apiRequest<OutcomeLogged>("/api/outcomes", { method: "POST", body });
  if (result.ok) {
    const text = outcomeText(result.data);
    return show("Outcome logged", text.result, text.detail, "success");
  }
  if (result.kind === "unavailable") {
    show("Not logged yet", "The outcome could not be logged.", undefined, "problem");
    // Logging twice is harmless (a second try answers "Already logged"), so retrying is safe.
    showAlert(alertBox, result.error.message, () => void logOutcome(token))?.focus();
    return;
  }
  const notice = rejectionNotice("outcome", result.status, result.error);
  show(notice.heading, notice.message, undefined, notice.tone);
}

function start(): void {
  scriptReady();
  const token = tokenFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!token) return show(INCOMPLETE_LINK.heading, INCOMPLETE_LINK.message, undefined, "problem");
  void logOutcome(token);
}

start();
