// Signing keys (local): the key ring in a file beside DynamoDB Local's data (`.liveline/signing-secret`),
// so links in local e-mails keep working across restarts. A missing file gets one new random key — the
// legacy form, as every local secret written before rotation existed.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseKeyRing, serializeKeyRing, type SigningKeyRing } from "../../core/access/signing-keys";
import type { SigningKeyStore } from "../../ports/signing-key-store";

/** Where `npm start` keeps the ring in its data directory (LIVELINE_DATA_DIR, default ./.liveline). */
export function localSigningKeysFile(dataDir: string): string {
  return join(dataDir, "signing-secret");
}

export class FileSigningKeyStore implements SigningKeyStore {
  constructor(readonly file: string) {}

  /** Creates the file with one new key when there is none. */
  ensure(): this {
    if (existsSync(this.file)) return this;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    return this;
  }

  async read(): Promise<SigningKeyRing> {
    return parseKeyRing(readFileSync(this.file, "utf8"));
  }

  async write(ring: SigningKeyRing): Promise<void> {
    // Written beside and renamed over: a reader never sees half a ring.
    const next = `${this.file}.next`;
    writeFileSync(next, serializeKeyRing(ring), { mode: 0o600 });
    renameSync(next, this.file);
  }
}
