// Web: entry point of the feedback page (feedback.html?rating#token, the stars in the follow-up e-mail).
// The star clicked in the e-mail comes preselected; the person may change it, add a comment, and send
// POST /api/feedback — once per demo.

import { apiRequest } from "../api/api-client";
import type { FeedbackBody, FeedbackReceived } from "../api/api-types";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { apiSentence, incompleteLink, rejectionNotice, type Notice } from "../lifecycle/link-messages";
import { moveQueryTokenToFragment, ratingFrom, tokenFrom } from "../lifecycle/link-params";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/lifecycle";

const form = byId<HTMLFormElement>("feedback-form");
const ratingGroup = byId<HTMLFieldSetElement>("rating");
const comment = byId<HTMLTextAreaElement>("comment");
const submitButton = byId<HTMLButtonElement>("feedback-submit");
const alertBox = byId("feedback-alert");
const done = byId("feedback-done");


function ratingInputs(): HTMLInputElement[] {
  return [...ratingGroup.querySelectorAll<HTMLInputElement>('input[name="rating"]')];
}

function chosenRating(): number | undefined {
  const checked = ratingInputs().find((input) => input.checked);
  return checked ? Number(checked.value) : undefined;
}

/** The form is done with: what happened takes its place and gets focus. */
function finish(notice: Pick<Notice, "heading" | "message">, tone: "success" | Notice["tone"], moveFocus: boolean): void {
  form.hidden = true;
  done.hidden = false;
  byId("feedback-done-heading").textContent = notice.heading;
  const result = byId("feedback-result");
  result.textContent = notice.message;
  result.dataset["tone"] = tone;
  announce(notice.message);
  if (moveFocus) byId("feedback-done-heading").focus();
}

async function send(token: string): Promise<void> {
  clearAlert(alertBox);
  clearFieldError(ratingGroup);
  clearFieldError(comment);
  const rating = chosenRating();
  if (rating === undefined) {
    showFieldError(ratingGroup, text("feedback.chooseRating"));
    ratingInputs()[0]?.focus();
    return;
  }
  const note = comment.value.trim();
  const body: FeedbackBody = { token, rating, ...(note ? { comment: note } : {}) };
  submitButton.disabled = true;
  submitButton.textContent = text("feedback.sending");
  announce(text("feedback.sendingFeedback"));
  const result = await apiRequest<FeedbackReceived>("/api/feedback", { method: "POST", body });
  submitButton.disabled = false;
  submitButton.textContent = text("feedback.send");
  if (result.ok) return finish({ heading: text("feedback.thanksHeading"), message: text("feedback.thanks") }, "success", true);
  if (result.kind === "unavailable") {
    showAlert(alertBox, text("feedback.failed", { reason: result.error.message }), () => void send(token))?.focus();
    return;
  }
  const field = result.error.field;
  if (result.status === 422 && (field === "rating" || field === "comment")) {
    const control = field === "rating" ? ratingGroup : comment;
    showFieldError(control, apiSentence(result.error.message, text(field === "rating" ? "feedback.ratingLabel" : "feedback.commentLabel")));
    (field === "rating" ? ratingInputs()[0] : comment)?.focus();
    return;
  }
  const notice = rejectionNotice("feedback", result.status, result.error);
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
  const preselected = ratingFrom(location.search);
  for (const input of ratingInputs()) {
    input.checked = Number(input.value) === preselected;
    input.addEventListener("change", () => clearFieldError(ratingGroup));
  }
  comment.addEventListener("input", () => clearFieldError(comment));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send(token);
  });
}

start();
