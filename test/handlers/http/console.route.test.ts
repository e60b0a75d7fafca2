// The rep console's API on the real engines: the queue after a demo, a one-tap outcome with a note (once),
// a manager's reassignment, another rep's 403, the lead page with its history and notes, search.
import { describe, expect, it } from "vitest";
import { configWithUniqueRepEmails, signIn } from "../../support/console-session";
import { createLifecycle } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";

async function demoDone() {
  const life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
  const email = `queue.${Date.now()}@initech.example`;
  const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Pat <script>alert(1)</script>", company: "Initech", email, phone: "+33 1 23 45 67 89", timeZone: "Europe/Paris", consent: true });
  expect(booked.status).toBe(201);
  life.clock.set("2026-12-01T17:35:00Z");
  await life.runner.drain();
  return { life, email, bookingId: booked.json.id as string };
}

describe("console schedule", () => {
  it("lists the rep's upcoming demo with its join link and prep details, and the webinar sessions they host", async () => {
    const life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Sam Prospect", company: "Globex", interest: "Reporting", email: `sched.${Date.now()}@globex.example`, timeZone: "Europe/Paris", consent: true });
    expect(booked.status).toBe(201);
    const maya = await signIn(life.api, "maya");
    const mine = (await life.api.call("GET", "/api/console/schedule", undefined, maya)).json.entries;
    expect(mine.find((entry: { kind: string }) => entry.kind === "demo")).toMatchObject({ bookingId: booked.json.id, start: "2026-12-01T17:00:00.000Z", joinUrl: booked.json.joinUrl, lead: { name: "Sam Prospect", company: "Globex", interest: "Reporting" } });
    const lukas = await signIn(life.api, "lukas");
    const hosted = (await life.api.call("GET", "/api/console/schedule", undefined, lukas)).json.entries;
    expect(hosted.some((entry: { kind: string }) => entry.kind === "webinar")).toBe(true);
    expect((await life.api.call("GET", "/api/console/schedule?rep=lukas", undefined, maya)).status).toBe(403);
  });
});

describe("console queue", () => {
  it("lists the call-back after a demo, logs voicemail with a note once, and schedules the next attempt", async () => {
    const { life, bookingId } = await demoDone();
    const maya = await signIn(life.api, "maya");
    const queue = await life.api.call("GET", "/api/console/queue", undefined, maya);
    expect(queue.status).toBe(200);
    expect(queue.json.items).toHaveLength(1);
    const item = queue.json.items[0];
    expect(item).toMatchObject({ kind: "after-demo", attempt: 1, overdue: false, bookingId, lead: { name: "Pat <script>alert(1)</script>", company: "Initech", timeZone: "Europe/Paris", phone: "+33123456789" } });

    const bad = await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "maybe" }, maya);
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("outcome");
    const crossSite = await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "voicemail" }, { cookie: maya.cookie!, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);

    const logged = await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "voicemail", note: "Left a message <b>" }, maya);
    expect(logged.status).toBe(200);
    // Two hours later is 20:35 in Paris, past the lead's calling hours: the retry waits for 09:00 there.
    expect(logged.json).toMatchObject({ outcome: "voicemail", attempt: 1, next: { attempt: 2, dueAt: "2026-12-02T08:00:00.000Z" } });
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "reached" }, maya)).status).toBe(409);
    expect((await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items).toHaveLength(0);
    await life.advance(2 * 60);
    expect((await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items).toHaveLength(0);
    life.clock.set("2026-12-02T08:00:00Z");
    await life.runner.drain();
    const nextMorning = await signIn(life.api, "maya"); // the evening's session has been idle past 12 h
    const next = (await life.api.call("GET", "/api/console/queue", undefined, nextMorning)).json.items;
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ kind: "retry", attempt: 2 });

    const page = await life.api.call("GET", `/api/leads/${item.lead.id}`, undefined, nextMorning);
    expect(page.status).toBe(200);
    expect(page.json.events.map((event: { kind: string }) => event.kind)).toEqual(expect.arrayContaining(["booked", "call_prompted", "call_attempt"]));
    expect(page.json.events.find((event: { kind: string }) => event.kind === "call_attempt").data.note).toBe("Left a message <b>");
  });

  it("refuses rep A on rep B's queue, item and lead; a manager sees and reassigns them", async () => {
    const { life } = await demoDone();
    const maya = await signIn(life.api, "maya");
    const priya = await signIn(life.api, "priya");
    const lukas = await signIn(life.api, "lukas");
    const item = (await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items[0];
    expect((await life.api.call("GET", "/api/console/queue?rep=maya", undefined, priya)).status).toBe(403);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "reached" }, priya)).status).toBe(403);
    expect((await life.api.call("GET", `/api/leads/${item.lead.id}`, undefined, priya)).status).toBe(403);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/assign`, { repId: "priya" }, maya)).status).toBe(403);

    // The team a manager filters by and hands call-backs to; a rep is refused it.
    expect((await life.api.call("GET", "/api/console/team", undefined, maya)).status).toBe(403);
    expect((await life.api.call("GET", "/api/console/team", undefined, lukas)).json.reps).toEqual([
      { id: "maya", name: "Maya Johnson", role: "rep" },
      { id: "lukas", name: "Lukas Becker", role: "manager" },
      { id: "priya", name: "Priya Raman", role: "rep" },
    ]);
    const team = await life.api.call("GET", "/api/console/queue?rep=all", undefined, lukas);
    expect(team.json.items.map((entry: { id: string }) => entry.id)).toContain(item.id);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/assign`, { repId: "nobody" }, lukas)).json.error.field).toBe("repId");
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/assign`, { repId: "priya" }, lukas)).status).toBe(200);
    expect((await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items).toHaveLength(0);
    expect((await life.api.call("GET", "/api/console/queue", undefined, priya)).json.items.map((entry: { id: string }) => entry.id)).toEqual([item.id]);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/outcome`, { outcome: "reached" }, priya)).status).toBe(200);
  });

  it("adds notes to a lead's history and finds leads by name, e-mail or company", async () => {
    const { life, email } = await demoDone();
    const maya = await signIn(life.api, "maya");
    const item = (await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items[0];
    expect((await life.api.call("POST", `/api/leads/${item.lead.id}/notes`, { text: "  " }, maya)).json.error.field).toBe("text");
    expect((await life.api.call("POST", `/api/leads/${item.lead.id}/notes`, { text: "Prefers mornings" }, maya)).status).toBe(201);
    const page = await life.api.call("GET", `/api/leads/${item.lead.id}`, undefined, maya);
    expect(page.json.events.find((event: { kind: string }) => event.kind === "note")).toMatchObject({ data: { text: "Prefers mornings", repId: "maya" } });
    for (const query of ["initech", email.toUpperCase(), "pat"]) {
      expect((await life.api.call("GET", `/api/leads?query=${encodeURIComponent(query)}`, undefined, maya)).json.leads.map((lead: { id: string }) => lead.id)).toContain(item.lead.id);
    }
    expect((await life.api.call("GET", "/api/leads?query=", undefined, maya)).json.error.field).toBe("query");
    expect((await life.api.call("GET", "/api/console/queue")).status).toBe(401);
  });
});
