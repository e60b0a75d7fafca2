// Web: entry point of the unsubscribe page (unsubscribe.html#token, linked from our reminders and
// follow-ups). Nothing happens on opening it (mail scanners open links); the button sends
// POST /api/unsubscribe with the token in the Liveline-Token header (a mail program's one-click unsubscribe sends ?token=).

import { apiRequest } from "../api/api-client";
import type { Unsubscribed } from "../api/api-types";
import { incompleteLink, rejectionNotice, type Notice } from "../lifecycle/link-messages";
import { LINK_TOKEN_HEADER, moveQueryTokenToFragment, tokenFrom } from "../lifecycle/link-params";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/lifecycle";

const heading = byId("unsubscribe-heading");
const resultLine = byId("unsubscribe-result");
const alertBox = byId("unsubscribe-alert");
const button = byId<HTMLButtonElement>("unsubscribe-button");
const actions = byId("unsubscribe-actions");


/** The button's work is over (done, or the link cannot do it): the outcome takes its place. */
function finish(notice: Pick<Notice, "heading" | "message">, tone: "success" | Notice["tone"], moveFocus: boolean): void {
  actions.hidden = true;
  heading.textContent = notice.heading;
  resultLine.textContent = notice.message;
  resultLine.dataset["tone"] = tone;
  announce(notice.message);
  if (moveFocus) heading.focus();
}

async function unsubscribe(token: string): Promise<void> {
  clearAlert(alertBox);
  button.disabled = true;
  button.textContent = text("unsubscribe.working");
  const result = await apiRequest<Unsubscribed>("/api/unsubscribe", { method: "POST", headers: { [LINK_TOKEN_HEADER]: token } });
  button.disabled = false;
  button.textContent = text("unsubscribe.button");
  if (result.ok) return finish({ heading: text("unsubscribe.doneHeading"), message: text("unsubscribe.done") }, "success", true);
  if (result.kind === "unavailable") {
    showAlert(alertBox, text("unsubscribe.failed", { reason: result.error.message }), () => void unsubscribe(token))?.focus();
    return;
  }
  const notice = rejectionNotice("unsubscribe", result.status, result.error);
  finish(notice, notice.tone, true);
}

function start(): void {
  // The language the link names (the prospect's), else the browser's.
  startPageLanguage();
  scriptReady();
  void applyBrand();
  const token = tokenFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!token) return finish(incompleteLink(), "problem", false);
  button.addEventListener("click", () => void unsubscribe(token));
}

start();
