// Core, message catalogue area "lifecycle", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // Mail to reps: when a lead wrote, the prep note, call prompts and their outcomes, a complaint, an escalation
  "rep.ago": "{duration} ago",
  "rep.justNow": "just now",
  "rep.day.today": "today",
  "rep.day.yesterday": "yesterday",
  "rep.day.on": "on {day}",
  "rep.prep.subject": "{when}: {who}",
  "rep.prep.body": "Your {offering} with {who} {when}.",
  "rep.call.subject.instant": "Call me now: {name} is waiting for your call",
  "rep.call.subject.phone": "Call {name} now: {phone}",
  "rep.call.subject.email": "Follow up with {name} by e-mail",
  "rep.call.callNow": "Call {name} now at",
  "rep.call.writeTo": "{name} left no phone number; write to",
  "rep.call.attempt": "Attempt {attempt} of {total}.",
  "rep.call.retryVoicemail": "Attempt {attempt} of {total} — the last attempt reached voicemail.",
  "rep.call.retryNoAnswer": "Attempt {attempt} of {total} — nobody answered the last attempt.",
  "rep.call.unbooked": "{name} asked to talk live and has not booked a time.",
  "rep.call.unbookedAgo": "{name} asked to talk live {ago} and has not booked a time.",
  "rep.call.instant": "{name} pressed \"Call me now\" on the website and is waiting for your call.",
  "rep.call.claimWithin": "Claim it in your console within {minutes} (or it goes to the next rep):",
  "rep.call.claim": "Claim it in your console.",
  "rep.call.demoEnded": "Your demo with {name} ended {ago}.",
  "rep.call.demoStarted": "Your demo with {name} started {ago}.",
  "rep.call.demoOver": "Your demo with {name} has ended.",
  "rep.call.webinarSome": "{name} attended a webinar.",
  "rep.call.webinar": "{name} attended “{title}” {day}.",
  "rep.call.webinarStayed": "{name} attended “{title}” {day} and stayed {minutes}.",
  "rep.call.webinarStayedOf": "{name} attended “{title}” {day} and stayed {attended} of {minutes}.",
  "rep.call.logOutcome": "Log the outcome:",
  "rep.call.didAttend": "Did {name} attend the demo?",
  "rep.outcome.reached": "Reached",
  "rep.outcome.replied": "Replied",
  "rep.outcome.voicemail": "Voicemail",
  "rep.outcome.noAnswer": "No answer",
  "rep.outcome.wrongNumber": "Wrong number",
  "rep.outcome.notInterested": "Not interested",
  "rep.outcome.converted": "Converted",
  "rep.outcome.wantsAnotherDemo": "Wants another demo",
  "rep.outcome.attended": "Attended",
  "rep.outcome.noShow": "No-show",
  "rep.complaint.subject": "Complaint to handle: {name} rated the demo {rating}/5",
  "rep.complaint.body": "{name} rated your {offering} {rating} out of 5.",
  "rep.complaint.noComment": "They left no comment.",
  "rep.complaint.reachOut": "Please reach out soon: a quick call often turns this around.",
  "rep.escalation.subject": "Not acted on: call {lead} ({rep}, attempt {attempt})",
  "rep.escalation.body": "{rep} was asked to call {lead} and has not logged an outcome.",
  "rep.escalation.followUp": "Please follow up with {rep}, or call {lead} yourself:",

  // Reminders
  "reminder.subject": "{when}: {offering} with {rep}",
  "reminder.body": "Your {offering} with {rep} from {company} {when}.",

  // After the demo
  "feedback.subject": "How was your demo with {rep}?",
  "feedback.thanks": "Thank you for joining the {offering} with {rep} from {company} on {when} ({zone}).",
  "rebook.subject": "Book another demo with {rep}",
  "rebook.body": "{rep} from {company} would be glad to show you more. Pick a time that suits you; the times are shown in your own time zone.",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type LifecycleWords = { readonly [Key in keyof typeof en]: string };
