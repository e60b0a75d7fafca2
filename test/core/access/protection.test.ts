// Core: abuse protection's pure parts — the page stamp, the challenge keys, the client key, the windows.
import { describe, expect, it } from "vitest";
import { challengeSecrets, clientKey, PAGE_STAMP_MAX_AGE_MS, rateWindow, readPageStamp, signPageStamp } from "../../../functions/core/access/protection";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";

const keys = singleKeyRing("a-signing-secret-of-at-least-32-characters");
const other = singleKeyRing("another-signing-secret-of-32-characters!");
const NOW = Date.parse("2026-11-30T06:00:00Z");

describe("page stamp", () => {
  it("reads back a stamp of ours, and nothing forged, from another key, from the future or too old", () => {
    const stamp = signPageStamp(keys, NOW - 5000);
    expect(readPageStamp(keys, stamp, NOW)).toBe(NOW - 5000);
    expect(readPageStamp(other, stamp, NOW)).toBeUndefined();
    expect(readPageStamp(keys, stamp.replace(/^\d+/, String(NOW - 60_000)), NOW)).toBeUndefined();
    expect(readPageStamp(keys, signPageStamp(keys, NOW + 1000), NOW)).toBeUndefined();
    expect(readPageStamp(keys, signPageStamp(keys, NOW - PAGE_STAMP_MAX_AGE_MS - 1), NOW)).toBeUndefined();
    expect(readPageStamp(keys, `${stamp}.x`, NOW)).toBeUndefined();
  });
});

describe("challenge secrets", () => {
  it("derives two distinct secrets per key, none for a key the ring does not hold", () => {
    const secrets = challengeSecrets(keys)!;
    expect(secrets.keyId).toBe(keys.signWith);
    expect(secrets.signature).not.toBe(secrets.keySignature);
    expect(secrets.signature).not.toContain("a-signing-secret");
    expect(challengeSecrets(other)!.signature).not.toBe(secrets.signature);
    expect(challengeSecrets(keys, "k20260101000000")).toBeUndefined();
  });
});

describe("client key", () => {
  it("takes CloudFront's viewer address without its port, an IPv6 client as its /64, else the socket's address", () => {
    expect(clientKey("203.0.113.7:4711", "10.0.0.1")).toBe("203.0.113.7");
    expect(clientKey("2001:db8:1:2:aaaa::1:4711", "10.0.0.1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002::9:443", "10.0.0.1")).toBe("2001:db8:1:2::/64");
    expect(clientKey(undefined, "198.51.100.4")).toBe("198.51.100.4");
    expect(clientKey(undefined, "::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(clientKey(undefined, "::1")).toBe("0:0:0:0::/64");
  });
});

describe("rate window", () => {
  it("is the fixed window the moment falls in, with the seconds left of it", () => {
    expect(rateWindow(Date.parse("2026-11-30T06:03:00Z"), 10)).toEqual({ start: Date.parse("2026-11-30T06:00:00Z"), retryAfterSeconds: 420 });
    expect(rateWindow(Date.parse("2026-11-30T06:00:00Z"), 24 * 60)).toEqual({ start: Date.parse("2026-11-30T00:00:00Z"), retryAfterSeconds: 18 * 3600 });
  });
});
