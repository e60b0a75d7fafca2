// Web: entry point of the unsubscribe page (unsubscribe.html#token, linked from our reminders and
// follow-ups). Nothing happens on opening it (mail scanners open links); the button sends
// POST /api/unsubscribe with the token in the Liveline-Token header (a mail program's one-click unsubscribe sends ?token=).

import { apiRequest } from "./api-client";
import type { Unsubscribed } from "./api-types";
import { INCOMPLETE_LINK, rejectionNotice, type Notice } from "./link-messages";
import { LINK_TOKEN_HEADER, moveQueryTokenToFragment, tokenFrom } from "./link-params";
import { announce, clearAlert, showAlert } from "./notices";
import { applyBrand } from "./brand";
import { byId, scriptReady } from "./page-dom";

const heading = byId("unsubscribe-heading");
const resultLine = byId("unsubscribe-result");
const alertBox = byId("unsubscribe-alert");
const button = byId<HTMLButtonElement>("unsubscribe-button");
const actions = byId("unsubscribe-actions");

const DONE = "Done: you will get no more reminders or follow-ups from us. (Invitations for demos you book still arrive.)";

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
  button.textContent = "Unsubscribing…";
  const result = await apiRequest<Unsubscribed>("/api/unsubscribe", { method: "POST", headers: { [LINK_TOKEN_HEADER]: token } });
  button.disabled = false;
  button.textContent = "Stop reminders and follow-up e-mails";
  if (result.ok) return finish({ heading: "You're unsubscribed", message: DONE }, "success", true);
  if (result.kind === "unavailable") {
    showAlert(alertBox, `We couldn't unsubscribe you. ${result.error.message}`, () => void unsubscribe(token))?.focus();
    return;
  }
  const notice = rejectionNotice("unsubscribe", result.status, result.error);
  finish(notice, notice.tone, true);
}

function start(): void {
  scriptReady();
  void applyBrand();
  const token = tokenFrom(location.search, location.hash);
  moveQueryTokenToFragment();
  if (!token) return finish(INCOMPLETE_LINK, "problem", false);
  button.addEventListener("click", () => void unsubscribe(token));
}

start();
