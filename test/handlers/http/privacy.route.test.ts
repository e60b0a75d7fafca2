// The data-request endpoints for managers: POST /api/privacy/export and /erase with a session (from the
// site) or a bearer token; a rep gets 403, nobody 401, a bad body 422 naming the field. The erase cancels
// the person's future demo (the rep gets the CANCEL once), leaves their address nowhere in the table, and
// a retry answers 200 having done nothing more. Both are logged with who asked and no address.
import { describe, expect, it } from "vitest";
import { configWithUniqueRepEmails, signIn, SITE } from "../../support/console-session";
import { createLifecycle, mailsTo } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";

describe("privacy endpoints", () => {
  it("let a manager export and erase a person, once; refuse reps, strangers and bad input", async () => {
    const logs: string[] = [];
    const config = configWithUniqueRepEmails();
    const life = await createLifecycle(NOW, { config, log: (level, message, details) => void logs.push(JSON.stringify({ level, message, ...details })) });
    const email = `Erin.${Date.now()}@erase.example`;
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T17:00:00Z", name: "Erin Erasable", email, phone: "+44 20 7946 0958", timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    const repEmail = config.reps.find((rep) => rep.name === booked.json.rep.name)!.email;

    // Nobody, a rep, a cross-site post with the manager's cookie, and bad bodies.
    for (const path of ["/api/privacy/export", "/api/privacy/erase"]) {
      expect((await life.api.call("POST", path, { email })).status).toBe(401);
      expect((await life.api.call("POST", path, { email }, { authorization: "Bearer local-token-maya" })).status).toBe(403);
      expect((await life.api.call("POST", path, { email }, { authorization: "Bearer not-a-token" })).status).toBe(401);
    }
    const lukas = await signIn(life.api, "lukas");
    const maya = await signIn(life.api, "maya");
    expect((await life.api.call("POST", "/api/privacy/erase", { email }, maya)).status).toBe(403);
    expect((await life.api.call("POST", "/api/privacy/erase", { email }, { cookie: lukas.cookie!, origin: "https://evil.example" })).status).toBe(403);
    for (const body of [{ email: "not-an-address" }, {}, { email, extra: 1 }]) {
      const bad = await life.api.call("POST", "/api/privacy/export", body, lukas);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.json.error.field).toBe(Object.keys(body).includes("extra") ? "extra" : "email");
    }

    // The manager's bearer token exports, the session erases.
    const exported = await life.api.call("POST", "/api/privacy/export", { email }, { authorization: "Bearer local-token-lukas" });
    expect(exported.status).toBe(200);
    expect(exported.json.email).toBe(email.toLowerCase());
    expect(exported.json.bookings.map((b: { id: string }) => b.id)).toEqual([booked.json.id]);
    expect(exported.json.leads).toHaveLength(1);

    const erased = await life.api.call("POST", "/api/privacy/erase", { email }, { ...lukas, ...SITE });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ cancelledBookings: 1, cancelledSeats: 0 });
    expect(erased.json.removed).toBeGreaterThan(0);
    await life.runner.drain();
    const cancels = (await mailsTo(repEmail)).filter((mail) => /cancel/i.test(mail.subject));
    expect(cancels).toHaveLength(1);
    const table = JSON.stringify(await life.api.allItems()).toLowerCase();
    for (const trace of [email.toLowerCase(), "erin erasable", "+442079460958"]) expect(table).not.toContain(trace);

    // A retry (the answer was lost) does nothing more.
    const again = await life.api.call("POST", "/api/privacy/erase", { email }, lukas);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ cancelledBookings: 0, cancelledSeats: 0, removed: 0, anonymised: 0 });
    await life.runner.drain();
    expect((await mailsTo(repEmail)).filter((mail) => /cancel/i.test(mail.subject))).toHaveLength(1);
    const empty = (await life.api.call("POST", "/api/privacy/export", { email }, lukas)).json;
    expect([empty.leads, empty.bookings, empty.history]).toEqual([[], [], []]);

    // Logged: who asked, never the address.
    const lines = logs.filter((line) => /personal data (exported|erased)/.test(line));
    expect(lines.some((line) => line.includes('"actor":"bearer:lukas"'))).toBe(true);
    expect(lines.some((line) => line.includes('"actor":"session:lukas"'))).toBe(true);
    for (const line of logs) expect(line.toLowerCase()).not.toContain(email.toLowerCase());
  });

  it("export and erase only the person asked about, not someone whose longer address holds theirs", async () => {
    const life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
    const domain = `d${Date.now()}.example`;
    const joann = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T17:00:00Z", name: "Joann Keeps", email: `joann@${domain}`, timeZone: "UTC", consent: true });
    expect(joann.status).toBe(201);
    await life.runner.drain();
    const manager = { authorization: "Bearer local-token-lukas" };
    const exported = await life.api.call("POST", "/api/privacy/export", { email: `ann@${domain}` }, manager);
    expect(exported.status).toBe(200);
    expect([exported.json.leads, exported.json.bookings, exported.json.history, exported.json.emailsSent]).toEqual([[], [], [], []]);
    const erased = await life.api.call("POST", "/api/privacy/erase", { email: `ann@${domain}` }, manager);
    expect(erased.json).toEqual({ cancelledBookings: 0, cancelledSeats: 0, removed: 0, anonymised: 0 });
    const booking = (await life.api.allItems()).find((item) => item.sk === "BOOKING" && item.pk === `BOOKING#${joann.json.id}`)!;
    expect(booking).toMatchObject({ status: "confirmed", prospect: { name: "Joann Keeps", email: `joann@${domain}` } });
  });

  it("erase a person once when two erasures of them arrive at the same moment: both answer 200, the rep gets one CANCEL", async () => {
    const config = configWithUniqueRepEmails();
    const life = await createLifecycle(NOW, { config });
    const email = `twice.${Date.now()}@erase.example`;
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-03T17:00:00Z", name: "Tess Twice", email, phone: "+44 20 7946 0959", timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    const repEmail = config.reps.find((rep) => rep.name === booked.json.rep.name)!.email;
    const lukas = await signIn(life.api, "lukas");

    const answers = await Promise.all([1, 2].map(() => life.api.call("POST", "/api/privacy/erase", { email }, { ...lukas, ...SITE })));
    expect(answers.map((answer) => answer.status), JSON.stringify(answers.map((answer) => answer.json))).toEqual([200, 200]);
    // The demo is cancelled by one of them; the other finds it cancelled already.
    expect(answers.map((answer) => answer.json.cancelledBookings).sort()).toEqual([0, 1]);
    await life.runner.drain();
    expect((await mailsTo(repEmail)).filter((mail) => /cancel/i.test(mail.subject))).toHaveLength(1);
    const table = JSON.stringify(await life.api.allItems()).toLowerCase();
    for (const trace of [email.toLowerCase(), "tess twice", "+442079460959"]) expect(table).not.toContain(trace);
  });

  it("are in the OpenAPI document, from the schemas that validate them", async () => {
    const life = await createLifecycle(NOW);
    const doc = (await life.api.call("GET", "/api/openapi.json")).json;
    for (const path of ["/api/privacy/export", "/api/privacy/erase"]) {
      expect(doc.paths[path].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/PrivacyRequest" });
      expect(Object.keys(doc.paths[path].post.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "422"]));
    }
    expect(doc.components.schemas.PrivacyRequest).toMatchObject({ required: ["email"], additionalProperties: false });
    expect(doc.components.schemas.PrivacyErasure.required).toEqual(expect.arrayContaining(["cancelledBookings", "removed", "anonymised"]));
  });
});
