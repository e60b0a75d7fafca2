// Core: the language a link to a prospect's page names (?lang=de) — the stored lead's, so a manage,
// feedback, registration or unsubscribe page opened from an e-mail reads in the e-mail's language, whatever
// the browser says. It sits in the query, outside the signed token (which names only purpose, subject and
// expiry), so it changes no signature; a link without it leaves the choice to the browser.

import type { Language } from "../messages/catalogue";

/** `?a=1&lang=de` from the page's own parameters and the language; "" when there is neither. */
export function pageQuery(params: readonly (readonly [string, string])[], language: Language | undefined): string {
  const all = language ? [...params, ["lang", language] as const] : params;
  return all.length === 0 ? "" : `?${all.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")}`;
}

/** The booking page ("book another demo" in a prospect's e-mail), in the prospect's language. */
export function bookingPageUrl(publicUrl: string, language: Language | undefined): string {
  return `${publicUrl.replace(/\/+$/, "")}/${pageQuery([], language)}`;
}
