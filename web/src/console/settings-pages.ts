// Web: what the console's settings pages (Manage team, Offerings) share — the API call that sends a signed-out
// reader to the sign-in page, the signed-in check at start, and a refused save's field errors put on the
// controls they name (the rest in the alert, focus on the first).

import { apiRequest, type ApiResult } from "../api/api-client";
import type { Me } from "../api/console-types";
import { showFieldError } from "../shared/field-errors";
import { showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";

export async function consoleApi<T>(path: string, init: Parameters<typeof apiRequest>[1] = {}): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path, init);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

/** At the page's start: who is signed in (their name in the bar), or undefined (sent to sign in, or told why not). */
export async function signedIn(alertBox: HTMLElement): Promise<Me["rep"] | undefined> {
  scriptReady();
  const who = await consoleApi<Me>("/api/me");
  if (!who.ok) {
    if (who.status !== 401) showAlert(alertBox, who.error.message);
    return undefined;
  }
  byId("who").textContent = who.data.rep.name;
  return who.data.rep;
}

/**
 * A refusal's field errors on their controls (`controlOf`; none: said in the alert), focus on the first
 * (else `fallback`). False when the refusal names no field: the caller says what went wrong.
 */
export function showFieldProblems(alertBox: HTMLElement, result: Extract<ApiResult<unknown>, { ok: false }>, controlOf: (field: string) => string | undefined, fallback: HTMLElement): boolean {
  const fields = (result.error.details?.fields as { field: string; message: string }[] | undefined) ?? (result.error.field ? [{ field: result.error.field, message: result.error.message }] : []);
  if (fields.length === 0) return false;
  const unplaced: string[] = [];
  const marked = fields.flatMap((problem) => {
    const id = controlOf(problem.field);
    if (!id) unplaced.push(`${problem.field} ${problem.message}.`);
    else showFieldError(byId(id), `${problem.message[0]?.toUpperCase() ?? ""}${problem.message.slice(1)}`);
    return id ? [byId(id)] : [];
  });
  showAlert(alertBox, ["Nothing was saved: please fix the marked fields.", ...unplaced].join(" "));
  (marked[0] ?? fallback).focus();
  return true;
}
