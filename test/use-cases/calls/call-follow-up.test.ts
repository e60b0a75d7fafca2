// Call prompts, outcomes, the call cadence and escalation, on the real engines.
import { describe, expect, it } from "vitest";
import { signToken } from "../../../functions/core/access/signed-token";
import { singleKeyRing } from "../../../functions/core/access/signing-keys";
import { OUTCOME_PURPOSE } from "../../../functions/core/bookings/lifecycle-links";
import type { Mailer } from "../../../functions/ports/mailer";
import { CallBackInPool, CallBackMoved, recordOutcomeOnPrompt } from "../../../functions/use-cases/calls/record-outcome";
import { configWithUniqueRepEmails } from "../../support/console-session";
import { createLifecycle, linksIn, mailsTo, tokenOf } from "../../support/lifecycle-harness";
import { TEST_SIGNING_SECRET } from "../../support/test-api";

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

/** A mailer that fails (throttling) while `down` is true, then delivers through the real one. */
function flakyMailer(state: { down: boolean }) {
  return (real: Mailer): Mailer => ({
    send: async (email) => {
      if (state.down) throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "TooManyRequestsException" });
      return real.send(email);
    },
  });
}

describe("call prompts and the cadence", () => {
  it("voicemail → +2 h, no answer → next business morning in the prospect's zone, voicemail → +2 days, voicemail → unreachable", async () => {
    const life = await createLifecycle(NOW);
    // In New York every step of this cadence falls inside the calling hours (17:35Z is 12:35 there).
    const { email, booked, links } = await demoThenPrompt(life, "America/New_York");
    expect(Object.keys(links)).toEqual(["Reached", "Voicemail", "No answer", "Wrong number", "Not interested", "Converted", "Wants another demo", "Attended", "No-show"]);

    const first = await log(life, links["Voicemail"]!);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ outcome: "voicemail", lead: { name: "Pat Prospect" }, attempt: 1, next: { attempt: 2, dueAt: "2026-12-01T19:35:00.000Z" } });
    // The same link again changes nothing.
    expect((await log(life, links["Voicemail"]!)).status).toBe(409);
    expect((await log(life, links["Reached"]!)).json.error.code).toBe("outcome_already_recorded");

    // The first call-back and three further attempts: four calls in all.
    const attemptMail = async (n: number) => (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email) && m.body.text?.includes(`Attempt ${n} of 4`));
    await life.advance(2 * 60);
    const second = await attemptMail(2);
    expect(second).toHaveLength(1);
    const noAnswer = await log(life, outcomeLinks(second[0]!)["No answer"]!);
    // Tuesday 19:35Z is 14:35 in New York: the next business morning there is Wednesday 09:00 (14:00Z).
    expect(noAnswer.json.next).toMatchObject({ attempt: 3, dueAt: "2026-12-02T14:00:00.000Z" });

    life.clock.set("2026-12-02T14:00:00Z");
    await life.runner.drain();
    const third = await attemptMail(3);
    expect(third).toHaveLength(1);
    const thirdVoicemail = await log(life, outcomeLinks(third[0]!)["Voicemail"]!);
    // The last delay, +2 days, is used too.
    expect(thirdVoicemail.json).toMatchObject({ attempt: 3, next: { attempt: 4, dueAt: "2026-12-04T14:00:00.000Z" } });
    expect(thirdVoicemail.json.closed).toBeUndefined();

    await life.advance(2 * 24 * 60 - 1);
    expect(await attemptMail(4)).toHaveLength(0);
    await life.advance(1);
    const fourth = await attemptMail(4);
    expect(fourth).toHaveLength(1);
    const last = await log(life, outcomeLinks(fourth[0]!)["Voicemail"]!);
    expect(last.json).toMatchObject({ attempt: 4, closed: "unreachable" });
    expect(last.json.next).toBeUndefined();

    const token = tokenOf(booked.json.manageUrl);
    const timeline = (await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${token}`)).json.events;
    expect(timeline.filter((e: { kind: string }) => e.kind === "call_attempt").map((e: { data: { outcome: string } }) => e.data.outcome)).toEqual(["voicemail", "no_answer", "voicemail", "voicemail"]);
    expect(timeline.at(-1)).toMatchObject({ kind: "unreachable", data: { attempts: 4 } });
    const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
    expect((await life.api.itemsWithPrefix(`LEAD#${leadId}`)).find((i) => i.sk === "LEAD")).toMatchObject({ closedReason: "unreachable" });
    // Nothing is left to do for this lead: no open prompt, no attempt timer.
    expect((await life.timerNames()).filter((name) => name.includes(leadId) && !name.startsWith("es-"))).toEqual([]);
  });

  it("writes the call prompt in the rep's language from config (reps[].language): a German rep's prompt and outcome buttons are German, and they log", async () => {
    const config = configWithUniqueRepEmails();
    const maya = config.reps.find((rep) => rep.id === "maya")!;
    maya.language = "de";
    const life = await createLifecycle(NOW, { config });
    const email = uniqueEmail();
    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Pat Prospect", email, phone: "+33 1 23 45 67 89", timeZone: "Europe/Paris", consent: true });
    expect(booked.status).toBe(201);
    life.clock.set("2026-12-01T17:35:00Z");
    await life.runner.drain();
    const prompts = (await mailsTo(maya.email)).filter((m) => m.body.text?.includes(email) && m.subject.startsWith("Rufen Sie Pat Prospect jetzt an"));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.body.text).toContain("Ihre Demo mit Pat begann vor 35 Minuten.");
    expect(prompts[0]!.body.text).toContain("Jetzt: 18:35 Ortszeit von Pat (Europe/Paris) · 11:35 bei Ihnen");
    const links = outcomeLinks(prompts[0]!);
    expect(Object.keys(links)).toEqual(expect.arrayContaining(["Erreicht", "Mailbox", "Keine Antwort", "Teilgenommen", "Nicht erschienen"]));
    expect(Object.keys(links)).not.toContain("Voicemail");
    // The outcome page the links open speaks German too (?lang=de, outside the signed token), and the next
    // attempt's time comes in German, whose time is whose named.
    for (const link of Object.values(links)) expect(new URL(link).searchParams.get("lang")).toBe("de");
    const logged = (await log(life, links["Mailbox"]!)).json;
    expect(logged).toMatchObject({ attempt: 1, next: { attempt: 2 } });
    expect(logged.next.dueText).toMatch(/ Ortszeit von Pat \(Europe\/Paris\) · .* bei Ihnen$/);
  });

  it("reading an outcome link records nothing; the view shows what it would log, then what was logged and when", async () => {
    const life = await createLifecycle(NOW);
    const { links, booked } = await demoThenPrompt(life);
    const view = (link: string) => life.api.call("POST", "/api/outcomes/view", { token: tokenOf(link) });
    // The outcome page reading every link of the prompt: nothing is logged.
    for (const link of Object.values(links)) expect((await view(link)).status).toBe(200);
    expect((await view(links["Converted"]!)).json).toEqual({ outcome: "converted", lead: { name: "Pat Prospect" }, attempt: 1 });
    const timeline = async () => (await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${tokenOf(booked.json.manageUrl)}`)).json.events.map((e: { kind: string }) => e.kind);
    expect(await timeline()).not.toContain("call_attempt");
    expect(await timeline()).not.toContain("attended");
    const prompt = (await life.api.allItems()).find((i) => i.entity === "prompt" && i.bookingId === booked.json.id)!;
    expect(prompt.status).toBe("open");

    life.clock.set("2026-12-01T17:40:00Z");
    expect((await log(life, links["Reached"]!)).status).toBe(200);
    // A second visit (this link or another of the prompt) says what was logged, and when.
    expect((await view(links["Reached"]!)).json.recorded).toEqual({ outcome: "reached", at: "2026-12-01T17:40:00.000Z" });
    expect((await view(links["Converted"]!)).json).toMatchObject({ outcome: "converted", recorded: { outcome: "reached", at: "2026-12-01T17:40:00.000Z" } });
    expect((await view(links["Attended"]!)).json.recorded).toBeUndefined();
    expect((await log(life, links["Attended"]!)).status).toBe(200);
    expect((await view(links["No-show"]!)).json.recorded).toEqual({ outcome: "attended", at: "2026-12-01T17:40:00.000Z" });
    expect((await life.api.call("POST", "/api/outcomes/view", { token: "not-a-token-at-all" })).status).toBe(403);
  });

  it("a retry that would fall after the lead's calling hours is due at the start of the next window", async () => {
    const life = await createLifecycle(NOW);
    // 17:35Z is 18:35 in Paris: +2 h would be 20:35 there, so the next attempt is Wednesday 09:00 (08:00Z).
    const { email, links } = await demoThenPrompt(life);
    // The rep (Maya, Chicago) reads whose 9 AM it is.
    expect((await log(life, links["Voicemail"]!)).json.next).toEqual({ attempt: 2, dueAt: "2026-12-02T08:00:00.000Z", dueText: "Wed, Dec 2, 9:00 AM Pat's time (Europe/Paris) · 2:00 AM yours" });
    const second = async () => (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email) && m.body.text?.includes("Attempt 2 of 4"));
    await life.advance(2 * 60);
    expect(await second()).toHaveLength(0);
    life.clock.set("2026-12-02T08:00:00Z");
    await life.runner.drain();
    expect(await second()).toHaveLength(1);
  });

  it("a call-attempt timer delivered twice prompts the next attempt once", async () => {
    const life = await createLifecycle(NOW);
    const { email, booked, links } = await demoThenPrompt(life, "America/New_York");
    expect((await log(life, links["No answer"]!)).json.next).toMatchObject({ attempt: 2, dueAt: "2026-12-01T19:35:00.000Z" });
    const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
    life.clock.set("2026-12-01T19:35:00Z");
    const payload = { kind: "call-attempt" as const, leadId, chain: booked.json.id, attempt: 2 };
    expect((await Promise.all([life.fire(payload), life.fire(payload)])).sort()).toEqual(["duplicate", "prompted"]);
    await life.runner.drain();
    expect(await life.fire(payload)).toBe("duplicate");
    const second = (await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email) && m.body.text?.includes("Attempt 2 of 4"));
    expect(second).toHaveLength(1);
    expect((await life.api.allItems()).filter((i) => i.entity === "prompt" && i.leadId === leadId).map((i) => i.attempt).sort()).toEqual([1, 2]);
  });

  for (const [label, outcome] of [
    ["Not interested", "not_interested"],
    ["Wrong number", "wrong_number"],
  ] as const) {
    it(`${outcome} closes the lead: no further prompt, the attempt on its log`, async () => {
      const logged: { message: string; details?: Record<string, unknown> }[] = [];
      const life = await createLifecycle(NOW, { log: (_level, message, details) => logged.push({ message, details }) });
      const { email, booked, links } = await demoThenPrompt(life);
      const result = await log(life, links[label]!);
      expect(result.status).toBe(200);
      expect(result.json).toMatchObject({ outcome, attempt: 1, closed: outcome });
      expect(result.json.next).toBeUndefined();
      expect(logged.find((entry) => entry.message === "call outcome logged")?.details).toMatchObject({ outcome, closed: outcome });

      const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
      expect((await life.api.itemsWithPrefix(`LEAD#${leadId}`)).find((i) => i.sk === "LEAD")).toMatchObject({ closedReason: outcome });
      const events = (await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${tokenOf(booked.json.manageUrl)}`)).json.events;
      expect(events.filter((e: { kind: string }) => e.kind === "call_attempt")).toEqual([expect.objectContaining({ data: expect.objectContaining({ outcome, attempt: 1 }) })]);
      const kinds = events.map((e: { kind: string }) => e.kind);
      expect(kinds).not.toContain("unreachable");
      expect(kinds).not.toContain("converted");
      // No timer left for this lead (not even the escalation), and days later no other prompt.
      expect((await life.timerNames()).filter((name) => name.includes(leadId))).toEqual([]);
      await life.advance(3 * 24 * 60);
      expect((await mailsTo(MAYA, /^Call Pat Prospect now/)).filter((m) => m.body.text?.includes(email))).toHaveLength(1);
      expect((await mailsTo(MANAGER)).filter((m) => m.body.text?.includes(email))).toHaveLength(0);
      expect(await life.fire({ kind: "call-attempt", leadId, chain: booked.json.id, attempt: 2 })).toBe("not-needed");
      expect((await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" })).json.followUps).toEqual([]);
    });
  }

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

  it("a rep's call outcome link logs nothing once the follow-up was moved to another rep; their attendance link still logs; once closed, it says what was logged", async () => {
    const life = await createLifecycle(NOW);
    const { links } = await demoThenPrompt(life);
    const [callBack] = (await life.api.call("GET", "/api/console/queue", undefined, { authorization: "Bearer local-token-maya" })).json.items;
    const manager = { authorization: "Bearer local-token-lukas" };
    const assign = (repId: string) => life.api.call("POST", `/api/console/queue/${callBack.id}/assign`, { repId }, manager);
    expect((await assign("priya")).status).toBe(200);
    const [leadId, promptId] = callBack.id.split("~");
    const expiresAt = Math.floor(life.clock.now().getTime() / 1000) + 3600;
    // A link mailed before links named their rep: the prompt was moved, so whose it was cannot be told.
    const unnamed = signToken({ purpose: OUTCOME_PURPOSE, subject: `${leadId}|${promptId}|not_interested`, expiresAt }, singleKeyRing(TEST_SIGNING_SECRET));
    for (const token of [tokenOf(links["Not interested"]!), unnamed]) {
      for (const path of ["/api/outcomes/view", "/api/outcomes"]) {
        const refused = await life.api.call("POST", path, { token });
        expect(refused.status).toBe(409);
        expect(refused.json.error.code).toBe("call_back_moved");
      }
    }
    // Nothing was logged: the follow-up is open in Priya's queue, the lead has no attempt and is not closed.
    expect((await life.api.call("GET", "/api/console/queue", undefined, { authorization: "Bearer local-token-priya" })).json.items).toEqual([expect.objectContaining({ id: callBack.id, repId: "priya" })]);
    const kinds = async () => (await life.api.call("GET", `/api/leads/${callBack.lead.id}`, undefined, manager)).json.events.map((event: { kind: string }) => event.kind);
    expect(await kinds()).not.toContain("call_attempt");
    // Whether the prospect came is still Maya's to say: she ran the demo.
    expect((await log(life, links["Attended"]!)).json).toEqual({ outcome: "attended", lead: { name: "Pat Prospect" } });
    // Moved back to her, her link logs; after that it shows what was logged.
    expect((await assign("maya")).status).toBe(200);
    expect((await log(life, links["Reached"]!)).json).toMatchObject({ outcome: "reached", attempt: 1 });
    expect((await life.api.call("POST", "/api/outcomes/view", { token: tokenOf(links["Not interested"]!) })).json).toMatchObject({ recorded: { outcome: "reached" } });
    expect((await log(life, links["Not interested"]!)).json.error.code).toBe("outcome_already_recorded");
    expect((await kinds()).filter((kind: string) => kind === "call_attempt")).toHaveLength(1);
  });

  it("a link naming no rep (mailed before links named one) logs while its follow-up was never moved", async () => {
    const life = await createLifecycle(NOW);
    await demoThenPrompt(life);
    const [callBack] = (await life.api.call("GET", "/api/console/queue", undefined, { authorization: "Bearer local-token-maya" })).json.items;
    const [leadId, promptId] = callBack.id.split("~");
    const expiresAt = Math.floor(life.clock.now().getTime() / 1000) + 3600;
    const unnamed = signToken({ purpose: OUTCOME_PURPOSE, subject: `${leadId}|${promptId}|voicemail`, expiresAt }, singleKeyRing(TEST_SIGNING_SECRET));
    expect((await life.api.call("POST", "/api/outcomes", { token: unnamed })).json).toMatchObject({ outcome: "voicemail", attempt: 1 });
  });

  it("closes a follow-up only while it is still the rep's it was read as: moved in between, nothing is logged and the answer says it moved", async () => {
    const life = await createLifecycle(NOW);
    await demoThenPrompt(life);
    const [callBack] = (await life.api.call("GET", "/api/console/queue", undefined, { authorization: "Bearer local-token-maya" })).json.items;
    const [leadId, promptId] = callBack.id.split("~");
    const readAsMayas = (await life.api.deps.leadLog.getPrompt(leadId!, promptId!))!;
    expect((await life.api.call("POST", `/api/console/queue/${callBack.id}/assign`, { repId: "priya" }, { authorization: "Bearer local-token-lukas" })).status).toBe(200);
    await expect(recordOutcomeOnPrompt(life.api.deps, readAsMayas, "not_interested")).rejects.toBeInstanceOf(CallBackMoved);
    expect(await life.api.deps.leadLog.getPrompt(leadId!, promptId!)).toMatchObject({ status: "open", repId: "priya" });
    // Handed to the team's pool in between (its rep deactivated): the answer says so.
    const readAsPriyas = (await life.api.deps.leadLog.getPrompt(leadId!, promptId!))!;
    expect(await life.api.deps.leadLog.reassignPrompt(readAsPriyas, "-", [])).toBe(true);
    await expect(recordOutcomeOnPrompt(life.api.deps, readAsPriyas, "not_interested")).rejects.toBeInstanceOf(CallBackInPool);
    expect(await life.api.deps.leadLog.getPrompt(leadId!, promptId!)).toMatchObject({ status: "open", repId: "-" });
  });

  it("wants another demo: the prospect is invited to book again", async () => {
    const life = await createLifecycle(NOW);
    const { email, links } = await demoThenPrompt(life);
    expect((await log(life, links["Wants another demo"]!)).status).toBe(200);
    const [invite] = await mailsTo(email, /Book another demo with Maya/);
    // The booking page, in the language the prospect was stored with (the API's default here: English).
    expect(linksIn(invite!)).toContain("http://liveline.test/?lang=en");
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
  it("a contact request at 03:00 in the lead's zone is called back when their calling hours begin, not 15 minutes later", async () => {
    // Monday 08:00Z is 03:00 in New York; the first window is 09:00 there (14:00Z).
    const life = await createLifecycle("2026-11-30T08:00:00Z");
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Nora Night", email, phone: "+1 212 555 0100", timeZone: "America/New_York", consent: true });
    expect(lead.status).toBe(201);
    const timer = (await life.api.allItems()).find((i) => i.entity === "timer" && String(i.name).startsWith(`ld-${lead.json.id}-cb-`))!;
    expect(new Date(timer.fireAt).toISOString()).toBe("2026-11-30T14:00:00.000Z");
    const noraPrompts = async () => (await mailsTo("@acme-analytics.example", /^Call Nora Night now/)).filter((m) => m.body.text?.includes(email));
    await life.advance(15);
    expect(await noraPrompts()).toHaveLength(0);
    life.clock.set("2026-11-30T13:59:00Z");
    await life.runner.drain();
    expect(await noraPrompts()).toHaveLength(0);
    await life.advance(1);
    const prompts = await noraPrompts();
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.body.text).toContain("9:00 AM");
  });

  it("a call-back delivered outside the lead's calling hours (late, or the clock moved on) comes back at the next window, once", async () => {
    const life = await createLifecycle("2026-11-30T15:00:00Z");
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Lou Late", email, phone: "+1 212 555 0102", timeZone: "America/New_York", consent: true });
    // Delivered at 23:30 New York time (a Scheduler retry hours late): twice.
    const payload = (await life.api.allItems()).find((i) => i.entity === "timer" && String(i.name).startsWith(`ld-${lead.json.id}-cb-`))!.payload;
    life.clock.set("2026-12-01T04:30:00Z");
    expect(await life.fire(payload)).toBe("deferred");
    expect(await life.fire(payload)).toBe("deferred");
    const deferred = (await life.api.allItems()).filter((i) => i.entity === "timer" && String(i.name).startsWith("df-"));
    expect(deferred.map((timer) => new Date(timer.fireAt).toISOString())).toEqual(["2026-12-01T14:00:00.000Z"]);
    const louPrompts = async () => (await mailsTo("@acme-analytics.example", /^Call Lou Late now/)).filter((m) => m.body.text?.includes(email));
    expect(await louPrompts()).toHaveLength(0);
    life.clock.set("2026-12-01T14:00:00Z");
    await life.runner.drain();
    expect(await louPrompts()).toHaveLength(1);
  });

  it("prompts the routed rep to call a contact request that is not booked within 15 minutes", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Quinn Quick", email, phone: "+1 415 555 0100", timeZone: "Asia/Kolkata", consent: true });
    expect(lead.status).toBe(201);
    expect(await life.timerNames()).toEqual([expect.stringMatching(new RegExp(`^ld-${lead.json.id}-cb-r[0-9a-z]+$`))]);
    const timer = (await life.api.allItems()).find((i) => i.entity === "timer")!;
    expect(new Date(timer.fireAt).toISOString()).toBe("2026-11-30T06:15:00.000Z");
    const quinnPrompts = async () => (await mailsTo("@acme-analytics.example", /^Call Quinn Quick now/)).filter((m) => m.body.text?.includes(email));
    // Not a minute early…
    expect(await life.advance(14)).toBe(0);
    expect(await quinnPrompts()).toHaveLength(0);
    expect(await life.timerNames()).toEqual([expect.stringMatching(new RegExp(`^ld-${lead.json.id}-cb-r[0-9a-z]+$`))]);
    // …and on the minute.
    expect(await life.advance(1)).toBe(1);
    const prompts = await quinnPrompts();
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.body.text).toMatch(/asked to talk live|has not booked/i);
  });

  it("a lead call-back timer delivered twice prompts once", async () => {
    const life = await createLifecycle(NOW);
    const email = uniqueEmail();
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Dee Double", email, phone: "+1 415 555 0101", timeZone: "Asia/Kolkata", consent: true });
    expect(lead.status).toBe(201);
    life.clock.advance(15);
    const payload = { kind: "lead-call-back" as const, leadId: lead.json.id };
    expect((await Promise.all([life.fire(payload), life.fire(payload)])).sort()).toEqual(["duplicate", "prompted"]);
    // The scheduled timer itself, delivered after both, and once more late.
    expect(await life.runner.drain()).toBe(1);
    life.clock.advance(60);
    expect(await life.fire(payload)).toBe("duplicate");
    expect((await mailsTo("@acme-analytics.example", /^Call Dee Double now/)).filter((m) => m.body.text?.includes(email))).toHaveLength(1);
    expect((await life.api.allItems()).filter((i) => i.entity === "prompt" && i.leadId === lead.json.id)).toHaveLength(1);
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

  it("lists several open prompts earliest due first: the overdue ones, then the one just due", async () => {
    const life = await createLifecycle(NOW);
    const demos: { id: string; email: string; leadId: string }[] = [];
    // Three of Maya's demos on Tuesday (11:00, 13:00 and 14:00 in Chicago).
    for (const start of ["2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z", "2026-12-01T20:00:00Z"]) {
      const email = uniqueEmail();
      const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start, name: "Pat Prospect", email, timeZone: "America/New_York", consent: true });
      expect(booked.status).toBe(201);
      expect(booked.json.rep.firstName).toBe("Maya");
      const leadId = (await life.api.allItems()).find((i) => i.sk === "BOOKING" && i.id === booked.json.id)!.leadId;
      demos.push({ id: booked.json.id, email, leadId });
    }
    // The prompts open ten minutes apart, in descending order of lead id: a list in key order would come back reversed.
    const dueOrder = [...demos].sort((a, b) => (a.leadId < b.leadId ? 1 : -1));
    life.clock.set("2026-12-01T20:35:00Z");
    for (const [index, demo] of dueOrder.entries()) {
      if (index > 0) life.clock.advance(10);
      expect(await life.fire({ kind: "call-back", bookingId: demo.id, version: 1 })).toBe("prompted");
    }
    const list = await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" });
    expect(list.status).toBe(200);
    expect(list.json.followUps.map((f: { lead: { email: string }; dueAt: string; overdue: boolean }) => [f.lead.email, f.dueAt, f.overdue])).toEqual([
      [dueOrder[0]!.email, "2026-12-01T20:35:00.000Z", true],
      [dueOrder[1]!.email, "2026-12-01T20:45:00.000Z", true],
      [dueOrder[2]!.email, "2026-12-01T20:55:00.000Z", false],
    ]);
  });
});

describe("when SES fails", () => {
  it("an outcome logged while SES is down stands, and its e-mail is sent once after recovery", async () => {
    const ses = { down: false };
    const life = await createLifecycle(NOW, { wrapMailer: flakyMailer(ses) });
    const { email, booked, links } = await demoThenPrompt(life);
    ses.down = true;
    const logged = await log(life, links["Wants another demo"]!);
    expect(logged.status).toBe(200);
    expect(logged.json).toMatchObject({ outcome: "wants_another_demo", attempt: 1 });
    expect(await mailsTo(email, /Book another demo with Maya/)).toHaveLength(0);
    // It stands: the prompt is closed (a second click is refused) and the attempt is on the lead's log.
    expect((await log(life, links["Reached"]!)).json.error.code).toBe("outcome_already_recorded");
    const manage = tokenOf(booked.json.manageUrl);
    const timeline = async () => (await life.api.call("GET", `/api/bookings/${booked.json.id}/timeline?token=${manage}`)).json.events;
    expect((await timeline()).filter((e: { kind: string }) => e.kind === "call_attempt").map((e: { data: { outcome: string } }) => e.data.outcome)).toEqual(["wants_another_demo"]);
    const rebook = async () => (await life.api.allItems()).find((i) => i.entity === "outbox" && String(i.sk).startsWith("OUTBOX#rebook-"));
    expect(await rebook()).toMatchObject({ status: "failed" });

    // Still down at the first retry; then SES recovers and the sweeps (two at once, then another) send it once.
    life.clock.advance(1);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /Book another demo with Maya/)).toHaveLength(0);
    ses.down = false;
    life.clock.advance(60);
    await Promise.all([life.fire({ kind: "outbox-sweep" }), life.fire({ kind: "outbox-sweep" })]);
    await life.fire({ kind: "outbox-sweep" });
    expect(await mailsTo(email, /Book another demo with Maya/)).toHaveLength(1);
    expect(await rebook()).toMatchObject({ status: "done" });
    expect((await timeline()).map((e: { kind: string }) => e.kind)).toContain("rebook_invited");
  });
});
