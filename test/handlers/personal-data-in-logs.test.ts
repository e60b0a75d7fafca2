// No personal data in logs: with the log level at debug, a booking (whose invitation SES first refuses,
// naming the address), a webinar registration with a colleague, the lifecycle's timers and a logged call
// outcome write log lines — none of them holds an e-mail address, a phone number, a name or a token.

import { afterEach, describe, expect, it, vi } from "vitest";
import { APP_METRICS } from "../../functions/handlers/app-metrics";
import { redactPersonalData, redactText } from "../../functions/handlers/log-redaction";
import { createObservability } from "../../functions/handlers/observability";
import { MailRefused, type Mailer } from "../../functions/ports/mailer";
import { createLifecycle } from "../support/lifecycle-harness";

afterEach(() => vi.restoreAllMocks());

describe("log redaction", () => {
  it("masks addresses, phone numbers and signed tokens inside any string, and keeps ids and times", () => {
    const token = "eyJwIjoibWFuYWdlIiwicyI6ImFiYyJ9.Zm9vYmFyYmF6cXV4cXV1eGZvb2Jhcg";
    expect(redactText(`MessageRejected: Email address is not verified: jane.doe+demo@globex.example (${token})`)).toBe("MessageRejected: Email address is not verified: [email] ([token])");
    expect(redactText("call +1 312-555-0199 or +49 30 1234567")).toBe("call [phone] or [phone]");
    const kept = { bookingId: "0b6a3c36-1d57-4b0f-9b53-1c1f52a4e5d1", start: "2026-12-01T17:00:00.000Z", count: 3 };
    expect(redactPersonalData({ ...kept, nested: [{ to: "a@b.example" }] })).toEqual({ ...kept, nested: [{ to: "[email]" }] });
    expect(redactPersonalData({ next: { dueAt: new Date("2026-12-01T19:35:00Z") } })).toEqual({ next: { dueAt: "2026-12-01T19:35:00.000Z" } });
  });
});

describe("the logs of a busy day at debug level", () => {
  it("hold no e-mail address, phone number, name or token", async () => {
    const lines: string[] = [];
    // Powertools Logger writes each line to the process's standard output or error.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        return true;
      });
    }
    const refuseOnce = { left: 1 };
    // SES's own words when it refuses a recipient name the address: the outbox logs the error and retries.
    const refusingMailer = (real: Mailer): Mailer => ({
      send: async (email) => {
        if (refuseOnce.left-- > 0) throw new MailRefused(`MessageRejected: Email address is not verified. The following identities failed the check: ${email.to}`);
        return real.send(email);
      },
    });
    const life = await createLifecycle("2026-11-30T06:00:00Z", { log: createObservability("debug").log, wrapMailer: refusingMailer });
    const stamp = Date.now();
    const person = { name: "Quentin Quietlog", email: `quentin.${stamp}@privacy.example`, phone: "+1 312 555 0142", company: "Hushco" };
    const colleague = `quinn.${stamp}@privacy.example`;

    const booked = await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", timeZone: "UTC", consent: true, ...person });
    expect(booked.status).toBe(201);
    const sessions = (await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions;
    const registered = await life.api.call("POST", `/api/webinars/${sessions[0].id}/registrations`, {
      name: "Rosa Registrant",
      email: `rosa.${stamp}@privacy.example`,
      timeZone: "UTC",
      consent: true,
      colleagues: [colleague],
    });
    expect(registered.status).toBeLessThan(300);
    await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T17:00:00Z", timeZone: "UTC", consent: true, ...person, email: `second.${stamp}@privacy.example` });

    // Through the demo and past it: reminders, prep note, call-back prompt; the outbox retries the refusal.
    for (let hour = 0; hour < 40; hour++) {
      await life.advance(60);
      await life.fire({ kind: "outbox-sweep" });
    }
    const prompts = await life.api.call("GET", "/api/reps/maya/follow-ups", undefined, { authorization: "Bearer local-token-maya" });
    const prompt = (prompts.json.followUps ?? prompts.json.items ?? []).find((p: { lead?: { email?: string } }) => p.lead?.email === person.email) ?? prompts.json.followUps?.[0];
    expect(prompt, JSON.stringify(prompts.json).slice(0, 300)).toBeDefined();
    const logged = await life.api.call("POST", `/api/reps/maya/follow-ups/${prompt.leadId}/${prompt.promptId}/outcome`, { outcome: "voicemail" }, { authorization: "Bearer local-token-maya" });
    expect(logged.status).toBe(200);

    expect(refuseOnce.left).toBeLessThan(0); // the refusal happened, and was logged
    expect(lines.some((line) => line.includes("[email]"))).toBe(true);
    // The lines that count the product's figures are among them (the timer handler's own line aside).
    const counted = APP_METRICS.filter((figure) => figure.metricName !== "TimersFired").map((figure) => figure.message);
    const messages = lines.flatMap((line) => {
      try {
        return [JSON.parse(line).message as string];
      } catch {
        return [];
      }
    });
    for (const message of ["e-mail refused for good", "rep prompted to call", ...counted]) expect(messages, message).toContain(message);
    const token = new URL(booked.json.manageUrl).href.match(/token=([^&#]+)/)?.[1];
    const forbidden = [person.email, colleague, `rosa.${stamp}`, "Quentin", "Quietlog", "Rosa Registrant", "555 0142", "5550142", "+13125550142", "Hushco", decodeURIComponent(token!)];
    for (const value of forbidden) {
      const leaks = lines.filter((line) => line.toLowerCase().includes(value.toLowerCase()));
      expect(leaks, `${value} appears in the logs`).toEqual([]);
    }
  });
});
