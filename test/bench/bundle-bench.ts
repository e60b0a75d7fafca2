// Bench: the Lambda bundles as `cdk synth` builds them — each one's minified size and how much of it is not
// the AWS SDK (from esbuild's metafile), and its cold import time in fresh node processes next to that of
// an SDK-only baseline (the same clients, nothing of ours) built with the same esbuild settings, timed
// alternately in the same run: what a cold start pays for our code beyond the clients it must have. As in
// AWS, the functions' table is reachable (a DynamoDB Local of its own, the settings seeded by the first
// import), so a cold start's one settings read succeeds; unreachable, each import would time a failing read
// and the SDK's retries instead.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync, type Metafile } from "esbuild";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BUNDLE_SETTINGS } from "../../infra/lib/liveline-function";
import { ensureTable } from "../../infra/local/create-table";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { ms } from "./bench-engines";

const IMPORT_RUNS = 11;
const WARM_UP_IMPORTS = 10;
const SDK_PACKAGE = /node_modules\/@(aws-sdk|smithy|aws-crypto)\//;

interface LambdaAsset {
  logicalId: string;
  /** The construct's id, e.g. "ApiFunction". */
  name: string;
  bundle: string;
  metafile: string;
}

/**
 * Which SDK-only baseline stands for each function: the clients its handler creates at a cold start, and
 * those its entry loads when asked (so the baseline's bundle carries the same SDK code).
 * A function not listed is compared with the API's baseline (and the line says so).
 */
const BASELINES: Record<string, string> = {
  ApiFunction: "mail-and-timers",
  WorkspaceApiFunction: "workspace",
  TimerFunction: "timer",
  OutboxFunction: "outbox",
  SesEventFunction: "table-only",
  InsightsFunction: "table-only",
  CalendarFeedsFunction: "table-only",
};
const DEFAULT_BASELINE = "mail-and-timers";

/**
 * The functions that read the settings head at a cold start (core-dependencies.ts; the feeds function
 * reads it at its first event): each is also timed against its baseline sending that one GetItem too
 * (core-clients.ts, BENCH_READS_SETTINGS) — the floor the read sets by itself.
 */
const SETTINGS_READERS = new Set(["ApiFunction", "WorkspaceApiFunction", "TimerFunction", "OutboxFunction"]);

const TABLE_NAME = "liveline";

export async function benchBundles(print: (line: string) => void): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "liveline-synth-"));
  execFileSync("npx", ["cdk", "synth", "--quiet", "--no-notices", "-c", "bundleMetafile=true", "-o", outDir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: "true" },
  });
  const assets = lambdaAssets(outDir);
  if (assets.length === 0) throw new Error(`no Lambda bundles found in ${outDir}`);
  for (const asset of assets) {
    const { total, outsideSdk } = bundleSizes(asset);
    print(`bundle ${asset.name}: ${kb(total)} KB minified, ${kb(outsideSdk)} KB outside the AWS SDK`);
  }
  const table = await startDynamoDbLocal();
  try {
    await ensureTable(new DynamoDBClient({ endpoint: table.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } }), TABLE_NAME);
    // DynamoDB Local's JVM compiles its request path over the first requests: warm it (and seed the
    // settings) before anything is timed, or the first function measured pays for it.
    for (let run = 0; run < WARM_UP_IMPORTS; run++) coldImport(assets[0]!.bundle, table.endpoint);
    const baselines = new Map<string, string>();
    for (const asset of assets) {
      const baseline = BASELINES[asset.name] ?? DEFAULT_BASELINE;
      if (!baselines.has(baseline)) baselines.set(baseline, buildBaseline(baseline, outDir));
      const { median, baselineMedian } = coldImports(asset.bundle, baselines.get(baseline)!, table.endpoint);
      const note = BASELINES[asset.name] ? "" : ` (no baseline of its own: ${baseline})`;
      print(`cold import ${asset.name}: median=${ms(median)} ms, sdk-only baseline median=${ms(baselineMedian)} ms, ratio=${(median / baselineMedian).toFixed(2)}${note}`);
    }
    for (const asset of assets.filter((each) => SETTINGS_READERS.has(each.name))) {
      const baseline = baselines.get(BASELINES[asset.name] ?? DEFAULT_BASELINE)!;
      const { median, baselineMedian } = coldImports(asset.bundle, baseline, table.endpoint, { BENCH_READS_SETTINGS: "yes" });
      print(`cold import ${asset.name} against the baseline that also reads the settings (one GetItem): median=${ms(median)} ms, baseline median=${ms(baselineMedian)} ms, ratio=${(median / baselineMedian).toFixed(2)}`);
    }
  } finally {
    await table.stop();
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** Our NodejsFunction bundles (index.mjs and its metafile), found through the template's asset metadata. */
function lambdaAssets(outDir: string): LambdaAsset[] {
  const template = JSON.parse(readFileSync(join(outDir, "Liveline.template.json"), "utf8")) as {
    Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
  };
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === "AWS::Lambda::Function" && resource.Metadata?.["aws:asset:path"])
    .map(([logicalId, resource]) => {
      const dir = join(outDir, resource.Metadata!["aws:asset:path"]!);
      const constructPath = resource.Metadata!["aws:cdk:path"] ?? logicalId;
      // "Liveline/ApiFunction/Function/Resource": the LivelineFunction construct names it.
      const name = constructPath.split("/")[1] ?? logicalId;
      return { logicalId, name, bundle: join(dir, "index.mjs"), metafile: join(dir, "index.meta.json") };
    })
    .filter((asset) => existsSync(asset.bundle));
}

