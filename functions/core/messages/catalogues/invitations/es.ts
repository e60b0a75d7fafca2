// Core, message catalogue area "invitations": Spanish ("usted"). The keys and placeholders of en.ts.

import type { InvitationWords } from "./en";

export const es: InvitationWords = {
  "rep.invitation.new.subject": "Nueva demo: {who} — {when}",
  "rep.invitation.updated.subject": "Cambiada: {who} — {when}",
  "rep.invitation.cancelled.subject": "Cancelada: {who} — {when}",
  "rep.invitation.new.body": "Nueva reserva: {offering}",
  "rep.invitation.updated.body": "Cambiada de hora: {offering}",
  "rep.invitation.cancelled.body": "Cancelada: {offering}",

  "invitation.confirmed.subject": "Cita confirmada: {offering} con {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Su cita «{offering}» está confirmada.",
  "invitation.updated.subject": "Cita modificada: {offering} con {rep} — {when} ({zone})",
  "invitation.updated.body": "Su cita «{offering}» ha cambiado a un nuevo horario.",
  "invitation.cancelled.subject": "Cita cancelada: {offering} con {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Su cita «{offering}» con {who} ha sido cancelada.",
  "invitation.description.with": "Con {who}",
  "invitation.description.cancelled": "Cita cancelada: {offering} con {who}",
};
