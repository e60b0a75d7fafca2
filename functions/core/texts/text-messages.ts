// Core: the words of the texts (SMS) a prospect receives — the reminder before a demo or a webinar session,
// the "sorry I missed you" after an unanswered call, the HELP and START answers — in their language, each ending with
// the opt-out line and fitted into MAX_TEXT_SEGMENTS: free-text values (offering, title, company, names) are
// shortened first, then a variant without the join link is tried, and only then is the text cut.

import type { SmsConsent } from "../bookings/booking";
import { clockWhen, firstName, reminderWhen } from "../messages/message-parts";
import { type KeyOf, type Language, type MessageValues, messagesIn } from "../messages/catalogue";
import { TEXT_WORDS } from "../messages/catalogues/texts";
import { countSegments, MAX_TEXT_SEGMENTS } from "./sms-segments";

const message = messagesIn(TEXT_WORDS);
type TextKey = KeyOf<typeof TEXT_WORDS>;

/** The consent a form's "Text me reminders" box gives, kept with the lead: its words in the reader's language. */
export function textConsent(phone: string, language: Language, at: string): SmsConsent {
  return { phone, at, wording: message(language, "text.consent") };
}

/** A reminder sent more than this ahead of the start names the time ("is tomorrow at 8:30 AM"), not a countdown. */
const COUNTDOWN_MAX_MINUTES = 3 * 60;
/** A shortened value keeps at least this many characters (then "..."). */
const SHORTEST_VALUE = 12;
const ELLIPSIS = "...";

export interface ReminderText {
  language: Language;
  timeZone: string;
  start: Date;
  /** Minutes between the planned send and the start (a reminder moved out of quiet hours has more). */
  minutesBefore: number;
  company: string;
  joinUrl: string;
}

export function composeDemoReminderText(now: Date, input: ReminderText & { offeringTitle: string; repName: string }): string {
  const values = { company: input.company, offering: input.offeringTitle, rep: firstName(input.repName), when: textWhen(now, input), joinUrl: input.joinUrl };
  return fitText(input.language, ["text.reminder", "text.reminder.noLink"], values, ["offering", "company", "rep"]);
}

export function composeSessionReminderText(now: Date, input: ReminderText & { title: string }): string {
  const values = { company: input.company, title: input.title, when: textWhen(now, input), joinUrl: input.joinUrl };
  return fitText(input.language, ["text.sessionReminder", "text.sessionReminder.noLink"], values, ["title", "company"]);
}

/** After a call logged as voicemail or no answer: who called, and where to pick a time (the booking page). */
export function composeMissedCallText(input: { language: Language; repName: string; company: string; bookingPageUrl: string }): string {
  return fitText(input.language, ["text.missedCall"], { rep: firstName(input.repName), company: input.company, link: input.bookingPageUrl }, ["company", "rep"]);
}

/** The answer to START (or UNSTOP): texts come again. */
export function composeOptInText(input: { language: Language; company: string }): string {
  return fitText(input.language, ["text.optIn"], { company: input.company }, ["company"]);
}

/** The answer to HELP: who is texting and how to reach them. */
export function composeHelpText(input: { language: Language; company: string; contact: string }): string {
  return fitText(input.language, ["text.help"], { company: input.company, contact: input.contact }, ["company"]);
}

function textWhen(now: Date, input: ReminderText): string {
  const when =
    input.minutesBefore > COUNTDOWN_MAX_MINUTES
      ? clockWhen(now, input.start, input.timeZone, input.language)
      : reminderWhen(now, input.start, input.timeZone, input.minutesBefore, input.language);
  return when.sentence;
}

/**
 * The first template (in order) that fits with its shortenable values cut down, as little as needed; when
 * none does (a join link of 300 characters and no variant without it), the last one cut to fit.
 */
export function fitText(language: Language, keys: readonly TextKey[], values: MessageValues, shortenable: readonly string[]): string {
  const optOut = message(language, "text.optOut");
  const compose = (key: TextKey, filled: MessageValues) => `${message(language, key, filled)}\n${optOut}`;
  let last = "";
  for (const key of keys) {
    const filled: Record<string, string | number> = { ...values };
    const cut = new Map<string, string>();
    for (;;) {
      last = compose(key, filled);
      if (countSegments(last).segments <= MAX_TEXT_SEGMENTS) return last;
      // Each round cuts the longest value still above the shortest length by 4 characters: it ends.
      const uncut = (name: string) => Array.from(cut.get(name) ?? String(filled[name] ?? ""));
      const longest = shortenable.filter((name) => uncut(name).length > SHORTEST_VALUE).sort((a, b) => uncut(b).length - uncut(a).length)[0];
      if (longest === undefined) break;
      const kept = uncut(longest).slice(0, Math.max(SHORTEST_VALUE, uncut(longest).length - 4)).join("").trimEnd();
      cut.set(longest, kept);
      filled[longest] = kept + ELLIPSIS;
    }
  }
  return cutToFit(last, optOut);
}

/** The body cut (by characters, never inside one) until body and opt-out line fit. */
function cutToFit(text: string, optOut: string): string {
  const body = Array.from(text.slice(0, text.length - optOut.length - 1));
  while (body.length > 0 && countSegments(`${body.join("")}${ELLIPSIS}\n${optOut}`).segments > MAX_TEXT_SEGMENTS) body.pop();
  return `${body.join("").trimEnd()}${ELLIPSIS}\n${optOut}`;
}
