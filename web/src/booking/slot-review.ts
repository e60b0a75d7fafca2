// Web: the words of the second step of picking a time — the time picked, in the prospect's zone with the
// zone named, before anything is booked or moved — and of the prospect hours the times are limited to
// ("Showing times from 8:00 AM to 8:00 PM your time"), with the way to see all of them.

import { text } from "../shared/page-text";
import "../page-text/slots";
import { slotLabel } from "./slot-groups";
import { zoneDisplayName } from "./time-zone-options";

export interface SlotReview {
  /** "Tuesday, December 1 at 10:00 AM" */
  when: string;
  /** "America/New York time" — the zone named, as the rest of the page names it. */
  zone: string;
  /** What the confirm button says and screen readers announce. */
  prompt: string;
}

export function slotReview(start: string, timeZone: string, locale = "en-US", action = text("review.book")): SlotReview {
  const when = slotLabel(start, locale);
  const zone = text("review.zone", { zone: zoneDisplayName(timeZone) });
  return { when, zone, prompt: text("review.prompt", { action, when, zone }) };
}

/** "08:00-20:00" → "Showing times from 8:00 AM to 8:00 PM your time." (none when all times are shown). */
export function prospectHoursText(hours: string | undefined, locale = "en-US"): string | undefined {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(hours ?? "");
  if (!match) return undefined;
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const format = (hour: number, minute: number) =>
    new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(Date.UTC(2026, 0, 1, hour % 24, minute));
  const end = h2 === 24 ? text("slots.midnight") : format(h2, m2);
  return text("slots.hours", { from: format(h1, m1), to: end });
}
