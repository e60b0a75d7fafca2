// Call prompts, outcomes, the call cadence and escalation, on the real engines.
import { describe, expect, it } from "vitest";
import { createLifecycle, linksIn, mailsTo, tokenOf } from "../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";
const MAYA = "maya.johnson@acme-analytics.example";
const MANAGER = "sales-manager@acme-analytics.example";

let counter = 0;
function uniqueEmail() {
  counter++;
  return `lead${counter}.${Date.now()}@initech.example`;
}

/** Books Tuesday 17:00Z (Maya's) and moves to the call-back prompt (17:35Z); returns the prompt's outcome links. */
async function demoThenPrompt(life: Awaited<ReturnType<typeof createLifecycle>>, timeZone = "Europe/Paris") {
  const email = uniqueEmail();
  const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Pat Prospect", email, phone: "+33 1 23 45 67 89", timeZone, consent: true });
  expect(booked.status).toBe(201);
  life.clock.set("2026-12-01T17:35:00Z");
  await life.runner.drain();
  const prompts = (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email));
  expect(prompts).toHaveLength(1);
  return { email, booked, links: outcomeLinks(prompts[0]!) };
}

function outcomeLinks(mail: { body: { html?: string } }): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [, href, label] of (mail.body.html ?? "").matchAll(/href="([^"]*outcome\.html[^"]*)"[^>]*>([^<]+)</g)) links[label!.trim()] = href!.replaceAll("&amp;", "&");
  return links;
}

const log = (life: Awaited<ReturnType<typeof createLifecycle>>, link: string) => life.api.call("POST", "/api/outcomes", { token: tokenOf(link) });

describe("call prompts and the cadence", () => {
  it("voicemail → +2 h, no answer → next business morning in the prospect's zone, voicemail → unreachable", async () => {
    const life = await createLifecycle(NOW);
    const { email, booked, links } = await demoThenPrompt(life);
    expect(Object.keys(links)).toEqual(["Reached", "Voicemail", "No answer", "Wrong number", "Not interested", "Converted", "Wants another demo", "Attended", "No-show"]);

    const first = await log(life, links["Voicemail"]!);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ outcome: "voicemail", lead: { name: "Pat Prospect" }, attempt: 1, next: { attempt: 2, dueAt: "2026-12-01T19:35:00.000Z" } });
    // The same link again changes nothing.
    expect((await log(life, links["Voicemail"]!)).status).toBe(409);
    expect((await log(life, links["Reached"]!)).json.error.code).toBe("outcome_already_recorded");

    await life.advance(2 * 60);
    const second = (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email) && m.body.text?.includes("Attempt 2 of 3"));
    expect(second).toHaveLength(1);
    const noAnswer = await log(life, outcomeLinks(second[0]!)["No answer"]!);
    // Tuesday 19:35Z is 20:35 in Paris: the next business morning there is Wednesday 09:00 (08:00Z).
    expect(noAnswer.json.next).toEqual({ attempt: 3, dueAt: "2026-12-02T08:00:00.000Z" });

    life.clock.set("2026-12-02T08:00:00Z");
    await life.runner.drain();
    const third = (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email) && m.body.text?.includes("Attempt 3 of 3"));
    expect(third).toHaveLength(1);
    const last = await log(life, outcomeLinks(third[0]!)["Voicemail"]!);
    expect(last.json).toMatchObject({ attempt: 3, closed: "unreachable" });
    expect(last.json.next).toBeUndefined();

    const token = tokenOf(booked.json.manageUrl);
    const timeline = (await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${token}`)).json.events;
    expect(timeline.filter((e: { kind: string }) => e.kind === "call_attempt").map((e: { data: { outcome: string } }) => e.data.outcome)).toEqual(["voicemail", "no_answer", "voicemail"]);
    expect(timeline.at(-1).kind).toBe("unreachable");
    const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
    expect((await life.api.itemsWithPrefix(`LEAD#${leadId}`)).find((i) => i.sk === "LEAD")).toMatchObject({ closedReason: "unreachable" });
    // Nothing is left to do for this lead: no open prompt, no attempt timer.
    expect((await life.timerNames()).filter((name) => name.includes(leadId) && !name.startsWith("es-"))).toEqual([]);
  });

  it("converted closes the lead; a later attempt timer finds nothing to do", async () => {
    const life = await createLifecycle(NOW);
    const { links, booked } = await demoThenPrompt(life);
    expect((await log(life, links["Converted"]!)).json).toMatchObject({ outcome: "converted", closed: "converted" });
    const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
    const lead = (await life.api.itemsWithPrefix(`LEAD#${leadId}`)).find((i) => i.sk === "LEAD");
    expect(lead).toMatchObject({ closedReason: "converted" });
    expect(await life.fire({ kind: "call-attempt", leadId, chain: booked.json.id, attempt: 2 })).toBe("not-needed");
  });

  it("records attendance once per booking, and refuses a forged or tampered link", async () => {
    const life = await createLifecycle(NOW);
    const { links } = await demoThenPrompt(life);
    expect((await log(life, links["No-show"]!)).json).toEqual({ outcome: "no_show", lead: { name: "Pat Prospect" } });
    expect((await log(life, links["Attended"]!)).status).toBe(409);
    const token = tokenOf(links["Reached"]!);
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(Buffer.from(payload!, "base64url").toString().replace("reached", "converted")).toString("base64url");
    expect((await life.api.call("POST", "/api/outcomes", { token: `${forged}.${signature}` })).status).toBe(403);
    expect((await life.api.call("POST", "/api/outcomes", { token: "not-a-token-at-all" })).status).toBe(403);
  });

  it("wants another demo: the prospect is invited to book again", async () => {
    const life = await createLifecycle(NOW);
    const { email, links } = await demoThenPrompt(life);
    expect((await log(life, links["Wants another demo"]!)).status).toBe(200);
    const [invite] = await mailsTo(email, /Book another demo with Maya/);
    expect(linksIn(invite!)).toContain("http://liveline.test/");
  });
});

