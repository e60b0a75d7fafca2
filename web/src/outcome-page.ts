// Web: entry point of the outcome page (outcome.html#token, an outcome link in a rep's follow-up e-mail).
// Mail scanners open every link (some run its script), so opening the page logs nothing: it shows what the
// link would log and for whom, and POSTs /api/outcomes only when the rep presses the button; then it shows
// what was logged and what happens next. A second visit shows what was logged, and when.

import { apiRequest } from "./api-client";
import type { OutcomeBody, OutcomeLogged, OutcomeView } from "./api-types";
import { INCOMPLETE_LINK, rejectionNotice, type Notice } from "./link-messages";
import { moveQueryTokenToFragment, tokenFrom } from "./link-params";
import { announce, clearAlert, showAlert } from "./notices";
import { alreadyLoggedText, outcomeQuestion, outcomeText } from "./outcome-message";
import { byId, scriptReady } from "./page-dom";
import { pageLocale } from "./page-locale";

const section = byId("outcome");
const heading = byId("outcome-heading");
const resultLine = byId("outcome-result");
const detailLine = byId("outcome-detail");
const alertBox = byId("outcome-alert");
const confirmButton = byId<HTMLButtonElement>("outcome-confirm");

function show(title: string, result: string, detail: string | undefined, tone: "success" | Notice["tone"]): void {
  section.setAttribute("aria-busy", "false");
  heading.textContent = title;
  resultLine.textContent = result;
  resultLine.dataset["tone"] = tone;
  detailLine.textContent = detail ?? "";
  detailLine.hidden = !detail;
  announce(detail ? `${result} ${detail}` : result);
}

/** Reads what the link would log (changing nothing) and offers the button; a second visit shows what was logged. */
async function viewOutcome(token: string): Promise<void> {
  clearAlert(alertBox);
  section.setAttribute("aria-busy", "true");
  const body: OutcomeBody = { token };
  const result = await apiRequest<OutcomeView>("/api/outcomes/view", { method: "POST", body });
  if (result.ok) {
    const logged = alreadyLoggedText(result.data, pageLocale());
    if (logged) return show("Already logged", logged, undefined, "done");
    const question = outcomeQuestion(result.data);
    confirmButton.textContent = question.button;
    confirmButton.hidden = false;
    return show(question.heading, question.result, undefined, "success");
  }
  if (result.kind === "unavailable") {
    show("Not loaded", "We could not read this link yet. Nothing was logged.", undefined, "problem");
    showAlert(alertBox, result.error.message, () => void viewOutcome(token))?.focus();
    return;
  }
  const notice = rejectionNotice("outcome", result.status, result.error);
  show(notice.heading, notice.message, undefined, notice.tone);
}

/** The rep pressed the button: now, and only now, the outcome is logged (POST). */
async function logOutcome(token: string): Promise<void> {
  clearAlert(alertBox);
  section.setAttribute("aria-busy", "true");
  confirmButton.disabled = true;
  const body: OutcomeBody = { token };
  const result = await apiRequest<OutcomeLogged>("/api/outcomes", { method: "POST", body });
  confirmButton.disabled = false;
  if (result.ok) {
    confirmButton.hidden = true;
    const text = outcomeText(result.data);
    show("Outcome logged", text.result, text.detail, "success");
    heading.focus();
    return;
  }
  if (result.kind === "unavailable") {
    section.setAttribute("aria-busy", "false");
    // Logging twice is harmless (a second try finds it logged), so retrying is safe.
    showAlert(alertBox, `The outcome could not be logged. ${result.error.message}`, () => void logOutcome(token))?.focus();
    return;
  }
  confirmButton.hidden = true;
  // Logged meanwhile (another link of this prompt, another tab): say what and when.
  if (result.status === 409) return viewOutcome(token).then(() => heading.focus());
  const notice = rejectionNotice("outcome", result.status, result.error);
  show(notice.heading, notice.message, undefined, notice.tone);
}

function start(): void {
  scriptReady();
  const token = tokenFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!token) return show(INCOMPLETE_LINK.heading, INCOMPLETE_LINK.message, undefined, "problem");
  confirmButton.addEventListener("click", () => void logOutcome(token));
  void viewOutcome(token);
}

start();
