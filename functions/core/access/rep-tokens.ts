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

/**
 * The reps' API tokens the README publishes for the local demo (only their SHA-256 is in the committed
 * config). Anyone can read them, so a deployed stack refuses them outright and `cdk synth` warns about
 * every rep still configured with one.
 */
export const PUBLISHED_DEMO_TOKENS: readonly string[] = ["local-token-maya", "local-token-lukas", "local-token-priya"];
const PUBLISHED_DEMO_HASHES = new Set(PUBLISHED_DEMO_TOKENS.map(sha256Hex));

export function isPublishedDemoToken(token: string): boolean {
  return PUBLISHED_DEMO_HASHES.has(sha256Hex(token));
}

export function isPublishedDemoTokenHash(sha256: string | undefined): boolean {
  return sha256 !== undefined && PUBLISHED_DEMO_HASHES.has(sha256.toLowerCase());
}
