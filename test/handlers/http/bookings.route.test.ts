// POST /api/bookings through the real handler on DynamoDB Local and the SES emulator.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../support/test-api";
import { calendarParts, emailsTo } from "../../support/ses-store";

// Monday 2026-11-30 06:00Z. Tuesday 17:00Z is inside Maya's hours (Chicago 09–12) and nobody else's.
const clock = { now: () => new Date("2026-11-30T06:00:00Z") };
const ONLY_MAYA = "2026-12-01T11:00:00-06:00";

let uniqueCounter = 0;
function prospect(overrides: Record<string, unknown> = {}) {
  uniqueCounter++;
  return {
    offering: "live-demo",
    start: ONLY_MAYA,
    name: "Jane Doe",
    email: `jane.${uniqueCounter}.${Date.now()}@globex.example`,
    company: "Globex",
    phone: "+1 (312) 555-0199",
    teamSize: 25,
    interest: "Dashboards for the sales team",
    timeZone: "Europe/Paris",
    consent: true,
    ...overrides,
  };
}

describe("POST /api/bookings", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ clock });
  });

  it("books the slot, answers with times in the prospect's zone, and stores booking, locks, lead and outbox in one go", async () => {
    const body = prospect();
    const response = await api.call("POST", "/api/bookings", body);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: "confirmed",
      start: "2026-12-01T18:00:00.000+01:00",
      end: "2026-12-01T18:30:00.000+01:00",
      timeZone: "Europe/Paris",
      rep: { name: "Maya Johnson", firstName: "Maya" },
      offering: { id: "live-demo" },
    });
    const { id, joinUrl, manageUrl, icsUrl, googleCalendarUrl } = response.json;
    expect(joinUrl).toBe(`https://meet.jit.si/acme-demo-${id}`);
    // The token in the fragment: browsers never send it, so it never lands in an access log.
    // The manage page's link names the language the prospect is written to in (here the default, English).
    expect(manageUrl).toMatch(new RegExp(`^http://liveline.test/manage.html\\?booking=${id}&lang=en#token=[\\w-]+\\.[\\w-]+$`));
    expect(icsUrl).toContain(`/api/bookings/${id}/invite.ics?token=`);
    expect(new URL(googleCalendarUrl).searchParams.get("dates")).toBe("20261201T170000Z/20261201T173000Z");

    const [booking] = await api.itemsWithPrefix(`BOOKING#${id}`).then((items) => items.filter((i) => i.sk === "BOOKING"));
    expect(booking).toMatchObject({ repId: "maya", start: "2026-12-01T17:00:00.000Z", sequence: 0, status: "confirmed", icalUid: `${id}@acme-analytics.example` });
    expect(booking!.prospect).toMatchObject({ email: body.email, phone: "+13125550199", teamSize: 25, company: "Globex" });
    const locks = (await api.itemsWithPrefix("REP#maya")).filter((i) => i.bookingId === id);
    expect(locks.map((l) => l.sk)).toEqual(["SLOT#2026-12-01T17:00:00.000Z", "SLOT#2026-12-01T17:05:00.000Z", "SLOT#2026-12-01T17:10:00.000Z", "SLOT#2026-12-01T17:15:00.000Z", "SLOT#2026-12-01T17:20:00.000Z", "SLOT#2026-12-01T17:25:00.000Z"]);
    const leadItems = await api.itemsWithPrefix(`LEAD#${booking!.leadId}`);
    expect(leadItems.filter((i) => i.kind === "booked")).toHaveLength(1);
    expect(leadItems.filter((i) => i.sk === "LEAD")).toHaveLength(1);
    const outbox = (await api.itemsWithPrefix(`BOOKING#${id}`)).filter((i) => i.sk.startsWith("OUTBOX#"));
    expect(outbox.map((o) => [o.sk, o.status])).toEqual([
      ["OUTBOX#invitation-prospect-s0", "done"],
      ["OUTBOX#invitation-rep-maya-s0", "done"],
      ["OUTBOX#timers-v1", "done"],
    ]);
    expect(outbox.every((o) => o.gsi1pk === undefined)).toBe(true);
    // The lead's log says the invitations went out.
    const sent = (await api.itemsWithPrefix(`LEAD#${booking!.leadId}`)).filter((i) => i.kind === "invite_sent");
    expect(sent.map((e) => e.data.to).sort()).toEqual(["prospect", "rep"]);
  });

  it("sends the prospect and the rep each their own invitation, which ical.js reads as a REQUEST with our UID", async () => {
    const body = prospect({ start: "2026-12-01T10:30:00-06:00" });
    const response = await api.call("POST", "/api/bookings", body);
    expect(response.status).toBe(201);
    const { id } = response.json;
    const [toProspect] = await emailsTo(body.email);
    expect(toProspect, "prospect's e-mail").toBeDefined();
    expect(toProspect!.destination.to).toHaveLength(1);
    expect(toProspect!.subject).toContain("Maya");
    expect(toProspect!.subject).toContain("5:30 PM");
    const repEmails = (await emailsTo("maya.johnson@acme-analytics.example")).filter((e) => calendarParts(e).some((p) => p.text.includes(id)));
    expect(repEmails).toHaveLength(1);
    expect(repEmails[0]!.body.html).toContain('href="tel:+13125550199"');
    expect(repEmails[0]!.body.text).toContain("+13125550199");

    for (const [email, attendee] of [
      [toProspect!, body.email],
      [repEmails[0]!, "maya.johnson@acme-analytics.example"],
    ] as const) {
      const parts = calendarParts(email);
      expect(parts.map((p) => p.filename ?? p.contentType)).toContain("invite.ics");
      for (const part of parts) {
        const calendar = new ICAL.Component(ICAL.parse(part.text));
        expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
        const events = calendar.getAllSubcomponents("vevent");
        expect(events).toHaveLength(1);
        const event = events[0]!;
        expect(event.getFirstPropertyValue("uid")).toBe(`${id}@acme-analytics.example`);
        expect(event.getFirstPropertyValue("sequence")).toBe(0);
        expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T16:30:00Z");
        expect(event.getFirstPropertyValue("dtend")!.toString()).toBe("2026-12-01T17:00:00Z");
        const attendees = event.getAllProperties("attendee");
        expect(attendees).toHaveLength(1);
        expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe(`mailto:${attendee}`.toLowerCase());
        expect(attendees[0]!.getParameter("rsvp")).toBe("TRUE");
        expect(String(event.getFirstPropertyValue("organizer"))).toBe("mailto:demos@acme-analytics.example");
        expect(String(event.getFirstPropertyValue("location"))).toBe(`https://meet.jit.si/acme-demo-${id}`);
        expect(part.text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
        expect(part.text).not.toMatch(/[^\r]\n/);
      }
    }
  });

  it("gives a second booking of the same one-rep slot 409 slot_taken and writes nothing for it", async () => {
    const first = await api.call("POST", "/api/bookings", prospect({ start: "2026-12-01T11:30:00-06:00" }));
    expect(first.status).toBe(201);
    const before = (await api.allItems()).length;
    const second = await api.call("POST", "/api/bookings", prospect({ start: "2026-12-01T11:30:00-06:00" }));
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: "slot_taken", field: "start" });
    expect((await api.allItems()).length).toBe(before);
  });

  it("answers a retried request with the same Idempotency-Key with the first result, and books once", async () => {
    const body = prospect({ start: "2026-12-02T09:00:00-06:00" });
    const headers = { "Idempotency-Key": `retry-${Date.now()}` };
    const first = await api.call("POST", "/api/bookings", body, headers);
    const again = await api.call("POST", "/api/bookings", body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const bookings = (await api.allItems()).filter((i) => i.sk === "BOOKING" && i.prospect.email === body.email);
    expect(bookings).toHaveLength(1);
    const reused = await api.call("POST", "/api/bookings", { ...body, name: "Someone Else" }, headers);
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
  });

  it.each([
    ["one character", "x", "2026-12-02T14:00:00-06:00"],
    ["255 visible ASCII characters", `{"order":7}/${"~".repeat(243)}`, "2026-12-02T15:00:00-06:00"],
  ])("accepts an Idempotency-Key of %s, as Stripe and the IETF draft do", async (_, key, start) => {
    expect(key).toHaveLength(key === "x" ? 1 : 255);
    const body = prospect({ start });
    const first = await api.call("POST", "/api/bookings", body, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const again = await api.call("POST", "/api/bookings", body, { "Idempotency-Key": key });
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json.id).toBe(first.json.id);
  });

  it("books onto an existing contact request (the lead) and refuses an unknown one without writing", async () => {
    const lead = await api.call("POST", "/api/contact-requests", { name: "Lee Lead", email: "lee@initech.example", timeZone: "America/Chicago", consent: true });
    expect(lead.status).toBe(201);
    const booked = await api.call("POST", "/api/bookings", prospect({ start: "2026-12-02T09:30:00-06:00", contactRequestId: lead.json.id }));
    expect(booked.status).toBe(201);
    const leadItems = await api.itemsWithPrefix(`LEAD#${lead.json.id}`);
    expect(leadItems.map((i) => i.kind ?? i.sk)).toEqual(expect.arrayContaining(["requested", "booked", "LEAD"]));
    const before = (await api.allItems()).length;
    const unknown = await api.call("POST", "/api/bookings", prospect({ start: "2026-12-02T10:00:00-06:00", contactRequestId: "00000000-0000-0000-0000-000000000000" }));
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatchObject({ code: "unknown_contact_request", field: "contactRequestId" });
    expect((await api.allItems()).length).toBe(before);
  });
});

