// `npm run config -- export|import`: the table's settings to a file and back — an import is validated first
// and refused with every bad field named, changing nothing; a valid one is a new version by the operator.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DynamoDbSettingsStore } from "../../../functions/adapters/dynamodb/settings-store.dynamodb";
import { InvalidFields } from "../../../functions/core/errors";
import { exportSettings, importSettings } from "../../../infra/ops/settings-file";
import { createTestApi, defaultConfig } from "../../support/test-api";

describe("the config command", () => {
  it("exports the document in force, refuses an invalid import naming every field, and imports a valid one as a new version", async () => {
    const api = await createTestApi();
    const store = new DynamoDbSettingsStore(api.documents, api.tableName);
    const dir = mkdtempSync(join(tmpdir(), "liveline-settings-"));
    const file = join(dir, "settings.json");

    expect(await exportSettings(store, defaultConfig(), file)).toBe(1);
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported.reps.map((rep: { id: string }) => rep.id)).toEqual(defaultConfig().reps.map((rep) => rep.id));

    writeFileSync(file, JSON.stringify({ ...exported, company: { name: "" }, offerings: [] }));
    const refused = await importSettings(store, defaultConfig(), file, "operator:test").catch((error: unknown) => error);
    expect((refused as InvalidFields).problems.map((problem) => problem.field).sort()).toEqual(["company.name", "offerings"]);
    expect((await store.head())?.version).toBe(1);

    writeFileSync(file, JSON.stringify({ ...exported, company: { name: "Imported Co" } }));
    expect(await importSettings(store, defaultConfig(), file, "operator:test")).toEqual({ version: 2, changes: 1 });
    expect(await store.head()).toMatchObject({ version: 2, savedBy: "operator:test", document: { company: { name: "Imported Co" } } });
  });
});
