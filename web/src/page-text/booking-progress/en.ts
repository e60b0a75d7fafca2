// Web, page text of what the booking page tells screen readers while it works (loading times, booking, what to correct): English,
// the source. Registered with the page text by ./index.ts, which only the booking page imports; each other language's file has
// exactly these keys and placeholders (test/web/page-text.test.ts).

export const en = {
  "progress.loadingAll": "Loading all open times…",
  "progress.loadingDaytime": "Loading open times from morning to evening…",
  "progress.loadingZone": "Loading open times in {zone}…",
  "progress.loadingOffering": "Loading open times for the {offering}…",
  "progress.fixColleague": "Please correct the highlighted colleague.",
  "progress.fixColleagues": "Please correct the {count} highlighted colleagues.",
  "progress.booking": "Booking {when}…",
} as const;

/** A language's text of this area: every key of the English source. */
export type BookingProgressCatalogue = { readonly [Key in keyof typeof en]: string };
