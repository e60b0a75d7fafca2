// Webinars on the real engines: sessions, registrations with colleagues, seats under a rush, the waitlist,
// the registrant's manage link, session timers (to the minute, at configured times, moved with the session),
// a host moving or cancelling a session, attendance, one address registering twice at once, and a
// registration that loses every race for the seat counter.
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarParts, emailsTo } from "../../support/ses-store";
import { createLifecycle, linksIn, mailsTo, tokenOf } from "../../support/lifecycle-harness";
import { webinarConfigWith } from "../../support/webinar-config";
import { registerAndRead, registrationOf } from "../../support/webinar-registration";
import { dynamoDbEndpoint } from "../../support/engines";

// Monday; the seeded weekly webinar runs Tuesdays 16:00 London (16:00Z in winter).
const NOW = "2026-11-30T06:00:00Z";
const FIRST = "weekly-webinar-20261201T1600Z";
const SECOND = "weekly-webinar-20261208T1600Z";
const HOST = { authorization: "Bearer local-token-lukas" };

let counter = 0;
const person = (extra: Record<string, unknown> = {}) => {
  counter++;
  return { name: `Wendy Webinar ${counter}`, email: `wendy${counter}.${Date.now()}@webco.example`, company: "WebCo", timeZone: "Europe/Berlin", consent: true, ...extra };
};
const register = (life: Awaited<ReturnType<typeof createLifecycle>>, sessionId: string, body: Record<string, unknown>) => registerAndRead(life.api, sessionId, body);
const eventOf = (mail: Parameters<typeof calendarParts>[0]) => {
  const calendar = new ICAL.Component(ICAL.parse(calendarParts(mail).find((p) => /calendar/.test(p.contentType))!.text));
  return { calendar, event: calendar.getFirstSubcomponent("vevent")! };
};

