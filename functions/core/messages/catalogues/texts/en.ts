// Core, message catalogue area "texts", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // Texts (SMS): GSM-7 characters only where the language allows (a "-" rather than a dash: one character
  // outside GSM-7 sends the whole text as UCS-2, at less than half the length per segment). Every text ends
  // with text.optOut; core/texts/text-messages.ts fits each into 2 segments.
  "text.reminder": "{company}: your {offering} with {rep} {when}. Join: {joinUrl}",
  "text.reminder.noLink": "{company}: your {offering} with {rep} {when}. The join link is in your e-mail.",
  "text.sessionReminder": "{company}: {title} {when}. Join: {joinUrl}",
  "text.sessionReminder.noLink": "{company}: {title} {when}. The join link is in your e-mail.",
  "text.missedCall": "Sorry I missed you - {rep} from {company}; reply or pick a time: {link}",
  "text.optIn": "{company}: you will get our texts again. Msg & data rates may apply.",
  "text.help": "{company}: texts about your demo with us. Help: {contact}. Msg & data rates may apply.",
  "text.consent": "Text me reminders and follow-ups at this number. Msg & data rates may apply. Reply STOP to opt out.",
  "text.optOut": "Reply STOP to opt out",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type TextWords = { readonly [Key in keyof typeof en]: string };