describe("POST /api/bookings with bad input", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ clock });
  });

  const cases: [string, unknown, number, string | undefined, string][] = [
    ["a bad e-mail", prospect({ email: "jane@" }), 422, "email", "invalid_input"],
    ["an unknown time zone", prospect({ timeZone: "Europe/Atlantis" }), 422, "timeZone", "invalid_input"],
    ["a start that is not a slot", prospect({ start: "2026-12-01T11:07:00-06:00" }), 422, "start", "not_a_slot"],
    ["a start outside everyone's working hours", prospect({ start: "2026-12-06T12:00:00Z" }), 422, "start", "not_a_slot"],
    ["a start in the past", prospect({ start: "2026-11-27T11:00:00-06:00" }), 422, "start", "not_a_slot"],
    ["a start without an offset", prospect({ start: "2026-12-01T11:00:00" }), 422, "start", "invalid_input"],
    ["consent missing", (({ consent: _c, ...rest }) => rest)(prospect()), 422, "consent", "invalid_input"],
    ["consent refused", prospect({ consent: false }), 422, "consent", "invalid_input"],
    ["a phone without country code", prospect({ phone: "312 555 0199" }), 422, "phone", "invalid_input"],
    ["an unknown offering", prospect({ offering: "nope" }), 422, "offering", "unknown_offering"],
    ["an unknown field", prospect({ admin: true }), 422, "admin", "invalid_input"],
    ["a name with a line break", prospect({ name: "Eve\r\nBcc: x@y.z" }), 422, "name", "invalid_input"],
    ["a team size that is not a whole number", prospect({ teamSize: 2.5 }), 422, "teamSize", "invalid_input"],
    ["a body that is not JSON", "{name: 'x'", 400, undefined, "invalid_json"],
    ["a JSON array", "[1,2]", 400, undefined, "invalid_json"],
    ["an empty body", "", 400, undefined, "invalid_json"],
    ["a body over 16 KB", prospect({ notes: "x".repeat(17 * 1024) }), 413, undefined, "body_too_large"],
  ];

  it.each(cases)("refuses %s with a JSON 4xx naming the field, and stores nothing", async (_label, body, status, field, code) => {
    const response = await api.call("POST", "/api/bookings", body);
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    expect(typeof response.json.error.message).toBe("string");
    if (field) expect(response.json.error.field).toBe(field);
    expect(await api.allItems()).toEqual([]);
  });

  it.each([
    ["a space", "two words"],
    ["non-ASCII", "schlüssel"],
    ["256 characters", "k".repeat(256)],
  ])("refuses an Idempotency-Key with %s", async (_, key) => {
    const response = await api.call("POST", "/api/bookings", prospect(), { "Idempotency-Key": key });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: "invalid_idempotency_key", field: "Idempotency-Key" });
    expect(await api.allItems()).toEqual([]);
  });

  it("says what a field of the wrong type should be, not that it is missing", async () => {
    const response = await api.call("POST", "/api/bookings", prospect({ teamSize: "12", name: undefined }));
    expect(response.status).toBe(422);
    const messages = Object.fromEntries(response.json.error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(messages).toMatchObject({ teamSize: "Team size must be a number.", name: "Name is required." });
    expect(await api.allItems()).toEqual([]);
  });

  it("lists every bad field, each with its own message", async () => {
    const response = await api.call("POST", "/api/bookings", prospect({ email: "bad", phone: "12", name: " " }));
    expect(response.status).toBe(422);
    expect(response.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["email", "name", "phone"]);
  });
});

