// Core, message catalogue area "invitations": French ("vous"). The keys and placeholders of en.ts.

import type { InvitationWords } from "./en";

export const fr: InvitationWords = {
  "rep.invitation.new.subject": "Nouvelle démo : {who} — {when}",
  "rep.invitation.updated.subject": "Déplacée : {who} — {when}",
  "rep.invitation.cancelled.subject": "Annulée : {who} — {when}",
  "rep.invitation.new.body": "Nouvelle réservation : {offering}",
  "rep.invitation.updated.body": "Déplacée : {offering}",
  "rep.invitation.cancelled.body": "Annulée : {offering}",

  "invitation.confirmed.subject": "Confirmé : {offering} avec {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Votre rendez-vous « {offering} » est confirmé.",
  "invitation.updated.subject": "Modifié : {offering} avec {rep} — {when} ({zone})",
  "invitation.updated.body": "Votre rendez-vous « {offering} » a été déplacé à un nouvel horaire.",
  "invitation.cancelled.subject": "Annulé : {offering} avec {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Votre rendez-vous « {offering} » avec {who} est annulé.",
  "invitation.description.with": "Avec {who}",
  "invitation.description.cancelled": "Annulé : {offering} avec {who}",
};
