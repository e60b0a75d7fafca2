// Config: the routing section of liveline.config.json — ordered rules on a contact request's answers
// (country/region, team size, interest, language, e-mail domain); the first match picks the rep pool.

import * as z from "zod/mini";
import { singleLineText } from "../validation/common-fields";

export const identifier = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "must be 1–40 lower-case letters, digits or dashes" }),
);

/** Skills, regions and languages: lower-case tokens such as "enterprise", "emea", "de", "pt-br". */
export const tag = z.pipe(
  z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, { error: "must be 1–40 letters, digits or dashes" })),
  z.transform((value) => value.toLowerCase()),
);

export const countryCode = z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter country code such as DE" })),
  z.transform((value) => value.toUpperCase()),
);

const domain = z.pipe(
  z.string().check(z.regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, { error: "must be a domain such as globex.com" })),
  z.transform((value) => value.toLowerCase()),
);

/** Which reps a rule routes to: listed ids and/or reps with the given attributes (all must hold). */
export const repSelectorSchema = z.strictObject({
  reps: z.optional(z.array(identifier).check(z.minLength(1))),
  /** Reps that have every one of these skills. */
  skills: z.optional(z.array(tag).check(z.minLength(1))),
  /** Reps that cover any of these regions. */
  regions: z.optional(z.array(tag).check(z.minLength(1))),
  /** Reps that speak any of these languages. */
  languages: z.optional(z.array(tag).check(z.minLength(1))),
});
export type RepSelector = z.output<typeof repSelectorSchema>;

/** Every condition given must hold; a list matches when any of its entries does. */
const conditionsSchema = z.strictObject({
  countries: z.optional(z.array(countryCode).check(z.minLength(1))),
  /** Names from routing.regions. */
  regions: z.optional(z.array(tag).check(z.minLength(1))),
  teamSize: z.optional(z.strictObject({ min: z.optional(z.int().check(z.gte(1))), max: z.optional(z.int().check(z.gte(1))) })),
  /** Case-insensitive words or phrases looked for in "what do you want to see". */
  interestIncludes: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.minLength(1))),
  languages: z.optional(z.array(tag).check(z.minLength(1))),
  /** The e-mail's domain or any subdomain of it. */
  emailDomains: z.optional(z.array(domain).check(z.minLength(1))),
});
export type RoutingConditions = z.output<typeof conditionsSchema>;

const ruleSchema = z.strictObject({
  name: singleLineText(80, "rule name"),
  when: conditionsSchema,
  route: repSelectorSchema,
});
export type RoutingRule = z.output<typeof ruleSchema>;

export const routingSchema = z.strictObject({
  /** Named groups of countries, e.g. { "emea": ["DE", "FR", "GB"] }, usable in rules. */
  regions: z._default(z.record(tag, z.array(countryCode)), {}),
  rules: z._default(z.array(ruleSchema), []),
  /** Where requests no rule matches go; the offering's whole pool when absent. */
  fallback: z.optional(repSelectorSchema),
});
export type RoutingConfig = z.output<typeof routingSchema>;
