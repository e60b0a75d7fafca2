// Core: the public calendar entry of a webinar session, offered on the registration's confirmation — the
// .ics (METHOD:PUBLISH) and the "Add to Google Calendar" link. That answer is the same for a new and a
// repeated registration, so anyone may fetch these: they name no person and carry no join link (the
// invitation e-mail does).

import { googleCalendarUrl } from "../calendar/calendar-links";
import { buildPublishedCalendar, type CalendarPerson } from "../calendar/icalendar";

/** What anyone may know of a session. */
export interface PublicSession {
  id: string;
  title: string;
  description?: string;
  start: Date;
  end: Date;
  hostName: string;
  /** The session's SEQUENCE: raised when a host moves or cancels it. */
  sequence: number;
  cancelled: boolean;
}

export interface SessionCalendarLinks {
  icsUrl: string;
  googleCalendarUrl: string;
}

export const JOIN_LINK_BY_EMAIL = "The join link is in your invitation e-mail.";
const LOCATION = "Online";

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");

/** The webinar page, opened on this session. */
export function sessionPageUrl(publicUrl: string, sessionId: string): string {
  return `${base(publicUrl)}/webinars?${new URLSearchParams({ session: sessionId })}`;
}

/** The host page of a session (webinar-host.html: its attendees, attendance), as its hosts' mail links it. */
export function webinarHostPageUrl(publicUrl: string, sessionId: string): string {
  return `${base(publicUrl)}/webinar-host.html?${new URLSearchParams({ session: sessionId })}`;
}

export function sessionCalendarLinks(publicUrl: string, session: PublicSession, companyName: string): SessionCalendarLinks {
  return {
    icsUrl: `${base(publicUrl)}/api/webinars/${encodeURIComponent(session.id)}/calendar.ics`,
    googleCalendarUrl: googleCalendarUrl({
      title: summary(session, companyName),
      start: session.start,
      end: session.end,
      details: `${description(session)}\n${sessionPageUrl(publicUrl, session.id)}`,
      location: LOCATION,
    }),
  };
}

/** The session's .ics; its UID is the session's, so a second download updates the entry it added. */
export function sessionCalendar(input: { publicUrl: string; session: PublicSession; companyName: string; organizer: CalendarPerson; now: Date }): string {
  const { session, organizer } = input;
  return buildPublishedCalendar({
    uid: `webinar-session-${session.id}@${organizer.email.slice(organizer.email.lastIndexOf("@") + 1)}`,
    sequence: session.sequence,
    stamp: input.now,
    start: session.start,
    end: session.end,
    summary: summary(session, input.companyName),
    description: description(session),
    location: LOCATION,
    url: sessionPageUrl(input.publicUrl, session.id),
    organizer,
    cancelled: session.cancelled,
  });
}

/** As the invitation's SUMMARY, so the two read alike in a calendar. */
function summary(session: PublicSession, companyName: string): string {
  return `${session.title} — ${companyName}`;
}

function description(session: PublicSession): string {
  return [session.description, `Hosted by ${session.hostName}`, JOIN_LINK_BY_EMAIL].filter(Boolean).join("\n");
}