describe("sessions and registration", () => {
  it("lists upcoming sessions in the asker's zone, 16:00 London every week across DST", async () => {
    const life = await createLifecycle(NOW);
    const listed = await life.api.call("GET", "/api/webinars?timeZone=Europe/Berlin");
    expect(listed.status).toBe(200);
    const first = listed.json.sessions[0];
    expect(first).toMatchObject({ id: FIRST, title: "Acme Analytics live: the weekly product tour", start: "2026-12-01T17:00:00.000+01:00", capacity: 50, seatsLeft: 50, maxColleagues: 10, registrationOpen: true });
    // Late March London changes to BST: still 16:00 local, 15:00Z.
    const life2 = await createLifecycle("2027-03-20T06:00:00Z");
    const spring = (await life2.api.call("GET", "/api/webinars?timeZone=Europe/London")).json.sessions.map((s: { start: string }) => s.start);
    expect(spring.slice(0, 2)).toEqual(["2027-03-23T16:00:00.000+00:00", "2027-03-30T16:00:00.000+01:00"]);
  });

  it("registers a person with colleagues: each gets their own invitation with one ATTENDEE and their own UID", async () => {
    const life = await createLifecycle(NOW);
    const registrant = person();
    const colleagues = [`c1.${Date.now()}@webco.example`, `c2.${Date.now()}@webco.example`];
    const response = await register(life, FIRST, { ...registrant, colleagues });
    expect(response.status).toBe(202);
    expect(response.json).toMatchObject({ status: "confirmed", seats: 3, session: { id: FIRST } });
    const listed = (await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions.find((s: { id: string }) => s.id === FIRST);
    expect(listed.seatsLeft).toBe(47);
    expect(response.json.members.map((m: { status: string }) => m.status)).toEqual(["confirmed", "confirmed", "confirmed"]);
    const uids = new Set<string>();
    for (const address of [registrant.email, ...colleagues]) {
      const [mail] = await mailsTo(address, /registered/i);
      expect(mail, address).toBeDefined();
      expect(mail!.destination.to).toHaveLength(1);
      const { calendar, event } = eventOf(mail!);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const attendees = event.getAllProperties("attendee");
      expect(attendees).toHaveLength(1);
      expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe(`mailto:${address}`.toLowerCase());
      expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T16:00:00Z");
      uids.add(String(event.getFirstPropertyValue("uid")));
    }
    expect(uids.size).toBe(3);
    expect((await mailsTo(colleagues[0]!))[0]!.subject).toContain(registrant.name);
    // The manage link is the HTML part's (the text shows it as a short link).
    expect((await mailsTo(registrant.email))[0]!.body.html).toContain("/registration.html?registration=");
  });

  it("greets colleagues by the name the registrant gave (a bare address still works), in every mail, with times in the registrant's zone, named", async () => {
    const life = await createLifecycle(NOW);
    const registrant = person();
    const stamp = Date.now();
    const ann = `ann.${stamp}@webco.example`;
    const plain = `plain.${stamp}@webco.example`;
    const response = await register(life, FIRST, { ...registrant, colleagues: [{ email: ann, name: "  Ann Lee " }, plain, { email: `ANN.${stamp}@webco.example`, name: "Someone Else" }] });
    expect(response.status).toBe(202);
    // The same address twice (any case) is one colleague, with the first name given for it.
    expect(response.json.members).toEqual([
      { email: registrant.email, name: registrant.name, status: "confirmed" },
      { email: ann, name: "Ann Lee", status: "confirmed" },
      { email: plain, status: "confirmed" },
    ]);
    const [toAnn] = await mailsTo(ann, /registered you/);
    expect(toAnn!.body.text).toMatch(/^Hi Ann,\n/);
    expect(toAnn!.body.text).toContain(`${registrant.name} registered you for`);
    // The registrant's zone (Europe/Berlin), named: 16:00 London is 5:00 PM there.
    expect(toAnn!.body.text).toContain("When: Tuesday, December 1, 2026, 5:00 PM – 5:45 PM (Europe/Berlin)");
    expect((await mailsTo(plain, /registered you/))[0]!.body.text).toMatch(/^Hi there,\n/);
    // Ann's lead carries her name, as reps and hosts will read it.
    const registration = (await registrationOf(life.api, FIRST, registrant.email))!;
    const annMember = (await life.api.deps.webinars.getRegistration(registration.id))!.members[1]!;
    expect((await life.api.deps.store.getLead(annMember.leadId))!.prospect).toMatchObject({ name: "Ann Lee", email: ann, company: "WebCo" });
    const attendees = await life.api.call("GET", `/api/webinars/${FIRST}/attendees`, undefined, HOST);
    expect(attendees.json.attendees.find((a: { email: string }) => a.email === ann).name).toBe("Ann Lee");

    // Colleagues added through the manage link are greeted by name too.
    const token = tokenOf(registration.manageUrl);
    const bo = `bo.${stamp}@webco.example`;
    const added = await life.api.call("POST", `/api/registrations/${registration.id}/colleagues`, { token, colleagues: [{ email: bo, name: "Bo Berg" }] });
    expect(added.status).toBe(200);
    expect(added.json.members[3]).toEqual({ email: bo, name: "Bo Berg", status: "confirmed" });
    expect((await mailsTo(bo, /registered you/))[0]!.body.text).toMatch(/^Hi Bo,\n/);

    // And in the session's later mail: the day-before reminder.
    await life.advance(10 * 60 + 1);
    expect((await mailsTo(ann, /^Tomorrow/))[0]!.body.text).toMatch(/^Hi Ann,\n/);
    expect((await mailsTo(bo, /^Tomorrow/))[0]!.body.text).toMatch(/^Hi Bo,\n/);
  });

  it("refuses a colleague that is neither an address nor { email, name }, naming the colleague and the part", async () => {
    const life = await createLifecycle(NOW);
    const refused = await life.api.call("POST", `/api/webinars/${FIRST}/registrations`, {
      ...person(),
      colleagues: ["ok@webco.example", "not..valid@webco.example", { email: "nope" }, { email: "c@webco.example", name: "Two\nLines" }, 42, { email: "d@webco.example", role: "cto" }],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual([
      { field: "colleagues[1]", message: "colleagues[1] is not a valid address." },
      { field: "colleagues[2].email", message: "colleagues[2].email is not a valid address." },
      { field: "colleagues[3].name", message: "colleagues[3].name must be a single line of name." },
      { field: "colleagues[4]", message: "colleagues[4] must be an e-mail address, or an object with email and an optional name." },
      { field: "colleagues[5].role", message: "colleagues[5].role is not a known field." },
    ]);
    expect(await life.api.allItems()).toEqual([]);
  });

  it("counts the same address once: registering again takes no second seat", async () => {
    const life = await createLifecycle(NOW);
    const body = person();
    const first = await register(life, FIRST, body);
    const again = await register(life, FIRST, body);
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(first.json.id);
    const counter = (await life.api.allItems()).find((i) => i.sk === "SESSION" && i.sessionId === FIRST);
    expect(counter!.seatsTaken).toBe(1);
    // A colleague who registered themselves already is not seated twice either.
    const colleague = person();
    await register(life, FIRST, colleague);
    const group = await register(life, FIRST, { ...person(), colleagues: [colleague.email] });
    expect(group.json.seats).toBe(1);
    const seats = (await life.api.allItems()).filter((i) => i.entity === "seat" && i.sessionId === FIRST);
    expect(seats).toHaveLength(3);
  });

  it("a repeated registration reveals nothing: the same 202 as a new one, and the registration goes by e-mail to the address on file", async () => {
    const life = await createLifecycle(NOW);
    const registrant = person();
    const colleague = `secret.colleague.${Date.now()}@webco.example`;
    await register(life, FIRST, { ...registrant, colleagues: [colleague] });
    const raw = (body: Record<string, unknown>) => life.api.call("POST", `/api/webinars/${FIRST}/registrations`, body);
    // A stranger knows only the address (in any letter case), or a colleague's.
    const stranger = { name: "Mallory", email: registrant.email.toUpperCase(), timeZone: "Europe/Berlin", consent: true };
    const byRegistrant = await raw(stranger);
    const byColleague = await raw({ ...stranger, email: colleague.toUpperCase() });
    const fresh = await raw({ ...stranger, email: `fresh.${Date.now()}@webco.example` });
    expect(fresh.status).toBe(202);
    for (const answer of [byRegistrant, byColleague]) {
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual(fresh.json);
      expect(answer.body).not.toMatch(/token|registration\.html|Wendy|secret\.colleague|@webco/i);
    }
    expect(fresh.json).toEqual({
      message: "We have e-mailed you your registration.",
      session: {
        id: FIRST,
        title: expect.any(String),
        start: "2026-12-01T17:00:00.000+01:00",
        end: "2026-12-01T17:45:00.000+01:00",
        // The session's public calendar entry: the same for everyone.
        icsUrl: `http://liveline.test/api/webinars/${FIRST}/calendar.ics`,
        googleCalendarUrl: expect.stringMatching(/^https:\/\/calendar\.google\.com\/calendar\/render\?/),
      },
    });

    // The registrant gets the group's manage link again, the colleague their join link and who registered them.
    const [toRegistrant] = await mailsTo(registrant.email, /^You're already registered/);
    const registration = (await registrationOf(life.api, FIRST, registrant.email))!;
    expect(toRegistrant!.body.html).toContain(`/registration.html?registration=${registration.id}`);
    expect(toRegistrant!.body.text).toContain(`meet.jit.si/acme-webinar-${FIRST}`);
    const [toColleague] = await mailsTo(colleague, /^You're already registered/);
    expect(toColleague!.body.html).not.toContain("/registration.html");
    expect(toColleague!.body.text).not.toMatch(/\/l\//);
    expect(toColleague!.body.text).toContain(`${registrant.name} registered you`);
    // Nothing changed; a burst of repeats within the hour mails once.
    await raw(stranger);
    expect(await mailsTo(registrant.email, /^You're already registered/)).toHaveLength(1);
    const items = await life.api.allItems();
    expect(items.find((i) => i.sk === "SESSION" && i.sessionId === FIRST)!.seatsTaken).toBe(3);
    expect(items.filter((i) => i.entity === "registration")).toHaveLength(2);
    expect((await registrationOf(life.api, FIRST, registrant.email))!.members).toEqual(registration.members);
  });

  it("a repeated registration for a full session answers what a new one would: 409 with the next session, or 202 for the waitlist", async () => {
    const life = await createLifecycle(NOW, { config: webinarConfigWith({ capacity: 1 }) });
    const seated = person();
    await register(life, FIRST, seated);
    const newcomer = await life.api.call("POST", `/api/webinars/${FIRST}/registrations`, person());
    const repeat = await life.api.call("POST", `/api/webinars/${FIRST}/registrations`, seated);
    expect(repeat.status).toBe(409);
    expect(repeat.json).toEqual(newcomer.json);
    expect((await life.api.call("POST", `/api/webinars/${FIRST}/registrations`, { ...seated, waitlist: true })).status).toBe(202);
    // The seat holder still gets their registration by e-mail, once.
    expect(await mailsTo(seated.email, /^You're already registered/)).toHaveLength(1);
  });

  it("refuses too many colleagues, a closed registration and an unknown session", async () => {
    const life = await createLifecycle(NOW);
    const many = Array.from({ length: 11 }, (_, i) => `many${i}@webco.example`);
    const tooMany = await register(life, FIRST, { ...person(), colleagues: many });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.field).toBe("colleagues");
    life.clock.set("2026-12-01T15:45:00Z"); // 15 minutes before: the cut-off is 30
    expect((await register(life, FIRST, person())).json.error.code).toBe("registration_closed");
    expect((await register(life, "weekly-webinar-20261202T1600Z", person())).status).toBe(404);
    expect(await life.api.allItems()).toEqual([]);
  });
});

describe("the session's public calendar entry", () => {
  it("the 202 offers the .ics and Google Calendar links; the .ics is PUBLISH with no attendee and no join link, follows a host's move, and an unknown session is 404", async () => {
    const life = await createLifecycle(NOW);
    const accepted = await life.api.call("POST", `/api/webinars/${FIRST}/registrations`, person());
    expect(accepted.status).toBe(202);
    const { icsUrl, googleCalendarUrl } = accepted.json.session;
    const google = new URL(googleCalendarUrl);
    expect(google.searchParams.get("dates")).toBe("20261201T160000Z/20261201T164500Z");
    expect(google.searchParams.get("details")).toContain("The join link is in your invitation e-mail.");
    expect(googleCalendarUrl).not.toContain("jit.si");

    const path = new URL(icsUrl).pathname;
    const ics = await life.api.call("GET", path);
    expect(ics.status).toBe(200);
    expect(ics.headers["content-type"]).toMatch(/^text\/calendar; charset=utf-8/);
    expect(ics.headers["content-disposition"]).toMatch(/^attachment; filename="[^"]+\.ics"$/);
    expect(ics.body).not.toMatch(/ATTENDEE|jit\.si|token|wendy/i);
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T16:00:00Z");
    expect(events[0]!.getFirstPropertyValue("description")).toContain("The join link is in your invitation e-mail.");

    expect((await life.api.call("POST", `/api/webinars/${FIRST}/reschedule`, { start: "2026-12-01T17:00:00Z" }, HOST)).status).toBe(200);
    const moved = new ICAL.Component(ICAL.parse((await life.api.call("GET", path)).body)).getFirstSubcomponent("vevent")!;
    expect(moved.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    expect(moved.getFirstPropertyValue("sequence")).toBe(1);
    expect(moved.getFirstPropertyValue("uid")).toBe(events[0]!.getFirstPropertyValue("uid"));

    const unknown = await life.api.call("GET", "/api/webinars/weekly-webinar-20261202T1600Z/calendar.ics");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toMatch(/json/);
    expect(unknown.json.error.code).toBe("not_found");
  });
});

describe("a rush on a 50-seat session", () => {
  it("300 concurrent registrations: exactly 50 seats, 250 full or waitlisted, no 5xx, the counter equals the seats", async () => {
    const life = await createLifecycle(NOW);
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => register(life, SECOND, person({ waitlist: i % 2 === 0 }))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const confirmed = responses.filter((r) => r.status === 202 && r.json.status === "confirmed");
    const waitlisted = responses.filter((r) => r.status === 202 && r.json.status === "waitlisted");
    const full = responses.filter((r) => r.status === 409);
    expect(confirmed).toHaveLength(50);
    expect(waitlisted.length + full.length).toBe(250);
    expect(full.every((r) => r.json.error.code === "session_full")).toBe(true);
    const items = await life.api.allItems();
    const seats = items.filter((i) => i.entity === "seat" && i.sessionId === SECOND);
    expect(seats.filter((s) => s.status === "confirmed")).toHaveLength(50);
    expect(seats.filter((s) => s.status === "waitlisted")).toHaveLength(waitlisted.length);
    expect(items.find((i) => i.sk === "SESSION" && i.sessionId === SECOND)!.seatsTaken).toBe(50);
    // A full session points to the next one with room.
    expect(full[0]!.json.error.nextSession?.id).toBe("weekly-webinar-20261215T1600Z");
  }, 120_000);
});

describe("the registrant's manage link and the waitlist", () => {
  it("cancelling a seat sends CANCEL to that person and promotes the first on the waitlist", async () => {
    const life = await createLifecycle(NOW);
    const tiny = `weekly-webinar-20261215T1600Z`;
    // Fill 48 seats, then a group of two takes the last ones, then two go on the waitlist.
    await Promise.all(Array.from({ length: 48 }, () => register(life, tiny, person())));
    const group = person();
    const colleague = `col.${Date.now()}@webco.example`;
    const registered = await register(life, tiny, { ...group, colleagues: [colleague] });
    expect(registered.json.seats).toBe(2);
    const firstWaiting = person({ waitlist: true });
    const secondWaiting = person({ waitlist: true });
    expect((await register(life, tiny, firstWaiting)).json.status).toBe("waitlisted");
    expect((await register(life, tiny, secondWaiting)).json.status).toBe("waitlisted");
    expect((await mailsTo(firstWaiting.email, /waitlist/i))).toHaveLength(1);

    const manage = new URL(registered.json.manageUrl);
    const token = tokenOf(manage.href);
    const view = await life.api.call("GET", `/api/registrations/${registered.json.id}?token=${token}`);
    expect(view.json).toMatchObject({ colleaguesLeft: 9, canChange: true });
    const after = await life.api.call("POST", `/api/registrations/${registered.json.id}/cancel`, { token, emails: [colleague] });
    expect(after.status).toBe(200);
    expect(after.json.members.map((m: { status: string }) => m.status)).toEqual(["confirmed", "cancelled"]);
    const [cancel] = await mailsTo(colleague, /^Cancelled/);
    const { calendar, event } = eventOf(cancel!);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    // The first on the waitlist got the seat and an invitation; the second still waits.
    expect(await mailsTo(firstWaiting.email, /^Registered/)).toHaveLength(1);
    expect(await mailsTo(secondWaiting.email, /^Registered/)).toHaveLength(0);
    const session = (await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions.find((s: { id: string }) => s.id === tiny);
    expect(session.seatsLeft).toBe(0);
    expect((await life.api.call("GET", `/api/registrations/${registered.json.id}?token=${token}x`)).status).toBe(403);
  }, 60_000);
});

describe("a session's timers and its hosts", () => {
  it("reminds every attendee 24 h, 1 h and 10 minutes before, sends the hosts the list; without attendance marked, no thanks for joining but the replay", async () => {
    const life = await createLifecycle(NOW);
    const a = person({ interest: "Forecasting" });
    await register(life, FIRST, a);
    // The session's timers are asked for once, by its first registration, not by every one.
    await register(life, FIRST, person());
    const items = await life.api.allItems();
    expect(items.filter((i) => i.entity === "outbox" && i.type === "timers")).toHaveLength(1);
    expect(items.filter((i) => i.entity === "timer").map((i) => i.payload.kind).sort()).toEqual(["session-feedback", "session-host-list", "session-reminder", "session-reminder", "session-reminder", "session-text-reminder"]);
    await life.advance(10 * 60 + 1); // 16:01 Monday: past the 24-hour reminder
    expect(await mailsTo(a.email, /^Tomorrow/)).toHaveLength(1);
    life.clock.set("2026-12-01T15:00:00Z");
    await life.runner.drain();
    expect(await mailsTo(a.email, /^In 1 hour/)).toHaveLength(1);

    const hostList = (await mailsTo("lukas.becker@acme-analytics.example", /registered/)).filter((m) => m.body.text?.includes(a.email));
    expect(hostList).toHaveLength(1);
    expect(hostList[0]!.body.text).toContain(`${a.name} <${a.email}>, WebCo — wants to see: Forecasting`);
    life.clock.set("2026-12-01T15:50:00Z");
    await life.runner.drain();
    expect(await mailsTo(a.email, /^In 10 minutes/)).toHaveLength(1);
    life.clock.set("2026-12-01T18:45:00Z");
    await life.runner.drain();
    // Nobody marked this person as attended: "thank you for joining" would be a guess.
    expect(await mailsTo(a.email, /^How was/)).toHaveLength(0);
    expect(await mailsTo(a.email, /^Sorry we missed you/)).toHaveLength(1);
  });

  it("lets only a host see the attendees, move the session (update to all) and cancel it (CANCEL to all, next session offered)", async () => {
    const life = await createLifecycle(NOW);
    const a = person();
    const b = person();
    await register(life, FIRST, a);
    await register(life, FIRST, b);
    expect((await life.api.call("GET", `/api/webinars/${FIRST}/attendees`)).status).toBe(401);
    expect((await life.api.call("GET", `/api/webinars/${FIRST}/attendees`, undefined, { authorization: "Bearer local-token-maya" })).status).toBe(403);
    const list = await life.api.call("GET", `/api/webinars/${FIRST}/attendees`, undefined, HOST);
    expect(list.json.attendees.map((x: { email: string }) => x.email).sort()).toEqual([a.email, b.email].sort());

    const moved = await life.api.call("POST", `/api/webinars/${FIRST}/reschedule`, { start: "2026-12-01T17:00:00Z" }, HOST);
    expect(moved.status).toBe(200);
    for (const address of [a.email, b.email]) {
      const [update] = await mailsTo(address, /^Updated/);
      const { event } = eventOf(update!);
      expect(event.getFirstPropertyValue("sequence")).toBe(1);
      expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    }
    const [original] = await mailsTo(a.email, /^Registered/);
    expect(eventOf((await mailsTo(a.email, /^Updated/))[0]!).event.getFirstPropertyValue("uid")).toBe(eventOf(original!).event.getFirstPropertyValue("uid"));

    const cancelled = await life.api.call("POST", `/api/webinars/${FIRST}/cancel`, { reason: "Our host is ill." }, HOST);
    expect(cancelled.status).toBe(200);
    for (const address of [a.email, b.email]) {
      const [cancel] = await mailsTo(address, /^Cancelled/);
      const { calendar, event } = eventOf(cancel!);
      expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(event.getFirstPropertyValue("sequence")).toBe(2);
      expect(cancel!.body.text).toContain("webinars.html?session=weekly-webinar-20261208T1600Z");
    }
    expect((await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions[0].id).toBe(SECOND);
  });

  it("records a host's move and cancellation at the clock's time, like every other write (not the machine's)", async () => {
    const life = await createLifecycle(NOW);
    await register(life, FIRST, person());
    life.clock.advance(5);
    expect((await life.api.call("POST", `/api/webinars/${FIRST}/reschedule`, { start: "2026-12-01T17:00:00Z" }, HOST)).status).toBe(200);
    life.clock.advance(5);
    expect((await life.api.call("POST", `/api/webinars/${FIRST}/cancel`, {}, HOST)).status).toBe(200);
    const sessionItems = (await life.api.allItems()).filter((item) => item.entity === "outbox" && item.item.owner.kind === "session" && item.item.owner.id === FIRST);
    expect(sessionItems.map((item) => [item.item.key, item.createdAt]).sort()).toEqual([
      ["broadcast-s1", "2026-11-30T06:05:00.000Z"],
      ["broadcast-s2", "2026-11-30T06:10:00.000Z"],
      ["timers-s1", "2026-11-30T06:05:00.000Z"],
      ["timers-s2", "2026-11-30T06:10:00.000Z"],
    ]);
  });

  it("attendance recorded late in the evening: who stayed is prompted when their calling hours begin; without a phone it is an e-mail task", async () => {
    const life = await createLifecycle(NOW);
    const caller = person({ phone: "+49 30 1234 5679" });
    const writer = person();
    for (const body of [caller, writer]) await register(life, FIRST, body);
    // 21:30 in Berlin: nobody is called now.
    life.clock.set("2026-12-01T20:30:00Z");
    const result = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, { attendees: [{ email: caller.email, minutes: 40 }, { email: writer.email, minutes: 40 }] }, HOST);
    expect(result.json.stayed.sort()).toEqual([caller.email, writer.email].sort());
    const repMail = async (email: string) => (await emailsTo("@acme-analytics.example")).filter((m) => m.body.text?.includes(email) && /^(Call|Follow up with) Wendy/.test(m.subject));
    expect(await repMail(caller.email)).toHaveLength(0);
    const timers = (await life.api.allItems()).filter((i) => i.entity === "timer" && i.payload?.kind === "webinar-call-back");
    expect(timers.map((timer) => new Date(timer.fireAt).toISOString())).toEqual(["2026-12-02T08:00:00.000Z", "2026-12-02T08:00:00.000Z"]);
    life.clock.set("2026-12-02T08:00:00Z");
    await life.runner.drain();
    const [call] = await repMail(caller.email);
    expect(call!.subject).toMatch(/^Call Wendy Webinar \d+ now: /);
    const [task] = await repMail(writer.email);
    expect(task!.subject).toMatch(/^Follow up with Wendy Webinar \d+ by e-mail$/);
    expect(task!.body.text).toContain(`left no phone number; write to ${writer.email}`);
    expect(task!.body.text).not.toContain("Voicemail");
  });

  it("attendance from the platform's CSV: who stayed gets a rep's call-back, no-shows the replay and a 1:1 offer", async () => {
    const life = await createLifecycle(NOW);
    const stayed = person({ phone: "+49 30 1234 5678" });
    const early = person();
    const missing = person();
    for (const body of [stayed, early, missing]) await register(life, FIRST, body);
    life.clock.set("2026-12-01T16:50:00Z");
    const csv = ["Meeting ID,Topic", "123,Weekly tour", "", "Name (Original Name),User Email,Duration (Minutes)", `Stay,${stayed.email},30`, `Stay,${stayed.email},12`, `Early,${early.email},9`, `Stranger,stranger@nowhere.example,40`].join("\n");
    const result = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ stayed: [stayed.email], leftEarly: [early.email], noShows: [missing.email], unknown: ["stranger@nowhere.example"] });
    const prompts = (await emailsTo("@acme-analytics.example")).filter((m) => /^Call Wendy Webinar/.test(m.subject) && m.body.text?.includes(stayed.email));
    expect(prompts).toHaveLength(1);
    expect(await mailsTo(missing.email, /missed you/i)).toHaveLength(1);
    expect(await mailsTo(early.email, /missed you/i)).toHaveLength(0);
    // Uploading it again changes nothing.
    await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" });
    expect((await emailsTo("@acme-analytics.example")).filter((m) => /^Call Wendy Webinar/.test(m.subject) && m.body.text?.includes(stayed.email))).toHaveLength(1);
    expect(await mailsTo(missing.email, /missed you/i)).toHaveLength(1);
  });

  it("refuses an export whose only row is longer than a day with 422 naming attendees; a corrected report is then taken", async () => {
    const life = await createLifecycle(NOW);
    const stayed = person();
    await register(life, FIRST, stayed);
    life.clock.set("2026-12-01T16:50:00Z");
    const csv = ["User Email,Duration (Minutes)", `${stayed.email},1${"0".repeat(130)}`].join("\n");
    const refused = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ field: "attendees", message: expect.stringMatching(/line 2: .* is longer than a day/) });
    const marked = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, { attendees: [{ email: stayed.email, minutes: 40 }] }, HOST);
    expect(marked.json.stayed).toEqual([stayed.email]);
  });

  it("takes a large session's export (over the 16 KB of other requests) and refuses one over 1 MB with 413", async () => {
    const life = await createLifecycle(NOW);
    const stayed = person();
    await register(life, FIRST, stayed);
    life.clock.set("2026-12-01T16:50:00Z");
    // 2,000 joins of people who never registered, ~90 KB, plus the one who did.
    const rows = Array.from({ length: 2000 }, (_, i) => `Guest ${i},guest${i}@elsewhere.example,${i % 45}`);
    const csv = ["Name (Original Name),User Email,Duration (Minutes)", ...rows, `Stay,${stayed.email},40`].join("\n");
    expect(csv.length).toBeGreaterThan(64 * 1024);
    const result = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" });
    expect(result.status).toBe(200);
    expect(result.json.stayed).toEqual([stayed.email]);
    expect(result.json.unknown).toHaveLength(2000);
    const huge = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv.repeat(13), { ...HOST, "content-type": "text/csv" });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("body_too_large");
  });
});

/** Every mail about this person: to them, and the hosts' lists that name them. */
async function mailsAbout(email: string) {
  const hosts = (await mailsTo("lukas.becker@acme-analytics.example")).filter((m) => m.body.text?.includes(email));
  return [...(await mailsTo(email)), ...hosts].map((m) => m.subject);
}

/** A minute before `at` nothing new has come for this person; then the clock reaches `at` (the timers due fire). */
async function nothingEarlyThenAt(life: Awaited<ReturnType<typeof createLifecycle>>, at: string, email: string) {
  const before = await mailsAbout(email);
  life.clock.set(new Date(Date.parse(at) - 60_000).toISOString());
  await life.runner.drain();
  expect(await mailsAbout(email), `nothing new at ${at} minus a minute`).toEqual(before);
  life.clock.set(at);
  await life.runner.drain();
}

describe("a session's timers, to the minute", () => {
  it("sends no reminder and no host list a minute early: 24 h, 1 h (and the list 60 min), 10 minutes before", async () => {
    const life = await createLifecycle(NOW);
    const a = person();
    await register(life, FIRST, a);
    const hostList = async () => (await mailsTo("lukas.becker@acme-analytics.example", /registered$/)).filter((m) => m.body.text?.includes(a.email));

    await nothingEarlyThenAt(life, "2026-11-30T16:00:00Z", a.email);
    expect(await mailsTo(a.email, /^Tomorrow/)).toHaveLength(1);
    await nothingEarlyThenAt(life, "2026-12-01T15:00:00Z", a.email);
    expect(await mailsTo(a.email, /^In 1 hour/)).toHaveLength(1);
    expect(await hostList()).toHaveLength(1);
    await nothingEarlyThenAt(life, "2026-12-01T15:50:00Z", a.email);
    expect(await mailsTo(a.email, /^In 10 minutes/)).toHaveLength(1);
  });

  it("follows the webinar's own times: a reminder 2 h before, the host list 30 min before, a higher stayed share", async () => {
    const config = webinarConfigWith({ lifecycle: { remindersMinutesBefore: [120], hostListMinutesBefore: 30 }, attendance: { stayedShareAtLeast: 0.8 } });
    const life = await createLifecycle(NOW, { config });
    const a = person();
    const b = person();
    await register(life, FIRST, a);
    await register(life, FIRST, b);
    expect((await life.api.allItems()).filter((i) => i.entity === "timer").map((i) => i.payload.kind).sort()).toEqual(["session-feedback", "session-host-list", "session-reminder", "session-text-reminder"]);
    const hostList = async () => (await mailsTo("lukas.becker@acme-analytics.example", /registered$/)).filter((m) => m.body.text?.includes(a.email));

    // Not at the default times: nothing the day before.
    life.clock.set("2026-11-30T16:00:00Z");
    await life.runner.drain();
    expect(await mailsAbout(a.email)).toEqual([expect.stringMatching(/^Registered/)]);
    await nothingEarlyThenAt(life, "2026-12-01T14:00:00Z", a.email);
    expect(await mailsTo(a.email, /^In 2 hours/)).toHaveLength(1);
    expect(await hostList()).toHaveLength(0);
    await nothingEarlyThenAt(life, "2026-12-01T15:30:00Z", a.email);
    expect(await hostList()).toHaveLength(1);
    // Nothing 1 h or 10 minutes before.
    life.clock.set("2026-12-01T15:59:00Z");
    await life.runner.drain();
    expect((await mailsAbout(a.email)).filter((subject) => /^In/.test(subject))).toHaveLength(2); // the reminder and the list

    // 30 of 45 minutes is past half, but not past 80%: left early, no call-back prompt.
    life.clock.set("2026-12-01T16:50:00Z");
    const result = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, { attendees: [{ email: a.email, minutes: 30 }, { email: b.email, minutes: 37 }] }, HOST);
    expect(result.json).toEqual({ stayed: [b.email], leftEarly: [a.email], noShows: [], unknown: [] });
  });
});

describe("one address racing itself", () => {
  for (const copies of [2, 5]) {
    it(`${copies} identical registrations (a person and a colleague) at once take one seat per person, no 5xx, all answers the same registration`, async () => {
      const life = await createLifecycle(NOW);
      const body = { ...person(), colleagues: [`twin${copies}.${Date.now()}@webco.example`] };
      const responses = await Promise.all(Array.from({ length: copies }, () => register(life, FIRST, body)));
      expect(responses.map((r) => r.status)).toEqual(Array(copies).fill(202));
      expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
      const items = await life.api.allItems();
      expect(items.filter((i) => i.entity === "seat" && i.sessionId === FIRST)).toHaveLength(2);
      expect(items.find((i) => i.sk === "SESSION" && i.sessionId === FIRST)!.seatsTaken).toBe(2);
      expect(items.filter((i) => i.entity === "registration")).toHaveLength(1);
      expect(await mailsTo(body.email, /^Registered/)).toHaveLength(1);
    });
  }
});

describe("moving a session", () => {
  it("replaces its timers: reminders come at the new time's offsets, none at the old ones", async () => {
    const life = await createLifecycle(NOW);
    const a = person();
    await register(life, FIRST, a);
    const moved = await life.api.call("POST", `/api/webinars/${FIRST}/reschedule`, { start: "2026-12-02T10:00:00Z" }, HOST);
    expect(moved.status).toBe(200);
    const names = await life.timerNames();
    expect(names.filter((name) => name.endsWith("-s0"))).toEqual([]);
    expect(names.filter((name) => name.endsWith("-s1"))).toHaveLength(6);

    // The old 24-hour reminder time passes without a reminder.
    life.clock.set("2026-11-30T16:00:00Z");
    await life.runner.drain();
    expect(await mailsTo(a.email, /^(Tomorrow|Today|In )/)).toHaveLength(0);
    await nothingEarlyThenAt(life, "2026-12-01T10:00:00Z", a.email);
    expect((await mailsTo(a.email, /^Tomorrow/)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Tomorrow at 11:00 AM/)]);
    // The old 1-hour and 10-minute times (and the old host list) pass quietly.
    life.clock.set("2026-12-01T15:55:00Z");
    await life.runner.drain();
    expect(await mailsTo(a.email, /^In /)).toHaveLength(0);
    await nothingEarlyThenAt(life, "2026-12-02T09:00:00Z", a.email);
    expect(await mailsTo(a.email, /^In 1 hour/)).toHaveLength(1);
    expect((await mailsTo("lukas.becker@acme-analytics.example", /registered$/)).filter((m) => m.body.text?.includes(a.email))).toHaveLength(1);
    await nothingEarlyThenAt(life, "2026-12-02T09:50:00Z", a.email);
    expect(await mailsTo(a.email, /^In 10 minutes/)).toHaveLength(1);
  });
});

/** A DynamoDB client on which a transaction touching a session's seat counter loses to another one while `losing()` says so. */
function contendedDynamoDb(losing: () => boolean): DynamoDBClient {
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: { Update?: { Key?: unknown } }[] }).TransactItems;
      const onCounter = (item: { Update?: { Key?: unknown } }) => JSON.stringify(item.Update?.Key ?? "").includes("SESSION");
      if (context.commandName === "TransactWriteItemsCommand" && items?.some(onCounter) && losing()) {
        const CancellationReasons = items.map((item) => ({ Code: onCounter(item) ? "TransactionConflict" : "None" }));
        throw new TransactionCanceledException({ message: "Transaction cancelled, please refer cancellation reasons for specific reasons", $metadata: {}, CancellationReasons });
      }
      return next(args);
    },
    { step: "initialize", name: "loseTheSeatCounterRace" },
  );
  return client;
}

