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
  "progress.noSlots": "No hay horarios libres en los próximos 14 días. Tenemos su solicitud y le escribiremos para encontrar un horario que le convenga.",
  "progress.callRinging": "Le estamos pasando con un especialista. Tenga el teléfono a mano: le llamará al {phone} en un momento.",
  "progress.callClaimed": "Un especialista tiene su solicitud y le está llamando ahora al {phone}.",
  "progress.callUnavailable": "Lo sentimos, al final nadie puede atender una llamada ahora. Elija un horario abajo; también le devolveremos la llamada pronto.",
  "progress.callNumberMissing": "Introduzca el número al que debemos llamar, con el prefijo del país.",
  "progress.callSending": "Enviando su solicitud…",
};
