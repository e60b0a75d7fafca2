// Web, page text of the link page (/l#<code>): Spanish. The keys and placeholders of ./en.ts.

import type { ShortLinkCatalogue } from "./en";

export const es: ShortLinkCatalogue = {
  "link.open.title": "Abriendo su enlace",
  "link.open.heading": "Abriendo su enlace…",
  "link.open.home": "Ir a la página de reservas",
  "link.expired.short": "Este enlace ha caducado o se ha sustituido por uno más reciente: use el enlace de nuestro correo más reciente.",
};
