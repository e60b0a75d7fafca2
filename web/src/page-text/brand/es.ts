// Web, page text of the console's brand page: Spanish ("usted"). The keys and placeholders of ./en.ts.

import type { BrandCatalogue } from "./en";

export const es: BrandCatalogue = {
  "brand.title": "Marca – consola de Liveline",
  "brand.heading": "Marca",
  "brand.noscript": "La página de marca necesita JavaScript.",
  "brand.intro": "La imagen de su empresa en cada página para clientes potenciales, en la integración y en cada correo.",
  "brand.version": "Configuración, versión {version}",
  "brand.company": "Nombre de la empresa",
  "brand.color": "Color principal",
  "brand.colorHint": "Los botones y enlaces toman este color con texto blanco encima, por lo que debe alcanzar un contraste de 4,5:1 (WCAG AA).",
  "brand.font": "Lista de fuentes (opcional)",
  "brand.fontHint": 'Una lista de fuentes CSS como "Inter", system-ui, sans-serif. No se descarga ninguna fuente web.',
  "brand.save": "Guardar la marca",
  "brand.saved": "Marca guardada.",
  "brand.logoHeading": "Logotipo",
  "brand.logoNone": "Todavía no hay logotipo.",
  "brand.logoAlt": "El logotipo actual",
  "brand.logoFile": "Imagen del logotipo",
  "brand.logoHint": "PNG, JPEG, GIF o WebP, de 256 KB como máximo. El PNG se muestra en todos los programas de correo.",
  "brand.upload": "Subir logotipo",
  "brand.uploaded": "Logotipo subido: las páginas y los correos lo muestran en un minuto.",
  "brand.noFile": "Elija primero un archivo de imagen.",
  "brand.stale": "Alguien guardó la configuración mientras tanto (ahora versión {version}). Se muestra su versión: haga su cambio de nuevo.",
  "brand.fixFields": "Corrija los campos marcados.",
  "brand.managersOnly": "Solo los managers pueden cambiar la marca.",
  "brand.nav": "Marca",
};
