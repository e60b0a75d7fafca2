// HTTP API: GET /api/reps/{repId}/follow-ups — the rep's open call prompts, due and overdue first.
import { timeForRep } from "../../../core/calls/rep-facing-time";
import { repFollowUps } from "../../../use-cases/calls/rep-follow-ups";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import type { Route } from "../http-route";
import { authenticatedRep } from "../rep-auth";

export function followUpsRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/reps/{repId}/follow-ups",
    handle: async (request) => {
      const rep = authenticatedRep(deps, request, request.params.repId!);
      const followUps = await repFollowUps(deps, rep.id);
      return {
        statusCode: 200,
        json: {
          repId: rep.id,
          followUps: followUps.map(({ prompt, lead, overdue }) => ({
            promptId: prompt.promptId,
            leadId: prompt.leadId,
            ...(prompt.bookingId ? { bookingId: prompt.bookingId } : {}),
            attempt: prompt.attempt,
            reason: prompt.reason,
            dueAt: prompt.dueAt,
            dueText: timeForRep(new Date(prompt.dueAt), { name: lead.prospect.name, timeZone: lead.timeZone }, rep.timeZone, { withDay: true }),
            overdue,
            lead: { name: lead.prospect.name, email: lead.prospect.email, ...(lead.prospect.phone ? { phone: lead.prospect.phone } : {}), ...(lead.prospect.company ? { company: lead.prospect.company } : {}), timeZone: lead.timeZone },
          })),
        },
      };
    },
  };
}
