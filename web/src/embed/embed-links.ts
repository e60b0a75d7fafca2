// Web: the address of an embedded Liveline page, built by embed.js on the host page and read back by the
// framed page (embedded-page.ts). The query carries what may be seen in logs — the offering, the mode, the
// host's origin (where the framed page posts its events), the host page's utm_* and its address as ?ref=
// (the lead's source, web/src/booking/lead-source.ts), and the language the host asks for as ?lang= (the framed page's
// language, page-text.ts). The prefill (name, e-mail, company) goes in the fragment,
// which the browser never sends to a server; a concierge form's details go by message (embed-messages.ts).

/** "concierge": a pop-up made ready while the visitor fills in the site's own form, which sends it the details. */
export type EmbedMode = "inline" | "popup" | "concierge";
const MODES: readonly string[] = ["inline", "popup", "concierge"];

export const PREFILL_FIELDS = ["name", "email", "company"] as const;
export type PrefillField = (typeof PREFILL_FIELDS)[number];
export type Prefill = Partial<Record<PrefillField, string>>;

/** The framable booking page: it passes a webinar offering on to /webinars itself (site-headers.ts lists both). */
export const EMBEDDED_PAGE_PATH = "/index.html";

/** The parameters a framed page reads (besides utm_* and ref, which lead-source.ts reads, and lang, page-text.ts). */
const PARAM = { mode: "embed", host: "host", offering: "offering", language: "lang" } as const;

/** A language tag as a page may write it ("de", "pt-BR"); the framed page keeps the ones Liveline writes. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The frame's language: the element's data-liveline-language, else the host page's <html lang>, when either is a tag. */
export function languageOf(dataset: Readonly<Record<string, string | undefined>>, htmlLang: string): string | undefined {
  return [dataset["livelineLanguage"], htmlLang].map((tag) => tag?.trim() ?? "").find((tag) => LANGUAGE_TAG.test(tag));
}

const PREFILL_MAX_CHARS = 254;

/**
 * The prefill for an embed: its element's data-liveline-name/-email/-company first, else the host page's own
 * ?name=, ?email=, ?company= (a link from a campaign e-mail).
 */
export function prefillOf(dataset: Readonly<Record<string, string | undefined>>, hostPage: string): Prefill {
  const query = new URL(hostPage).searchParams;
  const prefill: Prefill = {};
  for (const field of PREFILL_FIELDS) {
    const fromData = dataset[`liveline${field[0]!.toUpperCase()}${field.slice(1)}`];
    const value = (fromData ?? query.get(field) ?? "").replace(/[\r\n]+/g, " ").trim().slice(0, PREFILL_MAX_CHARS);
    if (value) prefill[field] = value;
  }
  return prefill;
}

export interface EmbedTarget {
  /** The Liveline site's origin (where embed.js came from). */
  site: string;
  offering: string;
  mode: EmbedMode;
  /** The host page's address: its origin gets the events, its utm_* and address are the lead's source. */
  hostPage: string;
  prefill: Prefill;
  /** The language the host asks for (languageOf). */
  language?: string;
}

/** The framed page's address for `target`. */
export function embeddedPageUrl(target: EmbedTarget): string {
  const host = new URL(target.hostPage);
  const url = new URL(EMBEDDED_PAGE_PATH, target.site);
  url.searchParams.set(PARAM.mode, target.mode);
  url.searchParams.set(PARAM.host, host.origin);
  url.searchParams.set(PARAM.offering, target.offering);
  if (target.language) url.searchParams.set(PARAM.language, target.language);
  for (const [name, value] of host.searchParams) if (name.startsWith("utm_")) url.searchParams.set(name, value);
  url.searchParams.set("ref", pageWithoutPersonalData(host));
  const prefill = new URLSearchParams(Object.entries(target.prefill).filter(([, value]) => value) as [string, string][]);
  if ([...prefill].length > 0) url.hash = prefill.toString();
  return url.href;
}

/** The host page's address as a source: without a prefilled name or address (personal data) and without its fragment. */
function pageWithoutPersonalData(page: URL): string {
  const copy = new URL(page.href);
  for (const field of PREFILL_FIELDS) copy.searchParams.delete(field);
  copy.hash = "";
  return copy.href;
}

/** What a framed page knows of its embedding; undefined when it is not opened by embed.js. */
export interface EmbedContext {
  mode: EmbedMode;
  /** The only origin the page posts to. */
  hostOrigin: string;
  offering?: string;
  prefill: Prefill;
}

export function embedContextOf(pageAddress: string): EmbedContext | undefined {
  const url = new URL(pageAddress);
  const mode = url.searchParams.get(PARAM.mode);
  const host = url.searchParams.get(PARAM.host) ?? "";
  if (mode === null || !MODES.includes(mode) || !isOrigin(host)) return undefined;
  const fragment = new URLSearchParams(url.hash.slice(1));
  const prefill: Prefill = {};
  for (const field of PREFILL_FIELDS) {
    const value = fragment.get(field)?.trim().slice(0, PREFILL_MAX_CHARS);
    if (value) prefill[field] = value;
  }
  const offering = url.searchParams.get(PARAM.offering) || undefined;
  return { mode: mode as EmbedMode, hostOrigin: host, prefill, ...(offering ? { offering } : {}) };
}

/** An http(s) origin exactly as the browser writes one (no path, no trailing slash). */
function isOrigin(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "https:" || url.protocol === "http:") && url.origin === text;
}
