// Tests: the config a handler runs with — the CDK app's inlined copy as it is, else the file, validated.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { handlerConfig } from "../../functions/config/handler-config";
import { parseConfig } from "../../functions/config/load-config";
import { validConfig as valid } from "../support/config-problems";

describe("a handler's config", () => {
  it("reads and validates the file LIVELINE_CONFIG names when nothing is inlined, and says clearly when it is not JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "liveline-config-"));
    const file = join(dir, "custom.json");
    const raw = valid();
    raw.company.name = "Custom Co";
    writeFileSync(file, JSON.stringify(raw));
    expect((await handlerConfig({ LIVELINE_CONFIG: file })).company.name).toBe("Custom Co");
    writeFileSync(file, "{ not json");
    await expect(handlerConfig({ LIVELINE_CONFIG: file })).rejects.toThrow(/is not valid JSON/);
  });

  it("takes the config the CDK app validated and inlined as it is, without validating it again", async () => {
    const validated = parseConfig(valid(), "test.json");
    const before = process.env.LIVELINE_CONFIG_JSON;
    // What esbuild puts in place of process.env.LIVELINE_CONFIG_JSON; a marker the schema would refuse shows it is not parsed again.
    process.env.LIVELINE_CONFIG_JSON = JSON.stringify({ ...validated, unvalidatedMarker: true });
    try {
      expect(await handlerConfig({ LIVELINE_CONFIG: "/nonexistent.json" })).toEqual({ ...validated, unvalidatedMarker: true });
    } finally {
      if (before === undefined) delete process.env.LIVELINE_CONFIG_JSON;
      else process.env.LIVELINE_CONFIG_JSON = before;
    }
  });
});
