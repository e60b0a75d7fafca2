// Core, message catalogue: German (formal "Sie"). The keys and placeholders of en.ts, worded for German readers.

import type { Catalogue } from "./en";

export const de: Catalogue = {
  "hello.named": "Hallo {name},",
  "hello.anonymous": "Hallo,",

  "label.when": "Wann",
  "label.who": "Mit",
  "label.join": "Teilnehmen",
  "label.was": "Geplant war",
  "label.previously": "Vorher",
  "label.reason": "Grund",
  "label.youAskedToSee": "Ihr Wunschthema",
  "label.manage": "Passt die Zeit nicht mehr? Verschieben oder absagen",
  "label.bookAnotherTime": "Neuen Termin buchen",
  "label.bookATime": "Termin buchen",

  "who.repFromCompany": "{rep} von {company}",
  "who.withCohost": "{who} und {cohost} ({role})",

  "invitation.confirmed.subject": "Bestätigt: {offering} mit {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Ihr Termin „{offering}“ ist bestätigt.",
  "invitation.updated.subject": "Verschoben: {offering} mit {rep} — {when} ({zone})",
  "invitation.updated.body": "Ihr Termin „{offering}“ wurde auf eine neue Zeit verschoben.",
  "invitation.cancelled.subject": "Abgesagt: {offering} mit {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Ihr Termin „{offering}“ mit {who} ist abgesagt.",
  "invitation.summary": "{offering} — {company}",
  "invitation.description.with": "Mit {who}",
  "invitation.description.cancelled": "Abgesagt: {offering} mit {who}",

  "when.subject.today": "Heute um {time}",
  "when.subject.tomorrow": "Morgen um {time}",
  "when.subject.day": "{day} um {time}",
  "when.subject.in": "In {duration}",
  "when.subject.now": "Jetzt geht es los",
  "when.sentence.today": "ist heute um {time}",
  "when.sentence.tomorrow": "ist morgen um {time}",
  "when.sentence.day": "ist am {day} um {time}",
  "when.sentence.in": "beginnt in {duration}",
  "when.sentence.now": "beginnt jetzt",
  "reminder.subject": "{when}: {offering} mit {rep}",
  "reminder.body": "Ihr Termin „{offering}“ mit {rep} von {company} {when}.",
  "reminder.unsubscribe": "Keine Erinnerungen mehr? Abmelden",

  // After "in" (the only place a prospect reads a duration): dative, hence "Tagen".
  "unit.minute.one": "{count} Minute",
  "unit.minute.other": "{count} Minuten",
  "unit.hour.one": "{count} Stunde",
  "unit.hour.other": "{count} Stunden",
  "unit.day.one": "{count} Tag",
  "unit.day.other": "{count} Tagen",

  "feedback.subject": "Wie war Ihre Demo mit {rep}?",
  "feedback.thanks": "Vielen Dank für Ihre Teilnahme an „{offering}“ mit {rep} von {company} am {when} ({zone}).",
  "feedback.ratings": "Wie war es? Wählen Sie eine Bewertung (1 schlecht, 5 ausgezeichnet) und senden Sie sie auf der Seite ab, die sich dann öffnet:",
  "feedback.comment": "Auf dieser Seite können Sie auch einen Kommentar hinzufügen; er geht direkt an unser Team.",
  "unsubscribe.other": "Keine E-Mails dieser Art mehr? Abmelden",
  "rebook.subject": "Eine weitere Demo mit {rep} buchen",
  "rebook.body": "{rep} von {company} zeigt Ihnen gern noch mehr. Wählen Sie eine Zeit, die Ihnen passt; die Zeiten werden in Ihrer eigenen Zeitzone angezeigt.",
};
