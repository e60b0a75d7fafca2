// HTTP API: the one place where errors become HTTP statuses and {"error":{code,message,field?}} bodies — the
// message (and each field's) in the request's language (error-language.ts), the code and field as they are.

import { ConflictError, DomainError, Forbidden, IdempotencyKeyReused, InvalidFields, InvalidInput, NotFound, ProtectionRefused, RateLimited, SlotTaken, TryAgainLater, VersionMoved } from "../../core/errors";
import type { Language } from "../../core/messages/catalogue";
import { errorMessage, fieldProblem } from "./error-language";
import { HttpError, RequestInvalid, type RouteResponse } from "./http-route";

function errorBody(code: string, message: string, field?: string, fields?: { field: string; message: string }[]) {
  return { error: { code, message, ...(field ? { field } : {}), ...(fields ? { fields } : {}) } };
}

/** Log is called only for the unexpected (5xx); everything else is the caller's to fix. */
export function errorResponse(error: unknown, log: (message: string, details: Record<string, unknown>) => void, language: Language = "en"): RouteResponse {
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, json: errorBody(error.code, error.message, error.field), headers: error.headers };
  }
  if (error instanceof RequestInvalid) {
    const fields = error.problems.map((p) => ({ field: p.field, message: fieldProblem(p.field, p.message, language) }));
    const first = fields[0]!;
    return { statusCode: 422, json: errorBody("invalid_input", first.message, first.field, fields) };
  }
  if (error instanceof DomainError) return domainErrorResponse(error, language);
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

function domainErrorResponse(error: DomainError, language: Language): RouteResponse {
  if (error instanceof InvalidInput) {
    const message = fieldProblem(error.field, error.message, language);
    return { statusCode: 422, json: errorBody(error.code, message, error.field, [{ field: error.field, message }]) };
  }
  if (error instanceof InvalidFields) {
    const fields = error.problems.map((p) => ({ field: p.field, message: fieldProblem(p.field, p.message, language) }));
    return { statusCode: 422, json: errorBody(error.code, fields[0]!.message, fields[0]!.field, fields) };
  }
  // The version in force goes with the answer (and as its ETag), so the caller can load it and redo the change.
  if (error instanceof VersionMoved) {
    return { statusCode: 412, json: { error: { ...errorBody(error.code, error.message).error, currentVersion: error.currentVersion } }, headers: { etag: `"${error.currentVersion}"` } };
  }
  const words = errorMessage(error.message, language);
  if (error instanceof SlotTaken) return { statusCode: 409, json: errorBody(error.code, words, "start") };
  if (error instanceof ConflictError) return { statusCode: 409, json: { error: { ...errorBody(error.code, words).error, ...error.details } } };
  if (error instanceof NotFound) return { statusCode: 404, json: errorBody(error.code, error.message) };
  if (error instanceof Forbidden) return { statusCode: 403, json: errorBody(error.code, error.message, "token") };
  if (error instanceof IdempotencyKeyReused) return { statusCode: 422, json: errorBody(error.code, error.message, "Idempotency-Key") };
  if (error instanceof ProtectionRefused) return { statusCode: 400, json: errorBody(error.code, words, error.field) };
  if (error instanceof RateLimited) {
    return { statusCode: 429, json: errorBody(error.code, words, error.field), headers: { "retry-after": String(error.retryAfterSeconds) } };
  }
  if (error instanceof TryAgainLater) return { statusCode: 503, json: errorBody(error.code, error.message), headers: { "retry-after": String(error.retryAfterSeconds) } };
  return { statusCode: 400, json: errorBody(error.code, error.message) };
}
