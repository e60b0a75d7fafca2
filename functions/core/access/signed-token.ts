// Core: signed, expiring tokens for links in e-mails (manage a booking, download its .ics). HMAC-SHA256
// over a small JSON payload; whoever holds a bare booking id can do nothing with it. A token names the key
// that signed it (`<key id>.<payload>.<mac>`, the MAC covering the key id too), so keys can rotate
// (signing-keys.ts); the legacy key signs and verifies the older form `<payload>.<mac>`, which every link
// mailed before rotation existed carries.

import { createHmac, timingSafeEqual } from "node:crypto";
import { LEGACY_KEY_ID, type SigningKeys } from "./signing-keys";

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

export function signToken(claims: TokenClaims, keys: SigningKeys): string {
  const payload = Buffer.from(JSON.stringify({ p: claims.purpose, s: claims.subject, e: claims.expiresAt })).toString("base64url");
  const secret = keys.keys[keys.signWith];
  if (secret === undefined) throw new Error(`the signing key ${keys.signWith} is not in the key ring`);
  if (keys.signWith === LEGACY_KEY_ID) return `${payload}.${mac(secret, payload).toString("base64url")}`;
  const signed = `${keys.signWith}.${payload}`;
  return `${signed}.${mac(secret, signed).toString("base64url")}`;
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

/** The key id, payload and MAC of a token of either form; undefined when it has neither. */
function partsOf(token: string): { keyId: string; payload: string; signature: string } | undefined {
  const parts = token.split(".");
  if (parts.length === 2) return { keyId: LEGACY_KEY_ID, payload: parts[0]!, signature: parts[1]! };
  // A key id written out is never "legacy": the legacy key signs only the two-part form.
  if (parts.length === 3 && parts[0] !== LEGACY_KEY_ID) return { keyId: parts[0]!, payload: parts[1]!, signature: parts[2]! };
  return undefined;
}

/**
 * The claims, when the token is genuine (signed by a key of the ring), unexpired and for this purpose;
 * otherwise undefined — also when its key id is unknown or was removed from the ring.
 */
export function verifyToken(token: string, keys: SigningKeys, purpose: string, now: Date): TokenClaims | undefined {
  const parts = partsOf(token);
  if (!parts) return undefined;
  const { keyId, payload, signature } = parts;
  if (!payload || !signature || !SIGNATURE.test(signature)) return undefined;
  const secret = Object.hasOwn(keys.keys, keyId) ? keys.keys[keyId] : undefined;
  if (secret === undefined) return undefined;
  const given = canonicalBase64url(signature);
  if (!given || !canonicalBase64url(payload)) return undefined;
  const expected = mac(secret, keyId === LEGACY_KEY_ID ? payload : `${keyId}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const raw = claimsIn(payload);
  if (!raw) return undefined;
  if (raw.p !== purpose || typeof raw.s !== "string" || typeof raw.e !== "number") return undefined;
  if (raw.e * 1000 <= now.getTime()) return undefined;
  return { purpose: raw.p, subject: raw.s, expiresAt: raw.e };
}

/** A payload's claims as written (`p`, `s`, `e`), unchecked; undefined when it is no JSON object. */
function claimsIn(payload: string): { p?: unknown; s?: unknown; e?: unknown } | undefined {
  try {
    const raw: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof raw === "object" && raw !== null ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The expiry a token names, unverified: for links this product has just signed (a short link expires with
 * the long one it stands for). Never a reason to trust a token: verifyToken does that.
 */
export function tokenExpiry(token: string): number | undefined {
  const payload = partsOf(token)?.payload;
  if (!payload || !canonicalBase64url(payload)) return undefined;
  const e = claimsIn(payload)?.e;
  return typeof e === "number" && Number.isFinite(e) ? e : undefined;
}
