// Core, message catalogue area "common": French ("vous"). The keys and placeholders of en.ts.

import type { CommonWords } from "./en";

export const fr: CommonWords = {
  "hello.named": "Bonjour {name},",
  "hello.anonymous": "Bonjour,",

  // Mail to reps and managers, in the rep's `language` (config reps[].language)
  "rep.label.name": "Nom",
  "rep.label.company": "Entreprise",
  "rep.label.email": "E-mail",
  "rep.label.phone": "Téléphone",
  "rep.label.teamSize": "Taille de l’équipe",
  "rep.label.wantsToSee": "Souhaite voir",
  "rep.label.notes": "Notes",
  "rep.label.theirLocalTime": "Son heure locale",
  "rep.label.theirTimeNow": "Son heure locale maintenant",
  "rep.label.now": "Maintenant",
  "rep.label.demo": "Démo",
  "rep.label.webinar": "Webinaire",
  "rep.label.theirComment": "Son commentaire",
  "rep.label.dueSince": "En attente depuis",
  "rep.label.rep": "Commercial",
  "rep.label.attempt": "Tentative",
  "rep.label.with": "Avec",
  "rep.time.owner": "heure de {name} ({zone})",
  "rep.time.yoursToo": "{time} {owner}, la vôtre aussi",
  "rep.time.both": "{time} {owner} · {yours} chez vous",

  "label.when": "Quand",
  "label.who": "Avec",
  "label.join": "Rejoindre",
  "label.was": "Prévu",
  "label.previously": "Auparavant",
  "label.reason": "Motif",
  "label.youAskedToSee": "Vous souhaitiez voir",
  "label.manage": "Besoin d’un autre créneau ? Reprogrammer ou annuler",
  "label.bookAnotherTime": "Réserver un autre créneau",
  "label.bookATime": "Réserver un créneau",

  "who.repFromCompany": "{rep} de {company}",
  "who.withCohost": "{who} et {cohost} ({role})",
  "invitation.summary": "{offering} — {company}",

  "when.subject.today": "Aujourd’hui à {time}",
  "when.subject.tomorrow": "Demain à {time}",
  "when.subject.day": "{day} à {time}",
  "when.subject.in": "Dans {duration}",
  "when.subject.now": "C’est maintenant",
  "when.sentence.today": "a lieu aujourd’hui à {time}",
  "when.sentence.tomorrow": "a lieu demain à {time}",
  "when.sentence.day": "a lieu le {day} à {time}",
  "when.sentence.in": "commence dans {duration}",
  "when.sentence.now": "commence maintenant",
  "reminder.unsubscribe": "Vous ne souhaitez plus recevoir de rappels ? Se désabonner",

  "unit.minute.one": "{count} minute",
  "unit.minute.other": "{count} minutes",
  "unit.hour.one": "{count} heure",
  "unit.hour.other": "{count} heures",
  "unit.day.one": "{count} jour",
  "unit.day.other": "{count} jours",
  "feedback.ratings": "Qu’en avez-vous pensé ? Choisissez une note (1 mauvais, 5 excellent), puis envoyez-la depuis la page qui s’ouvre :",
  "feedback.comment": "Cette page vous permet d’ajouter un commentaire ; il est transmis directement à notre équipe.",
  "unsubscribe.other": "Vous ne souhaitez plus recevoir ce type d’e-mails ? Se désabonner",

  // A webinar's host
  "label.host": "Animé par",
};
