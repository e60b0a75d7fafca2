// Bench: the Lambda bundles as `cdk synth` builds them — minified size of each, and the cold import time
// of the API bundle in a fresh node process (what a Lambda cold start pays before the first request).

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ms } from "./bench-engines";

const IMPORT_RUNS = 10;

interface LambdaAsset {
  logicalId: string;
  bundle: string;
}

export function benchBundles(print: (line: string) => void): void {
  const outDir = mkdtempSync(join(tmpdir(), "liveline-synth-"));
  execFileSync("npx", ["cdk", "synth", "--quiet", "--no-notices", "-o", outDir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: "true" },
  });
  const assets = lambdaAssets(outDir);
  if (assets.length === 0) throw new Error(`no Lambda bundles found in ${outDir}`);
  for (const asset of assets) {
    print(`bundle ${asset.logicalId}: ${(statSync(asset.bundle).size / 1024).toFixed(0)} KB minified`);
  }
  const api = assets.find((a) => /Api/i.test(a.logicalId)) ?? assets[0]!;
  const times = Array.from({ length: IMPORT_RUNS }, () => coldImport(api.bundle)).sort((a, b) => a - b);
  print(`cold import ${api.logicalId}: median=${ms(times[Math.floor(IMPORT_RUNS / 2)]!)} ms (${IMPORT_RUNS} fresh node processes)`);
}

/** Our NodejsFunction bundles (index.mjs), found through the template's asset metadata. */
function lambdaAssets(outDir: string): LambdaAsset[] {
  const template = JSON.parse(readFileSync(join(outDir, "Liveline.template.json"), "utf8")) as {
    Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
  };
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === "AWS::Lambda::Function" && resource.Metadata?.["aws:asset:path"])
    .map(([logicalId, resource]) => ({ logicalId, bundle: join(outDir, resource.Metadata!["aws:asset:path"]!, "index.mjs") }))
    .filter((asset) => existsSync(asset.bundle));
}

function coldImport(bundle: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(bundle)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "x",
      AWS_SECRET_ACCESS_KEY: "x",
      TABLE_NAME: "liveline",
      LIVELINE_PUBLIC_URL: "https://example.cloudfront.net",
      SIGNING_SECRET: "cold-start-secret-0123456789abcdef0123",
      LOG_LEVEL: "silent",
    },
  });
  if (result.status !== 0) throw new Error(`importing ${bundle} failed:\n${result.stderr}`);
  return Number(result.stdout.trim());
}
