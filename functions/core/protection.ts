// Core: the pure parts of abuse protection — the challenge's HMAC keys derived from the signing key ring, and
// the page stamp: the signed moment a page first asked for a challenge, which every later challenge of that
// page carries on, so a write tells how long after the page it was sent (a form sent too fast is a bot's).

import { createHmac, timingSafeEqual } from "node:crypto";
import type { SigningKeys } from "./signing-keys";

/** The two secrets ALTCHA signs with: the challenge itself, and (deterministic mode) its expected key. */
export interface ChallengeSecrets {
  keyId: string;
  signature: string;
  keySignature: string;
}

const derive = (secret: string, purpose: string) => createHmac("sha256", secret).update(`liveline/protection/${purpose}`).digest("hex");

/** The secrets of key `keyId` (the signing key when absent); undefined for a key the ring does not hold (rotated out). */
export function challengeSecrets(keys: SigningKeys, keyId: string = keys.signWith): ChallengeSecrets | undefined {
  const secret = keys.keys[keyId];
  if (secret === undefined) return undefined;
  return { keyId, signature: derive(secret, "challenge"), keySignature: derive(secret, "challenge-key") };
}

/** A page stamp lives this long: a page left open longer starts a new one (which only makes it stricter). */
export const PAGE_STAMP_MAX_AGE_MS = 24 * 60 * 60_000;

function stampMac(secret: string, loadedAt: number): Buffer {
  return createHmac("sha256", derive(secret, "page-stamp")).update(String(loadedAt)).digest();
}

/** "<epoch ms>.<key id>.<mac>": when the page first asked for a challenge, signed. */
export function signPageStamp(keys: SigningKeys, loadedAt: number): string {
  return `${loadedAt}.${keys.signWith}.${stampMac(keys.keys[keys.signWith]!, loadedAt).toString("base64url")}`;
}

/** The moment a stamp holds, if it is ours, not from the future and not too old; undefined otherwise. */
export function readPageStamp(keys: SigningKeys, stamp: string, now: number): number | undefined {
  const [at, keyId, mac, extra] = stamp.split(".");
  if (extra !== undefined || !at || !keyId || !mac || !/^\d{1,15}$/.test(at)) return undefined;
  const secret = keys.keys[keyId];
  if (secret === undefined) return undefined;
  const loadedAt = Number(at);
  const expected = stampMac(secret, loadedAt);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (loadedAt > now || now - loadedAt > PAGE_STAMP_MAX_AGE_MS) return undefined;
  return loadedAt;
}
