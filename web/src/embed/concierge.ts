// Web: Liveline.attach's reading of a site's own form (embed.ts) — which of its controls hold the name,
// e-mail and the rest. The details go to the concierge pop-up, whose booking page sends the contact request
// itself, as it does for a visitor who types there (with the page's own protection and lead source).

export const CONCIERGE_FIELDS = ["name", "email", "company", "phone", "teamSize", "interest"] as const;
export type ConciergeField = (typeof CONCIERGE_FIELDS)[number];

/** The visitor's details as the site's form held them; name and e-mail always there. */
export type ConciergeDetails = { name: string; email: string } & Partial<Record<Exclude<ConciergeField, "name" | "email">, string>>;

export interface ConciergeOptions {
  /** The demo offering whose times the pop-up shows. */
  offering: string;
  /**
   * The site form's control names, by Liveline's field: `{ email: "work_email" }`; a field not named is read
   * from the control of its own name. A name may be split: `{ name: ["first_name", "last_name"] }`.
   */
  fields?: Partial<Record<ConciergeField, string | readonly string[]>>;
}

/**
 * The details of a submitted form, read through `controlValue` (a control's value by name); undefined
 * without a name and an e-mail address — then the site's form goes on alone.
 */
export function conciergeDetails(controlValue: (control: string) => string | undefined, options: ConciergeOptions): ConciergeDetails | undefined {
  const details: Partial<Record<ConciergeField, string>> = {};
  for (const field of CONCIERGE_FIELDS) {
    const names = options.fields?.[field] ?? field;
    const value = (typeof names === "string" ? [names] : names).map((name) => (controlValue(name) ?? "").trim()).filter(Boolean).join(" ");
    if (value) details[field] = value.slice(0, 2000);
  }
  return details.name && details.email ? (details as ConciergeDetails) : undefined;
}
