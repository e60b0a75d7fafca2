// Use case: passwordless sign-in to the console — a rep asks for a link by e-mail, the link's page trades
// its one-time token for a session, the session is checked on every request and ended by signing out.
// Whoever asks gets the same answer: nothing here tells a caller whether an address belongs to a rep.

import { createHash, randomBytes } from "node:crypto";
import type { RepConfig } from "../../config/liveline-config";
import { Forbidden } from "../../core/errors";
import { admitSignInMail, linkExpiresAt, sessionAlive, sessionEndsAt, sessionNeedsTouch } from "../../core/access/sign-in";
import { composeSignInEmail, signInUrl } from "../../core/access/sign-in-message";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** 256 random bits, URL-safe: the link's token and the cookie's session id. */
const newSecret = () => randomBytes(32).toString("base64url");

export class SignInLinkInvalid extends Forbidden {
  constructor() {
    super("This sign-in link is not valid, was used already or has expired. Ask for a new one.");
  }
}

/** Mails a one-time link to a configured rep (at most 5 an hour per address); anyone else gets nothing. */
export async function requestSignIn(deps: UseCaseDependencies, email: string): Promise<void> {
  const rep = deps.catalogue.activeReps().find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
  if (!rep) return;
  const now = deps.clock.now();
  if (!(await deps.signIn.countMail(rep.email, (sentAt) => admitSignInMail(sentAt, now.getTime())))) {
    deps.log("warn", "sign-in e-mail limit reached", { repId: rep.id });
    return;
  }
  const token = newSecret();
  await deps.signIn.saveLink({ tokenHash: hash(token), repId: rep.id, expiresAt: linkExpiresAt(now.getTime()) });
  const { sender } = deps.catalogue.config;
  const message = composeSignInEmail({ ...messageContext(deps, now), rep, signInUrl: signInUrl(deps.publicUrl, token) });
  try {
    await deps.mailer.send({ from: sender.email, to: message.to, raw: message.raw });
    deps.log("info", "sign-in link sent", { repId: rep.id });
  } catch (error) {
    // The answer stays the same (a failure only a rep's address could cause would tell who is a rep);
    // the rep asks again.
    deps.log("error", "sign-in e-mail failed", { repId: rep.id, error: String(error) });
  }
}

export interface StartedSession {
  sessionId: string;
  rep: RepConfig;
}

/** Uses the link up (whatever happens next) and opens a session for its rep. */
export async function startSession(deps: UseCaseDependencies, token: string): Promise<StartedSession> {
  const link = await deps.signIn.takeLink(hash(token));
  const now = deps.clock.now().getTime();
  const rep = link && deps.catalogue.activeReps().find((candidate) => candidate.id === link.repId);
  if (!link || link.expiresAt <= now || !rep) throw new SignInLinkInvalid();
  const sessionId = newSecret();
  const session = { idHash: hash(sessionId), repId: rep.id, createdAt: now, lastSeenAt: now };
  await deps.signIn.saveSession(session, sessionEndsAt(session));
  deps.log("info", "console session started", { repId: rep.id });
  return { sessionId, rep };
}

/** The rep whose live session this is; undefined for an unknown, ended or expired one. */
export async function sessionRep(deps: UseCaseDependencies, sessionId: string): Promise<RepConfig | undefined> {
  const session = await deps.signIn.getSession(hash(sessionId));
  const now = deps.clock.now().getTime();
  if (!session || !sessionAlive(session, now)) return undefined;
  const rep = deps.catalogue.activeReps().find((candidate) => candidate.id === session.repId);
  if (!rep) return undefined;
  if (sessionNeedsTouch(session, now)) await deps.signIn.touchSession(session.idHash, now, sessionEndsAt({ ...session, lastSeenAt: now }));
  return rep;
}

export async function endSession(deps: UseCaseDependencies, sessionId: string): Promise<void> {
  await deps.signIn.deleteSession(hash(sessionId));
}
