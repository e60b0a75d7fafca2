// A data subject's requests on the real engines: a person who booked (a demo that happened and one to
// come), registered for a webinar with a colleague, was brought by someone else, was called, gave feedback
// and complained. The export holds all of it; after the erase the whole table holds their address, phone
// and name nowhere, the future demo was cancelled (the rep got the CANCEL, its timers are gone), their seats
// are free, the other registrant keeps theirs, and they stay suppressed as a hash; abuse protection's items
// keyed by their address's hash are gone too.

import { describe, expect, it } from "vitest";
import { addressKey } from "../../../functions/core/access/protection";
import { DynamoDbPersonalDataStore } from "../../../functions/adapters/dynamodb/personal-data-store.dynamodb";
import { eraseInactivePeople, erasePersonalData, exportPersonalData, type PersonalDataDependencies } from "../../../functions/use-cases/access/personal-data-requests";
import { createLifecycle, mailsTo } from "../../support/lifecycle-harness";

const tokenIn = (text: string) => /token=([A-Za-z0-9_.-]+)/.exec(text)?.[1];

describe("a person's data", () => {
  // Two days of a demo's life, two full reads of the table and the erase: 15 s alone, more under a full run.
  it("is exported whole, then erased everywhere, their future demo and seats cancelled the normal way", async () => {
    const logs: string[] = [];
    const life = await createLifecycle("2026-11-30T06:00:00Z", { log: (level, message, details) => void logs.push(JSON.stringify({ level, message, ...details })) });
    const deps: PersonalDataDependencies = { ...life.api.deps, personalData: new DynamoDbPersonalDataStore(life.api.documents, life.api.tableName) };
    const stamp = Date.now();
    const petra = { name: "Petra Privacy", email: `Petra.${stamp}@privco.example`, phone: "+1 312 555 0177", company: "Privco" };
    const address = petra.email.toLowerCase();
    const colleague = `pat.${stamp}@privco.example`;
    const other = { name: "Quincy Keeps", email: `quincy.${stamp}@keeps.example`, timeZone: "UTC", consent: true };

    const past = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", timeZone: "UTC", consent: true, ...petra });
    const future = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T17:00:00Z", timeZone: "UTC", consent: true, ...petra });
    expect([past.status, future.status]).toEqual([201, 201]);
    const sessions = (await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions as { id: string; start: string }[];
    const [session, nextSession] = sessions.filter((s) => Date.parse(s.start) > Date.parse("2026-12-04T00:00:00Z"));
    const register = (sessionId: string, body: Record<string, unknown>) => life.api.call("POST", `/api/webinars/${sessionId}/registrations`, body);
    expect((await register(session!.id, { name: petra.name, email: petra.email, timeZone: "UTC", consent: true, colleagues: [colleague] })).status).toBeLessThan(300);
    // The next week, someone else brings Petra along.
    expect((await register(nextSession!.id, { ...other, colleagues: [petra.email] })).status).toBeLessThan(300);

    // The past demo happens: call-back prompt, an outcome, the feedback request and a rating with a comment.
    for (let hour = 0; hour < 38; hour++) await life.advance(60);
    const followUps = (await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" })).json;
    const prompt = JSON.stringify(followUps).includes(past.json.id) ? (followUps.followUps ?? followUps.items).find((p: { bookingId?: string }) => p.bookingId === past.json.id) : undefined;
    const anyPrompt = prompt ?? (followUps.followUps ?? followUps.items)[0];
    const outcome = await life.api.call("POST", `/api/reps/maya/follow-ups/${anyPrompt.leadId}/${anyPrompt.promptId}/outcome`, { outcome: "reached" }, { authorization: "Bearer local-token-maya" });
    expect(outcome.status).toBe(200);
    const [feedbackMail] = await mailsTo(petra.email, /How was your demo/);
    expect(feedbackMail).toBeDefined();
    const feedback = await life.api.call("POST", "/api/feedback", { token: tokenIn(feedbackMail!.body.html ?? feedbackMail!.body.text ?? ""), rating: 5, comment: "Thanks, Petra" });
    expect(feedback.status).toBe(200);
    // Last, Petra complains about a message: she must stay suppressed after the erase.
    await deps.suppressions.suppress(petra.email, "complaint", life.clock.now());
    const seatsOf = (items: Record<string, any>[], id: string) => items.find((item) => item.pk === `WEBINAR#${id}` && item.sk === "SESSION")!.seatsTaken;
    const before = await life.api.allItems();
    const seatsBefore = [seatsOf(before, session!.id), seatsOf(before, nextSession!.id)];

    const exported = await exportPersonalData(deps, petra.email, { actor: "manager:maya" });
    expect(exported.email).toBe(address);
    expect(exported.bookings.map((b) => b.id).sort()).toEqual([past.json.id, future.json.id].sort());
    expect(exported.registrations).toHaveLength(2);
    expect(JSON.stringify(exported.history)).toContain("reached");
    expect(exported.feedback.length).toBeGreaterThan(0);
    expect(exported.emailsSent.length).toBeGreaterThan(3);
    expect(exported.consents.length).toBeGreaterThan(0);
    expect(exported.suppression).toHaveLength(1);

    // Abuse protection's items about her address name only its hash: the colleagues she invited today, her
    // answered mark and live bookings (from the bookings).
    const hashed = async () => (await life.api.everyItem()).filter((item) => String(item.pk).includes(addressKey(address))).map((item) => String(item.pk).split("#")[0]);
    expect(new Set(await hashed())).toEqual(new Set(["RATE", "ANSWERED", "LIVE"]));

    const report = await erasePersonalData(deps, petra.email, { actor: "manager:maya" });
    expect(report).toMatchObject({ cancelledBookings: 1, cancelledSeats: 2 });

    const items = await life.api.allItems();
    const table = JSON.stringify(items, (_k, v) => (v instanceof Set ? [...v] : v)).toLowerCase();
    for (const trace of [address, "petra privacy", "3125550177", "312 555 0177", "thanks, petra"]) expect(table, trace).not.toContain(trace);
    // Her address's protection items go too, not left to their TTL.
    expect(await hashed()).toEqual([]);
    // The future demo was cancelled the normal way: the rep's CANCEL went out, its timers are gone.
    expect((await mailsTo("maya.johnson@acme-analytics.example")).some((m) => /cancel/i.test(m.subject))).toBe(true);
    expect(items.filter((item) => item.entity === "timer" && JSON.stringify(item.payload).includes(future.json.id))).toEqual([]);
    // Both seats are free; the other registrant keeps theirs, and the colleague Petra brought keeps theirs.
    expect([seatsOf(items, session!.id), seatsOf(items, nextSession!.id)]).toEqual([seatsBefore[0]! - 1, seatsBefore[1]! - 1]);
    expect(table).toContain(other.email.toLowerCase());
    expect(table).toContain(colleague);
    // Still suppressed (a complaint must keep holding), by hash only.
    expect((await deps.suppressions.reasons([petra.email])).get(address)).toBe("complaint");
    // Logged who and what, without the address.
    const erasedLog = logs.find((line) => line.includes("personal data erased"))!;
    expect(erasedLog).toContain("manager:maya");
    expect(logs.join("\n").toLowerCase()).not.toContain(address);
    // Erasing again finds nothing more to do.
    expect(await erasePersonalData(deps, petra.email, { actor: "manager:maya" })).toEqual({ cancelledBookings: 0, cancelledSeats: 0, removed: 0, anonymised: 0 });
  }, 120_000);
});

describe("the retention sweep", () => {
  it("erases people whose leads saw no activity for the retention period, and keeps the others", async () => {
    const life = await createLifecycle("2024-01-10T09:00:00Z");
    const deps: PersonalDataDependencies = { ...life.api.deps, personalData: new DynamoDbPersonalDataStore(life.api.documents, life.api.tableName) };
    const stamp = Date.now();
    const asked = (name: string, email: string) => life.api.call("POST", "/api/contact-requests", { name, email, company: "Oldco", timeZone: "UTC", consent: true });
    const gone = `gone.${stamp}@old.example`;
    const kept = `kept.${stamp}@old.example`;
    const returning = `back.${stamp}@old.example`;
    expect((await asked("Gina Gone", gone)).status).toBe(201);
    expect((await asked("Ben Back", returning)).status).toBe(201);
    life.clock.set("2026-06-01T09:00:00Z");
    expect((await asked("Kim Kept", kept)).status).toBe(201);
    // The returning person asks again: new activity, so their first lead is kept too.
    expect((await asked("Ben Back", returning)).status).toBe(201);

    life.clock.set("2026-12-01T03:15:00Z");
    expect(await eraseInactivePeople(deps, 730)).toEqual({ erased: 1 });
    const table = JSON.stringify(await life.api.allItems()).toLowerCase();
    expect(table).not.toContain(gone);
    expect(table).not.toContain("gina gone");
    expect(table).toContain(kept);
    expect(table.split(returning).length - 1, "both of the returning person's leads").toBeGreaterThanOrEqual(2);
    // Nothing more to erase a day later.
    life.clock.advance(24 * 60);
    expect(await eraseInactivePeople(deps, 730)).toEqual({ erased: 0 });
  });

  it("keeps a person whose demo is still to come, however long ago they booked it: the sweep cancels no demo", async () => {
    const life = await createLifecycle("2026-11-30T06:00:00Z");
    const deps: PersonalDataDependencies = { ...life.api.deps, personalData: new DynamoDbPersonalDataStore(life.api.documents, life.api.tableName) };
    const email = `ahead.${Date.now()}@old.example`;
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Ada Ahead", email, timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    // Half a day of retention stands for a long one: the booking (its only activity) is older than the cutoff,
    // the demo it is for is not.
    life.clock.set("2026-12-01T03:15:00Z");
    expect(await eraseInactivePeople(deps, 0.5)).toEqual({ erased: 0 });
    const booking = (await life.api.allItems()).find((item) => item.pk === `BOOKING#${booked.json.id}` && item.sk === "BOOKING");
    expect(booking).toMatchObject({ status: "confirmed", prospect: { email } });
    // Once the demo is over and the retention has passed since, the person goes.
    life.clock.set("2026-12-02T06:00:00Z");
    expect(await eraseInactivePeople(deps, 0.5)).toEqual({ erased: 1 });
  });
});
