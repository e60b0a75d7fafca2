// Web, page text of embed.js on the host page (the frame's title, the pop-up's heading and close button): English, the source. Read
// by ./index.ts embedText, not added to the page text (embed.js carries no page catalogue); each other language's file has exactly
// these keys and placeholders (test/web/page-text.test.ts).

export const en = {
  "embed.frameTitle": "Book a time with us",
  "embed.close": "Close",
} as const;

/** A language's text of this area: every key of the English source. */
export type EmbedCatalogue = { readonly [Key in keyof typeof en]: string };
