// Core, message catalogue area "common", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // Greetings and sign-off
  "hello.named": "Hi {name},",
  "hello.anonymous": "Hi there,",

  // Mail to reps and managers, in the rep's `language` (config reps[].language)
  "rep.label.name": "Name",
  "rep.label.company": "Company",
  "rep.label.email": "E-mail",
  "rep.label.phone": "Phone",
  "rep.label.teamSize": "Team size",
  "rep.label.wantsToSee": "Wants to see",
  "rep.label.notes": "Notes",
  "rep.label.theirLocalTime": "Their local time",
  "rep.label.theirTimeNow": "Their local time now",
  "rep.label.now": "Now",
  "rep.label.demo": "Demo",
  "rep.label.webinar": "Webinar",
  "rep.label.theirComment": "Their comment",
  "rep.label.dueSince": "Due since",
  "rep.label.rep": "Rep",
  "rep.label.attempt": "Attempt",
  "rep.label.with": "With",
  "rep.time.owner": "{name}'s time ({zone})",
  "rep.time.yoursToo": "{time} {owner}, yours too",
  "rep.time.both": "{time} {owner} · {yours} yours",

  // Labels of a line ("When: Tuesday, …")
  "label.when": "When",
  "label.who": "Who",
  "label.join": "Join",
  "label.was": "Was",
  "label.previously": "Previously",
  "label.reason": "Reason",
  "label.youAskedToSee": "You asked to see",
  "label.manage": "Need another time? Reschedule or cancel",
  "label.bookAnotherTime": "Book another time",
  "label.bookATime": "Book a time",

  // Who the prospect meets
  "who.repFromCompany": "{rep} from {company}",
  "who.withCohost": "{who} and {cohost} ({role})",

  // The title of a booking's or a session's calendar event
  "invitation.summary": "{offering} — {company}",

  // Reminders: the "when" of a subject and of a sentence
  "when.subject.today": "Today at {time}",
  "when.subject.tomorrow": "Tomorrow at {time}",
  "when.subject.day": "{day} at {time}",
  "when.subject.in": "In {duration}",
  "when.subject.now": "Starting now",
  "when.sentence.today": "is today at {time}",
  "when.sentence.tomorrow": "is tomorrow at {time}",
  "when.sentence.day": "is on {day} at {time}",
  "when.sentence.in": "starts in {duration}",
  "when.sentence.now": "is starting now",
  "reminder.unsubscribe": "Don't want reminders? Unsubscribe",

  // Durations ("1 hour 30 minutes")
  "unit.minute.one": "{count} minute",
  "unit.minute.other": "{count} minutes",
  "unit.hour.one": "{count} hour",
  "unit.hour.other": "{count} hours",
  "unit.day.one": "{count} day",
  "unit.day.other": "{count} days",

  // After the demo; the unsubscribe line
  "feedback.ratings": "How was it? Choose a rating (1 poor, 5 excellent), then send it from the page that opens:",
  "feedback.comment": "The page that opens lets you add a comment; it goes straight to our team.",
  "unsubscribe.other": "Don't want e-mails like this? Unsubscribe",

  // A webinar's host
  "label.host": "Host",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type CommonWords = { readonly [Key in keyof typeof en]: string };
