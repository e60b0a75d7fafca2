// Web: the one place the booking page talks to the API. Turns every outcome (success, an error body,
// a 5xx, a dropped connection) into a value, so callers branch on it instead of catching exceptions.

import type { ApiErrorBody } from "./api-types";
import { text as pageText } from "../shared/page-text";
import "../page-text/checks";

/** The documented error; `details` holds any further members the API sent (e.g. `nextSession`, `fields`). */
export type ApiError = Omit<ApiErrorBody["error"], "fields"> & { details?: Readonly<Record<string, unknown>> };

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** The server answered with a 4xx: the person can fix something. */
  | { ok: false; kind: "rejected"; status: number; error: ApiError }
  /** 5xx, a timeout or no connection: nothing to fix, retrying may work. */
  | { ok: false; kind: "unavailable"; status?: number; error: ApiError };

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is instead, with its own content type (a host's CSV upload). */
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
  /** Give up after this long so the person is never left with a spinner (ms). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** The request outlives the page (sent as the page is left). */
  keepalive?: boolean;
}

/** No answer at all, in the page's language (read when it happens: the page may have changed language). */
const unavailable = (): ApiError => ({
  code: "unavailable",
  message: pageText("check.unreachable"),
});

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const { method = "GET", body, text, headers = {}, timeoutMs = 20_000, fetchImpl = fetch, keepalive = false } = options;
  const contentType: Record<string, string> = text ? { "Content-Type": text.contentType } : body === undefined ? {} : { "Content-Type": "application/json" };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers: { Accept: "application/json", ...contentType, ...headers },
      body: text ? text.content : body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: "same-origin",
      ...(keepalive ? { keepalive } : {}),
    });
  } catch {
    return { ok: false, kind: "unavailable", error: unavailable() };
  } finally {
    clearTimeout(timer);
  }
  const payload = await readJson(response);
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  if (response.status >= 500) {
    // A 5xx message is written for operators; the person gets a plain one and a retry button.
    return { ok: false, kind: "unavailable", status: response.status, error: serverError(response.status) };
  }
  return {
    ok: false,
    kind: "rejected",
    status: response.status,
    error: errorFrom(payload) ?? { code: `http_${response.status}`, message: pageText("check.notAcceptedRequest") },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The `error` member of a body, if it has the documented shape; anything else is treated as no body. */
export function errorFrom(payload: unknown): ApiError | undefined {
  if (typeof payload !== "object" || payload === null || !("error" in payload)) return undefined;
  const error = (payload as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, field, ...rest } = error as Record<string, unknown>;
  if (typeof code !== "string") return undefined;
  return {
    code,
    message: typeof message === "string" && message !== "" ? message : pageText("check.somethingWrong"),
    ...(typeof field === "string" && field !== "" ? { field } : {}),
    ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
  };
}

function serverError(status: number): ApiError {
  return { code: `http_${status}`, message: pageText("check.serviceProblem") };
}
