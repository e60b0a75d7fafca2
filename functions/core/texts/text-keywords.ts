// Core: what an inbound text asks for. STOP and the carriers' opt-out keywords (CTIA's, the ones AWS End User
// Messaging opts a number out on by default, so our record agrees with the account's opt-out list, and REVOKE
// and OPT OUT, words people use for the same) opt the number out of every later text; START (and UNSTOP, the
// carriers' opt-in keyword) opts it back in; HELP asks who is texting.
// Only the whole message counts ("stop" yes, "please stop calling" is a reply for the rep), trimmed and
// in any case.

export const STOP_KEYWORDS: readonly string[] = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT-OUT", "OPT OUT", "REMOVE", "REVOKE", "ARRET", "TD"];
export const START_KEYWORDS: readonly string[] = ["START", "UNSTOP"];
export const HELP_KEYWORDS: readonly string[] = ["HELP"];

export type InboundIntent = "stop" | "start" | "help" | "reply";

export function inboundIntent(body: string): InboundIntent {
  // Trailing punctuation people type ("Stop.", "HELP!"), accents ("Arrêt") and spacing ("opt  out") do not
  // change the word.
  const word = body
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .replace(/[.!?]+$/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
  if (STOP_KEYWORDS.includes(word)) return "stop";
  if (START_KEYWORDS.includes(word)) return "start";
  if (HELP_KEYWORDS.includes(word)) return "help";
  return "reply";
}
