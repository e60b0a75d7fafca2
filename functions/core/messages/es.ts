// Core, message catalogue: Spanish ("usted"). The keys and placeholders of en.ts, worded for Spanish readers.

import type { Catalogue } from "./en";

export const es: Catalogue = {
  "hello.named": "Hola, {name}:",
  "hello.anonymous": "Hola:",

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

  "invitation.confirmed.subject": "Cita confirmada: {offering} con {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Su cita «{offering}» está confirmada.",
  "invitation.updated.subject": "Cita modificada: {offering} con {rep} — {when} ({zone})",
  "invitation.updated.body": "Su cita «{offering}» ha cambiado a un nuevo horario.",
  "invitation.cancelled.subject": "Cita cancelada: {offering} con {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Su cita «{offering}» con {who} ha sido cancelada.",
  "invitation.summary": "{offering} — {company}",
  "invitation.description.with": "Con {who}",
  "invitation.description.cancelled": "Cita cancelada: {offering} con {who}",

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
  "reminder.subject": "{when}: {offering} con {rep}",
  "reminder.body": "Su cita «{offering}» con {rep} de {company} {when}.",
  "reminder.unsubscribe": "¿No quiere recibir recordatorios? Darse de baja",

  "unit.minute.one": "{count} minuto",
  "unit.minute.other": "{count} minutos",
  "unit.hour.one": "{count} hora",
  "unit.hour.other": "{count} horas",
  "unit.day.one": "{count} día",
  "unit.day.other": "{count} días",

  "feedback.subject": "¿Qué tal fue su demo con {rep}?",
  "feedback.thanks": "Gracias por participar en «{offering}» con {rep} de {company} el {when} ({zone}).",
  "feedback.ratings": "¿Qué le pareció? Elija una valoración (1 mala, 5 excelente) y envíela desde la página que se abre:",
  "feedback.comment": "En esa página puede añadir un comentario; llega directamente a nuestro equipo.",
  "unsubscribe.other": "¿No quiere recibir correos como este? Darse de baja",
  "rebook.subject": "Reserve otra demo con {rep}",
  "rebook.body": "{rep} de {company} tendrá mucho gusto en mostrarle más. Elija el horario que mejor le convenga; los horarios se muestran en su propia zona horaria.",
};
