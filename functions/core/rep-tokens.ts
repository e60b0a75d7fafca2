// Core: a rep's API token against the SHA-256 kept in config — constant-time, and the config never holds
// the token itself.

import { createHash, timingSafeEqual } from "node:crypto";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function repTokenMatches(token: string, expectedSha256: string | undefined): boolean {
  if (!expectedSha256) return false;
  const given = Buffer.from(sha256Hex(token), "hex");
  const expected = Buffer.from(expectedSha256, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
