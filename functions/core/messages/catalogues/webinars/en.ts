// Core, message catalogue area "webinars", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // The hosts' attendee list
  "rep.hostList.subject": "{when}: {title} — {count} registered",
  "rep.hostList.body": "{title} {when}.",
  "rep.hostList.registered": "Registered",
  "rep.hostList.waitlisted": "On the waitlist",
  "rep.hostList.whoIsComing": "Who is coming:",
  "rep.hostList.nobody": "Nobody has registered yet.",
  "rep.hostList.wantsToSee": "{who} — wants to see: {interest}",
  "rep.hostList.more": "And {count} more, all on the host page",

  // A session's invitation, waitlist, reminders, replay offer and feedback request
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
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type WebinarWords = { readonly [Key in keyof typeof en]: string };
