// The settings document in the table: seeded once from the deployed config, then the table wins; saves are
// validated (every bad field named, nothing stored) and conditioned on their version; another process sees
// a change once its cache time has passed, the process that made it at once; a warm copy costs no read.
import { describe, expect, it } from "vitest";
import { DynamoDbSettingsStore } from "../../../functions/adapters/dynamodb/settings-store.dynamodb";
import { InvalidFields, NotFound, VersionMoved } from "../../../functions/core/errors";
import type { SettingsStore } from "../../../functions/ports/settings-store";
import { LiveSettings, readSettingsInForce } from "../../../functions/use-cases/settings/live-settings";
import { validSettings } from "../../../functions/use-cases/settings/settings-validation";
import { createTestApi, defaultConfig, type TestApi } from "../../support/test-api";

const NOW = new Date("2026-12-07T09:00:00Z");

/** The table's settings store, counting the head reads. */
function countingStore(api: TestApi): SettingsStore & { headReads: number } {
  const store = new DynamoDbSettingsStore(api.documents, api.tableName);
  const counted = {
    headReads: 0,
    head: () => (counted.headReads++, store.head()),
    save: store.save.bind(store),
    history: store.history.bind(store),
    version: store.version.bind(store),
  };
  return counted;
}

/** A process's settings with a hand-moved cache clock. */
async function openSettings(api: TestApi, cacheMs = 30_000) {
  const store = countingStore(api);
  let elapsed = 0;
  const settings = await LiveSettings.open(store, defaultConfig(), { cacheMs, now: () => NOW, elapsedMs: () => elapsed });
  return { settings, store, pass: (ms: number) => void (elapsed += ms) };
}

function withVacation(config: ReturnType<typeof defaultConfig>, date: string) {
  return { ...config, reps: config.reps.map((rep, index) => (index === 0 ? { ...rep, datesOff: [...rep.datesOff, date] } : rep)) };
}

