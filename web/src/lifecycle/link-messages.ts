// Web: what the lifecycle pages and the webinar registration page say when the API refuses a signed link —
// expired or replaced (403), nothing behind it (404), already done (409) — in words for the person holding it,
// in the page's language (page-text.ts).

import type { ApiError } from "../api/api-client";
import { text } from "../shared/page-text";
import "../page-text/lifecycle";

export type LinkPage = "manage" | "outcome" | "feedback" | "unsubscribe" | "registration";

export interface Notice {
  heading: string;
  message: string;
  /** "done": what the link is for already happened, nothing to worry about; "problem": the link cannot help. */
  tone: "done" | "problem";
}

/** The page opened with a link cut short (no token): said before any request. */
export function incompleteLink(): Notice {
  return { heading: text("link.incompleteHeading"), message: text("link.incomplete"), tone: "problem" };
}

/** What a 403 says on each page: the link expired or was replaced. */
export function expiredLinkMessage(page: LinkPage): string {
  return text(`link.expired.${page}`);
}

/** A second click on a one-time link: the first one counted. */
function alreadyDone(page: LinkPage): Notice | undefined {
  if (page === "outcome") return { heading: text("link.outcomeDoneHeading"), message: text("link.outcomeDone"), tone: "done" };
  if (page === "feedback") return { heading: text("feedback.thanksHeading"), message: text("link.feedbackDone"), tone: "done" };
  return undefined;
}

/** The notice for a 4xx answer to a signed-link request (a 5xx or no answer is the page's "Try again"). */
export function rejectionNotice(page: LinkPage, status: number, error: ApiError): Notice {
  if (status === 403) return { heading: text("link.expiredHeading"), message: expiredLinkMessage(page), tone: "problem" };
  if (status === 404) return { heading: text("link.notFoundHeading"), message: text(`link.notFound.${page}`), tone: "problem" };
  const already = alreadyDone(page);
  if (status === 409 && already) return already;
  return { heading: text("link.errorHeading"), message: apiSentence(error.message), tone: "problem" };
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
