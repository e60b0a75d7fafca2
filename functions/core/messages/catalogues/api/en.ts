// Core, message catalogue area "api", in English: the source language. Every other language's file has exactly these
// keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // The API's error wording in the request's language (handlers/http/error-language.ts): each English text is the
  // API's own, matched to find its key; the code and field of an error stay as they are.
  "api.fieldProblem": "{label} {problem}.",
  "api.field.name": "Name",
  "api.field.email": "E-mail",
  "api.field.company": "Company",
  "api.field.phone": "Phone",
  "api.field.teamSize": "Team size",
  "api.field.interest": "What you want to see",
  "api.field.timeZone": "Time zone",
  "api.field.consent": "Consent",
  "api.field.offering": "Offering",
  "api.field.start": "The chosen time",
  "api.field.notes": "Notes",
  "api.field.contactRequestId": "Contact request",
  "api.field.from": "From",
  "api.field.to": "To",
  "api.problem.required": "is required",
  "api.problem.notAddress": "is not a valid address",
  "api.problem.unknownZone": "\"{zone}\" is not a known IANA time zone (e.g. Europe/Berlin)",
  "api.problem.consent": "must be given: please agree to be contacted about your request",
  "api.problem.country": "must be a two-letter country code such as DE",
  "api.problem.language": "must be a language code such as de or pt-BR",
  "api.problem.needsPhone": "needs a phone number to text",
  "api.problem.tooManyAddresses": "has too many addresses",
  "api.problem.atLeastCharacters": "must be at least {minimum} characters",
  "api.problem.atMostCharacters": "must be at most {maximum} characters",
  "api.problem.atLeast": "must be at least {minimum}",
  "api.problem.atMost": "must be at most {maximum}",
  "api.problem.unknownField": "is not a known field",
  "api.problem.invalid": "is invalid",
  "api.problem.number": "must be a number",
  "api.problem.text": "must be a string",
  "api.problem.boolean": "must be a boolean",
  "api.message.slotTaken": "That time was just taken. Please pick another slot.",
  "api.message.tooManyFromNetwork": "Too many requests from your network. Please wait a few minutes and try again.",
  "api.message.colleaguesPerDay": "One address may invite at most {max} colleagues a day.",
  "api.message.liveBookings": "This address has {count} demos booked already; cancel one or wait until one is over to book another.",
  "api.message.tooFast": "The form was sent faster than a person fills it in. Please wait a moment and send it again.",
  "api.message.sessionFull": "This session is full.",
  "api.message.sessionFilledUp": "This session just filled up.",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type ApiWords = { readonly [Key in keyof typeof en]: string };
