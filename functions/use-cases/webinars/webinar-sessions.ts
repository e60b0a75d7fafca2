// Use cases: a webinar's sessions as people see them — the configured schedule (expanded in the host's
// zone) merged with what happened since: a host moved or cancelled it, seats were taken.

import type { WebinarOfferingConfig } from "../../config/liveline-config";
import { NotFound } from "../../core/errors";
import { expandSessions, sessionById, type WebinarSession } from "../../core/webinars/session-schedule";
import type { SessionState } from "../../ports/webinar-store";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface SessionInfo {
  session: WebinarSession;
  webinar: WebinarOfferingConfig;
  /** Effective times: a host may have moved the session. */
  start: number;
  end: number;
  seatsTaken: number;
  seatsLeft: number;
  sequence: number;
  /** The session's timers for this sequence are already asked for (by an earlier registration or the change). */
  timersAskedFor: boolean;
  cancelled: boolean;
  /** Open until the registration cut-off before the (effective) start, unless cancelled. */
  registrationOpen: boolean;
}

export function hostZone(deps: UseCaseDependencies): (repId: string) => string {
  return (repId) => deps.catalogue.rep(repId).timeZone;
}

/** Upcoming sessions (not yet started) of every webinar, or of one, soonest first. */
export async function upcomingSessions(deps: UseCaseDependencies, offeringId?: string): Promise<SessionInfo[]> {
  const now = deps.clock.now().getTime();
  const webinars = deps.catalogue.webinarOfferings().filter((w) => !offeringId || w.id === offeringId);
  const sessions = webinars.flatMap((webinar) => expandSessions(webinar, hostZone(deps), { start: now - DAY, end: now + webinar.horizonDays * DAY }).map((session) => ({ session, webinar })));
  const states = await deps.webinars.sessionStates(sessions.map(({ session }) => session.id));
  return sessions
    .map(({ session, webinar }) => sessionInfoOf(session, webinar, states.get(session.id), now))
    .filter((info) => info.start > now && !info.cancelled)
    .sort((a, b) => a.start - b.start);
}

/** The session (past or future) with this id; NotFound when no webinar has it. */
export async function sessionInfo(deps: UseCaseDependencies, sessionId: string): Promise<SessionInfo> {
  for (const webinar of deps.catalogue.webinarOfferings()) {
    const session = sessionById(webinar, hostZone(deps), sessionId);
    if (!session) continue;
    const states = await deps.webinars.sessionStates([sessionId]);
    return sessionInfoOf(session, webinar, states.get(sessionId), deps.clock.now().getTime());
  }
  throw new NotFound("There is no such webinar session.");
}

export function sessionInfoOf(session: WebinarSession, webinar: WebinarOfferingConfig, state: SessionState | undefined, now: number): SessionInfo {
  const start = state?.start ?? session.start;
  const end = state?.end ?? session.end;
  const seatsTaken = state?.seatsTaken ?? 0;
  const cancelled = state?.status === "cancelled";
  return {
    session,
    webinar,
    start,
    end,
    seatsTaken,
    seatsLeft: Math.max(0, session.capacity - seatsTaken),
    sequence: state?.sequence ?? 0,
    timersAskedFor: state?.timersSequence === (state?.sequence ?? 0),
    cancelled,
    registrationOpen: !cancelled && now < start - webinar.registrationCutoffMinutes * MINUTE,
  };
}

/** The next session of the same webinar after this one that still has room. */
export async function nextSessionWithRoom(deps: UseCaseDependencies, after: SessionInfo, seats = 1): Promise<SessionInfo | undefined> {
  const upcoming = await upcomingSessions(deps, after.webinar.id);
  return upcoming.find((info) => info.session.id !== after.session.id && info.start > after.start && info.registrationOpen && info.seatsLeft >= seats);
}
