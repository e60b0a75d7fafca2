// Core: the links a booking's e-mails and confirmation carry — manage (reschedule/cancel) and the .ics
// download — each with a signed, expiring token, never a bare id. The token names the booking's version:
// after a reschedule or cancel, links to the old version stop working. The manage page's link carries the
// token in its fragment (never sent to a server, so never in an access log); the .ics link is a download
// the calendar app fetches itself, so its token stays in the query.

import { pageQuery } from "./link-language";
import type { Language } from "../messages/catalogue";
import { signToken } from "../access/signed-token";
import type { SigningKeys } from "../access/signing-keys";

export const MANAGE_PURPOSE = "manage";
/** A manage link stays usable a week after the demo (feedback, "book another"). */
const VALID_AFTER_END_SECONDS = 7 * 24 * 3600;

export interface BookingLinks {
  manageUrl: string;
  icsUrl: string;
}

/** The subject of a manage token: the booking and the version it was issued for. */
export function manageSubject(bookingId: string, version: number): string {
  return `${bookingId}@${version}`;
}

/** `language`, the prospect's, names the manage page's language (link-language.ts). */
export function bookingLinks(publicUrl: string, bookingId: string, version: number, bookingEnd: Date, keys: SigningKeys, language?: Language): BookingLinks {
  const expiresAt = Math.floor(bookingEnd.getTime() / 1000) + VALID_AFTER_END_SECONDS;
  const token = signToken({ purpose: MANAGE_PURPOSE, subject: manageSubject(bookingId, version), expiresAt }, keys);
  const base = publicUrl.replace(/\/+$/, "");
  const id = encodeURIComponent(bookingId);
  return {
    manageUrl: `${base}/manage.html${pageQuery([["booking", bookingId]], language)}#token=${token}`,
    icsUrl: `${base}/api/bookings/${id}/invite.ics?token=${token}`,
  };
}
