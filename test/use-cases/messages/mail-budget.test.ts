// The mail budget at the one place mail is sent (the outbox): an address that never answered gets at most
// 10 e-mails in any 24 hours from every entry point together; the 11th is not sent and is logged on its lead.
// Answering (a booking made, a manage link opened) lifts it; reps are never held back; the switch turns it off.
import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { itemKeys } from "../../../functions/adapters/dynamodb/item-keys";
import { addressKey } from "../../../functions/core/access/protection";
import { describe, expect, it } from "vitest";
import type { OutboxMail } from "../../../functions/ports/outbox";
import { markAnswered } from "../../../functions/use-cases/messages/mail-budget";
import { processOutbox } from "../../../functions/use-cases/messages/process-outbox";
import { TestClock } from "../../support/lifecycle-harness";
import { createTestApi } from "../../support/test-api";

const NOW = "2026-11-30T06:00:00Z";

function mail(to: string, n: number, leadId: string): OutboxMail {
  const raw = [`From: Acme <demo@acme-analytics.example>`, `To: ${to}`, `Subject: Message ${n}`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", `Message ${n}`].join("\r\n");
  return { type: "mail", owner: { kind: "lead", id: leadId }, key: `test-${n}`, from: "demo@acme-analytics.example", to, raw, category: "transactional", logAs: { leadId, kind: "invite_sent" } };
}

async function setup(env: Record<string, string> = {}) {
  const sent: string[] = [];
  const clock = new TestClock(new Date(NOW));
  // Only the switch is changed, and only while the API is built (createTestApi sets the engines' variables).
  const saved = process.env.LIVELINE_PROTECTION;
  if (env.LIVELINE_PROTECTION !== undefined) process.env.LIVELINE_PROTECTION = env.LIVELINE_PROTECTION;
  try {
    const api = await createTestApi({ clock, keepRateLimits: true, wrapMailer: (real) => ({ send: async (email) => (sent.push(email.to), real.send(email)) }) });
    return { api, clock, sent };
  } finally {
    if (saved === undefined) delete process.env.LIVELINE_PROTECTION;
    else process.env.LIVELINE_PROTECTION = saved;
  }
}

const deliver = async (api: Awaited<ReturnType<typeof setup>>["api"], to: string, from: number, count: number, leadId: string) =>
  Promise.all(Array.from({ length: count }, (_, i) => processOutbox(api.deps, [{ item: mail(to, from + i, leadId) }]))).then((all) => all.map((results) => results[0]!));

describe("the mail budget", () => {
  it("sends an address that never answered 10 e-mails in 24 hours; the 11th is not sent and is in the lead's log", async () => {
    const { api, clock, sent } = await setup();
    const victim = `victim.${randomUUID()}@stranger.example`;
    const leadId = randomUUID();
    const first = await deliver(api, victim, 1, 10, leadId);
    expect(first.every((result) => result.status === "done")).toBe(true);
    const [eleventh] = await deliver(api, victim, 11, 1, leadId);
    expect(eleventh).toEqual({ status: "skipped", reason: "mail-budget" });
    expect(sent.filter((to) => to === victim)).toHaveLength(10);
    const withheld = (await api.deps.leadLog.events(leadId)).filter((event) => event.kind === "mail_withheld");
    expect(withheld).toEqual([expect.objectContaining({ ref: "test-11", data: { wouldLogAs: "invite_sent" } })]);
    // A rolling 24 hours, not a calendar day: past midnight still nothing, 24 hours after the first ten again.
    clock.set("2026-12-01T05:59:00Z");
    expect((await deliver(api, victim, 12, 1, leadId))[0]!.status).toBe("skipped");
    clock.set("2026-12-01T06:00:01Z");
    expect((await deliver(api, victim, 13, 1, leadId))[0]!.status).toBe("done");
  });

  it("does not hold back an address that answered, nor a rep", async () => {
    const { api, sent } = await setup();
    const prospect = `answered.${randomUUID()}@globex.example`;
    await markAnswered(api.deps, prospect);
    expect((await deliver(api, prospect, 1, 12, randomUUID())).every((result) => result.status === "done")).toBe(true);
    const rep = api.deps.catalogue.config.reps[0]!.email;
    expect((await deliver(api, rep, 100, 12, randomUUID())).every((result) => result.status === "done")).toBe(true);
    expect(sent.filter((to) => to === prospect)).toHaveLength(12);
  });

  it("counts a booking made as an answer, and opening the booking's manage link too", async () => {
    const { api } = await setup();
    const email = `booker.${randomUUID()}@globex.example`;
    const booked = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Bo Oker", email, timeZone: "UTC", consent: true });
    expect(booked.status).toBe(201);
    expect(await api.deps.protection.store.hasAnswered(addressKey(email), Date.parse(NOW))).toBe(true);
    expect((await deliver(api, email, 1, 12, randomUUID())).every((result) => result.status === "done")).toBe(true);
    // Forget that answer: opening the manage link from the e-mail is one again.
    await api.documents.send(new DeleteCommand({ TableName: api.tableName, Key: itemKeys.answered(addressKey(email)) }));
    const token = new URL(booked.json.manageUrl).hash.replace("#token=", "");
    expect((await api.call("GET", `/api/bookings/${booked.json.id}`, undefined, { "Liveline-Token": token })).status).toBe(200);
    expect(await api.deps.protection.store.hasAnswered(addressKey(email), Date.parse(NOW))).toBe(true);
  });

  it("is off with LIVELINE_PROTECTION=off", async () => {
    const { api } = await setup({ LIVELINE_PROTECTION: "off" });
    expect((await deliver(api, `any.${randomUUID()}@stranger.example`, 1, 12, randomUUID())).every((result) => result.status === "done")).toBe(true);
  });
});
