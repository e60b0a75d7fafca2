// Core, message catalogue: English, the source language. Every other language's file has exactly these keys
// and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).
// The words of the e-mails and invitations a prospect receives; `{name}` marks a value filled in when sent.

export const en = {
  // Greetings and sign-off
  "hello.named": "Hi {name},",
  "hello.anonymous": "Hi there,",

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

  // The booking invitation (new, moved, cancelled)
  "invitation.confirmed.subject": "Confirmed: {offering} with {rep} — {when} ({zone})",
  "invitation.confirmed.body": "Your {offering} is confirmed.",
  "invitation.updated.subject": "Updated: {offering} with {rep} — {when} ({zone})",
  "invitation.updated.body": "Your {offering} has moved to a new time.",
  "invitation.cancelled.subject": "Cancelled: {offering} with {rep} — {when} ({zone})",
  "invitation.cancelled.body": "Your {offering} with {who} is cancelled.",
  "invitation.summary": "{offering} — {company}",
  "invitation.description.with": "With {who}",
  "invitation.description.cancelled": "Cancelled: {offering} with {who}",

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
  "reminder.subject": "{when}: {offering} with {rep}",
  "reminder.body": "Your {offering} with {rep} from {company} {when}.",
  "reminder.unsubscribe": "Don't want reminders? Unsubscribe",

  // Durations ("1 hour 30 minutes")
  "unit.minute.one": "{count} minute",
  "unit.minute.other": "{count} minutes",
  "unit.hour.one": "{count} hour",
  "unit.hour.other": "{count} hours",
  "unit.day.one": "{count} day",
  "unit.day.other": "{count} days",

  // After the demo
  "feedback.subject": "How was your demo with {rep}?",
  "feedback.thanks": "Thank you for joining the {offering} with {rep} from {company} on {when} ({zone}).",
  "feedback.ratings": "How was it? Choose a rating (1 poor, 5 excellent), then send it from the page that opens:",
  "feedback.comment": "The page that opens lets you add a comment; it goes straight to our team.",
  "unsubscribe.other": "Don't want e-mails like this? Unsubscribe",
  "rebook.subject": "Book another demo with {rep}",
  "rebook.body": "{rep} from {company} would be glad to show you more. Pick a time that suits you; the times are shown in your own time zone.",

  // Webinars: a session's invitation, waitlist, reminders, replay offer and feedback request
  "label.host": "Host",
  "webinar.registered.subject": "Registered: {title} — {when}",
  "webinar.registeredBy.subject": "{by} registered you: {title} — {when}",
  "webinar.registered.body": "You're registered for {title}, a live session with {company}.",
  "webinar.registeredBy.body": "{by} registered you for {title}, a live session with {company}.",
  "webinar.updated.subject": "Updated: {title} — {when}",
  "webinar.updated.body": "{title} has a new time. The session moved to {start} ({zone}).",
  "webinar.cancelled.subject": "Cancelled: {title} — {when}",
  "webinar.cancelled.body": "{title} on {start} ({zone}) is cancelled.",
  "webinar.cancelled.description": "Cancelled: {title}",
  "webinar.next": "The next session is {start} ({zone}). Register here",
  "webinar.hostedBy": "Hosted by {host}",
  "webinar.manageGroup": "Manage your group's registration",
  "webinar.waitlist.subject": "You're on the waitlist: {title} — {when}",
  "webinar.waitlist.full": "{title} on {start} ({zone}) is full, so you're on the waitlist.",
  "webinar.waitlist.promise": "We'll send you an invitation the moment a seat frees up.",
  "webinar.registeredYou": "{by} registered you; they can change or cancel the group's registration.",
  "webinar.manageOwn": "Manage your registration",
  "webinar.otherSessions": "Other sessions",
  "webinar.again.subject": "You're already registered: {title} — {when}",
  "webinar.again.seated": "Someone asked to register this address for {title} again. You already hold a seat — nothing has changed.",
  "webinar.again.waitlisted": "Someone asked to register this address for {title} again. You're already on the waitlist — nothing has changed.",
  "webinar.again.ignore": "If that wasn't you, you can ignore this e-mail.",
  "webinar.reminder.subject": "{when}: {title}",
  "webinar.reminder.body": "{title} {when}.",
  "webinar.replay.subject": "Sorry we missed you: {title}",
  "webinar.replay.missed": "We missed you at {title} on {start} ({zone}).",
  "webinar.replay.catchUp": "Catch up whenever suits you:",
  "webinar.replay.watch": "Watch the recording",
  "webinar.replay.oneOnOne": "Rather see it one-on-one, with your own questions answered? Pick a time; the times are shown in your own time zone.",
  "webinar.replay.book": "Book a 1:1 demo",
  "webinar.feedback.subject": "How was {title}?",
  "webinar.feedback.thanks": "Thank you for joining {title} with {host} from {company} on {start} ({zone}).",
  // Texts (SMS): GSM-7 characters only where the language allows (a "-" rather than a dash: one character
  // outside GSM-7 sends the whole text as UCS-2, at less than half the length per segment). Every text ends
  // with text.optOut; core/text-messages.ts fits each into 2 segments.
  "text.reminder": "{company}: your {offering} with {rep} {when}. Join: {joinUrl}",
  "text.reminder.noLink": "{company}: your {offering} with {rep} {when}. The join link is in your e-mail.",
  "text.sessionReminder": "{company}: {title} {when}. Join: {joinUrl}",
  "text.sessionReminder.noLink": "{company}: {title} {when}. The join link is in your e-mail.",
  "text.missedCall": "Sorry I missed you - {rep} from {company}; reply or pick a time: {link}",
  "text.help": "{company}: texts about your demo with us. Help: {contact}. Msg & data rates may apply.",
  "text.consent": "Text me reminders and follow-ups at this number. Msg & data rates may apply. Reply STOP to opt out.",
  "text.optOut": "Reply STOP to opt out",
} as const;

/** A language's messages: every key of the English source, each a template with the same placeholders. */
export type Catalogue = { readonly [Key in keyof typeof en]: string };
