// Web, page text of picking a time — the days and times, the time review, the team demo's group offer, "Call me now" — on the
// booking and manage pages: English, the source. Registered with the page text by ./index.ts, which the modules that draw them
// import; each other language's file has exactly these keys and placeholders (test/web/page-text.test.ts).

export const en = {
  "slots.heading": "Pick a time",
  "slots.zoneIntro": "Times are shown in",
  "slots.changeZone": "Change time zone",
  "slots.allTimes": "Show all times",
  "slots.daytimeOnly": "Show daytime only",
  "slots.hours": "Showing times from {from} to {to} your time.",
  "slots.midnight": "midnight",
  "slots.allTimesShown": "Showing all open times, day and night.",
  "slots.days": "Days with open times",
  "slots.count.one": "{count} time",
  "slots.count.other": "{count} times",
  "slots.morning": "Morning",
  "slots.afternoon": "Afternoon",
  "slots.evening": "Evening",
  "review.zone": "{zone} time",
  "review.prompt": "{action} {when} ({zone})?",
  "review.book": "Book",
  "instant.heading": "Rather talk right now?",
  "instant.text": "A specialist is free at the moment. Leave the number to call and we ring you within a couple of minutes.",
  "instant.phone": "Phone to call",
  "instant.button": "Call me now",
  "review.heading": "Confirm your time",
  "review.confirm": "Confirm this time",
  "review.back": "Pick another time",
  "slots.loading": "Loading open times…",
  "slots.loadFailed": "We couldn't load the open times. {reason}",
  "slots.taken": "Sorry, {when} was just taken by someone else. Here are the times that are still open.",
  "slots.announce": "{times} open times over {days} days.",
  "team.who": "Bringing your team?",
  "team.whoSized": "Bringing your team of {count}?",
  "team.offer.one": "{who} Book a {title} ({minutes} min) instead: invite up to {max} colleague, and each gets their own invitation.",
  "team.offer.other": "{who} Book a {title} ({minutes} min) instead: invite up to {max} colleagues, and each gets their own invitation.",
  "team.switch": "Book the team session instead",
  "team.back": "Back to the {title}",
  "team.invited.one": "Your colleague gets their own invitation too.",
  "team.invited.other": "Your {count} colleagues each get their own invitation too.",
  "review.announce": "{prompt} Press {confirm}, or {back}.",
} as const;

/** A language's text of this area: every key of the English source. */
export type SlotsCatalogue = { readonly [Key in keyof typeof en]: string };
