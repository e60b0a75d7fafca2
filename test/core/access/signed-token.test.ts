import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../../functions/core/access/signed-token";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";

const secret = "s3cret-for-tests";
const keys = singleKeyRing(secret);
const now = new Date("2026-12-01T12:00:00Z");
const claims = { purpose: "manage", subject: "booking-1", expiresAt: now.getTime() / 1000 + 3600 };

describe("signed tokens", () => {
  it("verifies a genuine token", () => {
    expect(verifyToken(signToken(claims, keys), keys, "manage", now)).toEqual(claims);
  });

  it("rejects a token signed with another secret, for another purpose, expired or tampered with", () => {
    const token = signToken(claims, keys);
    expect(verifyToken(token, singleKeyRing("other"), "manage", now)).toBeUndefined();
    expect(verifyToken(token, keys, "ics", now)).toBeUndefined();
    expect(verifyToken(token, keys, "manage", new Date(now.getTime() + 3600_000))).toBeUndefined();
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ p: "manage", s: "booking-2", e: claims.expiresAt })).toString("base64url");
    expect(verifyToken(`${forged}.${signature}`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(`${payload}.`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken("garbage", keys, "manage", now)).toBeUndefined();
  });

  it("accepts only the canonical spelling: no padding, exact length, no other last character", () => {
    const token = signToken(claims, keys);
    const [payload, signature] = token.split(".") as [string, string];
    expect(signature).toHaveLength(43);
    // The last of 43 characters carries 4 bits of the MAC and 2 unused ones: its neighbours decode to the same bytes.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(signature.at(-1)!);
    for (const twin of [last ^ 1, last ^ 2, last ^ 3]) {
      const changed = `${payload}.${signature.slice(0, -1)}${alphabet[twin]}`;
      expect(Buffer.from(changed.split(".")[1]!, "base64url")).toEqual(Buffer.from(signature, "base64url"));
      expect(verifyToken(changed, keys, "manage", now), changed).toBeUndefined();
    }
    expect(verifyToken(`${token}=`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(`${token}==`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(`${payload}=.${signature}`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(`${payload}.${signature}A`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(`${payload}.${signature.slice(0, -1)}`, keys, "manage", now)).toBeUndefined();
    expect(verifyToken(token, keys, "manage", now)).toEqual(claims);
  });

  it("gives a payload one spelling too (a non-canonical payload is refused even with its own valid MAC)", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const payload = Buffer.from(JSON.stringify({ p: "manage", s: "booking-12", e: claims.expiresAt })).toString("base64url");
    // 46 bytes: 62 characters, the last carrying 4 unused bits.
    expect(payload.length % 4).toBe(2);
    const twin = `${payload.slice(0, -1)}${alphabet[alphabet.indexOf(payload.at(-1)!) ^ 1]}`;
    expect(Buffer.from(twin, "base64url")).toEqual(Buffer.from(payload, "base64url"));
    const signed = (text: string) => `${text}.${createHmac("sha256", secret).update(text).digest("base64url")}`;
    expect(verifyToken(signed(payload), keys, "manage", now)).toEqual({ ...claims, subject: "booking-12" });
    expect(verifyToken(signed(twin), keys, "manage", now)).toBeUndefined();
    expect(verifyToken(signed(`${payload}==`), keys, "manage", now)).toBeUndefined();
  });
});
