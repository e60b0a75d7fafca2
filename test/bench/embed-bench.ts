// Bench: what a company's visitors download for the embed — embed.js as the web build makes it, gzipped
// (the budget is 6 KB; the framed pages themselves load only once the visitor is near or clicks).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMBED_SCRIPT, buildWeb, gzippedSizes } from "../../web/build";

export function benchEmbedScript(print: (line: string) => void): void {
  const outDir = mkdtempSync(join(tmpdir(), "liveline-embed-bench-"));
  try {
    buildWeb(outDir);
    const bytes = gzippedSizes(outDir)[EMBED_SCRIPT.script];
    if (bytes === undefined) throw new Error(`${EMBED_SCRIPT.script} was not built`);
    print(`embed.js: ${(bytes / 1024).toFixed(1)} KB gzip`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
