// Web: entry point of the outcome page (outcome.html#token, an outcome link in a rep's follow-up e-mail).
// Mail scanners open every link (some run its script), so opening the page logs nothing: it shows what the
// link would log and for whom, and POSTs /api/outcomes only when the rep presses the button — after a
// 10-second undo (sooner if the page is left); then it shows what was logged and what happens next. A second
// visit shows what was logged, and when. In the rep's language: the link names it (?lang=), else the browser's.

import { apiRequest } from "../api/api-client";
import type { OutcomeBody, OutcomeLogged, OutcomeView } from "../api/api-types";
import { incompleteLink, rejectionNotice, type Notice } from "../lifecycle/link-messages";
import { moveQueryTokenToFragment, tokenFrom } from "../lifecycle/link-params";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { alreadyLoggedText, outcomeQuestion, outcomeRefusal, outcomeText, pendingText, undoneText } from "../lifecycle/outcome-message";
import { byId, scriptReady } from "../shared/page-dom";
import { pageLocale } from "../shared/page-locale";
import { startPageLanguage, text } from "../shared/page-text";
import { openUndoWindow, UNDO_SECONDS, type UndoWindow } from "../lifecycle/undo-window";

const section = byId("outcome");
const heading = byId("outcome-heading");
const resultLine = byId("outcome-result");
const detailLine = byId("outcome-detail");
const alertBox = byId("outcome-alert");
const confirmButton = byId<HTMLButtonElement>("outcome-confirm");
const undoButton = byId<HTMLButtonElement>("outcome-undo");

/** The outcome pressed and not sent yet (the undo window); at most one. */
let pending: UndoWindow | undefined;
/** What the link logs, for whom (read on opening). */
let viewed: OutcomeView | undefined;

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
    if (logged) return show(text("outcome.alreadyLoggedHeading"), logged, undefined, "done");
    viewed = result.data;
    const question = outcomeQuestion(result.data);
    confirmButton.textContent = question.button;
    confirmButton.hidden = false;
    return show(question.heading, question.result, undefined, "success");
  }
  if (result.kind === "unavailable") {
    show(text("outcome.notLoadedHeading"), text("outcome.notLoaded"), undefined, "problem");
    showAlert(alertBox, result.error.message, () => void viewOutcome(token))?.focus();
    return;
  }
  const notice = outcomeRefusal(result.error) ?? rejectionNotice("outcome", result.status, result.error);
  show(notice.heading, notice.message, undefined, notice.tone);
}

/** The rep pressed the button: the outcome is sent once the undo window closes (or the page is left). */
function pressLog(token: string): void {
  const view = viewed;
  if (pending || !view) return;
  confirmButton.hidden = true;
  undoButton.hidden = false;
  heading.textContent = text("outcome.logging");
  pending = openUndoWindow({
    onTick: (seconds) => {
      const text = pendingText(view, seconds);
      resultLine.textContent = text.result;
      undoButton.textContent = text.undo;
    },
    commit: () => {
      undoButton.hidden = true;
      void logOutcome(token, document.hidden);
    },
  });
  announce(text("outcome.undoAnnounce", { pending: pendingText(view, UNDO_SECONDS).result }));
  undoButton.focus();
}

function undo(): void {
  if (!pending?.undo() || !viewed) return;
  pending = undefined;
  undoButton.hidden = true;
  confirmButton.hidden = false;
  show(text("outcome.notLoggedHeading"), undoneText(viewed), undefined, "done");
  confirmButton.focus();
}

/** The outcome is logged (POST); `leaving` keeps the request alive as the page goes away. */
async function logOutcome(token: string, leaving = false): Promise<void> {
  clearAlert(alertBox);
  section.setAttribute("aria-busy", "true");
  confirmButton.disabled = true;
  const body: OutcomeBody = { token };
  const result = await apiRequest<OutcomeLogged>("/api/outcomes", { method: "POST", body, keepalive: leaving });
  confirmButton.disabled = false;
  pending = undefined;
  if (result.ok) {
    confirmButton.hidden = true;
    const logged = outcomeText(result.data);
    show(text("outcome.loggedHeading"), logged.result, logged.detail, "success");
    heading.focus();
    return;
  }
  if (result.kind === "unavailable") {
    section.setAttribute("aria-busy", "false");
    // Logging twice is harmless (a second try finds it logged), so retrying is safe.
    showAlert(alertBox, text("outcome.logFailed", { reason: result.error.message }), () => void logOutcome(token))?.focus();
    return;
  }
  confirmButton.hidden = true;
  // Logged meanwhile (another link of this prompt, another tab), or moved: say what and when, or where it went.
  if (result.status === 409) return viewOutcome(token).then(() => heading.focus());
  const notice = rejectionNotice("outcome", result.status, result.error);
  show(notice.heading, notice.message, undefined, notice.tone);
}

function start(): void {
  // The link names the rep's language (?lang=), else the browser's.
  startPageLanguage();
  scriptReady();
  const token = tokenFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!token) {
    const incomplete = incompleteLink();
    return show(incomplete.heading, incomplete.message, undefined, "problem");
  }
  confirmButton.addEventListener("click", () => pressLog(token));
  undoButton.addEventListener("click", undo);
  // Leaving (or hiding) the page within the undo window sends the outcome now: a pressed button is never lost.
  window.addEventListener("pagehide", () => pending?.flush());
  document.addEventListener("visibilitychange", () => document.hidden && pending?.flush());
  void viewOutcome(token);
}

start();
