// Use cases: the validation of a settings document to be saved — exactly as liveline.config.json is at
// start (the config schema, loaded here on a save only), every bad field named; the deployment's own fields
// must be left as deployed. Imported only by what saves settings (the workspace API's settings routes, the
// config command), so the other functions' bundles carry no config schema.

import diff from "microdiff";
import { ConfigError } from "../../config/config-error";
import type { LivelineConfig } from "../../config/liveline-config";
import { InvalidFields } from "../../core/errors";
import { DEPLOYED_FIELDS, type SettingsValidator } from "./live-settings";

/**
 * The document validated exactly as liveline.config.json is at start (the schema is loaded only here, on a
 * save), with every bad field named; the deployment's own fields must be left as deployed.
 */
export const validSettings: SettingsValidator = async (document, deployed) => {
  const { parseConfig } = await import("../../config/load-config");
  let config: LivelineConfig;
  try {
    config = parseConfig(document, "settings");
  } catch (error) {
    if (error instanceof ConfigError) throw new InvalidFields(error.problems.map((problem) => ({ field: problem.field || "settings", message: problem.message })));
    throw error;
  }
  const fixed = DEPLOYED_FIELDS.filter((field) => diff({ value: config[field] }, { value: deployed[field] }).length > 0);
  if (fixed.length > 0) throw new InvalidFields(fixed.map((field) => ({ field, message: "is set when the stack is deployed (liveline.config.json): change it there and deploy" })));
  return config;
};

/**
 * Runs a save whose body is one part of the document, its field errors renamed as that body names them
 * ("reps[3].weight" → "weight"); errors elsewhere in the document keep their path.
 */
export async function withBodyFieldNames<T>(rename: (field: string) => string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof InvalidFields)) throw error;
    throw new InvalidFields(error.problems.map((problem) => ({ ...problem, field: rename(problem.field) })));
  }
}

/** A rename for withBodyFieldNames: the fields under `prefix` ("offerings[2].") without it. */
export const underPrefix = (prefix: string) => (field: string) => (field.startsWith(prefix) ? field.slice(prefix.length) : field);
