// Core, message catalogue area "digest", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // A manager's weekly digest, in their language
  "rep.digest.subject": "{company} week of {from}: {requests} requests, show rate {showRate}, connect rate {connectRate}",
  "rep.digest.intro": "The team's figures for {from} to {to} (days in {zone}):",
  "rep.digest.contactRequests": "Contact requests",
  "rep.digest.booked": "Booked within 7 days",
  "rep.digest.speed": "Speed to lead, median",
  "rep.digest.reached": "Reached within 1 hour",
  "rep.digest.neverReached": "Never reached",
  "rep.digest.showRate": "Show rate",
  "rep.digest.shows": "{rate} ({attended} of {held}; {noShows} no-shows)",
  "rep.digest.connectRate": "Connect rate",
  "rep.digest.connects": "{rate} ({reached} of {attempts} calls)",
  "rep.digest.converted": "Converted",
  "rep.digest.webinars": "Webinars",
  "rep.digest.webinarFigures": "{registered} registered, {attended} attended, {engaged} stayed engaged",
  "rep.digest.within": "within {minutes} min",
  "rep.digest.none": "n/a",
  "rep.digest.noOverdue": "No call-back is overdue.",
  "rep.digest.overdue.one": "{count} call-back is overdue; the longest waiting:",
  "rep.digest.overdue.other": "{count} call-backs are overdue; the longest waiting:",
  "rep.digest.due": "due {when}",
  "rep.digest.openQueue": "Open the queue",
  "rep.digest.allFigures": "All figures",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type DigestWords = { readonly [Key in keyof typeof en]: string };
