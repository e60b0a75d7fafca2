// Tests: the committed config with its seeded webinar changed — the raw JSON edited, then parsed by the
// real loader, so the changed fields are validated and defaulted as an operator's would be.

import { readFileSync } from "node:fs";
import { parseConfig } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";

export function webinarConfigWith(fields: Record<string, unknown>): LivelineConfig {
  const raw = JSON.parse(readFileSync("liveline.config.json", "utf8")) as { offerings: { kind: string }[] };
  raw.offerings = raw.offerings.map((offering) => (offering.kind === "webinar" ? { ...offering, ...fields } : offering));
  return parseConfig(raw, "test config");
}
