// Web, page text of the booking page's screen-reader announcements: German (formal "Sie"). The keys and placeholders of ./en.ts.

import type { BookingProgressCatalogue } from "./en";

export const de: BookingProgressCatalogue = {
  "progress.loadingAll": "Alle freien Zeiten werden geladen…",
  "progress.loadingDaytime": "Freie Zeiten von morgens bis abends werden geladen…",
  "progress.loadingZone": "Freie Zeiten in {zone} werden geladen…",
  "progress.loadingOffering": "Freie Zeiten für {offering} werden geladen…",
  "progress.fixColleague": "Bitte korrigieren Sie die markierte Kollegin bzw. den markierten Kollegen.",
  "progress.fixColleagues": "Bitte korrigieren Sie die {count} markierten Kolleginnen und Kollegen.",
  "progress.booking": "{when} wird gebucht…",
};
