// Core: what an inbound text asks for. STOP and the carriers' opt-out keywords (CTIA, and what AWS End
// User Messaging honours by default) opt the number out of every later text; HELP asks who is texting.
// Only the whole message counts ("stop" yes, "please stop calling" is a reply for the rep), trimmed and
// in any case.

export const STOP_KEYWORDS: readonly string[] = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
export const HELP_KEYWORDS: readonly string[] = ["HELP"];

export type InboundIntent = "stop" | "help" | "reply";

export function inboundIntent(body: string): InboundIntent {
  // Trailing punctuation people type ("Stop.", "HELP!") does not change the word.
  const word = body.trim().replace(/[.!?]+$/, "").trim().toUpperCase();
  if (STOP_KEYWORDS.includes(word)) return "stop";
  if (HELP_KEYWORDS.includes(word)) return "help";
  return "reply";
}
