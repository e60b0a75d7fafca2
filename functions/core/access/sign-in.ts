// Core: the rules of passwordless sign-in — how long a one-time link and a session live, when a session
// counts as used recently enough, and how many sign-in e-mails one address may get in an hour. Pure: the
// store keeps the items, the use case (use-cases/access/sign-in.ts) applies these rules with `now` as an argument.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_IDLE_MS = 12 * HOUR;
export const SESSION_ABSOLUTE_MS = 7 * 24 * HOUR;
/** A session's last use is written at most this often: a rep's queue refresh must not write on every poll. */
export const SESSION_TOUCH_MS = 5 * MINUTE;
export const SIGN_IN_MAILS_PER_HOUR = 5;

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
}

/** When the session ends if it is not used again: the idle limit, capped by the absolute one. */
export function sessionEndsAt(session: SessionTimes): number {
  return Math.min(session.lastSeenAt + SESSION_IDLE_MS, session.createdAt + SESSION_ABSOLUTE_MS);
}

export function sessionAlive(session: SessionTimes, now: number): boolean {
  return now < sessionEndsAt(session);
}

export function sessionNeedsTouch(session: SessionTimes, now: number): boolean {
  return now - session.lastSeenAt >= SESSION_TOUCH_MS;
}

export function linkExpiresAt(now: number): number {
  return now + SIGN_IN_LINK_MINUTES * MINUTE;
}

/** The sends that still count against the hourly limit; undefined when one more is not allowed. */
export function admitSignInMail(sentAt: readonly number[], now: number): number[] | undefined {
  const recent = sentAt.filter((at) => at > now - HOUR && at <= now);
  if (recent.length >= SIGN_IN_MAILS_PER_HOUR) return undefined;
  return [...recent, now];
}
