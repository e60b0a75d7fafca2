// Web: the outcome page's words for what a one-click outcome link logged: "Logged: voicemail — Jane Doe."
// and what happens next (the next call attempt, in the rep's own zone, or the lead closed).

import type { OutcomeLogged } from "./api-types";
import { shortDateTime } from "./zoned-time";

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
  /** "Next call attempt (2) due Tue, Dec 1, 11:00 AM." or "Lead closed: converted." */
  detail?: string;
}

/** `timeZone` defaults to the reader's: the rep reads the due time in their own zone. */
export function outcomeText(logged: OutcomeLogged, locale = "en-US", timeZone?: string): OutcomeText {
  const result = `Logged: ${outcomeLabel(logged.outcome)} — ${logged.lead.name}.`;
  if (logged.next) {
    const due = shortDateTime(logged.next.dueAt, locale, timeZone);
    return { result, detail: `Next call attempt (${logged.next.attempt}) due ${due || "soon"}.` };
  }
  if (logged.closed) return { result, detail: `Lead closed: ${outcomeLabel(logged.closed)}.` };
  return { result };
}
