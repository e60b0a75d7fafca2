// Web: reads the "Talk to us live" form, checks what the browser can check before a round trip, and
// builds the request bodies. The server stays the judge (it validates the phone and stores it in E.164);
// this only catches the obvious so the person hears about it at once.

import type { BookingBody, ContactRequestBody } from "../api/api-types";
import { text as pageText } from "../shared/page-text";
import "../page-text/checks";

/** What the person typed, as text; `teamSize` is "?" when the browser holds input it cannot parse. */
export interface ContactFormValues {
  name: string;
  email: string;
  company: string;
  /** ISO alpha-2 ("DE"), "" when not chosen. */
  country: string;
  /** "de", "pt"… */
  language: string;
  phone: string;
  teamSize: string;
  interest: string;
  timeZone: string;
  consent: boolean;
  /** The separate, unticked "Text me reminders" box (it needs the phone). */
  smsConsent: boolean;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Form fields in page order: the first problem found is the one that gets focus. */
export const FORM_FIELDS = ["name", "email", "company", "country", "language", "phone", "teamSize", "interest", "timeZone", "consent", "smsConsent"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The browser's first check of an address (the API's is the real one); the webinar forms use it too. */
export function looksLikeEmail(text: string): boolean {
  return LOOKS_LIKE_EMAIL.test(text.trim());
}

export function readContactForm(form: HTMLFormElement): ContactFormValues {
  const text = (name: FormField) => {
    const control = form.elements.namedItem(name);
    return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement
      ? control.value
      : "";
  };
  const teamSize = form.elements.namedItem("teamSize");
  const consent = form.elements.namedItem("consent");
  const smsConsent = form.elements.namedItem("smsConsent");
  return {
    name: text("name"),
    email: text("email"),
    company: text("company"),
    country: text("country"),
    language: text("language"),
    phone: text("phone"),
    // A number input reports "" for "12abc"; badInput tells that apart from an empty field.
    teamSize: teamSize instanceof HTMLInputElement && teamSize.validity.badInput ? "?" : text("teamSize"),
    interest: text("interest"),
    timeZone: text("timeZone"),
    consent: consent instanceof HTMLInputElement && consent.checked,
    smsConsent: smsConsent instanceof HTMLInputElement && smsConsent.checked,
  };
}

export function validateContact(values: ContactFormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  problems.push(...nameAndEmailProblems(values));
  const teamSize = values.teamSize.trim();
  if (teamSize !== "" && !/^\d+$/.test(teamSize)) problems.push({ field: "teamSize", message: pageText("check.teamSizeWhole") });
  else if (teamSize !== "" && Number(teamSize) < 1) problems.push({ field: "teamSize", message: pageText("check.teamSizeMin") });
  if (values.timeZone.trim() === "") problems.push({ field: "timeZone", message: pageText("check.timeZoneMissing") });
  if (!values.consent) problems.push({ field: "consent", message: pageText("check.consentNeeded") });
  if (values.smsConsent && values.phone.trim() === "") problems.push({ field: "smsConsent", message: pageText("check.smsNeedsPhone") });
  return problems;
}

/** A name and a work e-mail, as the booking and webinar forms both ask for them. */
export function nameAndEmailProblems(values: { name: string; email: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.name.trim() === "") problems.push({ field: "name", message: pageText("check.nameMissing") });
  const email = values.email.trim();
  if (email === "") problems.push({ field: "email", message: pageText("check.emailMissing") });
  else if (!looksLikeEmail(email)) problems.push({ field: "email", message: pageText("check.emailInvalid") });
  return problems;
}

/** Optional text: trimmed, left out when empty (the API treats a missing field and "" differently). */
function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function contactRequestBody(values: ContactFormValues): ContactRequestBody {
  const teamSize = optional(values.teamSize);
  return dropUndefined({
    name: values.name.trim(),
    email: values.email.trim(),
    company: optional(values.company),
    // Both only route the lead to the right reps; left out when not chosen.
    country: optional(values.country),
    language: optional(values.language),
    phone: optional(values.phone),
    teamSize: teamSize === undefined ? undefined : Number(teamSize),
    interest: optional(values.interest),
    timeZone: values.timeZone,
    consent: true as const,
    // Only when ticked: texts are opt-in.
    smsConsent: values.smsConsent ? true : undefined,
  });
}

export function bookingBody(
  values: ContactFormValues,
  choice: { offering: string; start: string; timeZone: string; contactRequestId?: string; colleagues?: string[] },
): BookingBody {
  // The same prospect fields as the contact request, so the rep's invitation carries all of them.
  const { timeZone: _formZone, ...prospect } = contactRequestBody(values);
  const colleagues = choice.colleagues && choice.colleagues.length > 0 ? choice.colleagues : undefined;
  return dropUndefined({ ...prospect, offering: choice.offering, start: choice.start, timeZone: choice.timeZone, contactRequestId: choice.contactRequestId, colleagues });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
