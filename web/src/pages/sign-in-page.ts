// Web: entry point of the sign-in page. Without a token it asks for the rep's address (POST
// /api/auth/sign-in); opened from the e-mailed link (#token=…) it shows one button that POSTs the token to
// /api/auth/session — the session cookie comes back — and goes on to the console.

import { apiRequest } from "../api/api-client";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { protectionFields, startProtection } from "../api/protection";
import { tokenFromFragment } from "../console/sign-in-token";

const requestForm = byId<HTMLFormElement>("request-form");
const emailInput = byId<HTMLInputElement>("email");
const emailError = byId("email-error");
const requestResult = byId("request-result");
const confirmSection = byId("confirm");
const confirmButton = byId<HTMLButtonElement>("confirm-button");
const alertBox = byId("sign-in-alert");

function fieldError(message: string | undefined): void {
  emailError.textContent = message ?? "";
  emailError.hidden = !message;
  if (message) emailInput.setAttribute("aria-invalid", "true");
  else emailInput.removeAttribute("aria-invalid");
}

async function requestLink(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearAlert(alertBox);
  fieldError(undefined);
  const email = emailInput.value.trim();
  if (!email || !emailInput.checkValidity()) {
    fieldError("Please enter your work e-mail address.");
    emailInput.focus();
    return;
  }
  const result = await apiRequest<{ message: string }>("/api/auth/sign-in", { method: "POST", body: { email, ...(await protectionFields(requestForm)) } });
  if (result.ok) {
    requestResult.textContent = `${result.data.message} Check your inbox.`;
    requestResult.hidden = false;
    announce(requestResult.textContent);
    return;
  }
  if (result.kind === "rejected" && result.error.field === "email") {
    fieldError(result.error.message);
    emailInput.focus();
    return;
  }
  showAlert(alertBox, result.error.message)?.focus();
}

async function useToken(token: string): Promise<void> {
  clearAlert(alertBox);
  confirmButton.disabled = true;
  const result = await apiRequest<{ rep: { name: string } }>("/api/auth/session", { method: "POST", body: { token } });
  confirmButton.disabled = false;
  if (result.ok) {
    announce(`Signed in as ${result.data.rep.name}.`);
    location.replace("/console");
    return;
  }
  if (result.kind === "unavailable") {
    showAlert(alertBox, result.error.message, () => void useToken(token))?.focus();
    return;
  }
  confirmSection.hidden = true;
  requestForm.hidden = false;
  showAlert(alertBox, result.error.message);
  emailInput.focus();
}

/** A link opened (or pasted into a tab already on this page): offer the button for its token. */
function takeTokenFromAddress(): void {
  const token = tokenFromFragment(location.hash);
  if (!token) return;
  // The token leaves the address bar (and the history) at once; the button still has it.
  history.replaceState(null, "", location.pathname);
  pendingToken = token;
  clearAlert(alertBox);
  requestForm.hidden = true;
  confirmSection.hidden = false;
  byId("confirm-heading").focus();
}

let pendingToken: string | undefined;

function start(): void {
  scriptReady();
  startProtection();
  requestForm.addEventListener("submit", (event) => void requestLink(event));
  confirmButton.addEventListener("click", () => pendingToken && void useToken(pendingToken));
  window.addEventListener("hashchange", takeTokenFromAddress);
  takeTokenFromAddress();
}

start();
