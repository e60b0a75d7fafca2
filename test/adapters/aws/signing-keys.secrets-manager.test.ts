// The Secrets Manager key store's requests (no emulator runs here: the shapes are what we can check), and
// a rotation through it as `npm run rotate-secret` does in AWS.
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SecretsManagerSigningKeyStore } from "../../../functions/adapters/aws/signing-keys.secrets-manager";
import { signToken, verifyToken } from "../../../functions/core/access/signed-token";
import { LEGACY_KEY_ID, NEW_KEY_SIGNS_AFTER_MS, signingKeysAt } from "../../../functions/core/access/signing-keys";
import { rotateSigningKeys } from "../../../infra/ops/signing-keys";

const secrets = mockClient(SecretsManagerClient);
const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:LivelineSigningSecret-AbCdEf";
const generated = "Q".repeat(64);
const store = () => new SecretsManagerSigningKeyStore(new SecretsManagerClient({ region: "eu-west-1" }), arn);
const now = new Date("2026-12-05T17:00:00Z");

beforeEach(() => secrets.reset());

describe("SecretsManagerSigningKeyStore", () => {
  it("reads the secret the stack generated (64 plain characters) as the legacy key", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: generated });
    expect(await store().read()).toEqual({ current: LEGACY_KEY_ID, keys: { [LEGACY_KEY_ID]: generated } });
    expect(secrets.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: arn });
  });

  it("refuses an empty secret", async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    await expect(store().read()).rejects.toThrow(/empty/);
  });

  it("rotation writes the ring as a new version of the same secret: the old key still verifies, the new one signs after the hand-over", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: generated });
    secrets.on(PutSecretValueCommand).resolves({});
    const oldLink = signToken({ purpose: "unsubscribe", subject: "ann@example.com", expiresAt: now.getTime() / 1000 + 86_400 }, signingKeysAt(await store().read(), now));
    const ring = await rotateSigningKeys(store(), now, "n".repeat(43));
    const calls = secrets.commandCalls(PutSecretValueCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(Object.keys(input).sort()).toEqual(["SecretId", "SecretString"]);
    expect(input.SecretId).toBe(arn);
    expect(JSON.parse(input.SecretString!)).toEqual({
      current: "k20261205170000",
      keys: { [LEGACY_KEY_ID]: generated, k20261205170000: "n".repeat(43) },
      previous: LEGACY_KEY_ID,
      currentFrom: new Date(now.getTime() + NEW_KEY_SIGNS_AFTER_MS).toISOString(),
    });
    expect(verifyToken(oldLink, signingKeysAt(ring, now), "unsubscribe", now)?.subject).toBe("ann@example.com");
  });
});
