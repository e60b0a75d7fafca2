// Core, message catalogue area "texts": German (formal "Sie"). The keys and placeholders of en.ts.

import type { TextWords } from "./en";

export const de: TextWords = {
  "text.reminder": "{company}: Ihr Termin \"{offering}\" mit {rep} {when}. Teilnehmen: {joinUrl}",
  "text.reminder.noLink": "{company}: Ihr Termin \"{offering}\" mit {rep} {when}. Den Link finden Sie in Ihrer E-Mail.",
  "text.sessionReminder": "{company}: Die Session \"{title}\" {when}. Teilnehmen: {joinUrl}",
  "text.sessionReminder.noLink": "{company}: Die Session \"{title}\" {when}. Den Link finden Sie in Ihrer E-Mail.",
  "text.missedCall": "Leider habe ich Sie verpasst - {rep} von {company}; antworten Sie oder wählen Sie eine Zeit: {link}",
  "text.optIn": "{company}: Sie erhalten unsere SMS wieder. Es können Gebühren anfallen.",
  "text.help": "{company}: SMS zu Ihrem Termin bei uns. Hilfe: {contact}. Es können Gebühren anfallen.",
  "text.consent": "Schicken Sie mir Erinnerungen und Rückfragen per SMS an diese Nummer. Es können Gebühren anfallen. Abmelden mit STOP.",
  "text.optOut": "Antworten Sie STOP zum Abmelden",
};
