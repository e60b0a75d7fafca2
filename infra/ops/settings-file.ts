// Operations: the settings document between the table and a file — what `npm run config -- export|import`
// does. An import is validated exactly as a save from the console (every bad field named) and changes
// nothing unless valid; it is saved as a new version by `operator:<name>`, with its diff.

import { writeFileSync, readFileSync } from "node:fs";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import type { SettingsStore } from "../../functions/ports/settings-store";
import { LiveSettings } from "../../functions/use-cases/settings/live-settings";
import { validSettings } from "../../functions/use-cases/settings/settings-validation";

export async function exportSettings(store: SettingsStore, deployed: LivelineConfig, file: string): Promise<number> {
  const settings = await LiveSettings.open(store, deployed, { cacheMs: 0, now: () => new Date() });
  const { version, config } = settings.current();
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return version;
}

/** Throws InvalidFields (every bad field) or a SyntaxError for text that is not JSON; stores nothing then. */
export async function importSettings(store: SettingsStore, deployed: LivelineConfig, file: string, operator: string): Promise<{ version: number; changes: number }> {
  const document: unknown = JSON.parse(readFileSync(file, "utf8"));
  const settings = await LiveSettings.open(store, deployed, { cacheMs: 0, now: () => new Date() });
  const saved = await settings.replace(document, settings.current().version, operator, validSettings);
  return { version: saved.version, changes: (await settings.history(1))[0]?.changes.length ?? 0 };
}
