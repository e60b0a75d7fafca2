// Web, page text of the booking page's screen-reader announcements: French ("vous"). The keys and placeholders of ./en.ts.

import type { BookingProgressCatalogue } from "./en";

export const fr: BookingProgressCatalogue = {
  "progress.loadingAll": "Chargement de tous les créneaux libres…",
  "progress.loadingDaytime": "Chargement des créneaux libres du matin au soir…",
  "progress.loadingZone": "Chargement des créneaux libres en {zone}…",
  "progress.loadingOffering": "Chargement des créneaux libres pour {offering}…",
  "progress.fixColleague": "Veuillez corriger le collègue signalé.",
  "progress.fixColleagues": "Veuillez corriger les {count} collègues signalés.",
  "progress.booking": "Réservation de {when}…",
};
