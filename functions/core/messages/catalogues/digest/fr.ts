// Core, message catalogue area "digest": French ("vous"). The keys and placeholders of en.ts.

import type { DigestWords } from "./en";

export const fr: DigestWords = {
  "rep.digest.subject": "{company}, semaine du {from} : {requests} demandes, taux de présence {showRate}, taux de joignabilité {connectRate}",
  "rep.digest.intro": "Les chiffres de l’équipe du {from} au {to} (jours dans le fuseau {zone}) :",
  "rep.digest.contactRequests": "Demandes de contact",
  "rep.digest.booked": "Réservées sous 7 jours",
  "rep.digest.speed": "Délai de contact, médiane",
  "rep.digest.reached": "Joints en moins d’1 heure",
  "rep.digest.neverReached": "Jamais joints",
  "rep.digest.showRate": "Taux de présence",
  "rep.digest.shows": "{rate} ({attended} sur {held} ; {noShows} absents)",
  "rep.digest.connectRate": "Taux de joignabilité",
  "rep.digest.connects": "{rate} ({reached} sur {attempts} appels)",
  "rep.digest.converted": "Convertis",
  "rep.digest.webinars": "Webinaires",
  "rep.digest.webinarFigures": "{registered} inscrits, {attended} présents, {engaged} restés jusqu’au bout",
  "rep.digest.within": "en {minutes} min",
  "rep.digest.none": "n. d.",
  "rep.digest.noOverdue": "Aucun rappel en retard.",
  "rep.digest.overdue.one": "{count} rappel est en retard ; le plus ancien :",
  "rep.digest.overdue.other": "{count} rappels sont en retard ; les plus anciens :",
  "rep.digest.due": "prévu {when}",
  "rep.digest.openQueue": "Ouvrir la file d’attente",
  "rep.digest.allFigures": "Tous les chiffres",
};
