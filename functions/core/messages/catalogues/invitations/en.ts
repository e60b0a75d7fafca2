// Core, message catalogue area "invitations", in English: the source language. Every other language's file has
// exactly these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts
// checks both).

export const en = {
  // The reps' copy
  "rep.invitation.new.subject": "New demo: {who} — {when}",
  "rep.invitation.updated.subject": "Updated: {who} — {when}",
  "rep.invitation.cancelled.subject": "Cancelled: {who} — {when}",
  "rep.invitation.new.body": "New booking: {offering}",
  "rep.invitation.updated.body": "Rescheduled: {offering}",
  "rep.invitation.cancelled.body": "Cancelled: {offering}",

  // The booking invitation (new, moved, cancelled)
  "invitation.confirmed.subject": "Confirmed: {offering} with {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Your {offering} is confirmed.",
  "invitation.updated.subject": "Updated: {offering} with {rep} — {when} ({zone})",
  "invitation.updated.body": "Your {offering} has moved to a new time.",
  "invitation.cancelled.subject": "Cancelled: {offering} with {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Your {offering} with {who} is cancelled.",
  "invitation.description.with": "With {who}",
  "invitation.description.cancelled": "Cancelled: {offering} with {who}",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type InvitationWords = { readonly [Key in keyof typeof en]: string };
