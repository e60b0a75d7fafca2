// Web, page text of the booking page's own words besides its form (what it tells screen readers while it works, no open times, "Call me now"): English,
// the source. Registered with the page text by ./index.ts, which only the booking page's modules import; each other language's file has
// exactly these keys and placeholders (test/web/page-text.test.ts).

export const en = {
  "progress.loadingAll": "Loading all open times…",
  "progress.loadingDaytime": "Loading open times from morning to evening…",
  "progress.loadingZone": "Loading open times in {zone}…",
  "progress.loadingOffering": "Loading open times for the {offering}…",
  "progress.fixColleague": "Please correct the highlighted colleague.",
  "progress.fixColleagues": "Please correct the {count} highlighted colleagues.",
  "progress.booking": "Booking {when}…",
  "progress.noSlots": "There are no open times in the next 14 days. We have your request and will get in touch by e-mail to find a time that works.",
  "progress.callRinging": "We are putting you through to a specialist. Keep your phone at hand: they will call you at {phone} in a moment.",
  "progress.callClaimed": "A specialist has your request and is calling you now at {phone}.",
  "progress.callUnavailable": "Sorry, nobody can take a call right now after all. Please pick a time below; we will also call you back soon.",
  "progress.callNumberMissing": "Enter the number we should call, with its country code.",
  "progress.callSending": "Sending your request…",
} as const;

/** A language's text of this area: every key of the English source. */
export type BookingProgressCatalogue = { readonly [Key in keyof typeof en]: string };
