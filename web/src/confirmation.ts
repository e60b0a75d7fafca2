// Web: fills the confirmation section once a booking is confirmed: the time in the prospect's zone, who
// they will meet, and the join, calendar (.ics) and Google Calendar links.

import type { BookingConfirmed, Offering } from "./api-types";
import { dayLabel, timeLabel } from "./slot-groups";
import { zoneDisplayName } from "./time-zone-options";

export function renderConfirmation(section: HTMLElement, booking: BookingConfirmed, offering: Offering | undefined, locale: string): void {
  const when = `${dayLabel(booking.start, locale)}, ${timeLabel(booking.start, locale)} – ${timeLabel(booking.end, locale)}`;
  setText(section, "confirmation-when", when);
  setText(section, "confirmation-zone", zoneDisplayName(booking.timeZone));
  setText(section, "confirmation-rep", booking.rep.firstName);
  setText(section, "confirmation-what", offering?.title ?? "Your live demo");
  setLink(section, "join-link", booking.joinUrl);
  setLink(section, "ics-link", booking.icsUrl);
  setLink(section, "google-link", booking.googleCalendarUrl);
  setLink(section, "manage-link", booking.manageUrl);
}

function setText(section: HTMLElement, id: string, text: string): void {
  const el = section.querySelector<HTMLElement>(`#${id}`);
  if (el) el.textContent = text;
}

function setLink(section: HTMLElement, id: string, href: string): void {
  const link = section.querySelector<HTMLAnchorElement>(`#${id}`);
  if (!link) return;
  const url = webUrl(href);
  link.hidden = url === undefined;
  if (url) link.href = url;
}

/** Only http(s) links, resolved against the page: a javascript: URL must never become clickable. */
export function webUrl(href: unknown, base = location.href): string | undefined {
  if (typeof href !== "string" || href === "") return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