describe("escalation", () => {
  it("tells the manager once about a prompt nobody acted on within 30 minutes", async () => {
    const life = await createLifecycle(NOW);
    const { email } = await demoThenPrompt(life);
    await life.advance(29);
    expect((await mailsTo(MANAGER)).filter((m) => m.body.text?.includes(email))).toHaveLength(0);
    await life.advance(1);
    const escalations = (await mailsTo(MANAGER, /^Not acted on/)).filter((m) => m.body.text?.includes(email));
    expect(escalations).toHaveLength(1);
    // A duplicate delivery of the escalation timer sends nothing more.
    const prompt = (await life.api.allItems()).find((i) => i.entity === "prompt" && i.leadId && i.escalated);
    expect(await life.fire({ kind: "escalation", leadId: prompt!.leadId, promptId: prompt!.promptId })).toBe("not-needed");
    expect((await mailsTo(MANAGER, /^Not acted on/)).filter((m) => m.body.text?.includes(email))).toHaveLength(1);
  });

  it("does not escalate a prompt the rep acted on", async () => {
    const life = await createLifecycle(NOW);
    const { email, links } = await demoThenPrompt(life);
    await life.advance(10);
    expect((await log(life, links["Reached"]!)).status).toBe(200);
    expect((await life.timerNames()).filter((name) => name.startsWith("es-"))).toEqual([]);
    await life.advance(60);
    expect((await mailsTo(MANAGER)).filter((m) => m.body.text?.includes(email))).toHaveLength(0);
  });
});

describe("speed to lead", () => {
  it("prompts the routed rep to call a contact request that is not booked within 15 minutes", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Quinn Quick", email, phone: "+1 415 555 0100", timeZone: "America/Los_Angeles", consent: true });
    expect(lead.status).toBe(201);
    expect(await life.timerNames()).toEqual([`ld-${lead.json.id}-callback`]);
    await life.advance(14);
    await life.advance(1);
    const prompts = (await mailsTo("@acme-analytics.example", /^Call Quinn Quick now/)).filter((m) => m.body.text?.includes(email));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.body.text).toMatch(/asked to talk live|has not booked/i);
  });

  it("does not prompt when the contact request was booked in time", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Bo Booker", email, timeZone: "UTC", consent: true });
    const slot = lead.json.slots[0].start;
    expect((await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: slot, name: "Bo Booker", email, timeZone: "UTC", consent: true, contactRequestId: lead.json.id })).status).toBe(201);
    expect(await life.fire({ kind: "lead-call-back", leadId: lead.json.id })).toBe("not-needed");
  });
});

describe("a rep's follow-ups", () => {
  it("lists open prompts for the rep with their token, due first, and takes outcomes through the API", async () => {
    const life = await createLifecycle(NOW);
    const { email } = await demoThenPrompt(life);
    expect((await life.api.call("GET", "/api/reps/maya/follow-ups")).status).toBe(401);
    expect((await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-lukas" })).status).toBe(403);
    const list = await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" });
    expect(list.status).toBe(200);
    const mine = list.json.followUps.filter((f: { lead: { email: string } }) => f.lead.email === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ attempt: 1, reason: "after-demo", overdue: false, lead: { name: "Pat Prospect", phone: "+33123456789" } });
    life.clock.advance(5);
    const later = await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" });
    expect(later.json.followUps.find((f: { lead: { email: string } }) => f.lead.email === email).overdue).toBe(true);

    const { leadId, promptId } = mine[0];
    const logged = await life.api.call("POST", `/api/reps/maya/follow-ups/${leadId}/${encodeURIComponent(promptId)}/outcome`, { outcome: "reached" }, { authorization: "Bearer local-token-maya" });
    expect(logged.status).toBe(200);
    const after = await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" });
    expect(after.json.followUps.filter((f: { lead: { email: string } }) => f.lead.email === email)).toEqual([]);
    const timeline = await life.api.call("GET", `/api/bookings/${mine[0].bookingId}/timeline`, undefined, { authorization: "Bearer local-token-maya" });
    expect(timeline.status).toBe(200);
    expect(timeline.json.events.some((e: { kind: string; data?: { outcome?: string } }) => e.kind === "call_attempt" && e.data?.outcome === "reached")).toBe(true);
    expect((await life.api.call("GET", `/api/bookings/${mine[0].bookingId}/timeline`, undefined, { authorization: "Bearer local-token-lukas" })).status).toBe(403);
  });
});
