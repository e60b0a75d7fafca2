// HTTP API: "call me now" for prospects — GET /api/instant-calls/availability?offering= ({available}, no
// names), POST /api/instant-calls (Idempotency-Key aware; 201 {id, status}) and GET /api/instant-calls/{id}
// (the page polls it). The reps' side is instant-call-presence.route.ts.
import { createHash } from "node:crypto";
import { instantAvailability, instantCallStatus, requestInstantCall } from "../../../use-cases/calls/instant-calls";
import type { InstantCall } from "../../../ports/lead-log";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { IDEMPOTENCY_HEADER, idempotencyKey, instantAvailabilityQuery, instantCallBody, type InstantCallBody, type InstantCallResponse } from "../api-schemas";
import { HttpError, jsonBody, parseWith, type Route, type RouteRequest } from "../http-route";
import { requestLanguage } from "../request-language";

const callBody = (call: InstantCall): InstantCallResponse => ({ id: call.id, status: call.status });

export function instantCallRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/instant-calls/availability",
      handle: async (request) => {
        const { offering, contactRequest } = parseWith(instantAvailabilityQuery, request.query);
        // Polled by open booking pages; it names nobody.
        return { statusCode: 200, json: { available: await instantAvailability(deps, offering, contactRequest) }, headers: { "cache-control": "no-store" } };
      },
    },
    {
      method: "POST",
      pattern: "/api/instant-calls",
      handle: async (request) => {
        const key = idempotencyKeyOf(request);
        const body = jsonBody(request, instantCallBody);
        const { offering, timeZone, source, consent: _consent, smsConsent, ...details } = body;
        const prospect = { ...details, locale: requestLanguage(request, details.language) };
        const { call, replayed } = await requestInstantCall(deps, { offeringId: offering, prospect, timeZone, source, smsConsent, requestHash: requestHash(body), ...(key ? { idempotencyKey: key } : {}) });
        return { statusCode: 201, json: callBody(call), headers: replayed ? { "idempotent-replayed": "true" } : ({} as Record<string, string>) };
      },
    },
    {
      method: "GET",
      pattern: "/api/instant-calls/{id}",
      handle: async (request) => ({ statusCode: 200, json: callBody(await instantCallStatus(deps, request.params.id!)), headers: { "cache-control": "no-store" } }),
    },
  ];
}

function idempotencyKeyOf(request: RouteRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  const result = idempotencyKey.safeParse(value);
  if (!result.success) throw new HttpError(400, "invalid_idempotency_key", `Idempotency-Key ${result.error.issues[0]!.message}.`, "Idempotency-Key");
  return result.data;
}

/** Same key + same validated body = the same request. */
function requestHash(body: InstantCallBody): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("base64url");
}
