// Web: the colleagues a webinar registrant brings along (the registration form and the manage page's
// "Add colleagues"): checks the typed addresses before a round trip and reads which one an API error
// names ("colleagues[2]"), so the message lands next to that input.

import { looksLikeEmail } from "./contact-form";

/** Colleague inputs offered before a session (which names its own limit) is chosen. */
export const MAX_COLLEAGUES = 10;

export interface ColleagueProblem {
  /** Position of the input, from 0. */
  index: number;
  message: string;
}

export interface CheckedColleagues {
  /** The addresses to send: trimmed, each once, empty inputs left out. */
  emails: string[];
  problems: ColleagueProblem[];
}

/** `ownEmail`: the registrant's (or, on the manage page, every current member's) addresses. */
export function checkColleagues(values: readonly string[], ownEmails: readonly string[] = []): CheckedColleagues {
  const taken = new Set(ownEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));
  const seen = new Set<string>();
  const emails: string[] = [];
  const problems: ColleagueProblem[] = [];
  values.forEach((value, index) => {
    const email = value.trim();
    if (email === "") return;
    const key = email.toLowerCase();
    if (!looksLikeEmail(email)) problems.push({ index, message: "Please enter a valid e-mail address, like name@company.com." });
    else if (taken.has(key)) problems.push({ index, message: "This person is already registered here." });
    else if (seen.has(key)) problems.push({ index, message: "This address is already in the list." });
    else {
      seen.add(key);
      emails.push(email);
    }
  });
  return { emails, problems };
}

/**
 * The input an API field path points at: "colleagues[2]" (or "colleagues.2") → 2. `sent` maps the index in
 * the request back to the input's position, since empty inputs are not sent.
 */
export function colleagueIndexOf(field: string | undefined, sent: readonly number[]): number | undefined {
  const match = /^colleagues(?:\[(\d+)\]|\.(\d+))/.exec(field ?? "");
  if (!match) return undefined;
  const index = Number(match[1] ?? match[2]);
  return sent[index];
}

/** Positions of the non-empty inputs, in order: what each sent address's index stands for. */
export function sentPositions(values: readonly string[]): number[] {
  return values.flatMap((value, index) => (value.trim() === "" ? [] : [index]));
}

/** "Up to 10 colleagues…" under the inputs: how many more can be added. */
export function colleaguesHint(count: number, max: number): string {
  if (max <= 0) return "No more colleagues can be added to this registration.";
  const left = Math.max(0, max - count);
  if (left === 0) return `That's the most: ${max} colleague${max === 1 ? "" : "s"}. Each gets their own invitation.`;
  return count === 0
    ? `Invite up to ${max} colleague${max === 1 ? "" : "s"}. Each gets their own invitation.`
    : `You can add ${left} more. Each colleague gets their own invitation.`;
}
