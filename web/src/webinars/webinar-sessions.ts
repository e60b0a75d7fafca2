// Web: a webinar session as the pages show it — when (read from the API's ISO string, which is already in
// the asked zone), how many seats are left, whether one can still register — and the "session full" answer
// with the next session that has room.

import type { ApiError } from "../api/api-client";
import type { WebinarSession } from "../api/api-types";
import { apiSentence } from "../lifecycle/link-messages";
import { pageLanguage, text } from "../shared/page-text";
import "../page-text/webinars";
import { dayLabel, slotLabel, timeLabel } from "../booking/slot-groups";

export type Availability = "open" | "full" | "closed";

/** Open with seats, full (the waitlist is still open), or closed (past the registration cut-off). */
export function availability(session: Pick<WebinarSession, "seatsLeft" | "registrationOpen">): Availability {
  if (!session.registrationOpen) return "closed";
  return session.seatsLeft > 0 ? "open" : "full";
}

/** "12 seats left", "1 seat left", "Full — waitlist open", "Registration closed". */
export function seatsText(session: Pick<WebinarSession, "seatsLeft" | "registrationOpen">): string {
  const state = availability(session);
  if (state === "closed") return text("webinars.closed");
  if (state === "full") return text("webinars.fullWaitlist");
  return text(session.seatsLeft === 1 ? "webinars.seats.one" : "webinars.seats.other", { count: session.seatsLeft });
}

/** "Tuesday, December 1" and "5:00 PM – 5:45 PM", the wall times written in the session's ISO strings. */
export function sessionWhen(session: Pick<WebinarSession, "start" | "end">, locale = "en-US"): { day: string; time: string } {
  return { day: dayLabel(session.start, locale), time: `${timeLabel(session.start, locale)} – ${timeLabel(session.end, locale)}` };
}

/** "Tuesday, December 1, 5:00 PM – 5:45 PM": one line, for confirmations and summaries. */
export function sessionWhenLine(session: Pick<WebinarSession, "start" | "end">, locale = "en-US"): string {
  const { day, time } = sessionWhen(session, locale);
  return `${day}, ${time}`;
}

/** The session in the list with this id; sessions are listed soonest first. */
export function findSession(sessions: readonly WebinarSession[], id: string | undefined): WebinarSession | undefined {
  return id === undefined ? undefined : sessions.find((session) => session.id === id);
}

export interface FullOffer {
  /** "This session is full." / "Only 2 seats left for 3 people." */
  message: string;
  /** The next session of the same webinar with room, in the asker's zone. */
  next?: WebinarSession;
  /** "The next session with room is Tuesday, December 8 at 5:00 PM." */
  nextText?: string;
}

/** The 409 session_full answer, or undefined for any other error. */
export function fullOffer(error: ApiError, locale = "en-US"): FullOffer | undefined {
  if (error.code !== "session_full") return undefined;
  // The server's words are English: a page in another language says it in its own.
  const message = pageLanguage() === "en" ? apiSentence(error.message || text("webinars.full")) : text("webinars.full");
  const next = error.details?.["nextSession"];
  if (!isSession(next)) return { message };
  return { message, next, nextText: text("webinars.nextWithRoom", { when: slotLabel(next.start, locale) }) };
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A session summary as the API documents it: anything else is not offered to the person. */
export function isSession(value: unknown): value is WebinarSession {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate["id"] === "string" &&
    typeof candidate["title"] === "string" &&
    typeof candidate["start"] === "string" &&
    ISO_WITH_OFFSET.test(candidate["start"]) &&
    typeof candidate["end"] === "string" &&
    ISO_WITH_OFFSET.test(candidate["end"]) &&
    typeof candidate["seatsLeft"] === "number" &&
    typeof candidate["capacity"] === "number" &&
    typeof candidate["registrationOpen"] === "boolean"
  );
}
