// HTTP API: the one place where errors become HTTP statuses and {"error":{code,message,field?}} bodies.

import { ConflictError, DomainError, Forbidden, IdempotencyKeyReused, InvalidFields, InvalidInput, NotFound, ProtectionRefused, RateLimited, SlotTaken, TryAgainLater, VersionMoved } from "../../core/errors";
import { HttpError, RequestInvalid, type RouteResponse } from "./http-route";

/** How fields are named in messages a person reads next to the form. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  email: "E-mail",
  company: "Company",
  phone: "Phone",
  teamSize: "Team size",
  interest: "What you want to see",
  timeZone: "Time zone",
  consent: "Consent",
  offering: "Offering",
  start: "The chosen time",
  notes: "Notes",
  contactRequestId: "Contact request",
  from: "From",
  to: "To",
};

export function describeField(field: string, predicate: string): string {
  const label = FIELD_LABELS[field] ?? field;
  return `${label} ${predicate.replace(/\.$/, "")}.`;
}

function errorBody(code: string, message: string, field?: string, fields?: { field: string; message: string }[]) {
  return { error: { code, message, ...(field ? { field } : {}), ...(fields ? { fields } : {}) } };
}

/** Log is called only for the unexpected (5xx); everything else is the caller's to fix. */
export function errorResponse(error: unknown, log: (message: string, details: Record<string, unknown>) => void): RouteResponse {
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, json: errorBody(error.code, error.message, error.field), headers: error.headers };
  }
  if (error instanceof RequestInvalid) {
    const fields = error.problems.map((p) => ({ field: p.field, message: describeField(p.field, p.message) }));
    const first = fields[0]!;
    return { statusCode: 422, json: errorBody("invalid_input", first.message, first.field, fields) };
  }
  if (error instanceof DomainError) return domainErrorResponse(error);
  log("unexpected error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  if (isDependencyFailure(error)) {
    return {
      statusCode: 503,
      json: errorBody("unavailable", "A service we depend on is not answering. Nothing was lost; please try again in a moment."),
      headers: { "retry-after": "2" },
    };
  }
  return { statusCode: 500, json: errorBody("internal_error", "Something went wrong on our side. Please try again.") };
}

/** An AWS service error or a network failure: worth a retry, unlike a bug. */
function isDependencyFailure(error: unknown): boolean {
  const candidate = error as { $metadata?: unknown; code?: string; name?: string };
  if (candidate?.$metadata !== undefined) return true;
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"].includes(candidate?.code ?? "") || candidate?.name === "TimeoutError";
}

function domainErrorResponse(error: DomainError): RouteResponse {
  if (error instanceof InvalidInput) {
    const message = describeField(error.field, error.message);
    return { statusCode: 422, json: errorBody(error.code, message, error.field, [{ field: error.field, message }]) };
  }
  if (error instanceof InvalidFields) {
    const fields = error.problems.map((p) => ({ field: p.field, message: describeField(p.field, p.message) }));
    return { statusCode: 422, json: errorBody(error.code, fields[0]!.message, fields[0]!.field, fields) };
  }
  // The version in force goes with the answer (and as its ETag), so the caller can load it and redo the change.
  if (error instanceof VersionMoved) {
    return { statusCode: 412, json: { error: { ...errorBody(error.code, error.message).error, currentVersion: error.currentVersion } }, headers: { etag: `"${error.currentVersion}"` } };
  }
  if (error instanceof SlotTaken) return { statusCode: 409, json: errorBody(error.code, error.message, "start") };
  if (error instanceof ConflictError) return { statusCode: 409, json: { error: { ...errorBody(error.code, error.message).error, ...error.details } } };
  if (error instanceof NotFound) return { statusCode: 404, json: errorBody(error.code, error.message) };
  if (error instanceof Forbidden) return { statusCode: 403, json: errorBody(error.code, error.message, "token") };
  if (error instanceof IdempotencyKeyReused) return { statusCode: 422, json: errorBody(error.code, error.message, "Idempotency-Key") };
  if (error instanceof ProtectionRefused) return { statusCode: 400, json: errorBody(error.code, error.message, error.field) };
  if (error instanceof RateLimited) {
    return { statusCode: 429, json: errorBody(error.code, error.message, error.field), headers: { "retry-after": String(error.retryAfterSeconds) } };
  }
  if (error instanceof TryAgainLater) return { statusCode: 503, json: errorBody(error.code, error.message), headers: { "retry-after": String(error.retryAfterSeconds) } };
  return { statusCode: 400, json: errorBody(error.code, error.message) };
}
