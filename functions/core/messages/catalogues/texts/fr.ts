// Core, message catalogue area "texts": French ("vous"). The keys and placeholders of en.ts.

import type { TextWords } from "./en";

export const fr: TextWords = {
  "text.reminder": "{company} : votre rendez-vous \"{offering}\" avec {rep} {when}. Lien : {joinUrl}",
  "text.reminder.noLink": "{company} : votre rendez-vous \"{offering}\" avec {rep} {when}. Le lien est dans votre e-mail.",
  "text.sessionReminder": "{company} : la session \"{title}\" {when}. Lien : {joinUrl}",
  "text.sessionReminder.noLink": "{company} : la session \"{title}\" {when}. Le lien est dans votre e-mail.",
  "text.missedCall": "Désolé de vous avoir manqué - {rep} de {company} ; répondez ou choisissez un horaire : {link}",
  "text.optIn": "{company} : vous recevrez à nouveau nos SMS. Des frais peuvent s'appliquer.",
  "text.help": "{company} : SMS sur votre rendez-vous avec nous. Aide : {contact}. Des frais peuvent s'appliquer.",
  "text.consent": "Envoyez-moi rappels et suivis par SMS à ce numéro. Des frais peuvent s'appliquer. Répondez STOP pour vous désabonner.",
  "text.optOut": "Répondez STOP pour vous désabonner",
};
