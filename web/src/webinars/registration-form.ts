// Web: the webinar registration form — reads it, checks what the browser can check before a round trip,
// builds POST /api/webinars/{sessionId}/registrations, and says where an API error belongs (a field, one
// colleague's input, the chosen session). The server stays the judge.

import type { ApiError } from "../api/api-client";
import type { RegistrationBody } from "../api/api-types";
import { checkColleagues, colleagueIndexOf, colleaguePartOf, type ColleagueEntry, type ColleaguePart } from "./colleague-emails";
import { nameAndEmailProblems, type FieldProblem } from "../booking/contact-form";
import { type PageTextKey, text as pageText } from "../shared/page-text";
import "../page-text/checks";

export interface RegistrationValues {
  name: string;
  email: string;
  company: string;
  /** Optional: an engaged attendee with a phone is called back; without one, they are followed up by e-mail. */
  phone: string;
  /** One entry per colleague row (e-mail and optional name), as typed. */
  colleagues: ColleagueEntry[];
  timeZone: string;
  /** The language the page and the e-mails are in (the form's select, preset to the page's). */
  language: string;
  consent: boolean;
  /** The separate, unticked "Text me reminders" box: texts are opt-in, and need the phone. */
  smsConsent: boolean;
}

/** The form's own fields, in page order (the first problem gets focus). */
export const REGISTRATION_FIELDS = ["name", "email", "company", "phone", "language", "colleagues", "timeZone", "consent", "smsConsent"] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/** A problem with the form: a field, or the colleague row at `index` (its e-mail or its name: `part`). */
export type RegistrationProblem = FieldProblem & { field: RegistrationField; index?: number; part?: ColleaguePart };

/** Said when the consent box is not ticked (the server's word for it is not one a person should read). */
export function registrationConsentNeeded(): string {
  return pageText("form.webinarConsentNeeded");
}

export function readRegistrationForm(form: HTMLFormElement, colleagues: readonly ColleagueEntry[]): RegistrationValues {
  const text = (name: string) => {
    const control = form.elements.namedItem(name);
    return control instanceof HTMLInputElement || control instanceof HTMLSelectElement ? control.value : "";
  };
  const checked = (name: string) => {
    const control = form.elements.namedItem(name);
    return control instanceof HTMLInputElement && control.checked;
  };
  return {
    name: text("name"),
    email: text("email"),
    company: text("company"),
    phone: text("phone"),
    colleagues: [...colleagues],
    timeZone: text("timeZone"),
    language: text("language"),
    consent: checked("consent"),
    smsConsent: checked("smsConsent"),
  };
}

export function validateRegistration(values: RegistrationValues): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  for (const problem of nameAndEmailProblems(values)) problems.push({ field: problem.field as RegistrationField, message: problem.message });
  for (const { index, part, message } of checkColleagues(values.colleagues, [values.email.trim()]).problems) problems.push({ field: "colleagues", index, part, message });
  if (values.timeZone.trim() === "") problems.push({ field: "timeZone", message: pageText("check.timeZoneMissing") });
  if (!values.consent) problems.push({ field: "consent", message: registrationConsentNeeded() });
  if (values.smsConsent && values.phone.trim() === "") problems.push({ field: "smsConsent", message: pageText("check.smsNeedsPhone") });
  return problems;
}

/** The request body; `waitlist` after a "session full" answer, when the person chose to wait for a seat. */
export function registrationBody(values: RegistrationValues, waitlist = false): RegistrationBody {
  const company = values.company.trim();
  const phone = values.phone.trim();
  const colleagues = checkColleagues(values.colleagues, [values.email]).colleagues;
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    ...(company ? { company } : {}),
    ...(phone ? { phone } : {}),
    timeZone: values.timeZone,
    ...(values.language ? { language: values.language } : {}),
    ...(colleagues.length > 0 ? { colleagues } : {}),
    ...(waitlist ? { waitlist: true } : {}),
    consent: true,
    // Only when ticked: texts are opt-in.
    ...(values.smsConsent ? { smsConsent: true } : {}),
  };
}

