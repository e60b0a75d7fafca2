// Web: the outcome page's words for what a one-click outcome link logged: "Logged: voicemail — Jane Doe."
// and what happens next (the next call attempt, naming the lead's zone and the rep's, or the lead closed).

import type { ApiError } from "../api/api-client";
import type { OutcomeLogged, OutcomeView } from "../api/api-types";
import type { Notice } from "./link-messages";
import { type PageTextKey, text } from "../shared/page-text";
import "../page-text/outcome";
import { shortDateTime } from "../booking/zoned-time";

/** The outcomes (and why a lead was closed: `unreachable`) this page has words for. */
const LABELED = new Set(["attended", "no_show", "reached", "voicemail", "no_answer", "wrong_number", "not_interested", "converted", "wants_another_demo", "unreachable"]);

/** "no answer" for "no_answer", in the page's language; an outcome this page does not know yet still reads as words. */
export function outcomeLabel(code: string): string {
  return LABELED.has(code) ? text(`outcome.label.${code}` as PageTextKey) : code.replace(/_/g, " ");
}

export interface OutcomeText {
  /** "Logged: voicemail — Jane Doe." */
  result: string;
  /** "Next call attempt (2) due Wed, Dec 2, 9:00 AM Jane's time (Europe/Paris) · 2:00 AM yours." or "Lead closed: converted." */
  detail?: string;
}

/** The due time is the API's words for it (in the rep's language): whose zone is whose is known there (the rep's own, the lead's). */
export function outcomeText(logged: OutcomeLogged): OutcomeText {
  const result = text("outcome.logged", { outcome: outcomeLabel(logged.outcome), name: logged.lead.name });
  if (logged.next) return { result, detail: text("outcome.next", { attempt: logged.next.attempt, due: logged.next.dueText }) };
  if (logged.closed) return { result, detail: text("outcome.closed", { reason: outcomeLabel(logged.closed) }) };
  return { result };
}

/** Before anything is logged: what the link would record, for whom, and the button's words. */
export function outcomeQuestion(view: OutcomeView): { heading: string; result: string; button: string } {
  const outcome = outcomeLabel(view.outcome);
  const values = { name: view.lead.name, outcome };
  return {
    heading: text("outcome.questionHeading"),
    result: view.attempt !== undefined ? text("outcome.questionAttempt", { ...values, attempt: view.attempt }) : text("outcome.question", values),
    button: text("outcome.button", { outcome }),
  };
}

/** The undo window after the button: what will be logged, and when, and that nothing is logged yet. */
export function pendingText(view: OutcomeView, secondsLeft: number): { result: string; undo: string } {
  return {
    result: text("outcome.pending", { outcome: outcomeLabel(view.outcome), name: view.lead.name, seconds: secondsLeft }),
    undo: text("outcome.undoCountdown", { seconds: secondsLeft }),
  };
}

/** After Undo: nothing was sent. */
export function undoneText(view: OutcomeView): string {
  return text("outcome.undone", { name: view.lead.name });
}

/** A second visit: what was logged, and when (in the reader's zone unless `timeZone` is given). */
export function alreadyLoggedText(view: OutcomeView, locale = "en-US", timeZone?: string): string | undefined {
  if (!view.recorded) return undefined;
  const when = shortDateTime(view.recorded.at, locale, timeZone);
  const values = { outcome: outcomeLabel(view.recorded.outcome), name: view.lead.name };
  return when ? text("outcome.alreadyLoggedAt", { ...values, when }) : text("outcome.alreadyLogged", values);
}

/**
 * A refusal only the outcome page explains: the follow-up was moved to another rep, or handed to the team's
 * pool (a rep takes it in the console). Other refusals read as every link page's (link-messages.ts).
 */
export function outcomeRefusal(error: ApiError): Notice | undefined {
  if (error.code === "call_back_moved") return { heading: text("outcome.notLoggedHeading"), message: text("outcome.moved"), tone: "problem" };
  if (error.code === "call_back_in_pool") return { heading: text("outcome.notLoggedHeading"), message: text("outcome.inPool"), tone: "problem" };
  return undefined;
}
