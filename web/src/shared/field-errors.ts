// Web: puts an error next to the field it is about (ours or the API's `error.field`), with aria-invalid
// and aria-describedby so screen readers read it with the field, and takes it away again.

import { CONSENT_NEEDED, FORM_FIELDS, SMS_CONSENT_NEEDS_PHONE, type FormField } from "../booking/contact-form";

/** Where an API error belongs: a form field, the slot list (booking-only fields), or nowhere specific. */
export type ErrorTarget = { kind: "field"; field: FormField } | { kind: "slots" } | { kind: "general" };

const FIELD_LABELS: Record<FormField, string> = {
  name: "Name",
  email: "Work e-mail",
  company: "Company",
  country: "Country",
  language: "Preferred language",
  phone: "Phone",
  teamSize: "Team size",
  interest: "What you'd like to see",
  timeZone: "Time zone",
  consent: "Consent",
  smsConsent: "Text me reminders",
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
  if (field === "consent") return CONSENT_NEEDED;
  if (field === "smsConsent") return SMS_CONSENT_NEEDS_PHONE;
  const label = FIELD_LABELS[field];
  let text = message.trim();
  const prefix = new RegExp(`^${field}\\s*:?\\s+`, "i");
  if (prefix.test(text)) text = `${label} ${text.replace(prefix, "")}`;
  else if (/^[a-z]/.test(text)) text = `${label} ${text}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A sentence for an API message about the chosen slot ("is not an open slot" → "That time is not…"). */
export function slotMessage(message: string): string {
  let text = message.trim().replace(/^(start|offering)\s*:?\s+/i, "");
  if (/^[a-z]/.test(text)) text = `That time ${text}`;
  if (!/[.!?]$/.test(text)) text += ".";
  return `${text} Please pick another time.`;
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
