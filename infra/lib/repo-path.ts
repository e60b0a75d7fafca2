// Infra: resolves files of this repository (handlers, web/, the lockfile) no matter where `cdk` or vitest runs.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function repoPath(relative: string): string {
  return join(repoRoot, relative);
}
