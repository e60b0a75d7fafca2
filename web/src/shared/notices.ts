// Web: the two ways the page speaks up besides field errors: a quiet status line for progress (polite
// live region) and an alert box with an optional "Try again" for things the person should act on.

let retryLabel = "Try again";

/** The retry button's words in the page's language (page-text.ts sets them; the console stays English). */
export function setRetryLabel(label: string): void {
  retryLabel = label;
}

/** Progress for screen readers ("Finding open times…"); visually hidden. */
export function announce(text: string): void {
  const status = document.getElementById("status");
  if (!status) return;
  // Clearing first makes a repeated message be announced again.
  status.textContent = "";
  window.setTimeout(() => (status.textContent = text), 50);
}

/**
 * Shows `message` in the alert region `alertEl` (role="alert", always in the DOM so it is announced).
 * With `retry`, a "Try again" button is added (and returned, to take focus); it clears the alert and
 * calls `retry`.
 */
export function showAlert(alertEl: HTMLElement, message: string, retry?: () => void): HTMLButtonElement | undefined {
  const text = document.createElement("p");
  text.textContent = message;
  const nodes: Node[] = [text];
  let button: HTMLButtonElement | undefined;
  if (retry) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = retryLabel;
    button.addEventListener("click", () => {
      clearAlert(alertEl);
      retry();
    });
    nodes.push(button);
  }
  alertEl.replaceChildren(...nodes);
  return button;
}

export function clearAlert(alertEl: HTMLElement): void {
  alertEl.replaceChildren();
}
