// Web: where a prospect came from, read once as a prospect page opens (the booking page with its contact
// form and team demo, the webinars page) and sent with the contact request, booking, "call me now" and
// registration: the page's own utm_* parameters, and the referring page — the `ref` parameter an embedding
// site passes (its own address), else the browser's referrer; our own pages never count as a referrer.
// Cut to the API's limits here, so a long campaign link can never make the prospect's request fail.

import type { LeadSourceBody } from "../api/api-types";
import { LEAD_SOURCE_MAX_CHARS } from "../../../functions/handlers/http/body-limits";

const UTM_PARAMETERS = [
  ["utm_source", "utmSource"],
  ["utm_medium", "utmMedium"],
  ["utm_campaign", "utmCampaign"],
  ["utm_term", "utmTerm"],
  ["utm_content", "utmContent"],
] as const;

/** The source a page at `pageAddress`, opened from `documentReferrer` ("" when none), reports; none when it knows nothing. */
export function leadSourceOf(pageAddress: string, documentReferrer: string): LeadSourceBody | undefined {
  const page = new URL(pageAddress);
  const source: LeadSourceBody = {};
  for (const [parameter, field] of UTM_PARAMETERS) {
    const value = oneLine(page.searchParams.get(parameter) ?? "").slice(0, LEAD_SOURCE_MAX_CHARS.utm).trim();
    if (value) source[field] = value;
  }
  const referrer = otherSitesPage(page.searchParams.get("ref") ?? "", page.origin) ?? otherSitesPage(documentReferrer, page.origin);
  if (referrer) source.referrer = referrer;
  return Object.keys(source).length > 0 ? source : undefined;
}

/** A request body with the page's source added, when it has one. */
export function withSource<T extends object>(body: T, source: LeadSourceBody | undefined): T & { source?: LeadSourceBody } {
  return source ? { ...body, source } : body;
}

const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " ");

/** An http(s) page of another site, as the API accepts it; a cut address would name another page, so a long one is left out. */
function otherSitesPage(address: string, ownOrigin: string): string | undefined {
  if (!URL.canParse(address.trim())) return undefined;
  const url = new URL(address.trim());
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin === ownOrigin) return undefined;
  return url.href.length <= LEAD_SOURCE_MAX_CHARS.referrer ? url.href : undefined;
}
