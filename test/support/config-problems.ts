// Test support: a copy of the committed config to spoil, and the problems a refused config names, by field.
import { ConfigError, parseConfig, readConfigFile } from "../../functions/config/load-config";

export const validConfig = () => JSON.parse(JSON.stringify(readConfigFile("liveline.config.json")));

export function problemsOf(raw: unknown): Record<string, string> {
  try {
    parseConfig(raw, "test.json");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  }
  throw new Error("expected the config to be refused");
}
