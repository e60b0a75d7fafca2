// Tests: runs `npm start` (infra/local/start.ts) as a child process, the way a person does, and waits
// until it says it is running.

import { spawn, type ChildProcess } from "node:child_process";

export interface StartedRuntime {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the local runtime; resolves when it printed "Liveline is running.", rejects if it exits first. */
export function startRuntimeProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<StartedRuntime> {
  // tsx as a loader in the one process, not its CLI: the CLI relays a signal to a child process and, when
  // that child is slow to acknowledge it (30 ms, on a busy machine), kills it and exits 130 — the test is
  // about our own SIGINT handling, which then gets the signal itself.
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started: StartedRuntime = {
    child,
    output: () => output,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the local runtime did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      if (output.includes("Liveline is running.")) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(started);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (!output.includes("Liveline is running.")) reject(Object.assign(new Error(`exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

/** Runs it to completion (for start-up failures): exit code and everything printed. */
export async function runRuntimeProcess(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  try {
    const started = await startRuntimeProcess(env, 30_000);
    const code = await started.stop();
    return { code, output: started.output() };
  } catch (error) {
    const failure = error as { code?: number | null; output?: string; message: string };
    return { code: failure.code ?? null, output: failure.output ?? failure.message };
  }
}

/** The environment a person has: no AWS_* or Liveline variables from the test process. */
export function cleanEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(AWS_|LIVELINE_|TABLE_NAME|SIGNING_SECRET|PORT$|VITEST|NODE_ENV)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...extra };
}
