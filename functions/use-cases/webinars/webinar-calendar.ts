// Use case: a webinar session's public calendar entry — the .ics served at
// GET /api/webinars/{sessionId}/calendar.ics and the links the registration's answer offers (core/webinars/session-calendar.ts).

import { sessionCalendar, sessionCalendarLinks, type PublicSession, type SessionCalendarLinks } from "../../core/webinars/session-calendar";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { sessionInfo, type SessionInfo } from "./webinar-sessions";

/** The session as it holds now (a host may have moved or cancelled it); NotFound for an unknown id. */
export async function webinarCalendar(deps: UseCaseDependencies, sessionId: string): Promise<string> {
  const info = await sessionInfo(deps, sessionId);
  const config = deps.catalogue.config;
  return sessionCalendar({ publicUrl: deps.publicUrl, session: publicSession(deps, info), companyName: config.company.name, organizer: config.sender, now: deps.clock.now() });
}

export function webinarCalendarLinks(deps: UseCaseDependencies, info: SessionInfo): SessionCalendarLinks {
  return sessionCalendarLinks(deps.publicUrl, publicSession(deps, info), deps.catalogue.config.company.name);
}

function publicSession(deps: UseCaseDependencies, info: SessionInfo): PublicSession {
  return {
    id: info.session.id,
    title: info.webinar.title,
    ...(info.webinar.description ? { description: info.webinar.description } : {}),
    start: new Date(info.start),
    end: new Date(info.end),
    hostName: deps.catalogue.rep(info.session.hosts[0]!).name,
    sequence: info.sequence,
    cancelled: info.cancelled,
  };
}
