// The settings over HTTP: managers read and replace the whole document (ETag/If-Match: 428 without, 412 on a
// stale version with the version in force), see who changed what and restore; a rep keeps their own
// availability (a manager too), and the slots follow at once.
import { describe, expect, it } from "vitest";
import { configWithUniqueRepEmails, signIn } from "../../support/console-session";
import { createLifecycle, TestClock } from "../../support/lifecycle-harness";
import { createTestApi } from "../../support/test-api";
import { CallBackInPool, recordOutcomeOnPrompt } from "../../../functions/use-cases/calls/record-outcome";

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

  it("keeps every rep and offering of the version in force: a restore or a save that would drop one is 422 naming it, saving nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    expect((await api.call("POST", "/api/settings/reps", NORA, { ...MANAGER, "if-match": '"1"' })).status).toBe(201);
    expect((await api.call("POST", "/api/settings/offerings", LAUNCH_SERIES, { ...MANAGER, "if-match": '"2"' })).status).toBe(201);
    // Version 1 has neither: restoring it would strand what names them (a booking's manage link, its timers).
    const restore = await api.call("POST", "/api/settings/history/1/restore", undefined, { ...MANAGER, "if-match": '"3"' });
    expect(restore.status).toBe(422);
    expect(restore.json.error.fields).toEqual([
      { field: "reps", message: expect.stringMatching(/^reps must keep rep "nora": deactivate a rep instead of removing them/) },
      { field: "offerings", message: expect.stringMatching(/^offerings must keep offering "launch-series"/) },
    ]);
    const document = (await api.call("GET", "/api/settings", undefined, MANAGER)).json.settings;
    const withoutNora = { ...document, reps: document.reps.filter((rep: { id: string }) => rep.id !== "nora") };
    const removed = await api.call("PUT", "/api/settings", withoutNora, { ...MANAGER, "if-match": '"3"' });
    expect(removed.status).toBe(422);
    expect(removed.json.error.fields).toEqual([{ field: "reps", message: expect.stringMatching(/^reps must keep rep "nora"/) }]);
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"3"');
    expect(api.deps.catalogue.config.offerings.map((offering) => offering.id)).toContain("launch-series");
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

/** A rep as the Team page adds one: Sundays 10:00–14:00 UTC, when nobody else of the team works. */
const NORA = {
  id: "nora",
  name: "Nora Lind",
  email: "nora.lind@acme-analytics.example",
  role: "rep",
  weight: 2,
  skills: ["enterprise"],
  regions: [],
  languages: ["en", "sv"],
  language: "en",
  timeZone: "UTC",
  phone: "+46 8 555 0100",
  meetingUrl: "https://meet.example/nora",
  workingHours: { sun: ["10:00-14:00"] },
};
const NEXT_SUNDAY = "2027-01-17";

describe("the team (GET/POST /api/settings/reps, PUT /api/settings/reps/{repId})", () => {
  it("lets a manager add a rep, whose slots appear at once; reps are refused", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const sundaySlots = async () => (await api.call("GET", `/api/slots?offering=live-demo&from=${NEXT_SUNDAY}&to=${NEXT_SUNDAY}&timeZone=UTC&allTimes=true`)).json.slots;
    expect(await sundaySlots()).toEqual([]);
    expect((await api.call("GET", "/api/settings/reps", undefined, MAYA)).status).toBe(403);
    expect((await api.call("POST", "/api/settings/reps", NORA, { ...MAYA, "if-match": '"1"' })).status).toBe(403);
    const team = await api.call("GET", "/api/settings/reps", undefined, MANAGER);
    expect(team.status).toBe(200);
    expect(team.headers.etag).toBe('"1"');
    expect(team.json.reps.find((rep: { id: string }) => rep.id === "maya")).toMatchObject({ name: "Maya Johnson", role: "rep", weight: 1, active: true, offerings: ["live-demo", "team-demo"] });
    expect((await api.call("POST", "/api/settings/reps", NORA, MANAGER)).status).toBe(428);

    const added = await api.call("POST", "/api/settings/reps", NORA, { ...MANAGER, "if-match": '"1"' });
    expect(added.status).toBe(201);
    expect(added.headers.etag).toBe('"2"');
    expect(added.json.rep).toMatchObject({ ...NORA, phone: "+4685550100", active: true, offerings: ["live-demo", "team-demo"] });
    const slots = await sundaySlots();
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((slot: { start: string }) => slot.start >= `${NEXT_SUNDAY}T10:00` && slot.start < `${NEXT_SUNDAY}T14:00`)).toBe(true);
    const history = (await api.call("GET", "/api/settings/history", undefined, MANAGER)).json.versions[0];
    expect(history).toMatchObject({ version: 2, savedBy: "lukas", changes: [{ path: "reps[3]", after: expect.objectContaining({ id: "nora" }) }] });
  });

  it("refuses a bad rep naming each of the body's fields, and saves nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const fieldsOf = (answer: { json: any }) => answer.json.error.fields.map((field: { field: string }) => field.field).sort();
    const bad = { ...NORA, weight: 0, language: "xx", workingHours: { sun: ["14:00-10:00"] } };
    const refused = await api.call("POST", "/api/settings/reps", bad, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused)).toEqual(["language", "weight", "workingHours.sun[0]"]);
    // Judged across the team once each rep is well formed: an id or an address in use.
    const taken = await api.call("POST", "/api/settings/reps", { ...NORA, id: "maya", email: "Lukas.Becker@acme-analytics.example" }, { ...MANAGER, "if-match": '"1"' });
    expect(taken.status).toBe(422);
    expect(fieldsOf(taken)).toEqual(["email", "id"]);
    expect(taken.json.error.fields.find((field: { field: string }) => field.field === "email").message).toMatch(/another rep's address/);
    const unknownZone = await api.call("POST", "/api/settings/reps", { ...NORA, timeZone: "Mars/Base" }, { ...MANAGER, "if-match": '"1"' });
    expect(unknownZone.status).toBe(422);
    expect(unknownZone.json.error.field).toBe("timeZone");
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
    expect(api.deps.catalogue.config.reps.map((rep) => rep.id)).toEqual(["maya", "lukas", "priya"]);
  });

  it("edits a rep's role, weight and skills, keeping what the page does not show; a stale edit is 412 with the version in force", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const maya = (await api.call("GET", "/api/settings/reps", undefined, MANAGER)).json.reps.find((rep: { id: string }) => rep.id === "maya");
    const { id: _id, active: _active, offerings: _offerings, workingHours: _hours, ...fields } = maya;
    const change = { ...fields, role: "manager", weight: 3, skills: ["healthcare"], regions: [], calendarFeedUrl: "https://calendar.example/maya.ics" };
    const saved = await api.call("PUT", "/api/settings/reps/maya", change, { ...MANAGER, "if-match": '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 2, rep: { role: "manager", weight: 3, skills: ["healthcare"], calendarFeedUrl: "https://calendar.example/maya.ics", workingHours: maya.workingHours } });
    const stored = api.deps.catalogue.rep("maya");
    expect(stored.apiTokenSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.calendarFeed).toEqual({ url: "https://calendar.example/maya.ics", refreshMinutes: 15 });

    const stale = await api.call("PUT", "/api/settings/reps/maya", { ...change, weight: 5 }, { ...MANAGER, "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error.currentVersion).toBe(2);
    expect(api.deps.catalogue.rep("maya").weight).toBe(3);
    expect((await api.call("PUT", "/api/settings/reps/nobody", change, { ...MANAGER, "if-match": '"2"' })).status).toBe(404);
  });
});

/** A lifecycle with Maya's Tuesday demo booked (17:00Z), its clock at her call-back prompt (17:35Z). */
async function demoAtItsCallBack(name: string, addressTag: string) {
  const life = await createLifecycle("2026-11-30T06:00:00Z", { config: configWithUniqueRepEmails() });
  const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name, email: `${addressTag}.${Date.now()}@initech.example`, phone: "+33 1 23 45 67 89", timeZone: "Europe/Paris", consent: true });
  expect(booked.status).toBe(201);
  life.clock.set("2026-12-01T17:35:00Z");
  await life.runner.drain();
  return life;
}

