// Config: reads liveline.config.json (or the file LIVELINE_CONFIG names, or the copy the CDK app inlined
// into the Lambda bundle) and validates it, failing with one line per bad field.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { livelineConfigSchema, type LivelineConfig } from "./liveline-config";
import { toFieldProblems, type FieldProblem } from "../validation/issue-messages";

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${source} is not valid:\n${problems.map((p) => `  - ${p.field || "(file)"}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(raw: unknown, source: string): LivelineConfig {
  // zod/mini drops each issue's input unless asked; without it a value of the wrong type reads as missing.
  const result = livelineConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigError(source, toFieldProblems(result.error.issues));
  return result.data;
}

export function readConfigFile(path: string): LivelineConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(path, [{ field: "", message: `cannot be read (${(error as Error).message})` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [{ field: "", message: `is not valid JSON (${(error as Error).message})` }]);
  }
  return parseConfig(raw, path);
}

/** The path the local runtime and the CDK app read: LIVELINE_CONFIG, else ./liveline.config.json. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LIVELINE_CONFIG ?? "liveline.config.json");
}

/**
 * The config a handler runs with. In Lambda the CDK app has replaced `process.env.LIVELINE_CONFIG_JSON`
 * with the config it validated (parseConfig's output, defaults filled in) at bundle time: a cold start takes
 * it as it is — validating it again costs about 15 ms of CPU (bench: cold import) and finds nothing new.
 * Locally the file is read and validated.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LivelineConfig {
  const inlined = process.env.LIVELINE_CONFIG_JSON;
  if (inlined) return JSON.parse(inlined) as LivelineConfig;
  return readConfigFile(configPath(env));
}
