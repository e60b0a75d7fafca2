// HTTP API: a session's hosts (bearer token of one of them) — attendee list, attendance (JSON from the
// host's page, or the platform's CSV export as text/csv), moving or cancelling the session.
import { parseAttendanceCsv } from "../../../core/webinars/attendance-csv";
import { Forbidden, InvalidInput } from "../../../core/errors";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { cancelSession, moveSession, recordAttendance, sessionAttendees } from "../../../use-cases/webinars/webinar-hosting";
import { sessionInfo } from "../../../use-cases/webinars/webinar-sessions";
import { ATTENDANCE_MAX_BYTES } from "../body-limits";
import { attendanceBody, sessionCancelBody, sessionRescheduleBody } from "../api-schemas";
import { HttpError, jsonBody, type Route, type RouteRequest } from "../http-route";
import { repByToken } from "../rep-auth";
import { sessionSummary } from "../presenters/catalogue-presenters";

/** The caller must be one of the session's hosts. */
async function asHost(deps: UseCaseDependencies, request: RouteRequest): Promise<{ timeZone: string }> {
  if (!/^Bearer\s+\S+$/i.test(request.headers.authorization ?? "")) {
    throw new HttpError(401, "unauthorized", "Send a host's API token as Authorization: Bearer <token>.", undefined, { "www-authenticate": 'Bearer realm="liveline"' });
  }
  const rep = repByToken(deps, request);
  const info = await sessionInfo(deps, request.params.sessionId!);
  if (!rep || !info.session.hosts.includes(rep.id)) throw new Forbidden("Only this session's hosts may do this.");
  return { timeZone: rep.timeZone };
}

/** Minutes per address, from the host's marks, the JSON attendees, or the CSV export. */
function attendanceMinutes(request: RouteRequest, durationMinutes: number): Map<string, number> {
  if ((request.headers["content-type"] ?? "").startsWith("text/csv")) {
    const parsed = parseAttendanceCsv(request.body ?? "");
    if (parsed.rows.length === 0) throw new InvalidInput("attendees", parsed.problems[0] ?? "were not found in the file (no e-mail column?).", "invalid_attendance_report");
    return new Map(parsed.rows.map((row) => [row.email, row.minutes]));
  }
  const body = jsonBody(request, attendanceBody);
  if (body.marks) return new Map(body.marks.map((mark) => [mark.email.toLowerCase(), mark.attended ? durationMinutes : 0]));
  if (body.attendees) return new Map(body.attendees.map((row) => [row.email.toLowerCase(), row.minutes]));
  throw new InvalidInput("attendees", "or marks are required.");
}

export function webinarHostingRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/webinars/{sessionId}/attendees",
      handle: async (request) => {
        const { timeZone } = await asHost(deps, request);
        const { info, attendees } = await sessionAttendees(deps, request.params.sessionId!);
        return {
          statusCode: 200,
          json: {
            session: sessionSummary(info, timeZone),
            attendees: attendees.map(({ email, name, company, interest, status }) => ({ email, name, ...(company ? { company } : {}), ...(interest ? { interest } : {}), status })),
          },
        };
      },
    },
    {
      method: "POST",
      pattern: "/api/webinars/{sessionId}/attendance",
      // A platform's export of a large session runs to tens of kilobytes.
      maxBodyBytes: ATTENDANCE_MAX_BYTES,
      handle: async (request) => {
        await asHost(deps, request);
        const info = await sessionInfo(deps, request.params.sessionId!);
        const minutes = attendanceMinutes(request, (info.end - info.start) / 60_000);
        return { statusCode: 200, json: await recordAttendance(deps, info.session.id, minutes) };
      },
    },
    {
      method: "POST",
      pattern: "/api/webinars/{sessionId}/reschedule",
      handle: async (request) => {
        const { timeZone } = await asHost(deps, request);
        const { start } = jsonBody(request, sessionRescheduleBody);
        return { statusCode: 200, json: sessionSummary(await moveSession(deps, request.params.sessionId!, start), timeZone) };
      },
    },
    {
      method: "POST",
      pattern: "/api/webinars/{sessionId}/cancel",
      handle: async (request) => {
        const { timeZone } = await asHost(deps, request);
        const { reason } = jsonBody(request, sessionCancelBody);
        return { statusCode: 200, json: sessionSummary(await cancelSession(deps, request.params.sessionId!, reason), timeZone) };
      },
    },
  ];
}
