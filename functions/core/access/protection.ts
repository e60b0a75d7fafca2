// Core: the pure parts of abuse protection — the challenge's HMAC keys derived from the signing key ring, and
// the page stamp: the signed moment a page first asked for a challenge, which every later challenge of that
// page carries on, so a write tells how long after the page it was sent (a form sent too fast is a bot's).

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { type DomainError, ProtectionRefused, RateLimited } from "../errors";
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

/**
 * Who a client is for the per-address limit: the viewer's address CloudFront passes on
 * ("CloudFront-Viewer-Address: 203.0.113.7:4711" or "2001:db8::1:4711", the port last), else the socket's
 * (`npm start`). An IPv6 client is its /64: one line of a home or office gets many addresses.
 */
export function clientKey(viewerAddress: string | undefined, sourceIp: string): string {
  const address = viewerAddress ? viewerAddress.slice(0, Math.max(viewerAddress.lastIndexOf(":"), 0)) || viewerAddress : sourceIp;
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  if (!bare.includes(":") || /^::ffff:\d+\.\d+\.\d+\.\d+$/.test(bare)) return bare.replace(/^::ffff:/, "");
  return `${expandIpv6(bare).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill("0"), ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}

/** The fixed window `now` falls in: its start (epoch ms) and how many whole seconds are left of it. */
export function rateWindow(now: number, windowMinutes: number): { start: number; retryAfterSeconds: number } {
  const length = windowMinutes * 60_000;
  const start = Math.floor(now / length) * length;
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + length - now) / 1000)) };
}

/** An e-mail address as protection's counters and marks name it: its SHA-256 (no personal data in them). */
export function addressKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

/**
 * What abuse protection writes beside a public write, each item conditioned so that a refusal stores nothing:
 * a solution's used mark (once only), a rate counter (only while the sum stays within `max`), an address's
 * answered mark (no condition). A booking writes them in its own transaction; other writes on their own.
 */
export type ProtectionWrite =
  | { kind: "used-solution"; solutionId: string; expiresAt: number }
  | { kind: "counter"; key: string; amount: number; max: number; expiresAt: number; retryAfterSeconds: number; message: string; field?: string }
  | { kind: "answered"; addressKey: string; until: number };

/** What a failed condition on this item means for the request: the refusal to answer. */
export function protectionRefusal(write: ProtectionWrite): DomainError {
  if (write.kind === "used-solution") {
    return new ProtectionRefused("challenge_used", "altcha", "This solution was used already; each works once. Prove this request comes from our page: send the solution of a fresh challenge from GET /api/challenge as altcha.");
  }
  if (write.kind === "counter") return new RateLimited(write.message, write.retryAfterSeconds, write.field);
  // An answered mark has no condition; reaching here is a bug in the store.
  throw new Error("an answered mark cannot be refused");
}

/** A counter of `amount` in the fixed window `now` falls in: at most `limit.max` per window; Retry-After is the window's rest. */
export function windowCounter(now: number, key: string, amount: number, limit: { max: number; windowMinutes: number }, message: string, field?: string): ProtectionWrite {
  const window = rateWindow(now, limit.windowMinutes);
  return { kind: "counter", key: `${key}#${window.start}`, amount, max: limit.max, expiresAt: window.start + limit.windowMinutes * 60_000, retryAfterSeconds: window.retryAfterSeconds, message, ...(field ? { field } : {}) };
}
