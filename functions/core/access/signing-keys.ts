// Core: the key ring behind signed links (signed-token.ts) — which key signs new tokens, which keys still
// verify old ones — and how a rotation changes it. Stored as the signing secret's text (local file or
// Secrets Manager, ports/signing-key-store.ts); `npm run rotate-secret` rotates it.
//
// A secret that is not a JSON ring (every secret written before rotation existed) is one key with the id
// "legacy": tokens without a key id are verified with it, so links already mailed keep working.

export const LEGACY_KEY_ID = "legacy";
/** A key id travels in every link: short, and never containing the token's "." separator. */
const KEY_ID = /^[a-z0-9-]{1,32}$/;

/** The ring as stored. */
export interface SigningKeyRing {
  /** The id of the newest key, which signs (from `currentFrom` on, when that is set). */
  current: string;
  /** Every key that verifies, by id. */
  keys: Record<string, string>;
  /**
   * Set by a rotation for a while: the key that keeps signing until `currentFrom` (ISO time). Functions
   * cache the ring for a few minutes (SIGNING_KEYS_MAX_AGE_MS); a new key signs only once every function
   * has read it, so no function meets a link signed with a key it does not know yet.
   */
  previous?: string;
  currentFrom?: string;
}

/** The ring as a function uses it at one moment: the key id that signs, and every key that verifies. */
export interface SigningKeys {
  signWith: string;
  keys: Readonly<Record<string, string>>;
}

/** How long a function may use its copy of the ring before reading it again. */
export const SIGNING_KEYS_MAX_AGE_MS = 5 * 60_000;
/** A rotated-in key signs this long after the rotation: twice the functions' cache window. */
export const NEW_KEY_SIGNS_AFTER_MS = 2 * SIGNING_KEYS_MAX_AGE_MS;
/**
 * How long a token signed by a key may live, so how long a key must keep verifying after it stopped
 * signing: an unsubscribe link lives 365 days; a manage link 7 days after a demo or session that may be
 * booked up to 365 days ahead (horizonDays) and last up to 8 hours.
 */
export const LONGEST_LINK_DAYS = 373;

export class KeyRingError extends Error {
  override name = "KeyRingError";
}

/** The ring a secret's text holds: a JSON ring, or (any other text) the one legacy key. */
export function parseKeyRing(text: string): SigningKeyRing {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) {
    if (trimmed.length < 32) throw new KeyRingError("the signing secret must be at least 32 characters");
    return { current: LEGACY_KEY_ID, keys: { [LEGACY_KEY_ID]: trimmed } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    throw new KeyRingError("the signing secret starts with { but is not JSON");
  }
  return checkedRing(raw);
}

function checkedRing(raw: unknown): SigningKeyRing {
  const ring = raw as Partial<SigningKeyRing>;
  if (!ring || typeof ring !== "object" || typeof ring.keys !== "object" || ring.keys === null) throw new KeyRingError("the key ring needs keys");
  for (const [id, secret] of Object.entries(ring.keys)) {
    if (!KEY_ID.test(id)) throw new KeyRingError(`key id "${id}" must be 1-32 lower-case letters, digits or dashes`);
    if (typeof secret !== "string" || secret.length < 32) throw new KeyRingError(`key "${id}" must be at least 32 characters`);
  }
  if (typeof ring.current !== "string" || !(ring.current in ring.keys)) throw new KeyRingError("the key ring's current key must be one of its keys");
  if ((ring.previous === undefined) !== (ring.currentFrom === undefined)) throw new KeyRingError("previous and currentFrom go together");
  if (ring.previous !== undefined && !(ring.previous in ring.keys)) throw new KeyRingError("the key ring's previous key must be one of its keys");
  if (ring.currentFrom !== undefined && Number.isNaN(Date.parse(ring.currentFrom))) throw new KeyRingError("currentFrom must be an ISO time");
  const checked: SigningKeyRing = { current: ring.current, keys: { ...ring.keys } };
  if (ring.previous !== undefined) Object.assign(checked, { previous: ring.previous, currentFrom: ring.currentFrom });
  return checked;
}

export function serializeKeyRing(ring: SigningKeyRing): string {
  return JSON.stringify(checkedRing(ring));
}

