// The settings over HTTP: managers read and replace the whole document (ETag/If-Match: 428 without, 412 on a
// stale version with the version in force), see who changed what and restore; a rep keeps their own
// availability (a manager too), and the slots follow at once.
import { describe, expect, it } from "vitest";
import { TestClock } from "../../support/lifecycle-harness";
import { createTestApi } from "../../support/test-api";

const MANAGER = { authorization: "Bearer local-token-lukas" };
const MAYA = { authorization: "Bearer local-token-maya" };
const PRIYA = { authorization: "Bearer local-token-priya" };
/** A Wednesday: next week is 2027-01-11 … 2027-01-17. */
const NOW = new Date("2027-01-06T12:00:00Z");
const NEXT_FRIDAY = "2027-01-15";

describe("GET/PUT /api/settings", () => {
  it("gives managers the document with its version as ETag and saves a whole new one only against that version", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    expect((await api.call("GET", "/api/settings", undefined, MAYA)).status).toBe(403);
    const loaded = await api.call("GET", "/api/settings", undefined, MANAGER);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.etag).toBe('"1"');
    const document = loaded.json.settings;

    const renamed = { ...document, company: { name: "Renamed Inc" } };
    expect((await api.call("PUT", "/api/settings", renamed, MANAGER)).status).toBe(428);
    const saved = await api.call("PUT", "/api/settings", renamed, { ...MANAGER, "if-match": '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(api.deps.catalogue.config.company.name).toBe("Renamed Inc");

    const stale = await api.call("PUT", "/api/settings", { ...document, company: { name: "Other Inc" } }, { ...MANAGER, "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ code: "version_moved", currentVersion: 2 });
    expect(stale.headers.etag).toBe('"2"');
    expect(api.deps.catalogue.config.company.name).toBe("Renamed Inc");
  });

  it("refuses an invalid document with every bad field named, saving nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const document = (await api.call("GET", "/api/settings", undefined, MANAGER)).json.settings;
    const bad = { ...document, reps: [{ ...document.reps[0], timeZone: "Europe/Berln" }, ...document.reps.slice(1)], offerings: [{ ...document.offerings[0], durationMinutes: 7 }, ...document.offerings.slice(1)] };
    const refused = await api.call("PUT", "/api/settings", bad, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual(["offerings[0].durationMinutes", "reps[0].timeZone"]);
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
  });

  it("lists who changed what and restores an earlier version", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const document = (await api.call("GET", "/api/settings", undefined, MANAGER)).json.settings;
    await api.call("PUT", "/api/settings", { ...document, company: { name: "Renamed Inc" } }, { ...MANAGER, "if-match": '"1"' });
    const history = await api.call("GET", "/api/settings/history", undefined, MANAGER);
    expect(history.json.versions[0]).toEqual({ version: 2, savedBy: "lukas", savedAt: NOW.toISOString(), changes: [{ path: "company.name", before: document.company.name, after: "Renamed Inc" }] });
    expect(history.json.versions[1]).toMatchObject({ version: 1, savedBy: "seed", changes: [] });
    expect((await api.call("POST", "/api/settings/history/1/restore", undefined, MAYA)).status).toBe(403);
    const restored = await api.call("POST", "/api/settings/history/1/restore", undefined, { ...MANAGER, "if-match": '"2"' });
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ version: 3, savedBy: "lukas", settings: { company: document.company } });
    expect((await api.call("POST", "/api/settings/history/9/restore", undefined, { ...MANAGER, "if-match": '"3"' })).status).toBe(404);
  });
});

describe("GET/PUT /api/settings/reps/{repId}/availability", () => {
  it("lets a rep block next Friday: the preview and the booking slots lose Friday at once", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    expect((await api.call("GET", "/api/settings/reps/maya/availability", undefined, PRIYA)).status).toBe(403);
    const mine = await api.call("GET", "/api/settings/reps/maya/availability", undefined, MAYA);
    expect(mine.status).toBe(200);
    expect(mine.json.preview).toMatchObject({ offeringId: "live-demo", from: "2027-01-11", to: "2027-01-17" });
    const onFriday = (slots: { start: string }[]) => slots.filter((slot) => slot.start.startsWith(NEXT_FRIDAY));
    expect(onFriday(mine.json.preview.slots).length).toBeGreaterThan(0);

    const fridaySlots = async () => (await api.call("GET", `/api/slots?offering=live-demo&from=${NEXT_FRIDAY}&to=${NEXT_FRIDAY}&timeZone=America/Chicago&allTimes=true`)).json.slots;
    const fridayBefore = (await fridaySlots()).map((slot: { start: string }) => slot.start);
    const change = { ...mine.json.availability, datesOff: [...mine.json.availability.datesOff, NEXT_FRIDAY], workingHours: { ...mine.json.availability.workingHours, mon: ["08:00-11:00", "12:00-16:00"] } };
    const saved = await api.call("PUT", "/api/settings/reps/maya/availability", change, { ...MAYA, "if-match": mine.headers.etag! });
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(onFriday(saved.json.preview.slots)).toEqual([]);
    expect(saved.json.preview.slots.some((slot: { start: string }) => slot.start.startsWith("2027-01-11T08:00"))).toBe(true);
    // The prospects' slots that Friday: only the times another rep of the pool could take are left.
    const fridayAfter = (await fridaySlots()).map((slot: { start: string }) => slot.start);
    expect(fridayAfter.length).toBeLessThan(fridayBefore.length);
    expect(fridayBefore).toEqual(expect.arrayContaining(fridayAfter));

    const stale = await api.call("PUT", "/api/settings/reps/maya/availability", change, { ...MANAGER, "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error.currentVersion).toBe(2);
  });

  it("names the body's own fields when a value is refused, and saves nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const mine = await api.call("GET", "/api/settings/reps/maya/availability", undefined, MAYA);
    const bad = { ...mine.json.availability, workingHours: { mon: ["17:00-09:00"] }, datesOff: ["2027-02-30"], calendarFeedUrl: "ftp://nope" };
    const refused = await api.call("PUT", "/api/settings/reps/maya/availability", bad, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual(["calendarFeedUrl", "datesOff[0]", "workingHours.mon[0]"]);
    expect((await api.call("GET", "/api/settings/reps/maya/availability", undefined, MAYA)).headers.etag).toBe('"1"');
    expect((await api.call("PUT", "/api/settings/reps/maya/availability", mine.json.availability, MAYA)).status).toBe(428);
  });
});
