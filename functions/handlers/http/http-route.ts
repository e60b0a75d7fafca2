// HTTP API: what a route sees and returns — a plain request built from the API Gateway v2 event, and a
// response the handler turns back into one. Routes never touch the event themselves.

import type * as z from "zod/mini";
import type { ProtectionWrite } from "../../core/access/protection";
import { toFieldProblems, type FieldProblem } from "../../validation/issue-messages";

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The address the request came from as API Gateway saw it (CloudFront's, behind CloudFront). */
  sourceIp?: string;
  /** Cookies by name (API Gateway v2 passes them apart from the headers). */
  cookies?: Record<string, string>;
  body?: string;
  /**
   * Abuse protection's part in a booking or a registration, which protection.ts hands over instead of writing
   * first: its items for the write's own transaction (a refusal of one, or of the write, stores nothing), and
   * a booking's address's live bookings limit (none for a rep's bearer token).
   */
  protection?: { writes: readonly ProtectionWrite[]; liveBookingsPerAddress?: number };
}

export interface RouteResponse {
  statusCode: number;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with the content type in headers. */
  text?: string;
  headers?: Record<string, string>;
  /** Set-Cookie values (API Gateway v2 sends each as its own header). */
  cookies?: string[];
}

export type RouteHandler = (request: RouteRequest) => Promise<RouteResponse>;

export interface Route {
  method: "GET" | "POST" | "PUT";
  /** e.g. "/api/bookings/{id}/invite.ics" */
  pattern: string;
  handle: RouteHandler;
  /** Bodies over this are refused with 413 (default MAX_BODY_BYTES, 16 KB). */
  maxBodyBytes?: number;
}

/** An error that is about HTTP itself (bad JSON, too large, no such route), not about the domain. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Well-formed input that breaks the schema: one problem per field. */
export class RequestInvalid extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    this.name = "RequestInvalid";
  }
}

export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  // reportInput: a value of the wrong type is then told apart from a missing one ("must be a number").
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new RequestInvalid(toFieldProblems(result.error.issues));
  return result.data as z.output<S>;
}

/** The JSON object in the body, validated. */
export function jsonBody<S extends z.ZodMiniType>(request: RouteRequest, schema: S): z.output<S> {
  if (!request.body || request.body.trim() === "") throw new HttpError(400, "invalid_json", "The request body must be a JSON object.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new HttpError(400, "invalid_json", "The request body must be a JSON object.");
  }
  return parseWith(schema, parsed);
}

/**
 * The header pages send a link's token in (read from the URL fragment, so it never reaches a server's or a
 * CDN's access log). Lower-cased, as headers are here.
 */
export const LINK_TOKEN_HEADER = "liveline-token";

/** The query, with the link token taken from the Liveline-Token header when one is sent (it wins over ?token). */
export function queryWithLinkToken(request: RouteRequest): Record<string, string> {
  const token = request.headers[LINK_TOKEN_HEADER];
  return token === undefined ? request.query : { ...request.query, token };
}
