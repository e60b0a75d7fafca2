// Signing keys (AWS): the key ring in the stack's Secrets Manager secret (output SigningSecretArn). The
// stack generated it as one plain key, which reads as the legacy key; `npm run rotate-secret` writes the
// ring back as JSON, a new version that becomes AWSCURRENT.

import { GetSecretValueCommand, PutSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { parseKeyRing, serializeKeyRing, type SigningKeyRing } from "../../core/access/signing-keys";
import type { SigningKeyStore } from "../../ports/signing-key-store";

export class SecretsManagerSigningKeyStore implements SigningKeyStore {
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretArn: string,
  ) {}

  async read(): Promise<SigningKeyRing> {
    const result = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretArn }));
    if (!result.SecretString) throw new Error("the signing secret is empty");
    return parseKeyRing(result.SecretString);
  }

  async write(ring: SigningKeyRing): Promise<void> {
    // PutSecretValue makes a new version and moves AWSCURRENT to it; the previous one stays as AWSPREVIOUS.
    await this.client.send(new PutSecretValueCommand({ SecretId: this.secretArn, SecretString: serializeKeyRing(ring) }));
  }
}
