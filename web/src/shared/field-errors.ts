// Web: puts an error next to the field it is about (ours or the API's `error.field`), with aria-invalid
// and aria-describedby so screen readers read it with the field, and takes it away again.

import { FORM_FIELDS, type FormField } from "../booking/contact-form";
import { type PageTextKey, text as pageText } from "./page-text";
import "../page-text/checks";

/** Where an API error belongs: a form field, the slot list (booking-only fields), or nowhere specific. */
export type ErrorTarget = { kind: "field"; field: FormField } | { kind: "slots" } | { kind: "general" };

/** The visible label of each field, in the page's language. */
const FIELD_LABELS: Record<FormField, PageTextKey> = {
  name: "check.label.name",
  email: "check.label.email",
  company: "check.label.company",
  country: "check.label.country",
  language: "check.label.language",
  phone: "check.label.phone",
  teamSize: "check.label.teamSize",
  interest: "check.label.interest",
  timeZone: "check.label.timeZone",
  consent: "check.label.consent",
  smsConsent: "check.label.smsConsent",
};

/** Booking fields that are not on the form but about the chosen slot. */
const SLOT_FIELDS = new Set(["start", "end", "offering", "slot"]);

export function errorTarget(field: string | undefined): ErrorTarget {
  if (!field) return { kind: "general" };
  // "phone", "phone.number" or "slots[0].start": the first segment names the request field.
  const head = field.split(/[.[]/)[0] ?? "";
  const name = head === "notes" ? "interest" : head;
  if ((FORM_FIELDS as readonly string[]).includes(name)) return { kind: "field", field: name as FormField };
  if (SLOT_FIELDS.has(name)) return { kind: "slots" };
  return { kind: "general" };
}

/**
 * A sentence for an API message about `field`. The server writes fragments after the field path
 * ("is not a valid e-mail address", "phone: needs the country code"); those get the visible label.
 */
export function fieldMessage(field: FormField, message: string): string {
  if (field === "consent") return pageText("check.consentNeeded");
  if (field === "smsConsent") return pageText("check.smsNeedsPhone");
  const label = pageText(FIELD_LABELS[field]);
  let text = message.trim();
  const prefix = new RegExp(`^${field}\\s*:?\\s+`, "i");
  if (prefix.test(text)) text = `${label} ${text.replace(prefix, "")}`;
  else if (/^[a-z]/.test(text)) text = `${label} ${text}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A sentence for an API message about the chosen slot ("is not an open slot" → "That time is not…"). */
export function slotMessage(message: string): string {
  let text = message.trim().replace(/^(start|offering)\s*:?\s+/i, "");
  if (/^[a-z]/.test(text)) text = pageText("check.slotProblem", { problem: text });
  if (!/[.!?]$/.test(text)) text += ".";
  return pageText("check.pickAnother", { problem: text });
}

function errorElementFor(control: HTMLElement): HTMLElement | null {
  return document.getElementById(`${control.id}-error`);
}

export function showFieldError(control: HTMLElement, message: string): void {
  const errorEl = errorElementFor(control);
  control.setAttribute("aria-invalid", "true");
  if (!errorEl) return;
  errorEl.textContent = message;
  errorEl.hidden = false;
  const describedBy = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  // The error is read first: it matters more than the hint.
  if (!describedBy.includes(errorEl.id)) control.setAttribute("aria-describedby", [errorEl.id, ...describedBy].join(" "));
}

export function clearFieldError(control: HTMLElement): void {
  const errorEl = errorElementFor(control);
  control.removeAttribute("aria-invalid");
  if (!errorEl) return;
  errorEl.textContent = "";
  errorEl.hidden = true;
  const describedBy = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== errorEl.id);
  if (describedBy.length > 0) control.setAttribute("aria-describedby", describedBy.join(" "));
  else control.removeAttribute("aria-describedby");
}

export function clearAllFieldErrors(form: HTMLFormElement): void {
  for (const field of FORM_FIELDS) {
    const control = form.elements.namedItem(field);
    if (control instanceof HTMLElement) clearFieldError(control);
  }
}
