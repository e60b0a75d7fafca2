// HTTP API: the Idempotency-Key header of the routes that book (bookings, lead-booking) — read and checked
// here, and the hash that tells a retry (same body) from a key reused with another body.
import { createHash } from "node:crypto";
import { IDEMPOTENCY_HEADER, idempotencyKey } from "./api-schemas";
import { HttpError, type RouteRequest } from "./http-route";

export function idempotencyKeyOf(request: RouteRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  const result = idempotencyKey.safeParse(value);
  if (!result.success) throw new HttpError(400, "invalid_idempotency_key", `Idempotency-Key ${result.error.issues[0]!.message}.`, "Idempotency-Key");
  return result.data;
}

/** Same key + same validated body = the same request. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("base64url");
}