/** Where an API error about a registration goes. */
export type RegistrationErrorTarget =
  | { kind: "field"; field: RegistrationField; index?: number; part?: ColleaguePart }
  /** The chosen session: closed for registration, or gone. */
  | { kind: "session" }
  | { kind: "general" };

/** `sent`: the positions of the colleague inputs that were sent (see sentPositions). */
export function registrationErrorTarget(field: string | undefined, sent: readonly number[] = []): RegistrationErrorTarget {
  if (!field) return { kind: "general" };
  if (field === "sessionId") return { kind: "session" };
  const head = field.split(/[.[]/)[0] ?? "";
  if (head === "colleagues") {
    const index = colleagueIndexOf(field, sent);
    return index === undefined ? { kind: "field", field: "colleagues" } : { kind: "field", field: "colleagues", index, part: colleaguePartOf(field) };
  }
  return (REGISTRATION_FIELDS as readonly string[]).includes(head) ? { kind: "field", field: head as RegistrationField } : { kind: "general" };
}

/** The visible label of each field, in the page's language. */
const LABELS: Record<RegistrationField, PageTextKey> = {
  name: "check.label.name",
  email: "check.label.email",
  company: "check.label.company",
  phone: "check.label.phone",
  language: "check.label.pageLanguage",
  colleagues: "check.label.colleagues",
  timeZone: "check.label.timeZone",
  consent: "check.label.consent",
  smsConsent: "check.label.smsConsent",
};

/**
 * A sentence for an API message about a field. The server writes the field path and a fragment
 * ("colleagues[2] is not a valid address.", "colleagues[2].name must be a single line of name.", "colleagues
 * can list at most 10 colleagues.", "E-mail is not a valid address."); the path becomes the visible label —
 * "E-mail" or "Name" for one colleague's input.
 */
export function registrationFieldMessage(target: { field: RegistrationField; index?: number; part?: ColleaguePart }, message: string): string {
  if (target.field === "consent") return registrationConsentNeeded();
  if (target.field === "smsConsent") return pageText("check.smsNeedsPhone");
  let text = message.trim().replace(new RegExp(`^${target.field}(\\[\\d+\\]|\\.\\d+)?(\\.(email|name))?\\s*:?\\s*`, "i"), "");
  const most = /^can list at most (\d+)( more)? colleagues?/i.exec(text);
  if (most) return pageText(`check.${most[2] ? "inviteMore" : "inviteAtMost"}.${most[1] === "1" ? "one" : "other"}` as PageTextKey, { count: most[1]! });
  if (/^[a-z]/.test(text)) text = `${pageText(target.field === "colleagues" && target.index !== undefined ? (target.part === "name" ? "check.label.name" : "check.label.colleagueEmail") : LABELS[target.field])} ${text}`;
  if (text === "") text = pageText("check.notAccepted", { label: pageText(LABELS[target.field]) });
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Every problem an API error names: its `fields` list (422 names each bad field), else the error itself. */
export function apiProblems(error: ApiError): { field?: string; message: string }[] {
  const fields = error.details?.["fields"];
  if (Array.isArray(fields)) {
    const listed = fields.flatMap((entry: unknown) => {
      const { field, message } = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
      return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
    });
    if (listed.length > 0) return listed;
  }
  return [{ ...(error.field ? { field: error.field } : {}), message: error.message }];
}

/** "sessionId is closed for registration (…)" → "This session is closed for registration (…)." */
export function sessionMessage(message: string): string {
  let text = message.trim().replace(/^sessionId\s*:?\s*/i, "");
  if (/^[a-z]/.test(text)) text = pageText("check.sessionProblem", { problem: text });
  if (text === "") text = pageText("check.sessionNotOpen");
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
