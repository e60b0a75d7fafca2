// Storage: the key of every item kind in the one table, written down once. See DESIGN.md "Data".

const iso = (instant: number) => new Date(instant).toISOString();

/** Where a rep's items live: lock cells, schedule, presence (the feed refresh's grant is held to it). */
export const REP_KEY_PREFIX = "REP#";

export const itemKeys = {
  lead: (leadId: string) => ({ pk: `LEAD#${leadId}`, sk: "LEAD" }),
  /** Which lead an e-mail address (lower-cased) is: one person, one lead. */
  person: (email: string) => ({ pk: `PERSON#${email.trim().toLowerCase()}`, sk: "PERSON" }),
  /** The lead's append-only log; sorts by time. */
  leadEvent: (leadId: string, at: string, kind: string, ref = "") => ({ pk: `LEAD#${leadId}`, sk: `EVENT#${at}#${kind}#${ref}` }),
  booking: (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: "BOOKING" }),
  /** A rep's 5-minute lock cell; attribute_not_exists on it is what makes double booking impossible. */
  slotLock: (repId: string, cell: number) => ({ pk: `REP#${repId}`, sk: `SLOT#${iso(cell)}` }),
  /** A rep's demos, demos per day, last assignment and calendar-feed copy: what availability and fairness read. */
  repSchedule: (repId: string) => ({ pk: `REP#${repId}`, sk: "SCHEDULE" }),
  idempotency: (key: string) => ({ pk: `IDEMP#${key}`, sk: "IDEMP" }),
  /** A webinar session's seat counter and state (created by its first registration). */
  session: (sessionId: string) => ({ pk: `WEBINAR#${sessionId}`, sk: "SESSION" }),
  /** One per address per session, confirmed or waitlisted: one address, one seat. */
  seat: (sessionId: string, email: string) => ({ pk: `WEBINAR#${sessionId}`, sk: `SEAT#${email.toLowerCase()}` }),
  registration: (registrationId: string) => ({ pk: `REGISTRATION#${registrationId}`, sk: "REGISTRATION" }),
  /** A one-time sign-in link, by the SHA-256 of its token. */
  signInLink: (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: "SIGNIN" }),
  /** A console session, by the SHA-256 of the cookie's id. */
  consoleSession: (idHash: string) => ({ pk: `CONSOLE_SESSION#${idHash}`, sk: "CONSOLE_SESSION" }),
  /** Sign-in e-mails sent to one address in the last hour. */
  signInMails: (email: string) => ({ pk: `SIGNINMAIL#${email.toLowerCase()}`, sk: "SIGNINMAIL" }),
  /** Whether a rep takes instant calls ("call me now"), from their last heartbeat; TTL-deleted once lapsed. */
  presence: (repId: string) => ({ pk: `REP#${repId}`, sk: "PRESENCE" }),
  /** A "call me now" request: whom it rang, whether it was claimed. */
  instantCall: (callId: string) => ({ pk: `INSTANT#${callId}`, sk: "INSTANT" }),
  /** The instant call ringing for a lead now: one at a time per person. */
  instantGuard: (leadId: string) => ({ pk: `LEAD#${leadId}`, sk: "INSTANT_GUARD" }),
  /** A proof-of-work solution already used (by the SHA-256 of its challenge's signature); TTL-deleted once the challenge expired. */
  usedSolution: (solutionId: string) => ({ pk: `SOLUTION#${solutionId}`, sk: "SOLUTION" }),
  /** What Liveline keeps per phone number for texts (its opt-out, the lead last texted), by the number's SHA-256. */
  textNumber: (phoneHash: string) => ({ pk: `TEXTNUMBER#sha256:${phoneHash}`, sk: "TEXTNUMBER" }),
  /** Locally only: a text the sink took (`GET /api/_local/texts`), sorted by time. */
  localText: (at: string, id: string) => ({ pk: "LOCALTEXT", sk: `${at}#${id}` }),
  /** A rate limit's counter for one window, e.g. "ip#203.0.113.7#<window start>"; TTL-deleted after its window. */
  rateCounter: (key: string) => ({ pk: `RATE#${key}`, sk: "RATE" }),
  /** An address (its SHA-256) that answered one of our e-mails: the mail budget no longer holds it back. */
  answered: (addressKey: string) => ({ pk: `ANSWERED#${addressKey}`, sk: "ANSWERED" }),
  /** The bookings of an address (its SHA-256) not yet over: abuse protection's limit per address. */
  liveBookings: (addressKey: string) => ({ pk: `LIVE#${addressKey}`, sk: "LIVE" }),
  /** When we last sent an address (its SHA-256) e-mail: the mail budget's rolling 24 hours; TTL-deleted after them. */
  mailsSent: (addressKey: string) => ({ pk: `MAILS#${addressKey}`, sk: "MAILS" }),
  /** Insights counters of one rollup (the team, a rep, an offering, …) by UTC quarter hour: one Query reads a range. */
  insightsCounter: (scope: string, bucket: string) => ({ pk: `INSIGHTS#${scope}`, sk: bucket }),
  /** What the aggregator last added to the counters for this lead (kept apart from the lead: an erase must not lose it). */
  leadInsights: (leadId: string) => ({ pk: `INSIGHTS_LEAD#${leadId}`, sk: "INSIGHTS_LEAD" }),
  /** A webhook endpoint's deliveries, in the order of their changes: one Query reads the latest. */
  webhookDelivery: (endpointId: string, createdAt: string, deliveryId: string) => ({ pk: `WEBHOOK#${endpointId}`, sk: `DELIVERY#${createdAt}#${deliveryId}` }),
  /** An endpoint that answered 410 Gone (at its URL then). */
  webhookEndpoint: (endpointId: string) => ({ pk: `WEBHOOK#${endpointId}`, sk: "ENDPOINT" }),
  /** A short link's code (core/messages/short-links.ts): the long, signed link it stands for; TTL-deleted with its token. */
  shortLink: (code: string) => ({ pk: `LINK#${code}`, sk: "LINK" }),
  /** The settings document in force (its version, the document itself): the one item a function's settings cache reads. */
  settingsHead: () => ({ pk: SETTINGS_PARTITION, sk: "HEAD" }),
  /** One version of the settings document, with who saved it, when, and what changed; sorts by version. */
  settingsVersion: (version: number) => ({ pk: SETTINGS_PARTITION, sk: `VERSION#${String(version).padStart(10, "0")}` }),
};

/** Where the settings document's head and versions live (the history is one Query of it). */
export const SETTINGS_PARTITION = "SETTINGS";
/** The sort key prefix of the settings' versions. */
export const SETTINGS_VERSION_PREFIX = "VERSION#";


/** Attribute names inside a schedule item: the string set of demos, and one counter per local day. */
export const scheduleAttribute = {
  demos: "demos",
  day: (date: string) => `d_${date}`,
};
