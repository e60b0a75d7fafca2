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
  "progress.noSlots": "Aucun créneau libre dans les 14 prochains jours. Nous avons bien reçu votre demande et vous écrirons pour trouver un moment qui vous convient.",
  "progress.callRinging": "Nous vous mettons en relation avec un spécialiste. Gardez votre téléphone à portée de main : il vous appellera au {phone} dans un instant.",
  "progress.callClaimed": "Un spécialiste a reçu votre demande et vous appelle maintenant au {phone}.",
  "progress.callUnavailable": "Désolé, personne ne peut prendre d’appel pour le moment. Choisissez un créneau ci-dessous ; nous vous rappellerons aussi bientôt.",
  "progress.callNumberMissing": "Saisissez le numéro auquel vous appeler, avec l’indicatif du pays.",
  "progress.callSending": "Envoi de votre demande…",
};