describe("a registration that keeps losing the race for the seat counter", () => {
  it("wins after a few lost races; after losing every retry it answers 503 busy with Retry-After and writes nothing", async () => {
    let losses = 3;
    const logs: string[] = [];
    const life = await createLifecycle(NOW, { dynamoDb: contendedDynamoDb(() => losses-- > 0), log: (level, message) => logs.push(`${level}: ${message}`) });
    const lucky = person();
    expect((await register(life, FIRST, lucky)).status).toBe(202);
    expect(losses).toBe(-1); // three lost, the fourth won

    losses = Number.POSITIVE_INFINITY;
    const unlucky = person();
    const refused = await register(life, FIRST, { ...unlucky, colleagues: [`c.${Date.now()}@webco.example`] });
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe("busy");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(logs).toContain("warn: webinar registration lost every race for the seat counter; asked to retry");
    expect(logs.filter((line) => line.startsWith("error:"))).toEqual([]);
    const items = await life.api.allItems();
    expect(items.filter((i) => i.entity === "seat").map((i) => i.email)).toEqual([lucky.email]);
    expect(items.filter((i) => i.entity === "registration")).toHaveLength(1);
    expect(items.find((i) => i.sk === "SESSION")!.seatsTaken).toBe(1);
    expect(await mailsTo(unlucky.email)).toHaveLength(0);
    // Sent again once the rush is over, it goes through.
    losses = 0;
    expect((await register(life, FIRST, unlucky)).status).toBe(202);
  }, 60_000);
});

