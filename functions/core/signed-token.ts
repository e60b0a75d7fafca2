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

/** The claims, when the token is genuine, unexpired and for this purpose; otherwise undefined. */
export function verifyToken(token: string, secret: string, purpose: string, now: Date): TokenClaims | undefined {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
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
