// The prospect's language through the API on the real engines: chosen from the body's language, else the
// browser's Accept-Language; stored with the booking and the lead; used for the invitation and every later
// message (a reminder, a cancellation).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../../functions/handlers/http/openapi-document";
import { LANGUAGE_WRITES } from "../../../functions/handlers/http/request-language";
import { calendarParts } from "../../support/ses-store";
import { createLifecycle, mailsTo, tokenOf } from "../../support/lifecycle-harness";

// Monday 06:00Z; Tuesday 17:00Z is Maya's (Chicago) alone.
const NOW = "2026-11-30T06:00:00Z";
const DEMO = "2026-12-01T17:00:00Z";
const GERMAN_BROWSER = { "accept-language": "de-DE,de;q=0.9,en;q=0.8" };

let counter = 0;
function booking(extra: Record<string, unknown> = {}) {
  counter++;
  return { offering: "live-demo", start: DEMO, name: "Jana Schmidt", email: `jana.lang${counter}.${Date.now()}@globex.example`, company: "Globex", timeZone: "Europe/Berlin", consent: true, ...extra };
}

describe("the prospect's language", () => {
  it("a German browser: stored with booking and lead, the invitation in German, a later reminder and the cancellation too", async () => {
    const life = await createLifecycle(NOW);
    const body = booking();
    const booked = await life.api.call("POST", "/api/bookings", body, GERMAN_BROWSER);
    expect(booked.status).toBe(201);
    const { id } = booked.json;
    const [stored] = (await life.api.itemsWithPrefix(`BOOKING#${id}`)).filter((item) => item.sk === "BOOKING");
    expect(stored!.prospect.locale).toBe("de");
    // Routing's language is the form's own answer: a browser's wish does not fill it in.
    expect(stored!.prospect.language).toBeUndefined();
    const [lead] = (await life.api.itemsWithPrefix(`LEAD#${stored!.leadId}`)).filter((item) => item.sk === "LEAD");
    expect(lead!.prospect.locale).toBe("de");

    const [invitation] = await mailsTo(body.email);
    expect(invitation!.subject).toBe("Bestätigt: Live product demo mit Maya — Di., 1. Dez., 18:00 (Europe/Berlin)");
    expect(invitation!.body.text).toContain("Ihr Termin „Live product demo“ ist bestätigt.");
    expect(invitation!.body.text).toContain("Wann: Dienstag, 1. Dezember 2026 um 18:00 – 18:30 (Europe/Berlin)");
    const calendar = calendarParts(invitation!).find((part) => part.filename === "invite.ics")!;
    const event = new ICAL.Component(ICAL.parse(calendar.text)).getFirstSubcomponent("vevent")!;
    expect(String(event.getFirstPropertyValue("description"))).toContain("Mit Maya von Acme Analytics");
    // The rep's invitation stays in the rep's language.
    const repMails = (await mailsTo("maya.johnson@acme-analytics.example", /^New demo: Jana Schmidt/)).filter((mail) => mail.body.text?.includes(body.email));
    expect(repMails).toHaveLength(1);

    // The 24-hour reminder, a day later, is written from the stored booking: still German.
    await life.advance(11 * 60);
    expect(await mailsTo(body.email, /^Morgen um 18:00: Live product demo mit Maya$/)).toHaveLength(1);

    const cancelled = await life.api.call("POST", `/api/bookings/${id}/cancel`, { token: tokenOf(booked.json.manageUrl) });
    expect(cancelled.status).toBe(200);
    await life.api.deliverOutbox();
    const [cancellation] = await mailsTo(body.email, /^Abgesagt: /);
    expect(cancellation!.subject).toBe("Abgesagt: Live product demo mit Maya — Di., 1. Dez., 18:00 (Europe/Berlin)");
    expect(cancellation!.body.text).toContain("Ihr Termin „Live product demo“ mit Maya von Acme Analytics ist abgesagt.");
  });

  it("a Spanish choice on the form wins over a German browser", async () => {
    const life = await createLifecycle(NOW);
    const body = booking({ language: "es" });
    const booked = await life.api.call("POST", "/api/bookings", body, GERMAN_BROWSER);
    expect(booked.status).toBe(201);
    const [invitation] = await mailsTo(body.email);
    expect(invitation!.subject).toBe("Cita confirmada: Live product demo con Maya — mar, 1 dic, 18:00 (Europe/Berlin)");
    expect(invitation!.body.text).toContain("Hola, Jana:");
  });

  it("a contact request stores the language with the lead; no header and no choice is English", async () => {
    const life = await createLifecycle(NOW);
    const { offering: _offering, start: _start, ...details } = booking();
    const french = await life.api.call("POST", "/api/contact-requests", details, { "accept-language": "fr-CH, fr;q=0.9, en;q=0.8" });
    expect(french.status).toBe(201);
    const [frenchLead] = (await life.api.itemsWithPrefix(`LEAD#${french.json.id}`)).filter((item) => item.sk === "LEAD");
    expect(frenchLead!.prospect.locale).toBe("fr");

    const english = await life.api.call("POST", "/api/bookings", booking(), { "accept-language": "ja-JP" });
    const [stored] = (await life.api.itemsWithPrefix(`BOOKING#${english.json.id}`)).filter((item) => item.sk === "BOOKING");
    expect(stored!.prospect.locale).toBe("en");
  });
});

describe("the OpenAPI document", () => {
  it.each(LANGUAGE_WRITES)("%s takes a language in the body and names the Accept-Language it falls back on", (write) => {
    const [method, path] = write.split(" ") as [string, string];
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody: { content: { "application/json": { schema: { $ref: string } } } } }>>; components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    const operation = doc.paths[path]![method.toLowerCase()]!;
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: "Accept-Language", in: "header" }));
    const schemaName = operation.requestBody.content["application/json"].schema.$ref.split("/").pop()!;
    expect(doc.components.schemas[schemaName]!.properties).toHaveProperty("language");
  });
});

describe("a webinar registration's language", () => {
  it("a German browser registers: the registrant's and the colleague's invitations in German, and the host's later cancellation too", async () => {
    const life = await createLifecycle(NOW);
    const session = "weekly-webinar-20261201T1600Z";
    const stamp = Date.now();
    const body = { name: "Jana Schmidt", email: `jana.web.${stamp}@globex.example`, company: "Globex", timeZone: "Europe/Berlin", consent: true, colleagues: [`kai.${stamp}@globex.example`] };
    const registered = await life.api.call("POST", `/api/webinars/${session}/registrations`, body, GERMAN_BROWSER);
    expect(registered.status).toBe(202);
    const registration = (await life.api.allItems()).find((item) => item.entity === "registration" && item.members?.[0]?.email === body.email);
    expect(registration!.locale).toBe("de");

    const [invitation] = await mailsTo(body.email);
    expect(invitation!.subject).toMatch(/^Angemeldet: Acme Analytics live: the weekly product tour — Di\., 1\. Dez\., 17:00 \(Europe\/Berlin\)$/);
    expect(invitation!.body.text).toContain("Hallo Jana,");
    const [colleague] = await mailsTo(body.colleagues[0]!);
    expect(colleague!.subject).toMatch(/^Jana Schmidt hat Sie angemeldet: /);

    const cancelled = await life.api.call("POST", `/api/webinars/${session}/cancel`, { reason: "Technik" }, { authorization: "Bearer local-token-lukas" });
    expect(cancelled.status).toBe(200);
    await life.api.deliverOutbox();
    const [cancellation] = await mailsTo(body.email, /^Abgesagt: /);
    expect(cancellation!.body.text).toContain("Grund: Technik");
  });
});
