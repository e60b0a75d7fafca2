// HTTP API: the reps' side of "call me now" (workspace) — GET and PUT /api/console/presence (the switch and
// its heartbeat) and POST /api/console/queue/{id}/claim (one conditional write: a second claim is a 409).
import { findQueuePrompt } from "../../../use-cases/workspace/console-queue";
import { claimInstantCall, presenceOf, setPresence } from "../../../use-cases/calls/instant-calls";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { consoleCaller } from "../console-auth";
import { presenceBody } from "../console-schemas";
import { HttpError, jsonBody, type Route } from "../http-route";

export function instantCallPresenceRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/console/presence",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        return { statusCode: 200, json: await presenceOf(deps, caller.rep) };
      },
    },
    {
      method: "PUT",
      pattern: "/api/console/presence",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const { available } = jsonBody(request, presenceBody);
        return { statusCode: 200, json: await setPresence(deps, caller.rep, available) };
      },
    },
    {
      method: "POST",
      pattern: "/api/console/queue/{id}/claim",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const prompt = await findQueuePrompt(deps, request.params.id!);
        // Only the rep it rings takes it (a manager reassigns instead).
        if (prompt.repId !== caller.rep.id) throw new HttpError(403, "forbidden", "This call rings another rep.");
        const call = await claimInstantCall(deps, prompt, caller.rep);
        return { statusCode: 200, json: { id: request.params.id, callId: call.id, status: "claimed", claimedAt: call.claimedAt } };
      },
    },
  ];
}
