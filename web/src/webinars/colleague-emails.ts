// Web: the colleagues a webinar registrant brings along (the registration form and the manage page's
// "Add colleagues"; the team demo's on the booking page): checks the typed addresses (and the optional names)
// before a round trip and reads which one an API error names ("colleagues[2]", "colleagues[2].name"), so
// the message lands next to that input.

import { looksLikeEmail } from "../booking/contact-form";
import { text } from "../shared/page-text";
import "../page-text/checks";

/** Colleague inputs offered before a session (which names its own limit) is chosen. */
export const MAX_COLLEAGUES = 10;

/** One colleague's inputs as typed: the work e-mail and the name to greet them by ("" when not asked or not given). */
export interface ColleagueEntry {
  email: string;
  name: string;
}

/** Which of a colleague's inputs a problem is about. */
export type ColleaguePart = "email" | "name";

export interface ColleagueProblem {
  /** Position of the colleague's row, from 0. */
  index: number;
  part: ColleaguePart;
  message: string;
}

export interface CheckedColleagues {
  /** The addresses to send: trimmed, each once, empty rows left out. */
  emails: string[];
  /** The same colleagues, each with the name given for them. */
  colleagues: { email: string; name?: string }[];
  problems: ColleagueProblem[];
}

/** `ownEmail`: the registrant's (or, on the manage page, every current member's) addresses. */
export function checkColleagues(values: readonly ColleagueEntry[], ownEmails: readonly string[] = []): CheckedColleagues {
  const taken = new Set(ownEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));
  const seen = new Set<string>();
  const colleagues: { email: string; name?: string }[] = [];
  const problems: ColleagueProblem[] = [];
  values.forEach((value, index) => {
    const email = value.email.trim();
    const name = value.name.trim();
    if (email === "") {
      if (name !== "") problems.push({ index, part: "email", message: text("check.colleagueEmailMissing", { name }) });
      return;
    }
    const key = email.toLowerCase();
    if (!looksLikeEmail(email)) problems.push({ index, part: "email", message: text("check.emailInvalid") });
    else if (taken.has(key)) problems.push({ index, part: "email", message: text("check.colleagueRegistered") });
    else if (seen.has(key)) problems.push({ index, part: "email", message: text("check.colleagueListed") });
    else {
      seen.add(key);
      colleagues.push({ email, ...(name ? { name } : {}) });
    }
  });
  return { emails: colleagues.map((colleague) => colleague.email), colleagues, problems };
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

/** Which input of the colleague an API field path points at: "colleagues[2].name" → the name, else the e-mail. */
export function colleaguePartOf(field: string | undefined): ColleaguePart {
  return /^colleagues(?:\[\d+\]|\.\d+)\.name$/.test(field ?? "") ? "name" : "email";
}

/** Positions of the rows with an address, in order: what each sent colleague's index stands for. */
export function sentPositions(values: readonly ColleagueEntry[]): number[] {
  return values.flatMap((value, index) => (value.email.trim() === "" ? [] : [index]));
}

/** "Up to 10 colleagues…" under the inputs: how many more can be added. */
export function colleaguesHint(count: number, max: number): string {
  if (max <= 0) return text("colleagues.none");
  const left = Math.max(0, max - count);
  if (left === 0) return text(max === 1 ? "colleagues.most.one" : "colleagues.most.other", { max });
  return count === 0 ? text(max === 1 ? "colleagues.upTo.one" : "colleagues.upTo.other", { max }) : text("colleagues.more", { left });
}
