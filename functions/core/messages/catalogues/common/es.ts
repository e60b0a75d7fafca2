// Core, message catalogue area "common": Spanish ("usted"). The keys and placeholders of en.ts.

import type { CommonWords } from "./en";

export const es: CommonWords = {
  "hello.named": "Hola, {name}:",
  "hello.anonymous": "Hola:",

  // Mail to reps and managers, in the rep's `language` (config reps[].language)
  "rep.label.name": "Nombre",
  "rep.label.company": "Empresa",
  "rep.label.email": "Correo",
  "rep.label.phone": "Teléfono",
  "rep.label.teamSize": "Tamaño del equipo",
  "rep.label.wantsToSee": "Quiere ver",
  "rep.label.notes": "Notas",
  "rep.label.theirLocalTime": "Su hora local",
  "rep.label.theirTimeNow": "Su hora local ahora",
  "rep.label.now": "Ahora",
  "rep.label.demo": "Demo",
  "rep.label.webinar": "Webinar",
  "rep.label.theirComment": "Su comentario",
  "rep.label.dueSince": "Pendiente desde",
  "rep.label.rep": "Comercial",
  "rep.label.attempt": "Intento",
  "rep.label.with": "Con",
  "rep.time.owner": "hora de {name} ({zone})",
  "rep.time.yoursToo": "{time} {owner}, también la suya",
  "rep.time.both": "{time} {owner} · {yours} la suya",

  "label.when": "Cuándo",
  "label.who": "Con",
  "label.join": "Unirse",
  "label.was": "Estaba prevista",
  "label.previously": "Antes",
  "label.reason": "Motivo",
  "label.youAskedToSee": "Quería ver",
  "label.manage": "¿Necesita otro horario? Reprogramar o cancelar",
  "label.bookAnotherTime": "Reservar otro horario",
  "label.bookATime": "Reservar un horario",

  "who.repFromCompany": "{rep} de {company}",
  "who.withCohost": "{who} y {cohost} ({role})",
  "invitation.summary": "{offering} — {company}",

  "when.subject.today": "Hoy a las {time}",
  "when.subject.tomorrow": "Mañana a las {time}",
  "when.subject.day": "{day} a las {time}",
  "when.subject.in": "En {duration}",
  "when.subject.now": "Empieza ahora",
  "when.sentence.today": "es hoy a las {time}",
  "when.sentence.tomorrow": "es mañana a las {time}",
  "when.sentence.day": "es el {day} a las {time}",
  "when.sentence.in": "empieza en {duration}",
  "when.sentence.now": "empieza ahora",
  "reminder.unsubscribe": "¿No quiere recibir recordatorios? Darse de baja",

  "unit.minute.one": "{count} minuto",
  "unit.minute.other": "{count} minutos",
  "unit.hour.one": "{count} hora",
  "unit.hour.other": "{count} horas",
  "unit.day.one": "{count} día",
  "unit.day.other": "{count} días",
  "feedback.ratings": "¿Qué le pareció? Elija una valoración (1 mala, 5 excelente) y envíela desde la página que se abre:",
  "feedback.comment": "En esa página puede añadir un comentario; llega directamente a nuestro equipo.",
  "unsubscribe.other": "¿No quiere recibir correos como este? Darse de baja",

  // A webinar's host
  "label.host": "Presentador",
};
