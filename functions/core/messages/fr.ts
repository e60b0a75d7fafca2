// Core, message catalogue: French ("vous"). The keys and placeholders of en.ts, worded for French readers.

import type { Catalogue } from "./en";

export const fr: Catalogue = {
  "hello.named": "Bonjour {name},",
  "hello.anonymous": "Bonjour,",

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

  "invitation.confirmed.subject": "Confirmé : {offering} avec {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Votre rendez-vous « {offering} » est confirmé.",
  "invitation.updated.subject": "Modifié : {offering} avec {rep} — {when} ({zone})",
  "invitation.updated.body": "Votre rendez-vous « {offering} » a été déplacé à un nouvel horaire.",
  "invitation.cancelled.subject": "Annulé : {offering} avec {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Votre rendez-vous « {offering} » avec {who} est annulé.",
  "invitation.summary": "{offering} — {company}",
  "invitation.description.with": "Avec {who}",
  "invitation.description.cancelled": "Annulé : {offering} avec {who}",

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
  "reminder.subject": "{when} : {offering} avec {rep}",
  "reminder.body": "Votre rendez-vous « {offering} » avec {rep} de {company} {when}.",
  "reminder.unsubscribe": "Vous ne souhaitez plus recevoir de rappels ? Se désabonner",

  "unit.minute.one": "{count} minute",
  "unit.minute.other": "{count} minutes",
  "unit.hour.one": "{count} heure",
  "unit.hour.other": "{count} heures",
  "unit.day.one": "{count} jour",
  "unit.day.other": "{count} jours",

  "feedback.subject": "Comment s’est passée votre démo avec {rep} ?",
  "feedback.thanks": "Merci d’avoir participé à « {offering} » avec {rep} de {company} le {when} ({zone}).",
  "feedback.ratings": "Qu’en avez-vous pensé ? Choisissez une note (1 mauvais, 5 excellent), puis envoyez-la depuis la page qui s’ouvre :",
  "feedback.comment": "Cette page vous permet d’ajouter un commentaire ; il est transmis directement à notre équipe.",
  "unsubscribe.other": "Vous ne souhaitez plus recevoir ce type d’e-mails ? Se désabonner",
  "rebook.subject": "Réserver une autre démo avec {rep}",
  "rebook.body": "{rep} de {company} se fera un plaisir de vous en montrer davantage. Choisissez le créneau qui vous convient ; les horaires sont affichés dans votre propre fuseau horaire.",
};
