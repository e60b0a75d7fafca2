// Web, page text of the reps' outcome page (outcome.html, an outcome link in a rep's follow-up e-mail, which names the rep's language):
// English, the source. Registered with the page text by ./index.ts, which only that page imports; each other language's file has
// exactly these keys and placeholders (test/web/page-text.test.ts).

export const en = {
  "outcome.title": "Log a call outcome",
  "outcome.eyebrow": "Follow-up",
  "outcome.heading": "Call outcome",
  "outcome.loading": "Loading…",
  "outcome.reading": "Reading the link…",
  "outcome.log": "Log this outcome",
  "outcome.undo": "Undo",
  "outcome.alreadyLoggedHeading": "Already logged",
  "outcome.notLoadedHeading": "Not loaded",
  "outcome.notLoaded": "We could not read this link yet. Nothing was logged.",
  "outcome.logging": "Logging…",
  "outcome.undoAnnounce": "{pending} Press Undo to take it back.",
  "outcome.notLoggedHeading": "Not logged",
  "outcome.loggedHeading": "Outcome logged",
  "outcome.logFailed": "The outcome could not be logged. {reason}",
  "outcome.label.attended": "attended",
  "outcome.label.no_show": "no-show",
  "outcome.label.reached": "reached",
  "outcome.label.voicemail": "voicemail",
  "outcome.label.no_answer": "no answer",
  "outcome.label.wrong_number": "wrong number",
  "outcome.label.not_interested": "not interested",
  "outcome.label.converted": "converted",
  "outcome.label.wants_another_demo": "wants another demo",
  "outcome.label.unreachable": "unreachable (no call attempts left)",
  "outcome.logged": "Logged: {outcome} — {name}.",
  "outcome.next": "Next call attempt ({attempt}) due {due}.",
  "outcome.closed": "Lead closed: {reason}.",
  "outcome.questionHeading": "Log this outcome?",
  "outcome.question": "{name}: {outcome}. Nothing is logged until you press the button.",
  "outcome.questionAttempt": "{name} (call attempt {attempt}): {outcome}. Nothing is logged until you press the button.",
  "outcome.button": "Log “{outcome}”",
  "outcome.pending": "{outcome} for {name} will be logged in {seconds} s. Nothing is logged yet.",
  "outcome.undoCountdown": "Undo ({seconds} s)",
  "outcome.undone": "Undone: nothing was logged for {name}.",
  "outcome.alreadyLogged": "Already logged: {outcome} — {name}. Nothing changed.",
  "outcome.alreadyLoggedAt": "Already logged: {outcome} — {name}, {when}. Nothing changed.",
  "outcome.moved": "This follow-up was moved to another rep, so nothing was logged. It is in their queue now.",
  "outcome.inPool": "This follow-up was handed to the team's pool, so nothing was logged. Take it from the queue in the console to log the call.",
} as const;

/** A language's text of this area: every key of the English source. */
export type OutcomeCatalogue = { readonly [Key in keyof typeof en]: string };
