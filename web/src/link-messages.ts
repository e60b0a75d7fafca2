// Web: what the lifecycle pages and the webinar registration page say when the API refuses a signed link —
// expired or replaced (403), nothing behind it (404), already done (409) — in words for the person holding it.

import type { ApiError } from "./api-client";

export type LinkPage = "manage" | "outcome" | "feedback" | "unsubscribe" | "registration";

export interface Notice {
  heading: string;
  message: string;
  /** "done": what the link is for already happened, nothing to worry about; "problem": the link cannot help. */
  tone: "done" | "problem";
}

export const INCOMPLETE_LINK: Notice = {
  heading: "This link is incomplete",
  message: "Part of the link seems to be missing. Please open it again from your e-mail, or copy the whole address into your browser.",
  tone: "problem",
};

export const EXPIRED_LINK: Readonly<Record<LinkPage, string>> = {
  manage: "This link has expired or was replaced by a newer one — use the link in your most recent e-mail from us.",
  outcome: "This link has expired or is not valid, so nothing was logged.",
  feedback: "This feedback link has expired or is not valid, so we could not take your rating. You are welcome to reply to our e-mail instead.",
  unsubscribe: "This link has expired or is not valid. Please use the unsubscribe link in our most recent e-mail, or reply to it and we will stop the e-mails.",
  registration: "This link has expired or is not valid — use the link in your most recent e-mail about this webinar.",
};

const NOT_FOUND: Readonly<Record<LinkPage, string>> = {
  manage: "We could not find this booking.",
  outcome: "We could not find this follow-up, so nothing was logged.",
  feedback: "We could not find the demo this link is for.",
  unsubscribe: "We could not find the address this link is for.",
  registration: "We could not find this registration.",
};

/** A second click on a one-time link: the first one counted. */
const ALREADY_DONE: Readonly<Partial<Record<LinkPage, Notice>>> = {
  outcome: { heading: "Nothing to do", message: "Already logged. Nothing changed.", tone: "done" },
  feedback: { heading: "Thank you", message: "We already have your feedback — thank you.", tone: "done" },
};

/** The notice for a 4xx answer to a signed-link request (a 5xx or no answer is the page's "Try again"). */
export function rejectionNotice(page: LinkPage, status: number, error: ApiError): Notice {
  if (status === 403) return { heading: "This link doesn't work", message: EXPIRED_LINK[page], tone: "problem" };
  if (status === 404) return { heading: "Not found", message: NOT_FOUND[page], tone: "problem" };
  const already = ALREADY_DONE[page];
  if (status === 409 && already) return already;
  return { heading: "Something went wrong", message: apiSentence(error.message), tone: "problem" };
}

/**
 * An API message as a sentence. The server writes fragments after a field path ("must be 1 to 5"); with
 * `label` they read "Rating must be 1 to 5.", without it they are only capitalised and closed.
 */
export function apiSentence(message: string, label?: string): string {
  let text = message.trim() || "Something went wrong.";
  if (label && /^[a-z]/.test(text)) text = `${label} ${text}`;
  else text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
