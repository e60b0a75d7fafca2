// Port: where the key ring that signs links is kept (core/access/signing-keys.ts). Adapters: a file beside the
// local data (adapters/local/signing-keys.file.ts) and the stack's Secrets Manager secret
// (adapters/aws/signing-keys.secrets-manager.ts). The functions read it; `npm run rotate-secret` writes it.

import type { SigningKeyRing } from "../core/access/signing-keys";

export interface SigningKeyStore {
  /** The stored ring; a secret that is still one plain key reads as the legacy key. */
  read(): Promise<SigningKeyRing>;
  write(ring: SigningKeyRing): Promise<void>;
}
