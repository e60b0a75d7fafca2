// Config: reads liveline.config.json (or the file LIVELINE_CONFIG names) and validates it, failing with one
// line per bad field — for the CDK app (which inlines the result into each bundle), npm start and the tests.
// Handlers get their config through handler-config.ts, which loads this module only when there is a file to read.

import { readFileSync } from "node:fs";
import { livelineConfigSchema, type LivelineConfig } from "./liveline-config";
import { toFieldProblems } from "../validation/issue-messages";
import { ConfigError } from "./config-error";

export { ConfigError } from "./config-error";
export { configPath } from "./config-path";


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
