// Web, page text of embed.js on the host page: French ("vous"). The keys and placeholders of ./en.ts.

import type { EmbedCatalogue } from "./en";

export const fr: EmbedCatalogue = {
  "embed.frameTitle": "Réserver un créneau avec nous",
  "embed.close": "Fermer",
};
