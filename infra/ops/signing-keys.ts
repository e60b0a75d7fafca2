// Operations: what `npm run rotate-secret` does to the key ring, on any SigningKeyStore (the local file or
// the stack's Secrets Manager secret): rotate in a new key, list the keys, remove one whose links are dead.

import { randomBytes } from "node:crypto";
import {
  keyCreatedAt,
  keyRemovableFrom,
  removeKey,
  rotateKeyRing,
  settledKeyRing,
  signingKeysAt,
  type SigningKeyRing,
} from "../../functions/core/access/signing-keys";
import type { SigningKeyStore } from "../../functions/ports/signing-key-store";

export interface KeyListing {
  id: string;
  /** From its id; unknown for the legacy key. */
  created?: string;
  signs: boolean;
  /** The newly rotated-in key: when it starts signing. */
  signsFrom?: string;
  /** When every link it signed has expired (set once it no longer signs). */
  removableFrom?: string;
}

/** A fresh key: 32 random bytes, as the local secret always was. */
export const newSigningSecret = () => randomBytes(32).toString("base64url");

export async function rotateSigningKeys(store: SigningKeyStore, now: Date, newSecret = newSigningSecret()): Promise<SigningKeyRing> {
  const ring = rotateKeyRing(settledKeyRing(await store.read(), now), newSecret, now);
  await store.write(ring);
  return ring;
}

export async function removeSigningKey(store: SigningKeyStore, id: string, now: Date, force = false): Promise<SigningKeyRing> {
  const ring = removeKey(settledKeyRing(await store.read(), now), id, now, force);
  await store.write(ring);
  return ring;
}

export async function listSigningKeys(store: SigningKeyStore, now: Date): Promise<KeyListing[]> {
  const ring = await store.read();
  const signing = signingKeysAt(ring, now).signWith;
  return Object.keys(ring.keys).map((id) => ({
    id,
    created: keyCreatedAt(id)?.toISOString(),
    signs: id === signing,
    signsFrom: id === ring.current && id !== signing ? ring.currentFrom : undefined,
    removableFrom: keyRemovableFrom(ring, id)?.toISOString(),
  }));
}
