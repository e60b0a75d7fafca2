// Tests: solving the API's proof-of-work challenge as the page's widget does — GET /api/challenge, then
// altcha-lib's solver — so tests send real, single-use solutions through the real check. The page stamp
// says the page asked for its first challenge just long enough ago (a test clock may stand still).

import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { signPageStamp } from "../../functions/core/access/protection";
import { PUBLIC_WRITES } from "../../functions/handlers/http/all-public-writes";
import type { UseCaseDependencies } from "../../functions/use-cases/use-case-dependencies";

/** The easy difficulty tests run with (the config's minimum is 10). */
export const TEST_MAX_NUMBER = 50;

type Get = (path: string) => Promise<{ status: number; json: any }>;

/** The widget's payload for a solved challenge: base64 of {challenge, solution}. */
export async function solvedPayload(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the challenge was not solved");
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString("base64");
}

/** A fresh solution, its page loaded `pageAgeMs` ago (by default just over the config's minimum). */
export async function freshSolution(get: Get, deps: UseCaseDependencies, pageAgeMs = deps.catalogue.config.protection.minFormSeconds * 1000 + 1000): Promise<string> {
  const stamp = signPageStamp(deps.signingSecret, deps.clock.now().getTime() - pageAgeMs);
  const answer = await get(`/api/challenge?stamp=${encodeURIComponent(stamp)}`);
  if (answer.status !== 200) throw new Error(`GET /api/challenge answered ${answer.status}`);
  return solvedPayload(answer.json);
}

const PATTERNS = [...PUBLIC_WRITES.keys()].map((write) => {
  const [method, pattern] = write.split(" ") as [string, string];
  return { method, regex: new RegExp(`^${pattern.replace(/\{[a-zA-Z]+\}/g, "[^/]+")}$`) };
});

/** Whether a test's call is a public write the page would send with a solution: an object body without one, and no bearer token. */
export function wantsSolution(method: string, path: string, body: unknown, headers: Record<string, string>): body is Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body) || "altcha" in body) return false;
  if (Object.keys(headers).some((name) => name.toLowerCase() === "authorization")) return false;
  const bare = path.split("?")[0]!;
  return PATTERNS.some((write) => write.method === method && write.regex.test(bare));
}

/**
 * A solution from a running server (`npm start`), as a page gets it: `stamp` continues an earlier
 * challenge of the same page. Returns the payload and the stamp for the page's next challenge.
 */
export async function remoteSolution(baseUrl: string, stamp?: string): Promise<{ altcha: string; stamp: string; minFormMs: number }> {
  const response = await fetch(`${baseUrl}/api/challenge${stamp ? `?stamp=${encodeURIComponent(stamp)}` : ""}`);
  const challenge = (await response.json()) as Challenge & { parameters: { data: { stamp: string; minFormMs: number } } };
  return { altcha: await solvedPayload(challenge), stamp: challenge.parameters.data.stamp, minFormMs: challenge.parameters.data.minFormMs };
}
