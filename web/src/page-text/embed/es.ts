// Web, page text of embed.js on the host page: Spanish ("usted"). The keys and placeholders of ./en.ts.

import type { EmbedCatalogue } from "./en";

export const es: EmbedCatalogue = {
  "embed.frameTitle": "Reserve una cita con nosotros",
  "embed.close": "Cerrar",
};