describe("a group of ten", () => {
  it("gets ten separate invitations, each with a single ATTENDEE, all read by ical.js", async () => {
    const life = await createLifecycle(NOW);
    const registrant = person();
    const colleagues = Array.from({ length: 9 }, (_, i) => `team${i}.${Date.now()}@bigteam.example`);
    const response = await register(life, SECOND, { ...registrant, colleagues });
    expect(response.json.seats).toBe(10);
    for (const address of [registrant.email, ...colleagues]) {
      const mails = await mailsTo(address, /registered/i);
      expect(mails, address).toHaveLength(1);
      expect(mails[0]!.destination.to).toHaveLength(1);
      const { event } = eventOf(mails[0]!);
      const attendees = event.getAllProperties("attendee");
      expect(attendees).toHaveLength(1);
      expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe(`mailto:${address}`);
      // Nobody sees anyone else's address.
      for (const other of [registrant.email, ...colleagues].filter((o) => o !== address)) expect(mails[0]!.body.text ?? "").not.toContain(other);
    }
  });
});

describe("a private team demo", () => {
  it("is offered to a large team, and each invited colleague gets their own invitation", async () => {
    const life = await createLifecycle(NOW);
    const lead = await life.api.call("POST", "/api/contact-requests", { name: "Tina Team", email: `tina.${Date.now()}@bigco.example`, teamSize: 12, timeZone: "UTC", consent: true });
    expect(lead.json.groupSession).toMatchObject({ offering: { id: "team-demo" }, maxColleagues: 10 });
    const small = await life.api.call("POST", "/api/contact-requests", { name: "Sol Solo", email: `sol.${Date.now()}@tiny.example`, teamSize: 3, timeZone: "UTC", consent: true });
    expect(small.json.groupSession).toBeUndefined();
    const slots = await life.api.call("GET", `/api/slots?offering=team-demo&timeZone=UTC&contactRequest=${lead.json.id}`);
    const colleagues = [`tc1.${Date.now()}@bigco.example`, `tc2.${Date.now()}@bigco.example`];
    const booked = await life.api.call("POST", "/api/bookings", { offering: "team-demo", start: slots.json.slots[0].start, name: "Tina Team", email: lead.json.id ? `tina2.${Date.now()}@bigco.example` : "", timeZone: "UTC", consent: true, contactRequestId: lead.json.id, colleagues });
    expect(booked.status).toBe(201);
    for (const address of colleagues) {
      const [mail] = await mailsTo(address);
      expect(mail!.subject).toContain("Tina Team");
      expect(eventOf(mail!).event.getAllProperties("attendee")).toHaveLength(1);
    }
    expect((await life.api.call("POST", "/api/bookings", { offering: "live-demo", start: slots.json.slots[0].start, name: "X", email: "x@y.example", timeZone: "UTC", consent: true, colleagues })).json.error.field).toBe("colleagues");
  });

  it("gives each invited colleague the booker's reminders and feedback request, without the booker's manage link; each rates once", async () => {
    const life = await createLifecycle(NOW);
    const booker = `tess.${Date.now()}@bigco.example`;
    const colleagues = [`tm1.${Date.now()}@bigco.example`, `tm2.${Date.now()}@bigco.example`];
    const slots = await life.api.call("GET", "/api/slots?offering=team-demo&timeZone=UTC&from=2026-12-02&to=2026-12-02");
    const start = Date.parse(slots.json.slots[0].start);
    const booked = await life.api.call("POST", "/api/bookings", { offering: "team-demo", start: slots.json.slots[0].start, name: "Tess Team", email: booker, timeZone: "UTC", consent: true, colleagues });
    expect(booked.status).toBe(201);
    // Each reminder when due, then the feedback request (2 hours after the end).
    for (const minutesBefore of [24 * 60, 60]) {
      life.clock.set(new Date(start - minutesBefore * 60_000).toISOString());
      await life.runner.drain();
    }
    life.clock.set(new Date(start + (45 + 120) * 60_000).toISOString());
    await life.runner.drain();
    for (const address of [booker, ...colleagues]) {
      const subjects = (await mailsTo(address)).map((mail) => mail.subject.split(":")[0]!.split(" at ")[0]!);
      expect(subjects.filter((subject) => /^(Tomorrow|In 1 hour)$/.test(subject)).sort(), address).toEqual(["In 1 hour", "Tomorrow"]);
      expect(subjects.some((subject) => subject.startsWith("How was your demo with")), address).toBe(true);
    }
    const [colleagueReminder] = await mailsTo(colleagues[0]!, /^In 1 hour/);
    expect(colleagueReminder!.body.text).not.toContain("manage.html");
    expect(colleagueReminder!.body.text).toContain("Hi there,");
    const ratingOf = async (address: string) => linksIn((await mailsTo(address, /^How was/))[0]!).find((link) => link.includes("feedback.html") && /rating=4(&lang=\w+)?#token=/.test(link))!;
    const rate = async (address: string) => (await life.api.call("POST", "/api/feedback", { token: tokenOf(await ratingOf(address)), rating: 4 })).status;
    expect(await rate(colleagues[0]!)).toBe(200);
    expect(await rate(colleagues[0]!)).toBe(409);
    expect(await rate(colleagues[1]!)).toBe(200);
    expect(await rate(booker)).toBe(200);
  });
});
