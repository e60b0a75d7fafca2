// Web, page text of the link page (/l#<code>): German (formal "Sie"). The keys and placeholders of ./en.ts.

import type { ShortLinkCatalogue } from "./en";

export const de: ShortLinkCatalogue = {
  "link.open.title": "Ihr Link wird geöffnet",
  "link.open.heading": "Ihr Link wird geöffnet …",
  "link.open.home": "Zur Buchungsseite",
  "link.expired.short": "Dieser Link ist abgelaufen oder wurde durch einen neueren ersetzt – verwenden Sie den Link aus unserer neuesten E-Mail.",
};
