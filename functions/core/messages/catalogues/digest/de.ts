// Core, message catalogue area "digest": German (formal "Sie"). The keys and placeholders of en.ts.

import type { DigestWords } from "./en";

export const de: DigestWords = {
  "rep.digest.subject": "{company}, Woche ab {from}: {requests} Anfragen, Erscheinungsquote {showRate}, Erreichbarkeitsquote {connectRate}",
  "rep.digest.intro": "Die Zahlen des Teams vom {from} bis {to} (Tage in {zone}):",
  "rep.digest.contactRequests": "Kontaktanfragen",
  "rep.digest.booked": "Innerhalb von 7 Tagen gebucht",
  "rep.digest.speed": "Reaktionszeit, Median",
  "rep.digest.reached": "Innerhalb 1 Stunde erreicht",
  "rep.digest.neverReached": "Nie erreicht",
  "rep.digest.showRate": "Erscheinungsquote",
  "rep.digest.shows": "{rate} ({attended} von {held}; {noShows} nicht erschienen)",
  "rep.digest.connectRate": "Erreichbarkeitsquote",
  "rep.digest.connects": "{rate} ({reached} von {attempts} Anrufen)",
  "rep.digest.converted": "Abgeschlossen",
  "rep.digest.webinars": "Webinare",
  "rep.digest.webinarFigures": "{registered} angemeldet, {attended} teilgenommen, {engaged} bis zum Ende dabei",
  "rep.digest.within": "innerhalb {minutes} Min.",
  "rep.digest.none": "k. A.",
  "rep.digest.noOverdue": "Kein Rückruf ist überfällig.",
  "rep.digest.overdue.one": "{count} Rückruf ist überfällig; am längsten wartet:",
  "rep.digest.overdue.other": "{count} Rückrufe sind überfällig; am längsten warten:",
  "rep.digest.due": "fällig {when}",
  "rep.digest.openQueue": "Warteschlange öffnen",
  "rep.digest.allFigures": "Alle Zahlen",
};
