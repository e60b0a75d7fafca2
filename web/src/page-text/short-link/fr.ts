// Web, page text of the link page (/l#<code>): French. The keys and placeholders of ./en.ts.

import type { ShortLinkCatalogue } from "./en";

export const fr: ShortLinkCatalogue = {
  "link.open.title": "Ouverture de votre lien",
  "link.open.heading": "Ouverture de votre lien…",
  "link.open.home": "Aller à la page de réservation",
  "link.expired.short": "Ce lien a expiré ou a été remplacé par un plus récent : utilisez le lien de notre e-mail le plus récent.",
};
