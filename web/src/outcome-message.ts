// Web: the outcome page's words for what a one-click outcome link logged: "Logged: voicemail — Jane Doe."
// and what happens next (the next call attempt, naming the lead's zone and the rep's, or the lead closed).

import type { OutcomeLogged } from "./api-types";

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
