// Web: the colleague e-mail inputs of the registration form and of the manage page's "Add colleagues":
// "Add a colleague" appends a labelled e-mail input (with its own error line, so an API error about
// colleagues[2] can sit next to it), "Remove" takes one away; never more than the page allows.

import { colleaguesHint } from "./colleague-emails";
import { clearFieldError, showFieldError } from "./field-errors";

export interface ColleagueFields {
  /** What each input holds, in order. */
  values(): string[];
  /** Shows `message` next to the input at `index` (from 0); false when there is no such input. */
  showError(index: number, message: string): boolean;
  clearErrors(): void;
  focus(index: number): void;
  /** How many inputs may exist; extra inputs are removed from the end. */
  setMax(max: number): void;
  /** No inputs left. */
  reset(): void;
  setDisabled(disabled: boolean): void;
}

export function colleagueFields(list: HTMLElement, addButton: HTMLButtonElement, hint: HTMLElement, initialMax: number): ColleagueFields {
  let max = initialMax;
  let disabled = false;

  const inputs = () => [...list.querySelectorAll<HTMLInputElement>("input[type=email]")];

  function row(position: number, value: string): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "colleague-row field";
    const id = `colleague-${position + 1}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = `Colleague ${position + 1}: work e-mail`;
    const line = document.createElement("div");
    line.className = "colleague-line";
    const input = document.createElement("input");
    input.id = id;
    input.name = "colleague";
    input.type = "email";
    input.autocomplete = "off";
    input.inputMode = "email";
    input.spellcheck = false;
    input.maxLength = 254;
    input.value = value;
    input.disabled = disabled;
    input.addEventListener("input", () => clearFieldError(input));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary button--small";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", `Remove colleague ${position + 1}`);
    remove.disabled = disabled;
    remove.addEventListener("click", () => removeAt(position));
    line.append(input, remove);
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = `${id}-error`;
    error.hidden = true;
    item.append(label, line, error);
    return item;
  }

  /** Rebuilds every row from `values`: numbering, ids and labels stay in step with the positions. */
  function draw(values: readonly string[]): void {
    list.replaceChildren(...values.map((value, position) => row(position, value)));
    addButton.hidden = values.length >= max;
    addButton.disabled = disabled;
    hint.textContent = colleaguesHint(values.length, max);
  }

  function removeAt(position: number): void {
    const values = inputs().map((input) => input.value);
    values.splice(position, 1);
    draw(values);
    // Focus stays in the list: on the input that moved up, else the one before, else "Add a colleague".
    const next = inputs()[Math.min(position, values.length - 1)];
    (next ?? addButton).focus();
  }

  addButton.addEventListener("click", () => {
    const values = inputs().map((input) => input.value);
    if (values.length >= max || disabled) return;
    draw([...values, ""]);
    inputs()[values.length]?.focus();
  });

  draw([]);

  return {
    values: () => inputs().map((input) => input.value),
    showError(index, message) {
      const input = inputs()[index];
      if (!input) return false;
      showFieldError(input, message);
      return true;
    },
    clearErrors() {
      for (const input of inputs()) clearFieldError(input);
    },
    focus(index) {
      inputs()[index]?.focus();
    },
    setMax(next) {
      max = Math.max(0, next);
      draw(inputs().map((input) => input.value).slice(0, max));
    },
    reset() {
      draw([]);
    },
    setDisabled(value) {
      disabled = value;
      addButton.disabled = value;
      for (const control of list.querySelectorAll<HTMLInputElement | HTMLButtonElement>("input, button")) control.disabled = value;
    },
  };
}
