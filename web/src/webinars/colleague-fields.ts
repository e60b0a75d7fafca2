// Web: the colleague inputs of the registration form and of the manage page's "Add colleagues" (and the
// team demo's on the booking page): "Add a colleague" appends a labelled e-mail input — and, where the API
// takes one, an optional name to greet them by — each with its own error line, so an API error about
// colleagues[2] (or colleagues[2].name) can sit next to it; "Remove" takes one away; never more than the
// page allows.

import { colleaguesHint, type ColleagueEntry, type ColleaguePart } from "./colleague-emails";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { text } from "../shared/page-text";

export interface ColleagueFields {
  /** What each row holds, in order (name "" where names are not asked). */
  values(): ColleagueEntry[];
  /** Shows `message` next to the row's input at `index` (from 0); false when there is no such input. */
  showError(index: number, message: string, part?: ColleaguePart): boolean;
  clearErrors(): void;
  focus(index: number, part?: ColleaguePart): void;
  /** How many rows may exist; extra rows are removed from the end. */
  setMax(max: number): void;
  /** No rows left. */
  reset(): void;
  setDisabled(disabled: boolean): void;
}

export interface ColleagueFieldOptions {
  /** Offer an optional name beside each e-mail (the webinar API greets colleagues by it). */
  names?: boolean;
}

export function colleagueFields(list: HTMLElement, addButton: HTMLButtonElement, hint: HTMLElement, initialMax: number, options: ColleagueFieldOptions = {}): ColleagueFields {
  let max = initialMax;
  let disabled = false;

  const rows = () => [...list.querySelectorAll<HTMLLIElement>("li.colleague-row")];
  const inputOf = (row: HTMLLIElement | undefined, part: ColleaguePart) => row?.querySelector<HTMLInputElement>(part === "name" ? "input.colleague-name" : "input[type=email]") ?? undefined;
  const allInputs = () => [...list.querySelectorAll<HTMLInputElement>("input")];
  const read = (): ColleagueEntry[] => rows().map((row) => ({ email: inputOf(row, "email")?.value ?? "", name: inputOf(row, "name")?.value ?? "" }));

  function labelled(id: string, words: string, optional: boolean): HTMLLabelElement {
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = words;
    if (optional) {
      const note = document.createElement("span");
      note.className = "optional";
      note.textContent = ` ${text("form.optional")}`;
      label.append(note);
    }
    return label;
  }

  function errorLine(id: string): HTMLParagraphElement {
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = `${id}-error`;
    error.hidden = true;
    return error;
  }

  function emailInput(id: string, value: string): HTMLInputElement {
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
    return input;
  }

  /** The name to greet them by: its own labelled input and error line, beside the e-mail. */
  function nameField(position: number, value: string): HTMLDivElement {
    const id = `colleague-${position + 1}-name`;
    const field = document.createElement("div");
    field.className = "colleague-name-field";
    const input = document.createElement("input");
    input.id = id;
    input.name = "colleague-name";
    input.className = "colleague-name";
    input.type = "text";
    input.autocomplete = "off";
    input.maxLength = 200;
    input.value = value;
    input.disabled = disabled;
    input.addEventListener("input", () => clearFieldError(input));
    field.append(labelled(id, text("colleagues.nameLabel", { position: position + 1 }), true), input, errorLine(id));
    return field;
  }

  function row(position: number, value: ColleagueEntry): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "colleague-row field";
    const id = `colleague-${position + 1}`;
    const line = document.createElement("div");
    line.className = "colleague-line";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary button--small";
    remove.textContent = text("colleagues.remove");
    remove.setAttribute("aria-label", text("colleagues.removeLabel", { position: position + 1 }));
    remove.disabled = disabled;
    remove.addEventListener("click", () => removeAt(position));
    const label = labelled(id, text("colleagues.emailLabel", { position: position + 1 }), false);
    if (!options.names) {
      line.append(emailInput(id, value.email), remove);
      item.append(label, line, errorLine(id));
      return item;
    }
    // E-mail, name, then Remove: the order they are read and tabbed through.
    item.classList.add("colleague-row--named");
    const emailField = document.createElement("div");
    emailField.className = "colleague-email-field";
    emailField.append(label, emailInput(id, value.email), errorLine(id));
    line.classList.add("colleague-remove");
    line.append(remove);
    item.append(emailField, nameField(position, value.name), line);
    return item;
  }

  /** Rebuilds every row from `values`: numbering, ids and labels stay in step with the positions. */
  function draw(values: readonly ColleagueEntry[]): void {
    list.replaceChildren(...values.map((value, position) => row(position, value)));
    addButton.hidden = values.length >= max;
    addButton.disabled = disabled;
    hint.textContent = colleaguesHint(values.length, max);
  }

  function removeAt(position: number): void {
    const values = read();
    values.splice(position, 1);
    draw(values);
    // Focus stays in the list: on the row that moved up, else the one before, else "Add a colleague".
    const next = inputOf(rows()[Math.min(position, values.length - 1)], "email");
    (next ?? addButton).focus();
  }

  addButton.addEventListener("click", () => {
    const values = read();
    if (values.length >= max || disabled) return;
    draw([...values, { email: "", name: "" }]);
    inputOf(rows()[values.length], "email")?.focus();
  });

  draw([]);

  return {
    values: read,
    showError(index, message, part = "email") {
      const input = inputOf(rows()[index], part);
      if (!input) return false;
      showFieldError(input, message);
      return true;
    },
    clearErrors() {
      for (const input of allInputs()) clearFieldError(input);
    },
    focus(index, part = "email") {
      inputOf(rows()[index], part)?.focus();
    },
    setMax(next) {
      max = Math.max(0, next);
      draw(read().slice(0, max));
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
