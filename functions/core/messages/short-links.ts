// Core: short links in e-mails — a signed link's visible form, `<site>/l#<code>`, so a token never shows in the
// text a reader sees (or pastes). The code rides in the fragment, like the tokens themselves, so no access log
// records it: the link page (web/src/pages/link-page.ts) asks the API for the long link with the code in a
// header. The code is the first 96 bits of the long link's SHA-256: the long link holds a token's secret
// signature, so the code cannot be guessed, and the same link always gets the same code (a retried message
// stores the same item). Only our own site's links are shortened (never an address someone typed into a
// form), and none for longer than a signed link lives. The outbox stores the codes before the mail leaves
// (use-cases/messages/process-outbox.ts); they expire with their tokens.

import { createHash } from "node:crypto";
import { tokenExpiry } from "../access/signed-token";

/** The site path of the link page. */
export const SHORT_LINK_PATH = "/l";

/** The longest a signed link of ours lives (an unsubscribe link: 365 days), and so the longest a code is kept. */
export const SHORT_LINK_MAX_DAYS = 366;

export interface ShortLink {
  code: string;
  /** The long, signed link it stands for: always on our own site. */
  url: string;
  /** Epoch seconds: the token's own expiry. */
  expiresAt: number;
}

/** A link worth hiding: one that carries a signed token, in its query or its fragment. */
const TOKEN_IN_LINK = /[?#&]token=([A-Za-z0-9_.-]+)/;
const LINK = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** 16 base64url characters: 96 bits (the form handlers/http/short-link-header.ts checks). */
export function shortCode(url: string): string {
  return createHash("sha256").update(url).digest("base64url").slice(0, 16);
}

/** Whether `url` is a page or API address of the site at `siteUrl` (what a stored code may lead to). */
export function isOwnSiteLink(url: string, siteUrl: string): boolean {
  return url.startsWith(`${siteUrl.replace(/\/+$/, "")}/`);
}

export interface LinkShortener {
  /** `text` with every signed link of our site in it replaced by its short form. */
  shorten(text: string): string;
  /** The short links made so far, each once. */
  links(): ShortLink[];
}

/** Short links under `siteUrl`; without one (a message composed for a test of its words) links stay long. */
export function linkShortener(siteUrl: string | undefined, now: Date): LinkShortener {
  const made = new Map<string, ShortLink>();
  const base = siteUrl?.replace(/\/+$/, "");
  const latest = Math.floor(now.getTime() / 1000) + SHORT_LINK_MAX_DAYS * 86_400;
  const shortFor = (url: string): string => {
    if (!base || !isOwnSiteLink(url, base)) return url;
    const token = TOKEN_IN_LINK.exec(url)?.[1];
    const expiresAt = token === undefined ? undefined : tokenExpiry(token);
    if (expiresAt === undefined || expiresAt > latest) return url;
    const code = shortCode(url);
    made.set(code, { code, url, expiresAt });
    return `${base}${SHORT_LINK_PATH}#${code}`;
  };
  return {
    // A link that ends a sentence keeps its full stop (or bracket) outside.
    shorten: (text) =>
      text.replace(LINK, (found) => {
        const url = found.replace(TRAILING_PUNCTUATION, "");
        return shortFor(url) + found.slice(url.length);
      }),
    links: () => [...made.values()],
  };
}