describe("POST /api/bookings when SES fails", () => {
  it("keeps the booking, answers 201, and records each unsent e-mail for retry", async () => {
    const api = await createTestApi({
      clock,
      wrapMailer: () => ({
        send: async () => {
          throw Object.assign(new Error("Throttling: Maximum sending rate exceeded."), { name: "ThrottlingException" });
        },
      }),
    });
    const response = await api.call("POST", "/api/bookings", prospect());
    expect(response.status).toBe(201);
    const items = await api.itemsWithPrefix(`BOOKING#${response.json.id}`);
    expect(items.find((i) => i.sk === "BOOKING")?.status).toBe("confirmed");
    const mail = items.filter((i) => i.sk.startsWith("OUTBOX#invitation-"));
    expect(mail).toHaveLength(2);
    for (const message of mail) {
      expect(message.status).toBe("failed");
      expect(message.attempts).toBe(1);
      expect(message.lastError).toContain("Maximum sending rate exceeded");
      expect(message.gsi1pk).toBe("OUTBOX#DUE");
      expect(message.dueAt).toBe("2026-11-30T06:01:00.000Z");
    }
    // The timers were not held up by the mail.
    expect(items.find((i) => i.sk === "OUTBOX#timers-v1")?.status).toBe("done");
  });
});
