import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../../functions/core/access/signed-token";
import {
  KeyRingError,
  LEGACY_KEY_ID,
  LONGEST_LINK_DAYS,
  NEW_KEY_SIGNS_AFTER_MS,
  parseKeyRing,
  removeKey,
  rotateKeyRing,
  serializeKeyRing,
  settledKeyRing,
  signingKeysAt,
  type SigningKeyRing,
} from "../../../functions/core/access/signing-keys";

const legacySecret = "plain-secret-as-the-stack-generated-it-0123456789";
const t0 = new Date("2026-12-05T17:00:00Z");
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const DAY = 86_400_000;
const claims = (now: Date) => ({ purpose: "unsubscribe", subject: "ann@example.com", expiresAt: Math.floor(now.getTime() / 1000) + 365 * 86_400 });
const secretA = "a".repeat(43);
const secretB = "b".repeat(43);

/** The ring after rotating the legacy secret once, and once more a day later. */
function twoRotations() {
  const legacy = parseKeyRing(legacySecret);
  const first = rotateKeyRing(legacy, secretA, t0);
  const t1 = later(t0, DAY);
  const second = rotateKeyRing(settledKeyRing(first, t1), secretB, t1);
  return { legacy, first, second, t1 };
}

describe("the key ring", () => {
  it("reads a plain secret (every secret written before rotation) as the one legacy key, which signs the old two-part form", () => {
    const ring = parseKeyRing(`${legacySecret}\n`);
    expect(ring).toEqual({ current: LEGACY_KEY_ID, keys: { [LEGACY_KEY_ID]: legacySecret } });
    const token = signToken(claims(t0), signingKeysAt(ring, t0));
    // Byte for byte the token of before: HMAC over the payload with the plain secret.
    const [payload, mac] = token.split(".");
    expect(token.split(".")).toHaveLength(2);
    expect(mac).toBe(createHmac("sha256", legacySecret).update(payload!).digest("base64url"));
  });

  it("a link mailed before rotation still verifies after it, and after a second one", () => {
    const { legacy, first, second, t1 } = twoRotations();
    const oldLink = signToken(claims(t0), signingKeysAt(legacy, t0));
    expect(verifyToken(oldLink, signingKeysAt(first, t0), "unsubscribe", t0)).toEqual(claims(t0));
    expect(verifyToken(oldLink, signingKeysAt(second, t1), "unsubscribe", t1)).toEqual(claims(t0));
    // A link signed by the first rotated key verifies after the second rotation too.
    const firstKeyLink = signToken(claims(t1), signingKeysAt(first, t1));
    expect(firstKeyLink.split(".")[0]).toBe(first.current);
    expect(verifyToken(firstKeyLink, signingKeysAt(second, t1), "unsubscribe", t1)).toEqual(claims(t1));
  });

  it("a rotated-in key signs only after the hand-over time (every function has read it by then); it verifies at once", () => {
    const legacy = parseKeyRing(legacySecret);
    const ring = rotateKeyRing(legacy, secretA, t0);
    expect(ring.current).toBe("k20261205170000");
    expect(ring.previous).toBe(LEGACY_KEY_ID);
    expect(signingKeysAt(ring, later(t0, NEW_KEY_SIGNS_AFTER_MS - 1)).signWith).toBe(LEGACY_KEY_ID);
    const handedOver = later(t0, NEW_KEY_SIGNS_AFTER_MS);
    expect(signingKeysAt(ring, handedOver).signWith).toBe(ring.current);
    // A function still holding the ring of before the rotation does not know the new key; one that read it does.
    const newLink = signToken(claims(handedOver), signingKeysAt(ring, handedOver));
    expect(verifyToken(newLink, signingKeysAt(legacy, handedOver), "unsubscribe", handedOver)).toBeUndefined();
    expect(verifyToken(newLink, signingKeysAt(ring, t0), "unsubscribe", handedOver)).toEqual(claims(handedOver));
    expect(settledKeyRing(ring, handedOver)).toEqual({ current: ring.current, keys: ring.keys });
    expect(settledKeyRing(ring, t0)).toBe(ring);
  });

  it("rejects a token whose key was removed, whose key id is unknown, or whose key id was swapped", () => {
    const { legacy, second, t1 } = twoRotations();
    const oldLink = signToken(claims(t0), signingKeysAt(legacy, t0));
    const withoutLegacy = removeKey(second, LEGACY_KEY_ID, later(t1, LONGEST_LINK_DAYS * DAY + DAY));
    expect(withoutLegacy.keys).not.toHaveProperty(LEGACY_KEY_ID);
    expect(verifyToken(oldLink, signingKeysAt(withoutLegacy, t1), "unsubscribe", t1)).toBeUndefined();

    const settled = settledKeyRing(second, later(t1, NEW_KEY_SIGNS_AFTER_MS));
    const token = signToken(claims(t1), signingKeysAt(settled, t1));
    const [kid, payload, mac] = token.split(".") as [string, string, string];
    expect(verifyToken(token, signingKeysAt(settled, t1), "unsubscribe", t1)).toEqual(claims(t1));
    expect(verifyToken(`k20991231000000.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    expect(verifyToken(`toString.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    expect(verifyToken(`__proto__.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    // The MAC covers the key id: naming another key of the ring, or the legacy form, does not verify.
    expect(kid).toBe(settled.current);
    expect(verifyToken(`${settled.previous ?? "k20261205170000"}.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    expect(verifyToken(`${LEGACY_KEY_ID}.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    expect(verifyToken(`${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
    expect(verifyToken(`a.${kid}.${payload}.${mac}`, signingKeysAt(settled, t1), "unsubscribe", t1)).toBeUndefined();
  });

  it("removes a key only once every link it signed has expired, never the one that signs (unless forced)", () => {
    const { second, t1 } = twoRotations();
    expect(() => removeKey(second, second.current, t1, true)).toThrow(KeyRingError);
    expect(() => removeKey(second, second.previous!, t1, true)).toThrow(/signs new links until/);
    expect(() => removeKey(second, "k20000101000000", t1)).toThrow(/no key/);
    // The legacy key stopped signing when the first rotated key took over.
    const legacyRetired = later(t0, NEW_KEY_SIGNS_AFTER_MS);
    expect(() => removeKey(second, LEGACY_KEY_ID, later(legacyRetired, LONGEST_LINK_DAYS * DAY - 1))).toThrow(/may live until/);
    expect(removeKey(second, LEGACY_KEY_ID, later(legacyRetired, LONGEST_LINK_DAYS * DAY)).keys).not.toHaveProperty(LEGACY_KEY_ID);
    expect(removeKey(second, LEGACY_KEY_ID, t1, true).keys).not.toHaveProperty(LEGACY_KEY_ID);
  });

  it("round-trips as JSON and refuses a ring that could not sign", () => {
    const { second } = twoRotations();
    expect(parseKeyRing(serializeKeyRing(second))).toEqual(second);
    const bad = (ring: unknown) => () => parseKeyRing(JSON.stringify(ring));
    expect(bad({ current: "k1", keys: {} })).toThrow(/current key/);
    expect(bad({ current: "a.b", keys: { "a.b": secretA } })).toThrow(/key id/);
    expect(bad({ current: "k1", keys: { k1: "short" } })).toThrow(/at least 32/);
    expect(bad({ current: "k1", keys: { k1: secretA }, previous: "k1" })).toThrow(/go together/);
    expect(() => parseKeyRing("{not json")).toThrow(/not JSON/);
    expect(() => parseKeyRing("too-short")).toThrow(/at least 32/);
    const ring: SigningKeyRing = { current: "k1", keys: { k1: secretA } };
    expect(parseKeyRing(serializeKeyRing(ring))).toEqual(ring);
  });
});
