// HTTP API: the ALTCHA proof of work (altcha-lib, self-hosted) — issuing a challenge for GET /api/challenge
// and checking a write's solution. Deterministic mode: the server picks the counter and signs the key it
// leads to, so checking a solution is two HMACs, not a search. Keys come from the signing key ring
// (core/access/protection.ts); expiry and the page stamp are in the signed data, judged by our own clock.

import { createHash } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { ProtectionRefused } from "../../core/errors";
import { challengeSecrets, type ProtectionWrite, readPageStamp, signPageStamp } from "../../core/access/protection";
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";

/** One SHA-256 per try: cheap for the widget's workers; the difficulty is the config's maxNumber. */
const ALGORITHM = "SHA-256";

/** A new challenge; `stamp` (from the page's earlier challenge) keeps the moment the page first asked. */
export async function issueChallenge(deps: UseCaseDependencies, stamp: string | undefined): Promise<Challenge> {
  const now = deps.clock.now().getTime();
  const { challenge: settings, minFormSeconds } = deps.catalogue.config.protection;
  const loadedAt = (stamp === undefined ? undefined : readPageStamp(deps.signingSecret, stamp, now)) ?? now;
  const secrets = challengeSecrets(deps.signingSecret)!;
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(settings.maxNumber, 0),
    deriveKey,
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.keySignature,
    data: {
      kid: secrets.keyId,
      expires: now + settings.expiresMinutes * 60_000,
      stamp: signPageStamp(deps.signingSecret, loadedAt),
      /** The page waits this long after its first challenge before it sends a form. */
      minFormMs: minFormSeconds * 1000,
    },
  });
}

const REQUIRED = "Prove this request comes from our page: send the solution of a fresh challenge from GET /api/challenge as altcha.";

/**
 * Checks a write's solution: a ProtectionRefused naming `altcha` when it is missing, forged, expired or sent
 * too fast after its page. Answers its used mark, for the write to store with its own items (a replay fails
 * that mark's condition: challenge_used); a pass leaves no other trace.
 */
export async function checkSolution(deps: UseCaseDependencies, altcha: string | undefined): Promise<ProtectionWrite> {
  if (!altcha) throw new ProtectionRefused("challenge_required", "altcha", REQUIRED);
  const payload = decodePayload(altcha);
  const data = payload?.challenge.parameters.data;
  const secrets = typeof data?.kid === "string" ? challengeSecrets(deps.signingSecret, data.kid) : undefined;
  if (!payload || !data || !secrets) throw new ProtectionRefused("challenge_required", "altcha", `The solution is not one of ours. ${REQUIRED}`);
  const result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: secrets.signature, hmacKeySignatureSecret: secrets.keySignature });
  if (!result.verified) throw new ProtectionRefused("challenge_required", "altcha", `The solution is not valid. ${REQUIRED}`);
  const now = deps.clock.now().getTime();
  const expires = Number(data.expires);
  const loadedAt = typeof data.stamp === "string" ? readPageStamp(deps.signingSecret, data.stamp, now) : undefined;
  if (!(expires > now) || loadedAt === undefined) throw new ProtectionRefused("challenge_required", "altcha", `The challenge has expired. ${REQUIRED}`);
  if (now - loadedAt < deps.catalogue.config.protection.minFormSeconds * 1000) {
    throw new ProtectionRefused("too_fast", "altcha", "The form was sent faster than a person fills it in. Please wait a moment and send it again.");
  }
  return { kind: "used-solution", solutionId: createHash("sha256").update(payload.challenge.signature ?? "").digest("base64url"), expiresAt: expires };
}

/** The widget's payload: base64 of JSON {challenge, solution}; undefined when it is not that shape. */
function decodePayload(altcha: string): Payload | undefined {
  try {
    const payload = JSON.parse(Buffer.from(altcha, "base64").toString("utf8")) as Payload;
    const { challenge, solution } = payload ?? {};
    if (typeof challenge?.parameters !== "object" || typeof challenge.signature !== "string" || typeof solution?.counter !== "number" || typeof solution.derivedKey !== "string") return undefined;
    return payload;
  } catch {
    return undefined;
  }
}
