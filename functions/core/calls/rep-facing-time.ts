// Core: a time shown to a rep always says whose zone it is in — the lead's first, then the rep's own:
// "9:05 AM Dana's time (America/New_York) · 3:05 PM yours". Call prompts, the outcome page's next attempt
// and the follow-ups list use it, so nobody calls at 2 a.m. theirs by reading 8 a.m. as their own.

import { firstName, formatInZone, formatTime } from "../messages/message-parts";
import type { Language } from "../messages/catalogue";
import { commonMessage as message } from "../messages/catalogues/common";
import { localDateAt } from "../time/zoned-time";

export interface ZonedPerson {
  name: string;
  timeZone: string;
}

/**
 * The instant in the lead's zone (named) and in the rep's. With `withDay`, the lead's side names the day;
 * the rep's side names its day whenever it differs from the lead's ("Wed, Dec 2, 12:05 AM yours").
 */
export function timeForRep(date: Date, lead: ZonedPerson, repTimeZone: string, options: { withDay?: boolean; language?: Language } = {}): string {
  const language = options.language ?? "en";
  const owner = message(language, "rep.time.owner", { name: firstName(lead.name) || lead.name, zone: lead.timeZone });
  const time = options.withDay ? formatInZone(date, lead.timeZone, language) : formatTime(date, lead.timeZone, language);
  if (lead.timeZone === repTimeZone) return message(language, "rep.time.yoursToo", { time, owner });
  const sameDay = localDateAt(lead.timeZone, date.getTime()) === localDateAt(repTimeZone, date.getTime());
  const yours = sameDay ? formatTime(date, repTimeZone, language) : formatInZone(date, repTimeZone, language);
  return message(language, "rep.time.both", { time, owner, yours });
}
