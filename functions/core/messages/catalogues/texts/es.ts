// Core, message catalogue area "texts": Spanish ("usted"). The keys and placeholders of en.ts.

import type { TextWords } from "./en";

export const es: TextWords = {
  "text.reminder": "{company}: su cita \"{offering}\" con {rep} {when}. Enlace: {joinUrl}",
  "text.reminder.noLink": "{company}: su cita \"{offering}\" con {rep} {when}. El enlace viene en su e-mail.",
  "text.sessionReminder": "{company}: la sesión \"{title}\" {when}. Enlace: {joinUrl}",
  "text.sessionReminder.noLink": "{company}: la sesión \"{title}\" {when}. El enlace viene en su e-mail.",
  "text.missedCall": "Siento no haberle encontrado - {rep} de {company}; responda o elija una hora: {link}",
  "text.optIn": "{company}: volverá a recibir nuestros SMS. Pueden aplicarse tarifas.",
  "text.help": "{company}: SMS sobre su cita con nosotros. Ayuda: {contact}. Pueden aplicarse tarifas.",
  "text.consent": "Envíenme recordatorios y seguimientos por SMS a este número. Pueden aplicarse tarifas. Responda STOP para darse de baja.",
  "text.optOut": "Responda STOP para darse de baja",
};