/** Which key signs at `now`, and every key that verifies. */
export function signingKeysAt(ring: SigningKeyRing, now: Date): SigningKeys {
  const waiting = ring.previous !== undefined && ring.currentFrom !== undefined && now.getTime() < Date.parse(ring.currentFrom);
  return { signWith: waiting ? ring.previous! : ring.current, keys: ring.keys };
}

/** A ring of one key that signs at once (tests, benches, and the local secret before it is rotated). */
export function singleKeyRing(secret: string, id = LEGACY_KEY_ID): SigningKeys {
  return { signWith: id, keys: { [id]: secret } };
}

/** A new key's id: "k" and the UTC time of the rotation, so the ring tells when each key came. */
export function newKeyId(now: Date): string {
  return `k${now.toISOString().replace(/[-:T]/g, "").slice(0, 14)}`;
}

/** The ring with a new key that signs from `NEW_KEY_SIGNS_AFTER_MS` after `now`; every old key still verifies. */
export function rotateKeyRing(ring: SigningKeyRing, newSecret: string, now: Date): SigningKeyRing {
  const id = newKeyId(now);
  if (id in ring.keys) throw new KeyRingError(`a key ${id} exists already: rotate again in a second`);
  const signing = signingKeysAt(ring, now).signWith;
  return checkedRing({
    current: id,
    keys: { ...ring.keys, [id]: newSecret },
    previous: signing,
    currentFrom: new Date(now.getTime() + NEW_KEY_SIGNS_AFTER_MS).toISOString(),
  });
}

/** When a key was created, read from its id (undefined for the legacy key). */
export function keyCreatedAt(id: string): Date | undefined {
  const digits = /^k(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(id);
  if (!digits) return undefined;
  const [, y, mo, d, h, mi, s] = digits;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** When a key stopped signing: when the next key (by creation) took over; undefined while it may sign. */
export function keyRetiredAt(ring: SigningKeyRing, id: string): Date | undefined {
  if (id === ring.current || id === ring.previous) return undefined;
  const created = keyCreatedAt(id)?.getTime() ?? Number.NEGATIVE_INFINITY;
  const later = Object.keys(ring.keys)
    .map((other) => keyCreatedAt(other)?.getTime())
    .filter((time): time is number => time !== undefined && time > created);
  // The next key signed from its creation plus the hand-over time.
  return later.length ? new Date(Math.min(...later) + NEW_KEY_SIGNS_AFTER_MS) : undefined;
}

/** The earliest time a key can go without killing a link it signed. */
export function keyRemovableFrom(ring: SigningKeyRing, id: string): Date | undefined {
  const retired = keyRetiredAt(ring, id);
  return retired && new Date(retired.getTime() + LONGEST_LINK_DAYS * 86_400_000);
}

/**
 * The ring without a key: never the one that signs. Unless `force`, a key goes only once every link it
 * can have signed has expired; a forced removal kills those links (a leaked key).
 */
export function removeKey(ring: SigningKeyRing, id: string, now: Date, force = false): SigningKeyRing {
  if (!(id in ring.keys)) throw new KeyRingError(`there is no key ${id}`);
  if (id === ring.previous) throw new KeyRingError(`key ${id} signs new links until ${ring.currentFrom}, then verifies its links until they expire`);
  if (id === ring.current) throw new KeyRingError(`key ${id} signs new links: rotate first`);
  const removable = keyRemovableFrom(ring, id);
  if (!force && (!removable || removable.getTime() > now.getTime())) {
    throw new KeyRingError(`links signed with key ${id} may live until ${removable?.toISOString() ?? "an unknown time"}; pass --force to remove it anyway (those links stop working)`);
  }
  const keys = { ...ring.keys };
  delete keys[id];
  return checkedRing({ ...ring, keys });
}

/** Finishes a hand-over whose time has come, so the stored ring says plainly which key signs. */
export function settledKeyRing(ring: SigningKeyRing, now: Date): SigningKeyRing {
  if (ring.currentFrom === undefined || now.getTime() < Date.parse(ring.currentFrom)) return ring;
  return { current: ring.current, keys: ring.keys };
}
