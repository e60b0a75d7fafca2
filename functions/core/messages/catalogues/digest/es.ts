// Core, message catalogue area "digest": Spanish ("usted"). The keys and placeholders of en.ts.

import type { DigestWords } from "./en";

export const es: DigestWords = {
  "rep.digest.subject": "{company}, semana del {from}: {requests} solicitudes, asistencia {showRate}, contacto {connectRate}",
  "rep.digest.intro": "Las cifras del equipo del {from} al {to} (días en {zone}):",
  "rep.digest.contactRequests": "Solicitudes de contacto",
  "rep.digest.booked": "Reservadas en 7 días",
  "rep.digest.speed": "Tiempo de respuesta, mediana",
  "rep.digest.reached": "Contactados en 1 hora",
  "rep.digest.neverReached": "Nunca contactados",
  "rep.digest.showRate": "Tasa de asistencia",
  "rep.digest.shows": "{rate} ({attended} de {held}; {noShows} no se presentaron)",
  "rep.digest.connectRate": "Tasa de contacto",
  "rep.digest.connects": "{rate} ({reached} de {attempts} llamadas)",
  "rep.digest.converted": "Convertidos",
  "rep.digest.webinars": "Webinars",
  "rep.digest.webinarFigures": "{registered} inscritos, {attended} asistieron, {engaged} se quedaron hasta el final",
  "rep.digest.within": "en {minutes} min",
  "rep.digest.none": "n/d",
  "rep.digest.noOverdue": "No hay llamadas pendientes con retraso.",
  "rep.digest.overdue.one": "{count} llamada pendiente lleva retraso; la que más espera:",
  "rep.digest.overdue.other": "{count} llamadas pendientes llevan retraso; las que más esperan:",
  "rep.digest.due": "prevista {when}",
  "rep.digest.openQueue": "Abrir la cola",
  "rep.digest.allFigures": "Todas las cifras",
};
