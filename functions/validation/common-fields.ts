// Validation: field schemas shared by the config file and the API's request bodies, so an e-mail address
// or a time zone is judged the same way wherever it enters Liveline.

import * as z from "zod/mini";
import { canonicalTimeZone } from "../core/time/time-zone";
import { toE164 } from "../core/calls/phone-number";

/** Text a person typed: trimmed, not empty, bounded, and a single line (it may end up in a header). */
export function singleLineText(max: number, what = "text") {
  return z.pipe(
    z.string().check(z.maxLength(max)),
    z.transform((value, ctx) => {
      const trimmed = value.trim();
      if (trimmed === "") ctx.issues.push({ code: "custom", message: "is required", input: value });
      else if (/[\r\n\u2028\u2029]/.test(trimmed)) ctx.issues.push({ code: "custom", message: `must be a single line of ${what}`, input: value });
      return trimmed;
    }),
  );
}

/** Like singleLineText, but optional: an empty or blank value counts as absent (forms send ""). */
export function optionalSingleLineText(max: number, what = "text") {
  return z.optional(
    z.pipe(
      z.string().check(z.maxLength(max)),
      z.transform((value, ctx) => {
        const trimmed = value.trim();
        if (/[\r\n\u2028\u2029]/.test(trimmed)) ctx.issues.push({ code: "custom", message: `must be a single line of ${what}`, input: value });
        return trimmed === "" ? undefined : trimmed;
      }),
    ),
  );
}

/** Free text that may span lines (notes, what they want to see); blank counts as absent. */
export function optionalMultiLineText(max: number) {
  return z.optional(
    z.pipe(
      z.string().check(z.maxLength(max)),
      z.transform((value) => value.trim() || undefined),
    ),
  );
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/** An e-mail address, trimmed; the domain is lower-cased (it is case-insensitive), the local part kept. */
export const emailAddress = z.pipe(
  z.string().check(z.maxLength(254)),
  z.transform((value, ctx) => {
    const trimmed = value.trim();
    if (trimmed.length > 254 || !EMAIL.test(trimmed) || trimmed.includes("..")) {
      ctx.issues.push({ code: "custom", message: "is not a valid address", input: value });
      return trimmed;
    }
    const at = trimmed.lastIndexOf("@");
    return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  }),
);

/** An IANA zone name, returned in canonical spelling. */
export const timeZoneName = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const canonical = canonicalTimeZone(value.trim());
    if (!canonical) ctx.issues.push({ code: "custom", message: `"${value}" is not a known IANA time zone (e.g. Europe/Berlin)`, input: value });
    return canonical ?? value;
  }),
);

/** A phone number, returned in E.164; blank counts as absent. */
export const phoneNumber = z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((value, ctx) => (value.trim() === "" ? undefined : e164Of(value, (message) => ctx.issues.push({ code: "custom", message, input: value })))),
);

/** A phone number that must be given ("call me now"), returned in E.164: blank is refused as missing. */
export const requiredPhoneNumber = z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((value, ctx) => {
    const refuse = (message: string) => ctx.issues.push({ code: "custom", message, input: value });
    if (value.trim() !== "") return e164Of(value, refuse);
    refuse("is required");
    return value;
  }),
);

/** The number in E.164; else `refuse` is told why it is not one (and the value itself is returned). */
function e164Of(value: string, refuse: (message: string) => void): string {
  const result = toE164(value);
  if (result.ok) return result.e164;
  refuse(result.message);
  return value;
}

export const httpsUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
