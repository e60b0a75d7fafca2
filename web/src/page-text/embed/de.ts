// Web, page text of embed.js on the host page: German (formal "Sie"). The keys and placeholders of ./en.ts.

import type { EmbedCatalogue } from "./en";

export const de: EmbedCatalogue = {
  "embed.frameTitle": "Einen Termin mit uns buchen",
  "embed.close": "Schließen",
};
