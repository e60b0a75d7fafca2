// Web: Liveline.attach's reading of a site's own form (embed.ts) — which of its controls hold the name,
// e-mail and the rest, and the contact request they make: the prospect's zone from the browser, consent
// because the site's form is where the visitor asked to be contacted, and the same lead source an embedded
// page would report (the host page's utm_* and its address).

import type { ContactRequestBody } from "./api-types";
import { embeddedPageUrl, type Prefill } from "./embed-links";
import { leadSourceOf, withSource } from "./lead-source";

export const CONCIERGE_FIELDS = ["name", "email", "company", "phone", "teamSize", "interest"] as const;
export type ConciergeField = (typeof CONCIERGE_FIELDS)[number];

export interface ConciergeOptions {
  /** The offering whose times the pop-up shows. */
  offering: string;
  /**
   * The site form's control names, by Liveline's field: `{ email: "work_email" }`; a field not named is read
   * from the control of its own name. A name may be split: `{ name: ["first_name", "last_name"] }`.
   */
  fields?: Partial<Record<ConciergeField, string | readonly string[]>>;
}

/** The fields the API may refuse and the request can go without: left out on a second try. */
export const OPTIONAL_FIELDS: readonly ConciergeField[] = ["company", "phone", "teamSize", "interest"];

export interface ConciergeRequest {
  body: ContactRequestBody;
  prefill: Prefill;
}

/**
 * The contact request of a submitted form, read through `controlValue` (a control's value by name); undefined
 * without a name and an e-mail address — then the site's form goes on alone.
 */
export function conciergeRequest(controlValue: (control: string) => string | undefined, options: ConciergeOptions, page: { site: string; hostPage: string; timeZone: string }): ConciergeRequest | undefined {
  const read = (field: ConciergeField) => {
    const names = options.fields?.[field] ?? field;
    return (typeof names === "string" ? [names] : names).map((name) => (controlValue(name) ?? "").trim()).filter(Boolean).join(" ");
  };
  const name = read("name");
  const email = read("email");
  if (!name || !email) return undefined;
  const teamSize = read("teamSize");
  const optional = {
    company: read("company") || undefined,
    phone: read("phone") || undefined,
    teamSize: /^\d{1,7}$/.test(teamSize) && Number(teamSize) > 0 ? Number(teamSize) : undefined,
    interest: read("interest") || undefined,
  };
  const source = leadSourceOf(embeddedPageUrl({ site: page.site, offering: options.offering, mode: "popup", hostPage: page.hostPage, prefill: {} }), "");
  const body = withSource({ name, email, timeZone: page.timeZone, consent: true as const, ...definedOnly(optional) }, source) as ContactRequestBody;
  return { body, prefill: { name, email, ...(optional.company ? { company: optional.company } : {}) } };
}

/** The same request without the fields the API named (when they are optional). */
export function withoutFields(body: ContactRequestBody, fields: readonly string[]): ContactRequestBody | undefined {
  const dropped = fields.filter((field) => (OPTIONAL_FIELDS as readonly string[]).includes(field) && field in body);
  if (dropped.length === 0) return undefined;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !dropped.includes(key))) as ContactRequestBody;
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
