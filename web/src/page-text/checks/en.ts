// Web, page text of the forms' own checks and the answers a page writes itself (a field to correct, a label before an API
// message, a service that cannot be reached): English, the source. Registered with the page text by ./index.ts, which the
// modules that check forms and read API answers import; each other language's file has exactly these keys and placeholders
// (test/web/page-text.test.ts).

export const en = {
  "check.nameMissing": "Please enter your name.",
  "check.emailMissing": "Please enter your work e-mail.",
  "check.emailInvalid": "Please enter a valid e-mail address, like name@company.com.",
  "check.teamSizeWhole": "Team size must be a whole number.",
  "check.teamSizeMin": "Team size must be at least 1.",
  "check.timeZoneMissing": "Please choose your time zone.",
  "check.consentNeeded": "Please tick this box so we can contact you about your demo.",
  "check.smsNeedsPhone": "Texts need your phone number: please enter it above, or untick this box.",
  "check.colleagueEmailMissing": "Please enter {name}'s work e-mail, or remove this colleague.",
  "check.colleagueRegistered": "This person is already registered here.",
  "check.colleagueListed": "This address is already in the list.",
  "check.label.name": "Name",
  "check.label.email": "Work e-mail",
  "check.label.company": "Company",
  "check.label.country": "Country",
  "check.label.language": "Preferred language",
  "check.label.pageLanguage": "Language",
  "check.label.phone": "Phone",
  "check.label.teamSize": "Team size",
  "check.label.interest": "What you'd like to see",
  "check.label.timeZone": "Time zone",
  "check.label.consent": "Consent",
  "check.label.smsConsent": "Text me reminders",
  "check.label.colleagues": "Colleagues",
  "check.label.colleagueEmail": "E-mail",
  "check.inviteAtMost.one": "You can invite at most 1 colleague here.",
  "check.inviteAtMost.other": "You can invite at most {count} colleagues here.",
  "check.inviteMore.one": "You can invite at most 1 more colleague here.",
  "check.inviteMore.other": "You can invite at most {count} more colleagues here.",
  "check.notAccepted": "{label} was not accepted",
  "check.sessionProblem": "This session {problem}",
  "check.sessionNotOpen": "This session is not open for registration",
  "check.slotProblem": "That time {problem}",
  "check.pickAnother": "{problem} Please pick another time.",
  "check.unreachable": "We couldn't reach our booking service. Please check your connection and try again.",
  "check.notAcceptedRequest": "Something in the request was not accepted. Please check your details.",
  "check.somethingWrong": "Something went wrong.",
  "check.serviceProblem": "Our booking service had a problem. Your details are safe here; please try again.",
} as const;

/** A language's text of this area: every key of the English source. */
export type ChecksCatalogue = { readonly [Key in keyof typeof en]: string };