function bundleSizes(asset: LambdaAsset): { total: number; outsideSdk: number } {
  const total = statSync(asset.bundle).size;
  const meta = JSON.parse(readFileSync(asset.metafile, "utf8")) as Metafile;
  const output = Object.entries(meta.outputs).find(([path]) => path.endsWith(".mjs"))?.[1];
  if (!output) throw new Error(`no bundle in ${asset.metafile}`);
  const outsideSdk = Object.entries(output.inputs)
    .filter(([path]) => !SDK_PACKAGE.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  return { total, outsideSdk };
}

/** The baseline's bundle, built like every function (BUNDLE_SETTINGS); its path. */
function buildBaseline(name: string, outDir: string): string {
  const outfile = join(outDir, `baseline-${name}`, "index.mjs");
  buildSync({
    entryPoints: [join(import.meta.dirname, "sdk-baselines", `${name}.ts`)],
    bundle: true,
    outfile,
    platform: BUNDLE_SETTINGS.platform,
    target: BUNDLE_SETTINGS.target,
    format: BUNDLE_SETTINGS.format,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    minify: BUNDLE_SETTINGS.minify,
    banner: { js: BUNDLE_SETTINGS.banner },
    sourcemap: true,
    sourcesContent: false,
    logLevel: "error",
  });
  return outfile;
}

/** Medians of IMPORT_RUNS fresh imports each, the function and its baseline taking turns (same noise for both). */
function coldImports(bundle: string, baseline: string, tableEndpoint: string, baselineEnv: Record<string, string> = {}): { median: number; baselineMedian: number } {
  const ours: number[] = [];
  const floor: number[] = [];
  coldImport(bundle, tableEndpoint); // the first run warms the file cache for both (and seeds the settings)
  coldImport(baseline, tableEndpoint, baselineEnv);
  for (let run = 0; run < IMPORT_RUNS; run++) {
    ours.push(coldImport(bundle, tableEndpoint));
    floor.push(coldImport(baseline, tableEndpoint, baselineEnv));
  }
  return { median: median(ours), baselineMedian: median(floor) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function coldImport(bundle: string, tableEndpoint: string, extraEnv: Record<string, string> = {}): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(bundle)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "x",
      AWS_SECRET_ACCESS_KEY: "x",
      TABLE_NAME,
      AWS_ENDPOINT_URL_DYNAMODB: tableEndpoint,
      LIVELINE_PUBLIC_URL: "https://example.cloudfront.net",
      SIGNING_SECRET: "cold-start-secret-0123456789abcdef0123",
      // As in AWS: the timers go to Scheduler, so the Scheduler client is created.
      SCHEDULE_GROUP_NAME: "liveline-timers",
      TIMER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:000000000000:function:liveline-timers",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/liveline-scheduler",
      SCHEDULER_DLQ_ARN: "arn:aws:sqs:us-east-1:000000000000:liveline-dlq",
      LOG_LEVEL: "silent",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...extraEnv,
    },
  });
  if (result.status !== 0) throw new Error(`importing ${bundle} failed:\n${result.stderr}`);
  return Number(result.stdout.trim());
}
