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
  "progress.noSlots": "In den nächsten 14 Tagen gibt es keine freien Termine. Wir haben Ihre Anfrage und melden uns per E-Mail, um einen passenden Termin zu finden.",
  "progress.callRinging": "Wir verbinden Sie mit einer Fachperson. Halten Sie Ihr Telefon bereit: Sie werden gleich unter {phone} angerufen.",
  "progress.callClaimed": "Eine Fachperson hat Ihre Anfrage und ruft Sie jetzt unter {phone} an.",
  "progress.callUnavailable": "Leider kann gerade doch niemand den Anruf annehmen. Bitte wählen Sie unten einen Termin; wir rufen Sie außerdem bald zurück.",
  "progress.callNumberMissing": "Geben Sie die Nummer ein, unter der wir Sie anrufen sollen, mit Ländervorwahl.",
  "progress.callSending": "Ihre Anfrage wird gesendet…",
};