describe("deactivating a rep (POST /api/settings/reps/{repId}/deactivate)", () => {
  it("keeps their history, takes them out of every pool and sign-in, and hands their open call-backs to the pool, where another rep takes one", async () => {
    const life = await demoAtItsCallBack("Pat Prospect", "pool");
    const mayaSession = await signIn(life.api, "maya");
    const priya = await signIn(life.api, "priya");
    const [callBack] = (await life.api.call("GET", "/api/console/queue", undefined, mayaSession)).json.items;
    expect(callBack).toMatchObject({ repId: "maya", kind: "after-demo" });
    expect((await life.api.call("GET", "/api/console/queue", undefined, priya)).json.items).toEqual([]);

    expect((await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...PRIYA, "if-match": '"1"' })).status).toBe(403);
    const done = await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"1"' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ version: 2, handedToPool: 1, rep: { id: "maya", active: false, offerings: [] } });

    // Out of the pools, the team list and sign-in; her session and token no longer work.
    expect(life.api.deps.catalogue.poolIds(life.api.deps.catalogue.offering("live-demo"))).toEqual(["lukas", "priya"]);
    expect((await life.api.call("GET", "/api/console/team", undefined, MANAGER)).json.reps.map((rep: { id: string }) => rep.id)).toEqual(["lukas", "priya"]);
    expect((await life.api.call("GET", "/api/console/queue", undefined, mayaSession)).status).toBe(401);
    expect((await life.api.call("GET", "/api/console/queue", undefined, MAYA)).status).toBe(401);
    // Her history stays: the booking still names her.
    expect((await life.api.call("GET", `/api/leads/${callBack.lead.id}`, undefined, MANAGER)).json.events.find((event: { kind: string }) => event.kind === "booked").data.repId).toBe("maya");

    // Every rep's queue lists the call-back as the pool's; Priya logs the call and so takes it.
    const pooled = (await life.api.call("GET", "/api/console/queue", undefined, priya)).json.items;
    expect(pooled).toEqual([expect.objectContaining({ id: callBack.id, repId: "-", inPool: true })]);
    const logged = await life.api.call("POST", `/api/console/queue/${callBack.id}/outcome`, { outcome: "reached" }, priya);
    expect(logged.status).toBe(200);
    const events = (await life.api.call("GET", `/api/leads/${callBack.lead.id}`, undefined, MANAGER)).json.events;
    expect(events.filter((event: { kind: string }) => event.kind === "reassigned").map((event: { data: Record<string, string> }) => [event.data.fromRepId, event.data.repId])).toEqual([["maya", "-"], ["-", "priya"]]);
    expect(events.find((event: { kind: string }) => event.kind === "call_attempt").data).toMatchObject({ outcome: "reached", repId: "priya" });

    // Again (a retry): no new version, nothing left to hand over; a stale one is 412 like any change.
    const again = await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"2"' });
    expect(again.json).toMatchObject({ version: 2, handedToPool: 0 });
    const reactivated = await life.api.call("POST", "/api/settings/reps/maya/reactivate", undefined, { ...MANAGER, "if-match": '"2"' });
    expect(reactivated.json).toMatchObject({ version: 3, rep: { active: true, offerings: ["live-demo", "team-demo"] } });
    expect((await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"2"' })).status).toBe(412);
  });

  it("takes a pool item only for an outcome that is then recorded: a refused one leaves it in the pool, taken by nobody", async () => {
    const life = await demoAtItsCallBack("Ari Attended", "attended");
    const [afterDemo] = (await life.api.call("GET", "/api/console/queue", undefined, MAYA)).json.items;
    expect((await life.api.call("POST", `/api/console/queue/${afterDemo.id}/outcome`, { outcome: "no_show" }, MAYA)).status).toBe(200);
    expect((await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"1"' })).json.handedToPool).toBe(1);
    // Attendance was logged already: 409, and the item stays the pool's.
    const again = await life.api.call("POST", `/api/console/queue/${afterDemo.id}/outcome`, { outcome: "attended" }, PRIYA);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("outcome_already_recorded");
    // A call-back without a demo (a contact request's), in the pool: an attendance outcome is 422, nothing taken.
    const request = await life.api.call("POST", "/api/contact-requests", { name: "Una Unbooked", email: `unbooked.${Date.now()}@initech.example`, phone: "+33 1 23 45 67 80", timeZone: "Europe/Paris", consent: true });
    expect(request.status).toBe(201);
    await life.advance(20);
    const unbooked = (await life.api.call("GET", "/api/console/queue?rep=all", undefined, MANAGER)).json.items.find((item: { lead: { id: string } }) => item.lead.id === request.json.id);
    const [leadId, promptId] = unbooked.id.split("~");
    expect(await life.api.deps.leadLog.reassignPrompt((await life.api.deps.leadLog.getPrompt(leadId, promptId))!, "-", [])).toBe(true);
    const refused = await life.api.call("POST", `/api/console/queue/${unbooked.id}/outcome`, { outcome: "attended" }, PRIYA);
    expect(refused.status).toBe(422);
    expect(refused.json.error.field).toBe("outcome");

    const pooled = (await life.api.call("GET", "/api/console/queue", undefined, PRIYA)).json.items;
    expect(pooled.filter((item: { inPool?: boolean }) => item.inPool).map((item: { id: string }) => item.id).sort()).toEqual([afterDemo.id, unbooked.id].sort());
    for (const lead of [afterDemo.lead.id, request.json.id]) {
      const events = (await life.api.call("GET", `/api/leads/${lead}`, undefined, MANAGER)).json.events;
      expect(events.filter((event: { kind: string; data: { repId?: string } }) => event.kind === "reassigned" && event.data.repId === "priya")).toEqual([]);
    }
  });

  it("leaves an unclaimed instant call handed to the pool in the pool when its outcome is refused (claim it first)", async () => {
    const life = await createLifecycle("2026-12-01T15:00:00Z", { config: configWithUniqueRepEmails() });
    expect((await life.api.call("PUT", "/api/console/presence", { available: true }, MAYA)).status).toBe(200);
    const call = await life.api.call("POST", "/api/instant-calls", { offering: "live-demo", name: "Ina Instant", email: `instant.${Date.now()}@initech.example`, phone: "+1 212 555 0100", timeZone: "America/New_York", consent: true });
    expect(call.status).toBe(201);
    expect((await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"1"' })).json.handedToPool).toBe(1);
    const [pooled] = (await life.api.call("GET", "/api/console/queue", undefined, PRIYA)).json.items;
    expect(pooled).toMatchObject({ inPool: true, instant: expect.any(Object) });
    const refused = await life.api.call("POST", `/api/console/queue/${pooled.id}/outcome`, { outcome: "reached" }, PRIYA);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("instant_call_not_claimed");
    expect((await life.api.call("GET", "/api/console/queue", undefined, PRIYA)).json.items).toEqual([expect.objectContaining({ id: pooled.id, inPool: true })]);
  });

  it("puts a deactivated rep's later call-backs (a retry planned before) in the pool, without mailing them, and refuses their old outcome link's pool item", async () => {
    const life = await demoAtItsCallBack("Robin Retry", "retry");
    const [first] = (await life.api.call("GET", "/api/console/queue", undefined, MAYA)).json.items;
    const voicemail = await life.api.call("POST", `/api/console/queue/${first.id}/outcome`, { outcome: "voicemail" }, MAYA);
    expect(voicemail.json.next.attempt).toBe(2);
    expect((await life.api.call("POST", "/api/settings/reps/maya/deactivate", undefined, { ...MANAGER, "if-match": '"1"' })).json.handedToPool).toBe(0);
    const mayaAddress = life.api.deps.catalogue.rep("maya").email;
    const mailsToMaya = () => life.sent.filter((mail) => mail.to.includes(mayaAddress)).length;
    const before = mailsToMaya();

    life.clock.set(voicemail.json.next.dueAt);
    await life.runner.drain();
    const [retry] = (await life.api.call("GET", "/api/console/queue", undefined, PRIYA)).json.items;
    expect(retry).toMatchObject({ kind: "retry", attempt: 2, repId: "-", inPool: true });
    expect(mailsToMaya()).toBe(before);
    // Nobody is escalated to about a pool item: every rep's queue shows it.
    const manager = life.api.deps.catalogue.config.followUps.managerEmail!;
    const escalations = () => life.sent.filter((mail) => mail.to === manager).length;
    const escalationsBefore = escalations();
    await life.advance(60);
    expect(escalations()).toBe(escalationsBefore);
    // Her old e-mail's outcome link reaches the pool item: refused (a rep takes it in the console).
    const [leadId, promptId] = retry.id.split("~");
    await expect(recordOutcomeOnPrompt(life.api.deps, (await life.api.deps.leadLog.getPrompt(leadId, promptId))!, "reached")).rejects.toBeInstanceOf(CallBackInPool);
  });

  it("refuses to deactivate a webinar's only host, naming the field, and changes nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const refused = await api.call("POST", "/api/settings/reps/lukas/deactivate", undefined, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual([expect.objectContaining({ field: "offerings[2].hosts[0]", message: expect.stringMatching(/deactivated: choose another host of weekly-webinar/) })]);
    expect(api.deps.catalogue.rep("lukas").active).toBeUndefined();
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
  });
});

/** A webinar series (Wednesdays 16:00 Berlin) with one extra one-off session, as the offerings page sends it. */
const LAUNCH_SERIES = {
  id: "launch-series",
  title: "Launch week",
  kind: "webinar",
  durationMinutes: 45,
  hosts: ["priya"],
  capacity: 30,
  joinUrl: "https://meet.example/launch/{sessionId}",
  recurrence: { rule: "FREQ=WEEKLY;BYDAY=WE", time: "16:00", timeZone: "Europe/Berlin", startDate: "2027-01-13", until: "2027-02-24" },
  sessions: [{ start: "2027-01-15T10:00", timeZone: "Europe/Berlin" }],
};

describe("offerings and routing (GET/POST /api/settings/offerings, PUT …/{offeringId}, PUT /api/settings/routing)", () => {
  it("refuses a change that would make the settings too large to store with 422 naming settings, and saves nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    // 4,000 one-off sessions, one a day: a body under the route's limit, a document and its diff past what one item holds.
    const day = (n: number) => new Date(Date.UTC(2027, 0, 13 + n)).toISOString().slice(0, 10);
    const huge = { ...LAUNCH_SERIES, recurrence: undefined, sessions: Array.from({ length: 4000 }, (_, n) => ({ start: `${day(n)}T10:00`, timeZone: "Europe/Berlin" })) };
    const body = JSON.stringify(huge);
    expect(body.length).toBeLessThan(256 * 1024);
    const refused = await api.call("POST", "/api/settings/offerings", huge, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ field: "settings", message: expect.stringMatching(/too large to store: \d+ KB with this change, at most \d+ KB/) });
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
  });

  it("lets a manager add a webinar series with a one-off session, whose sessions are then listed, and change a demo offering; reps are refused", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    expect((await api.call("GET", "/api/settings/offerings", undefined, MAYA)).status).toBe(403);
    const loaded = await api.call("GET", "/api/settings/offerings", undefined, MANAGER);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.etag).toBe('"1"');
    expect(loaded.json.offerings.map((offering: { id: string }) => offering.id)).toEqual(["live-demo", "team-demo", "weekly-webinar"]);
    expect(loaded.json.reps).toContainEqual({ id: "priya", name: "Priya Raman", active: true });
    expect((await api.call("POST", "/api/settings/offerings", LAUNCH_SERIES, { ...PRIYA, "if-match": '"1"' })).status).toBe(403);

    const added = await api.call("POST", "/api/settings/offerings", LAUNCH_SERIES, { ...MANAGER, "if-match": '"1"' });
    expect(added.status).toBe(201);
    expect(added.headers.etag).toBe('"2"');
    const sessions = (await api.call("GET", "/api/webinars?offering=launch-series&timeZone=Europe/Berlin")).json.sessions.map((session: { start: string }) => session.start);
    expect(sessions.slice(0, 3)).toEqual(["2027-01-13T16:00:00.000+01:00", "2027-01-15T10:00:00.000+01:00", "2027-01-20T16:00:00.000+01:00"]);

    const demo = loaded.json.offerings[0];
    const changed = await api.call("PUT", "/api/settings/offerings/live-demo", { ...demo, durationMinutes: 45, slotIntervalMinutes: 60 }, { ...MANAGER, "if-match": '"2"' });
    expect(changed.status).toBe(200);
    expect(changed.json.offerings[0]).toMatchObject({ id: "live-demo", durationMinutes: 45, slotIntervalMinutes: 60 });
    const slot = (await api.call("GET", `/api/slots?offering=live-demo&from=${NEXT_FRIDAY}&to=${NEXT_FRIDAY}&timeZone=UTC&allTimes=true`)).json.slots[0];
    expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(45 * 60_000);
    expect((await api.call("PUT", "/api/settings/offerings/nothing", demo, { ...MANAGER, "if-match": '"3"' })).status).toBe(404);
    const stale = await api.call("PUT", "/api/settings/offerings/live-demo", demo, { ...MANAGER, "if-match": '"2"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error.currentVersion).toBe(3);
  });

  it("refuses a bad offering naming the body's fields, and saves nothing", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const bad = { ...LAUNCH_SERIES, durationMinutes: 7, hosts: ["nobody"], sessions: [{ start: "2027-02-30T10:00" }] };
    const refused = await api.call("POST", "/api/settings/offerings", bad, { ...MANAGER, "if-match": '"1"' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual(["durationMinutes", "hosts[0]", "sessions[0].start"]);
    const unknownHost = await api.call("POST", "/api/settings/offerings", { ...LAUNCH_SERIES, hosts: ["nobody"] }, { ...MANAGER, "if-match": '"1"' });
    expect(unknownHost.json.error.fields).toEqual([expect.objectContaining({ field: "hosts[0]", message: expect.stringContaining('"nobody" is not a rep id') })]);
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
    expect(api.deps.catalogue.webinar("launch-series")).toBeUndefined();
  });

  it("saves routing rules and tests them — the rules in force or a draft — on sample answers, with each rule's trace", async () => {
    const api = await createTestApi({ clock: new TestClock(NOW) });
    const routing = { regions: { dach: ["de", "at", "ch"] }, rules: [{ name: "Big teams", when: { teamSize: { min: 50 } }, route: { reps: ["priya"] } }, { name: "DACH", when: { regions: ["dach"] }, route: { reps: ["lukas"] } }] };
    expect((await api.call("PUT", "/api/settings/routing", routing, { ...MAYA, "if-match": '"1"' })).status).toBe(403);
    const saved = await api.call("PUT", "/api/settings/routing", routing, { ...MANAGER, "if-match": '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.json.routing.regions).toEqual({ dach: ["DE", "AT", "CH"] });

    const test = (body: unknown, headers = MANAGER) => api.call("POST", "/api/settings/routing/test", body, headers);
    expect((await test({ answers: { email: "a@b.example", country: "AT" } }, MAYA)).status).toBe(403);
    const austrian = await test({ answers: { email: "ana@firma.example", country: "at", teamSize: 12 } });
    expect(austrian.status).toBe(200);
    expect(austrian.json).toEqual({
      offering: "live-demo",
      rule: "DACH",
      pool: ["lukas"],
      trace: [
        { rule: "Big teams", matched: false, reason: "team size 12 is below 50" },
        { rule: "DACH", matched: true },
      ],
    });
    const french = await test({ answers: { email: "jean@societe.example", country: "FR" }, offering: "team-demo" });
    expect(french.json).toMatchObject({ offering: "team-demo", rule: null, pool: ["maya", "lukas", "priya"], trace: [{ rule: "Big teams", reason: "no team size given" }, { rule: "DACH", reason: "country FR is in none of the regions dach" }] });

    // A draft (the rule being edited) is tried without saving; a bad one is refused naming its field.
    const draft = { ...routing, rules: [{ name: "France", when: { countries: ["fr"] }, route: { reps: ["maya"] } }] };
    expect((await test({ answers: { email: "jean@societe.example", country: "FR" }, routing: draft })).json).toMatchObject({ rule: "France", pool: ["maya"] });
    expect(api.deps.catalogue.config.routing.rules.map((rule) => rule.name)).toEqual(["Big teams", "DACH"]);
    const badDraft = await test({ answers: { email: "jean@societe.example" }, routing: { rules: [{ name: "Nowhere", when: { regions: ["mars"] }, route: {} }] } });
    expect(badDraft.status).toBe(422);
    expect(badDraft.json.error.fields).toEqual([expect.objectContaining({ field: "routing.rules[0].when.regions[0]" })]);
    const badRule = await api.call("PUT", "/api/settings/routing", { rules: [{ name: "Nowhere", when: { regions: ["mars"] }, route: {} }] }, { ...MANAGER, "if-match": '"2"' });
    expect(badRule.json.error.fields).toEqual([expect.objectContaining({ field: "rules[0].when.regions[0]" })]);
    expect((await test({ answers: { email: "x@y.example" }, offering: "weekly-webinar" })).json.error.field).toBe("offering");
  });
});
