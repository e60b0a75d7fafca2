// Web, page text of the booking page's screen-reader announcements: Spanish ("usted"). The keys and placeholders of ./en.ts.

import type { BookingProgressCatalogue } from "./en";

export const es: BookingProgressCatalogue = {
  "progress.loadingAll": "Cargando todos los horarios libres…",
  "progress.loadingDaytime": "Cargando horarios libres de la mañana a la noche…",
  "progress.loadingZone": "Cargando horarios libres en {zone}…",
  "progress.loadingOffering": "Cargando horarios libres para {offering}…",
  "progress.fixColleague": "Corrija el colega marcado.",
  "progress.fixColleagues": "Corrija los {count} colegas marcados.",
  "progress.booking": "Reservando {when}…",
};
