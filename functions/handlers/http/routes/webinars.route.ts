// HTTP API: webinars for prospects — GET /api/webinars (upcoming sessions) and
// POST /api/webinars/{sessionId}/registrations (a person and colleagues; 409 session_full, or the waitlist).
import { toZonedIso } from "../../../core/zoned-time";
import { registerForWebinar, SessionFullError, type RegistrationResult } from "../../../use-cases/register-for-webinar";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { upcomingSessions, type SessionInfo } from "../../../use-cases/webinar-sessions";
import type { Registration } from "../../../ports/webinar-store";
import { registrationBody, webinarsQuery, type RegistrationResponseBody, type SessionSummaryBody } from "../api-schemas";
import { jsonBody, parseWith, type Route } from "../http-route";

export function sessionSummary(info: SessionInfo, timeZone: string): SessionSummaryBody {
  return {
    id: info.session.id,
    offering: { id: info.webinar.id, title: info.webinar.title },
    title: info.webinar.title,
    ...(info.webinar.description ? { description: info.webinar.description } : {}),
    start: toZonedIso(info.start, timeZone),
    end: toZonedIso(info.end, timeZone),
    capacity: info.session.capacity,
    seatsLeft: info.seatsLeft,
    maxColleagues: info.webinar.maxColleagues,
    registrationOpen: info.registrationOpen,
  };
}

export function registrationMembers(registration: Registration) {
  return registration.members.map((member) => ({ email: member.email, ...(member.name ? { name: member.name } : {}), status: member.status }));
}

export function webinarRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/webinars",
      handle: async (request) => {
        const query = parseWith(webinarsQuery, request.query);
        const sessions = await upcomingSessions(deps, query.offering);
        return { statusCode: 200, json: { timeZone: query.timeZone, sessions: sessions.map((info) => sessionSummary(info, query.timeZone)) } };
      },
    },
    {
      method: "POST",
      pattern: "/api/webinars/{sessionId}/registrations",
      handle: async (request) => {
        const { consent: _consent, timeZone, colleagues, waitlist, ...prospect } = jsonBody(request, registrationBody);
        let result: RegistrationResult;
        try {
          result = await registerForWebinar(deps, request.params.sessionId!, { prospect, timeZone, colleagues: colleagues ?? [], waitlist: waitlist ?? false });
        } catch (error) {
          // The next session with room, as the asker sees sessions: in their zone.
          const next = error instanceof SessionFullError ? (error.details?.nextSession as SessionInfo | undefined) : undefined;
          if (next) (error as SessionFullError).details = { nextSession: sessionSummary(next, timeZone) };
          throw error;
        }
        const { registration, info } = result;
        const registrant = registration.members[0]!;
        const seats = registration.members.filter((member) => member.status === "confirmed").length;
        const body: RegistrationResponseBody = {
          id: registration.id,
          status: registrant.status === "confirmed" ? "confirmed" : "waitlisted",
          session: sessionSummary(info, timeZone),
          seats,
          members: registrationMembers(registration),
          ...(registrant.status === "confirmed" ? { joinUrl: info.session.joinUrl } : {}),
          manageUrl: result.manageUrl,
        };
        // A second registration of the same address answers with the first one.
        return { statusCode: result.created ? 201 : 200, json: body };
      },
    },
  ];
}
