// Web, page text of the link page (/l#<code>, where an e-mail's short links lead): English, the source.
// Registered with the page text by ./index.ts; each other language's file has exactly these keys and
// placeholders (test/web/shared/page-text.test.ts).

export const en = {
  "link.open.title": "Opening your link",
  "link.open.heading": "Opening your link…",
  "link.open.home": "Go to the booking page",
  "link.expired.short": "This link has expired or was replaced by a newer one — use the link in your most recent e-mail from us.",
} as const;

export type ShortLinkCatalogue = Record<keyof typeof en, string>;
