// Operations: `npm run rotate-secret [-- list | remove <key id> [--force]]` — the signing key ring. With
// SIGNING_SECRET_ARN (the stack's output SigningSecretArn) and AWS credentials it works on Secrets
// Manager; otherwise on `npm start`'s local file (LIVELINE_DATA_DIR, default ./.liveline). README,
// "Rotating the signing secret", is the runbook.

import { FileSigningKeyStore, localSigningKeysFile } from "../../functions/adapters/local/signing-keys.file";
import { KeyRingError, NEW_KEY_SIGNS_AFTER_MS } from "../../functions/core/access/signing-keys";
import { signingKeyStoreFor } from "../../functions/handlers/handler-dependencies";
import { listSigningKeys, removeSigningKey, rotateSigningKeys } from "./signing-keys";

const [command = "rotate", id, flag] = process.argv.slice(2);
const usage = "usage: npm run rotate-secret [-- list | remove <key id> [--force]]";
if (!["rotate", "list", "remove"].includes(command) || (command === "remove" && !id) || (flag !== undefined && flag !== "--force")) {
  console.error(usage);
  process.exit(2);
}

const arn = process.env.SIGNING_SECRET_ARN;
if (arn && !arn.startsWith("arn:")) {
  console.error("SIGNING_SECRET_ARN must be the secret's ARN (the stack's output SigningSecretArn)");
  process.exit(2);
}
const store = arn
  ? (await signingKeyStoreFor({ SIGNING_SECRET_ARN: arn }))!
  : new FileSigningKeyStore(localSigningKeysFile(process.env.LIVELINE_DATA_DIR ?? ".liveline")).ensure();
const now = new Date();

try {
  if (command === "rotate") {
    const ring = await rotateSigningKeys(store, now);
    console.log(`new key ${ring.current}: it signs from ${ring.currentFrom} (${NEW_KEY_SIGNS_AFTER_MS / 60_000} minutes, once every function has read it); every older key still verifies.`);
  } else if (command === "remove") {
    await removeSigningKey(store, id!, now, flag === "--force");
    console.log(`key ${id} removed: links signed with it no longer verify (functions notice within 5 minutes).`);
  }
  for (const key of await listSigningKeys(store, now)) {
    const removable = key.removableFrom ? `removable from ${key.removableFrom}` : "";
    const role = key.signs ? "signs" : key.signsFrom ? `verifies, signs from ${key.signsFrom}` : "verifies";
    console.log([key.id.padEnd(16), key.created ?? "(legacy)", role, removable].filter(Boolean).join("  "));
  }
} catch (error) {
  if (!(error instanceof KeyRingError)) throw error;
  console.error(error.message);
  process.exit(1);
}
