// Web: reads the signed link a lifecycle page was opened with (?booking, ?registration, ?token, ?rating,
// ?session). A link cut
// short by a mail client reads as missing, so the page can say "incomplete" instead of asking the API.

/** The manage page's link: which booking, and the token that grants access to it. */
export interface ManageLink {
  bookingId: string;
  token: string;
}

/** Tokens are base64url payload "." signature; the API takes 10 to 2000 characters. */
const TOKEN = /^[A-Za-z0-9_.~-]{10,2000}$/;
/** The API's record ids. */
const RECORD_ID = /^[A-Za-z0-9-]{1,64}$/;

function param(search: string, name: string): string | undefined {
  const value = new URLSearchParams(search).get(name)?.trim();
  return value === "" ? undefined : value;
}

/** `?token=…`, when it looks like a whole token. */
export function tokenFrom(search: string): string | undefined {
  const token = param(search, "token");
  return token !== undefined && TOKEN.test(token) ? token : undefined;
}

/** `?booking=…&token=…` of a manage link, when both are there and well-formed. */
export function manageLinkFrom(search: string): ManageLink | undefined {
  const bookingId = param(search, "booking");
  const token = tokenFrom(search);
  return bookingId !== undefined && RECORD_ID.test(bookingId) && token ? { bookingId, token } : undefined;
}

/** The registration page's link (registration.html?registration&token, in a webinar registrant's e-mails). */
export interface RegistrationLink {
  registrationId: string;
  token: string;
}

/** `?registration=…&token=…`, when both are there and well-formed. */
export function registrationLinkFrom(search: string): RegistrationLink | undefined {
  const registrationId = param(search, "registration");
  const token = tokenFrom(search);
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
 * on the current page, so history.replaceState stays same-origin even when the API's public URL differs
 * (another host name in local development). Undefined when `manageUrl` is not a usable manage link.
 */
export function replacementLocation(manageUrl: string, currentHref: string): { link: ManageLink; href: string } | undefined {
  let url: URL;
  try {
    url = new URL(manageUrl, currentHref);
  } catch {
    return undefined;
  }
  const link = manageLinkFrom(url.search);
  if (!link) return undefined;
  const current = new URL(currentHref);
  const query = new URLSearchParams({ booking: link.bookingId, token: link.token });
  return { link, href: `${current.pathname}?${query}` };
}