describe("the settings document in the table", () => {
  it("is seeded once from the deployed config (the wiring's cold start did it) and wins over a different deployed config after that", async () => {
    const api = await createTestApi();
    expect(api.deps.settings.current()).toMatchObject({ version: 1, savedBy: "seed" });
    const changedDeploy = { ...defaultConfig(), company: { name: "Another Name" } };
    const later = await LiveSettings.open(countingStore(api), changedDeploy, { cacheMs: 30_000, now: () => NOW });
    expect(later.current().version).toBe(1);
    expect(later.current().config.company.name).toBe(defaultConfig().company.name);
    expect((await api.itemsWithPrefix("SETTINGS")).map((item) => item.sk)).toEqual(["HEAD", "VERSION#0000000001"]);
  });

  it("reaches another process once its cache time has passed — no read before — and the saving process at once", async () => {
    const api = await createTestApi();
    const writer = await openSettings(api);
    const reader = await openSettings(api);
    const rep = defaultConfig().reps[0]!;
    const saved = await writer.settings.replace(withVacation(writer.settings.current().config, "2027-01-08"), 1, rep.id, validSettings);
    expect(saved.version).toBe(2);
    expect(writer.settings.current().catalogue.rep(rep.id).datesOff).toContain("2027-01-08");

    const readsBefore = reader.store.headReads;
    for (let request = 0; request < 100; request++) await reader.settings.refresh();
    expect(reader.store.headReads).toBe(readsBefore);
    expect(reader.settings.current().version).toBe(1);

    reader.pass(30_000);
    await reader.settings.refresh();
    expect(reader.store.headReads).toBe(readsBefore + 1);
    expect(reader.settings.current().version).toBe(2);
    expect(reader.settings.current().catalogue.rep(rep.id).datesOff).toContain("2027-01-08");
  });

  it("refuses a save based on an older version (nothing stored) and names the version in force", async () => {
    const api = await createTestApi();
    const first = await openSettings(api);
    const second = await openSettings(api);
    await first.settings.replace(withVacation(first.settings.current().config, "2027-01-08"), 1, "maya", validSettings);
    const stale = second.settings.replace(withVacation(second.settings.current().config, "2027-01-15"), 1, "lukas", validSettings);
    await expect(stale).rejects.toBeInstanceOf(VersionMoved);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    expect(second.settings.current().version).toBe(2);
    const history = await api.deps.settings.history();
    expect(history.map((version) => [version.version, version.savedBy])).toEqual([[2, "maya"], [1, "seed"]]);
  });

  it("refuses an invalid document naming every bad field, and a change to the deployment's own fields, storing nothing", async () => {
    const api = await createTestApi();
    const { settings } = await openSettings(api);
    const config = settings.current().config;
    const bad = { ...config, reps: [{ ...config.reps[0]!, email: "not-an-address", weight: 0 }, ...config.reps.slice(1)], retention: { inactiveLeadDays: 3 } };
    const refused = await settings.replace(bad, 1, "maya", validSettings).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidFields);
    expect((refused as InvalidFields).problems.map((problem) => problem.field).sort()).toEqual(["reps[0].email", "reps[0].weight", "retention.inactiveLeadDays"]);
    const deployedField = await settings.replace({ ...config, sender: { name: "Someone", email: "someone@elsewhere.example" } }, 1, "maya", validSettings).catch((error: unknown) => error);
    expect((deployedField as InvalidFields).problems).toEqual([{ field: "sender", message: expect.stringContaining("deployed") }]);
    expect((await api.itemsWithPrefix("SETTINGS")).length).toBe(2);
    expect(settings.current().version).toBe(1);
  });

  it("records who changed what, path by path, and restores an earlier version as a new one", async () => {
    const api = await createTestApi();
    const { settings } = await openSettings(api);
    const before = settings.current().config;
    await settings.replace(withVacation(before, "2027-01-08"), 1, "maya", validSettings);
    const [latest] = await settings.history();
    const datesOff = before.reps[0]!.datesOff;
    expect(latest).toMatchObject({ version: 2, savedBy: "maya", savedAt: NOW.toISOString(), changes: [{ path: `reps[0].datesOff[${datesOff.length}]`, after: "2027-01-08" }] });

    const restored = await settings.restore(1, 2, "lukas", validSettings);
    expect(restored.version).toBe(3);
    expect(restored.catalogue.rep(before.reps[0]!.id).datesOff).toEqual(datesOff);
    const [third] = await settings.history(1);
    expect(third).toMatchObject({ version: 3, savedBy: "lukas", changes: [{ path: `reps[0].datesOff[${datesOff.length}]`, before: "2027-01-08" }] });
    await expect(settings.restore(9, undefined, "lukas", validSettings)).rejects.toBeInstanceOf(NotFound);
  });

  it("is read without seeding by the calendar feed refresh: the deployed config until the table has one, then the table's, rebuilt only on a new version", async () => {
    const api = await createTestApi();
    const empty = { head: async () => undefined, save: async () => undefined, history: async () => [], version: async () => undefined };
    expect(await readSettingsInForce(empty, defaultConfig())).toMatchObject({ version: 0, config: defaultConfig() });
    const store = new DynamoDbSettingsStore(api.documents, api.tableName);
    const first = await readSettingsInForce(store, defaultConfig());
    expect(first.version).toBe(1);
    expect(await readSettingsInForce(store, defaultConfig(), first)).toBe(first);
    await api.deps.settings.replace(withVacation(api.deps.settings.current().config, "2027-01-08"), 1, "maya", validSettings);
    const second = await readSettingsInForce(store, defaultConfig(), first);
    expect(second.version).toBe(2);
    expect(second.catalogue.rep(defaultConfig().reps[0]!.id).datesOff).toContain("2027-01-08");
  });

  it("lists every version asked for when they pass DynamoDB's 1 MB a query, page after page, without their documents", async () => {
    const api = await createTestApi();
    const store = new DynamoDbSettingsStore(api.documents, api.tableName);
    const document = api.deps.settings.current().config;
    // Restores of a large document: each version's changes are about 300 KB, so six make about 1.8 MB.
    const large = "x".repeat(300_000);
    for (let version = 2; version <= 7; version++) {
      await store.save({ version, document, savedAt: NOW.toISOString(), savedBy: "lukas", changes: [{ path: "company.name", before: large, after: `v${version}` }] });
    }
    const history = await store.history(50);
    expect(history.map((entry) => entry.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(history[0]!.changes[0]!.after).toBe("v7");
    expect(history.every((entry) => !("document" in entry))).toBe(true);
    expect((await store.history(3)).map((entry) => entry.version)).toEqual([7, 6, 5]);
  });

  it("fills a section missing from a document saved by an older release from the deployed config", async () => {
    const api = await createTestApi();
    const store = new DynamoDbSettingsStore(api.documents, api.tableName);
    const { instantCalls: _added, ...older } = api.deps.settings.current().config;
    await store.save({ version: 2, document: older, savedAt: NOW.toISOString(), savedBy: "maya", changes: [] });
    const settings = await LiveSettings.open(store, defaultConfig(), { cacheMs: 30_000, now: () => NOW });
    expect(settings.current().version).toBe(2);
    expect(settings.current().config.instantCalls).toEqual(defaultConfig().instantCalls);
  });

  it("serves the deployed config when the table cannot be read at a cold start, and reads (seeding) it at the next refresh", async () => {
    const api = await createTestApi();
    const store = countingStore(api);
    const down = { ...store, head: async () => Promise.reject(new Error("table unreachable")) };
    await expect(LiveSettings.open(down, defaultConfig(), { cacheMs: 30_000, now: () => NOW })).rejects.toThrow(/unreachable/);
    let elapsed = 0;
    const fresh = await createTestApi();
    const settings = LiveSettings.deployedOnly(new DynamoDbSettingsStore(fresh.documents, `${fresh.tableName}`), defaultConfig(), { cacheMs: 30_000, now: () => NOW, elapsedMs: () => elapsed });
    expect(settings.current()).toMatchObject({ version: 0, config: defaultConfig() });
    elapsed += 30_000;
    await settings.refresh();
    expect(settings.current().version).toBe(1);
  });
});
