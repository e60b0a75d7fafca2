// HTTP API: webinars for prospects — GET /api/webinars (upcoming sessions),
// POST /api/webinars/{sessionId}/registrations (a person and colleagues; 202 and everything else by e-mail;
// 409 session_full, or the waitlist) and GET /api/webinars/{sessionId}/calendar.ics (the public entry).
import { webinarCalendar, webinarCalendarLinks } from "../../../use-cases/webinars/webinar-calendar";
import { registerForWebinar, SessionFullError, type RegistrationResult } from "../../../use-cases/webinars/register-for-webinar";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { upcomingSessions, type SessionInfo } from "../../../use-cases/webinars/webinar-sessions";
import { REGISTRATION_ACCEPTED_MESSAGE, registrationBody, webinarsQuery, type RegistrationAcceptedBody } from "../api-schemas";
import { jsonBody, parseWith, type Route } from "../http-route";
import { sessionSummary } from "../presenters/catalogue-presenters";
import { requestLanguage } from "../request-language";

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
        const { consent: _consent, smsConsent, timeZone, colleagues, waitlist, source, ...details } = jsonBody(request, registrationBody);
        const prospect = { ...details, locale: requestLanguage(request, details.language) };
        let result: RegistrationResult;
        try {
          result = await registerForWebinar(deps, request.params.sessionId!, { prospect, timeZone, colleagues: colleagues ?? [], waitlist: waitlist ?? false, source, smsConsent, protection: request.protection?.writes });
        } catch (error) {
          // The next session with room, as the asker sees sessions: in their zone.
          const next = error instanceof SessionFullError ? (error.details?.nextSession as SessionInfo | undefined) : undefined;
          if (next) (error as SessionFullError).details = { nextSession: sessionSummary(next, timeZone) };
          throw error;
        }
        // New or repeated, the same answer: who holds which place is e-mailed to each address, never shown here.
        const { id, title, start, end } = sessionSummary(result.info, timeZone);
        const body: RegistrationAcceptedBody = { message: REGISTRATION_ACCEPTED_MESSAGE, session: { id, title, start, end, ...webinarCalendarLinks(deps, result.info) } };
        return { statusCode: 202, json: body };
      },
    },
    {
      method: "GET",
      pattern: "/api/webinars/{sessionId}/calendar.ics",
      handle: async (request) => {
        const calendar = await webinarCalendar(deps, request.params.sessionId!);
        return {
          statusCode: 200,
          text: calendar,
          headers: { "content-type": "text/calendar; charset=utf-8; method=PUBLISH", "content-disposition": 'attachment; filename="webinar.ics"' },
        };
      },
    },
  ];
}
