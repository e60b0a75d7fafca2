// Web: the outcome page's words for what a one-click outcome link logged: "Logged: voicemail — Jane Doe."
// and what happens next (the next call attempt, naming the lead's zone and the rep's, or the lead closed).

import type { OutcomeLogged, OutcomeView } from "../api/api-types";
import { shortDateTime } from "../booking/zoned-time";

const LABELS: Readonly<Record<string, string>> = {
  attended: "attended",
  no_show: "no-show",
  reached: "reached",
  voicemail: "voicemail",
  no_answer: "no answer",
  wrong_number: "wrong number",
  not_interested: "not interested",
  converted: "converted",
  wants_another_demo: "wants another demo",
  // Why a lead was closed (the `closed` member) — besides the outcomes above.
  unreachable: "unreachable (no call attempts left)",
};

/** "no answer" for "no_answer"; an outcome this page does not know yet still reads as words. */
export function outcomeLabel(code: string): string {
  return LABELS[code] ?? code.replace(/_/g, " ");
}

export interface OutcomeText {
  /** "Logged: voicemail — Jane Doe." */
  result: string;
  /** "Next call attempt (2) due Wed, Dec 2, 9:00 AM Jane's time (Europe/Paris) · 2:00 AM yours." or "Lead closed: converted." */
  detail?: string;
}

/** The due time is the API's words for it: whose zone is whose is known there (the rep's own, the lead's). */
export function outcomeText(logged: OutcomeLogged): OutcomeText {
  const result = `Logged: ${outcomeLabel(logged.outcome)} — ${logged.lead.name}.`;
  if (logged.next) return { result, detail: `Next call attempt (${logged.next.attempt}) due ${logged.next.dueText}.` };
  if (logged.closed) return { result, detail: `Lead closed: ${outcomeLabel(logged.closed)}.` };
  return { result };
}

/** Before anything is logged: what the link would record, for whom, and the button's words. */
export function outcomeQuestion(view: OutcomeView): { heading: string; result: string; button: string } {
  const attempt = view.attempt !== undefined ? ` (call attempt ${view.attempt})` : "";
  return {
    heading: "Log this outcome?",
    result: `${view.lead.name}${attempt}: ${outcomeLabel(view.outcome)}. Nothing is logged until you press the button.`,
    button: `Log “${outcomeLabel(view.outcome)}”`,
  };
}

/** The undo window after the button: what will be logged, and when, and that nothing is logged yet. */
export function pendingText(view: OutcomeView, secondsLeft: number): { result: string; undo: string } {
  return {
    result: `${outcomeLabel(view.outcome)} for ${view.lead.name} will be logged in ${secondsLeft} s. Nothing is logged yet.`,
    undo: `Undo (${secondsLeft} s)`,
  };
}

/** After Undo: nothing was sent. */
export function undoneText(view: OutcomeView): string {
  return `Undone: nothing was logged for ${view.lead.name}.`;
}

/** A second visit: what was logged, and when (in the reader's zone unless `timeZone` is given). */
export function alreadyLoggedText(view: OutcomeView, locale = "en-US", timeZone?: string): string | undefined {
  if (!view.recorded) return undefined;
  const when = shortDateTime(view.recorded.at, locale, timeZone);
  return `Already logged: ${outcomeLabel(view.recorded.outcome)} — ${view.lead.name}${when ? `, ${when}` : ""}. Nothing changed.`;
}
