// Config: where the config file is — LIVELINE_CONFIG, else ./liveline.config.json.

import { resolve } from "node:path";

/** The path the local runtime, the CDK app and a handler without an inlined config read. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LIVELINE_CONFIG ?? "liveline.config.json");
}
