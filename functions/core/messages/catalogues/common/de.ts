// Core, message catalogue area "common": German (formal "Sie"). The keys and placeholders of en.ts.

import type { CommonWords } from "./en";

export const de: CommonWords = {
  "hello.named": "Hallo {name},",
  "hello.anonymous": "Hallo,",

  // Mail to reps and managers, in the rep's `language` (config reps[].language)
  "rep.label.name": "Name",
  "rep.label.company": "Firma",
  "rep.label.email": "E-Mail",
  "rep.label.phone": "Telefon",
  "rep.label.teamSize": "Teamgröße",
  "rep.label.wantsToSee": "Möchte sehen",
  "rep.label.notes": "Notizen",
  "rep.label.theirLocalTime": "Ortszeit der Person",
  "rep.label.theirTimeNow": "Ortszeit der Person jetzt",
  "rep.label.now": "Jetzt",
  "rep.label.demo": "Demo",
  "rep.label.webinar": "Webinar",
  "rep.label.theirComment": "Kommentar",
  "rep.label.dueSince": "Fällig seit",
  "rep.label.rep": "Vertrieb",
  "rep.label.attempt": "Versuch",
  "rep.label.with": "Mit",
  "rep.time.owner": "Ortszeit von {name} ({zone})",
  "rep.time.yoursToo": "{time} {owner}, auch Ihre",
  "rep.time.both": "{time} {owner} · {yours} bei Ihnen",

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
  "invitation.summary": "{offering} — {company}",

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
  "reminder.unsubscribe": "Keine Erinnerungen mehr? Abmelden",

  // After "in" (the only place a prospect reads a duration): dative, hence "Tagen".
  "unit.minute.one": "{count} Minute",
  "unit.minute.other": "{count} Minuten",
  "unit.hour.one": "{count} Stunde",
  "unit.hour.other": "{count} Stunden",
  "unit.day.one": "{count} Tag",
  "unit.day.other": "{count} Tagen",
  "feedback.ratings": "Wie war es? Wählen Sie eine Bewertung (1 schlecht, 5 ausgezeichnet) und senden Sie sie auf der Seite ab, die sich dann öffnet:",
  "feedback.comment": "Auf dieser Seite können Sie auch einen Kommentar hinzufügen; er geht direkt an unser Team.",
  "unsubscribe.other": "Keine E-Mails dieser Art mehr? Abmelden",

  // A webinar's host
  "label.host": "Gastgeber",
};
