import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../functions/core/signed-token";

const secret = "s3cret-for-tests";
const now = new Date("2026-12-01T12:00:00Z");
const claims = { purpose: "manage", subject: "booking-1", expiresAt: now.getTime() / 1000 + 3600 };

describe("signed tokens", () => {
  it("verifies a genuine token", () => {
    expect(verifyToken(signToken(claims, secret), secret, "manage", now)).toEqual(claims);
  });

  it("rejects a token signed with another secret, for another purpose, expired or tampered with", () => {
    const token = signToken(claims, secret);
    expect(verifyToken(token, "other", "manage", now)).toBeUndefined();
    expect(verifyToken(token, secret, "ics", now)).toBeUndefined();
    expect(verifyToken(token, secret, "manage", new Date(now.getTime() + 3600_000))).toBeUndefined();
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ p: "manage", s: "booking-2", e: claims.expiresAt })).toString("base64url");
    expect(verifyToken(`${forged}.${signature}`, secret, "manage", now)).toBeUndefined();
    expect(verifyToken(`${payload}.`, secret, "manage", now)).toBeUndefined();
    expect(verifyToken("garbage", secret, "manage", now)).toBeUndefined();
  });
});
