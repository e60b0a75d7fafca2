// Web: reads the signed link a lifecycle page was opened with (?booking, ?registration, ?rating, ?session,
// and the token in the fragment, #token=…, which browsers never send to a server; links mailed before it
// moved there carry ?token=, read too). A link cut short by a mail client reads as missing, so the page can
// say "incomplete" instead of asking the API.

/** The manage page's link: which booking, and the token that grants access to it. */
export interface ManageLink {
  bookingId: string;
  token: string;
}

/** Tokens are base64url payload "." signature; the API takes 10 to 2000 characters. */
const TOKEN = /^[A-Za-z0-9_.~-]{10,2000}$/;
/** The API's record ids. */
const RECORD_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The header the pages send a link's token in (the API also reads ?token=, for links a mail program calls). */
export const LINK_TOKEN_HEADER = "Liveline-Token";

/** A parameter of a query ("?a=1") or a fragment ("#token=…"). */
function param(part: string, name: string): string | undefined {
  const value = new URLSearchParams(part.replace(/^#/, "")).get(name)?.trim();
  return value === "" ? undefined : value;
}

/** `#token=…` (or `?token=…` of an older link), when it looks like a whole token. */
export function tokenFrom(search: string, hash = ""): string | undefined {
  const token = param(hash, "token") ?? param(search, "token");
  return token !== undefined && TOKEN.test(token) ? token : undefined;
}

/**
 * The page's address with a query token moved into the fragment, for history.replaceState: the token
 * then no longer leaves the browser in a reload or a Referer. Undefined when there is nothing to move.
 */
export function tokenOutOfQuery(href: string): string | undefined {
  const url = new URL(href);
  const token = url.searchParams.get("token");
  if (token === null) return undefined;
  url.searchParams.delete("token");
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  if (!fragment.has("token")) fragment.set("token", token);
  return `${url.pathname}${url.search}#${fragment}`;
}

/**
 * On a page opened by an older ?token= link: the same address with the token in the fragment instead. And
 * since following another link that differs only in its fragment does not load the page again, a changed
 * fragment (another e-mail's link opened in this tab) reloads it, so it never acts on the old token.
 */
export function moveQueryTokenToFragment(page: Pick<Location, "href" | "reload"> = location, pageHistory: Pick<History, "replaceState"> = history, events: Pick<Window, "addEventListener"> = window): void {
  const href = tokenOutOfQuery(page.href);
  if (href) pageHistory.replaceState(null, "", href);
  events.addEventListener("hashchange", () => page.reload());
}

/** `?booking=…#token=…` of a manage link, when both are there and well-formed. */
export function manageLinkFrom(search: string, hash = ""): ManageLink | undefined {
  const bookingId = param(search, "booking");
  const token = tokenFrom(search, hash);
  return bookingId !== undefined && RECORD_ID.test(bookingId) && token ? { bookingId, token } : undefined;
}

/** The registration page's link (registration.html?registration#token, in a webinar registrant's e-mails). */
export interface RegistrationLink {
  registrationId: string;
  token: string;
}

/** `?registration=…#token=…`, when both are there and well-formed. */
export function registrationLinkFrom(search: string, hash = ""): RegistrationLink | undefined {
  const registrationId = param(search, "registration");
  const token = tokenFrom(search, hash);
  return registrationId !== undefined && RECORD_ID.test(registrationId) && token ? { registrationId, token } : undefined;
}

/** Webinar session ids: "weekly-webinar-20261208T1600Z". */
const SESSION_ID = /^[A-Za-z0-9-]{1,100}$/;

/** `?session=…` (the webinars page and the host page open on that session), when it looks like an id. */
export function sessionIdFrom(search: string): string | undefined {
  const id = param(search, "session");
  return id !== undefined && SESSION_ID.test(id) ? id : undefined;
}

/** `?rating=1…5` of a feedback link (the star the person clicked in the e-mail); anything else is no choice. */
export function ratingFrom(search: string): number | undefined {
  const rating = param(search, "rating");
  return rating !== undefined && /^[1-5]$/.test(rating) ? Number(rating) : undefined;
}

/**
 * Where the page should say it is after a change gave the booking a new manage link: the new link's query
 * and fragment on the current page, so history.replaceState stays same-origin even when the API's public URL differs
 * (another host name in local development). Undefined when `manageUrl` is not a usable manage link.
 */
export function replacementLocation(manageUrl: string, currentHref: string): { link: ManageLink; href: string } | undefined {
  let url: URL;
  try {
    url = new URL(manageUrl, currentHref);
  } catch {
    return undefined;
  }
  const link = manageLinkFrom(url.search, url.hash);
  if (!link) return undefined;
  const current = new URL(currentHref);
  return { link, href: `${current.pathname}?${new URLSearchParams({ booking: link.bookingId })}#${new URLSearchParams({ token: link.token })}` };
}
