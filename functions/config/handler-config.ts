// Config: the config a handler was deployed with — it seeds the settings document in the table the first
// time and keeps the deployment's own fields; the product settings in force are the table's
// (use-cases/settings/live-settings.ts). In Lambda the CDK app has replaced
// `process.env.LIVELINE_CONFIG_JSON` with the config it validated (load-config.ts's output, defaults filled
// in) at bundle time: a cold start takes it as it is. Validating it again, or even building the config
// schema, costs about 15 ms of CPU at each cold start (npm run bench: cold import) and finds nothing new,
// so the schema's module is imported only when a file is read (npm start, tests), and is not in the bundle.

import type { LivelineConfig } from "./liveline-config";
import { configPath } from "./config-path";

export async function handlerConfig(env: NodeJS.ProcessEnv = process.env): Promise<LivelineConfig> {
  // Read twice, not through a variable, and in an if/else: in the bundle both are the inlined text, so esbuild
  // sees a constant condition and leaves the file-reading branch (and the config schema) out of the bundle.
  if (process.env.LIVELINE_CONFIG_JSON) {
    return JSON.parse(process.env.LIVELINE_CONFIG_JSON) as LivelineConfig;
  } else {
    const { readConfigFile } = await import("./load-config");
    return readConfigFile(configPath(env));
  }
}
