// HTTP API: logging outcomes — POST /api/outcomes/view (what a link would log; changes nothing),
// POST /api/outcomes (the outcome page's button, with the link's signed token) and
// POST /api/reps/{repId}/follow-ups/{leadId}/{promptId}/outcome (a rep with their token).
import { recordOutcomeAsRep, recordOutcomeFromLink, viewOutcomeLink, type RecordedOutcome } from "../../../use-cases/calls/record-outcome";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { outcomeBody, repOutcomeBody, type OutcomeResponseBody, type OutcomeViewBody } from "../api-schemas";
import { jsonBody, type Route } from "../http-route";
import { authenticatedRep } from "../rep-auth";

export function outcomeRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "POST",
      pattern: "/api/outcomes",
      handle: async (request) => {
        const { token } = jsonBody(request, outcomeBody);
        return { statusCode: 200, json: outcomeResponse(await recordOutcomeFromLink(deps, token)) };
      },
    },
    {
      // A POST, so the token travels in the body (never in a logged URL); it changes nothing.
      method: "POST",
      pattern: "/api/outcomes/view",
      handle: async (request) => {
        const { token } = jsonBody(request, outcomeBody);
        const view = await viewOutcomeLink(deps, token);
        const body: OutcomeViewBody = {
          outcome: view.outcome as OutcomeViewBody["outcome"],
          lead: { name: view.leadName },
          ...(view.attempt !== undefined ? { attempt: view.attempt } : {}),
          ...(view.recorded ? { recorded: view.recorded } : {}),
        };
        return { statusCode: 200, json: body };
      },
    },
    {
      method: "POST",
      pattern: "/api/reps/{repId}/follow-ups/{leadId}/{promptId}/outcome",
      handle: async (request) => {
        const rep = authenticatedRep(deps, request, request.params.repId!);
        const { outcome } = jsonBody(request, repOutcomeBody);
        return { statusCode: 200, json: outcomeResponse(await recordOutcomeAsRep(deps, rep.id, request.params.leadId!, request.params.promptId!, outcome)) };
      },
    },
  ];
}

function outcomeResponse(recorded: RecordedOutcome): OutcomeResponseBody {
  return {
    outcome: recorded.outcome as OutcomeResponseBody["outcome"],
    lead: { name: recorded.leadName },
    ...(recorded.attempt !== undefined ? { attempt: recorded.attempt } : {}),
    ...(recorded.next ? { next: { attempt: recorded.next.attempt, dueAt: recorded.next.dueAt.toISOString(), dueText: recorded.next.dueText } } : {}),
    ...(recorded.closed ? { closed: recorded.closed } : {}),
  };
}
