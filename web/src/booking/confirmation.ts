// Web: fills the confirmation section once a booking is confirmed: the time in the prospect's zone, who
// they will meet (one rep, or two for a two-pool offering), and the join, calendar (.ics) and Google
// Calendar links. The manage page reuses it for the booking it shows.

import type { BookingConfirmed } from "../api/api-types";
import { text } from "../shared/page-text";
import { dayLabel, timeLabel } from "./slot-groups";
import { zoneDisplayName } from "./time-zone-options";

/** What the section shows; links that are missing (the manage page before a change) are hidden. */
export type ShownBooking = Pick<BookingConfirmed, "start" | "end" | "timeZone" | "rep" | "secondRep" | "joinUrl"> &
  Partial<Pick<BookingConfirmed, "icsUrl" | "googleCalendarUrl" | "manageUrl">>;

export function renderConfirmation(section: HTMLElement, booking: ShownBooking, offering: { title: string } | undefined, locale: string): void {
  const when = `${dayLabel(booking.start, locale)}, ${timeLabel(booking.start, locale)} – ${timeLabel(booking.end, locale)}`;
  setText(section, "confirmation-when", when);
  setText(section, "confirmation-zone", zoneDisplayName(booking.timeZone));
  setText(section, "confirmation-rep", booking.rep.firstName);
  showSecondRep(section, booking.secondRep);
  setText(section, "confirmation-what", offering?.title ?? text("confirmation.defaultWhat"));
  setLink(section, "join-link", booking.joinUrl);
  setLink(section, "ics-link", booking.icsUrl);
  setLink(section, "google-link", booking.googleCalendarUrl);
  setLink(section, "manage-link", booking.manageUrl);
}

/** "Maya", or "Maya and Sam (Solutions engineer)" when a second rep joins: for the announcement. */
export function withWhom(booking: Pick<BookingConfirmed, "rep" | "secondRep">): string {
  const second = booking.secondRep;
  return second ? `${booking.rep.firstName} ${text("confirmation.and")} ${second.firstName} (${second.label})` : booking.rep.firstName;
}

function showSecondRep(section: HTMLElement, second: BookingConfirmed["secondRep"]): void {
  const wrapper = section.querySelector<HTMLElement>("#confirmation-second");
  if (wrapper) wrapper.hidden = !second;
  if (!second) return;
  setText(section, "confirmation-second-rep", second.firstName);
  setText(section, "confirmation-second-label", second.label);
}

function setText(section: HTMLElement, id: string, text: string): void {
  const el = section.querySelector<HTMLElement>(`#${id}`);
  if (el) el.textContent = text;
}

/** Points the link `id` in `section` at `href`, or hides it when there is no safe (http/https) address. */
export function setLink(section: ParentNode, id: string, href: string | undefined): void {
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
