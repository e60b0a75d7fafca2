// Core: signed, expiring tokens for links in e-mails (manage a booking, download its .ics). HMAC-SHA256
// over a small JSON payload; whoever holds a bare booking id can do nothing with it.

import { createHmac, timingSafeEqual } from "node:crypto";

export interface TokenClaims {
  /** What the token is for, e.g. "manage". */
  purpose: string;
  /** The thing it grants access to, e.g. a booking id. */
  subject: string;
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ p: claims.purpose, s: claims.subject, e: claims.expiresAt })).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** An HMAC-SHA256 in base64url: 32 bytes are exactly 43 characters, no padding. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `text` decoded, only when it is the one canonical base64url spelling of its bytes. Node's decoder is
 * lenient (it ignores padding, stray characters and the unused low bits of the last character), which
 * would give one token many spellings — and let a changed last character still verify.
 */
function canonicalBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}

/** The claims, when the token is genuine, unexpired and for this purpose; otherwise undefined. */
export function verifyToken(token: string, secret: string, purpose: string, now: Date): TokenClaims | undefined {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || !SIGNATURE.test(signature)) return undefined;
  const given = canonicalBase64url(signature);
  if (!given || !canonicalBase64url(payload)) return undefined;
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let raw: { p?: unknown; s?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (raw.p !== purpose || typeof raw.s !== "string" || typeof raw.e !== "number") return undefined;
  if (raw.e * 1000 <= now.getTime()) return undefined;
  return { purpose: raw.p, subject: raw.s, expiresAt: raw.e };
}
