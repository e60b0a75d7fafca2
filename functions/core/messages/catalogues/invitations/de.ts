// Core, message catalogue area "invitations": German (formal "Sie"). The keys and placeholders of en.ts.

import type { InvitationWords } from "./en";

export const de: InvitationWords = {
  "rep.invitation.new.subject": "Neue Demo: {who} — {when}",
  "rep.invitation.updated.subject": "Verschoben: {who} — {when}",
  "rep.invitation.cancelled.subject": "Abgesagt: {who} — {when}",
  "rep.invitation.new.body": "Neue Buchung: {offering}",
  "rep.invitation.updated.body": "Verschoben: {offering}",
  "rep.invitation.cancelled.body": "Abgesagt: {offering}",

  "invitation.confirmed.subject": "Bestätigt: {offering} mit {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Ihr Termin „{offering}“ ist bestätigt.",
  "invitation.updated.subject": "Verschoben: {offering} mit {rep} — {when} ({zone})",
  "invitation.updated.body": "Ihr Termin „{offering}“ wurde auf eine neue Zeit verschoben.",
  "invitation.cancelled.subject": "Abgesagt: {offering} mit {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Ihr Termin „{offering}“ mit {who} ist abgesagt.",
  "invitation.description.with": "Mit {who}",
  "invitation.description.cancelled": "Abgesagt: {offering} mit {who}",
};
