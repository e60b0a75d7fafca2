// Booking a demo for a lead from the console's lead page, through the real handler on the local engines:
// the lead's routed times in the lead's zone, the booking on that lead (once per Idempotency-Key) with the
// prospect's normal invitation, the rep named in the history, and the refusals (field, lead, origin).
import { describe, expect, it } from "vitest";
import { configWithUniqueRepEmails, signIn } from "../../support/console-session";
import { createLifecycle, mailsTo } from "../../support/lifecycle-harness";

const NOW = "2026-11-30T06:00:00Z";

async function contactRequest() {
  const life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
  const email = `lead.booking.${Date.now()}@initech.example`;
  const requested = await life.api.call("POST", "/api/contact-requests", { name: "Lee Lead", company: "Initech", email, timeZone: "Europe/Paris", consent: true });
  expect(requested.status).toBe(201);
  const lukas = await signIn(life.api, "lukas"); // the manager: sees every lead
  return { life, email, leadId: requested.json.id as string, lukas };
}

describe("booking a demo for a lead from the console", () => {
  it("offers the lead's routed times in their zone and books one: the invitation goes out and the history names the rep", async () => {
    const { life, email, leadId, lukas } = await contactRequest();
    const slots = await life.api.call("GET", `/api/leads/${leadId}/slots?offering=live-demo`, undefined, lukas);
    expect(slots.status).toBe(200);
    expect(slots.json).toMatchObject({ offering: "live-demo", timeZone: "Europe/Paris" });
    expect(slots.json.slots.length).toBeGreaterThan(0);
    // The same times the prospect's own page shows for this contact request.
    const prospectView = await life.api.call("GET", `/api/slots?offering=live-demo&timeZone=Europe%2FParis&contactRequest=${leadId}`);
    expect(slots.json.slots).toEqual(prospectView.json.slots);

    const start = slots.json.slots[0].start as string;
    const key = `lead-booking-${Date.now()}`;
    const booked = await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start, notes: "Wants the reporting tour" }, { ...lukas, "Idempotency-Key": key });
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({ status: "confirmed", start, timeZone: "Europe/Paris", offering: { id: "live-demo" } });
    const again = await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start, notes: "Wants the reporting tour" }, { ...lukas, "Idempotency-Key": key });
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json.id).toBe(booked.json.id);

    expect(await mailsTo(email, /Invitation|Confirmed|demo/i)).toHaveLength(1);
    const page = await life.api.call("GET", `/api/leads/${leadId}`, undefined, lukas);
    const bookedEvents = page.json.events.filter((event: { kind: string }) => event.kind === "booked");
    expect(bookedEvents).toHaveLength(1);
    expect(bookedEvents[0].data).toMatchObject({ bookingId: booked.json.id, bookedBy: "lukas" });
  });

  it("names the bad field, refuses a time that is not the lead's slot, and writes nothing", async () => {
    const { life, leadId, lukas } = await contactRequest();
    expect((await life.api.call("GET", `/api/leads/${leadId}/slots`, undefined, lukas)).json.error.field).toBe("offering");
    expect((await life.api.call("GET", `/api/leads/${leadId}/slots?offering=nope`, undefined, lukas)).json.error).toMatchObject({ field: "offering", code: "unknown_offering" });
    expect((await life.api.call("GET", `/api/leads/${leadId}/slots?offering=live-demo&from=2026-13-01`, undefined, lukas)).json.error.field).toBe("from");
    const before = (await life.api.allItems()).length;
    const notASlot = await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start: "2026-12-01T03:17:00+01:00" }, lukas);
    expect(notASlot.status).toBe(422);
    expect(notASlot.json.error.field).toBe("start");
    const noStart = await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo" }, lukas);
    expect(noStart.status).toBe(422);
    expect(noStart.json.error.field).toBe("start");
    const extra = await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start: "2026-12-01T10:00:00+01:00", email: "someone@else.example" }, lukas);
    expect(extra.status).toBe(422);
    expect((await life.api.allItems()).length).toBe(before);
  });

  it("refuses without a sign-in, from another origin, on another rep's lead, and for an unknown lead", async () => {
    const { life, leadId, lukas } = await contactRequest();
    const start = (await life.api.call("GET", `/api/leads/${leadId}/slots?offering=live-demo`, undefined, lukas)).json.slots[0].start;
    expect((await life.api.call("GET", `/api/leads/${leadId}/slots?offering=live-demo`)).status).toBe(401);
    expect((await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start })).status).toBe(401);
    expect((await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start }, { cookie: lukas.cookie!, origin: "https://evil.example" })).status).toBe(403);
    // A rep who is one of several the lead may go to but has not worked it: not theirs yet.
    const { routing } = (await life.api.deps.store.getLead(leadId))!;
    expect(routing.pool.length).toBeGreaterThan(1);
    const outsider = "priya";
    const rep = await signIn(life.api, outsider);
    expect((await life.api.call("GET", `/api/leads/${leadId}/slots?offering=live-demo`, undefined, rep)).status).toBe(403);
    expect((await life.api.call("POST", `/api/leads/${leadId}/bookings`, { offering: "live-demo", start }, rep)).status).toBe(403);
    expect((await life.api.call("GET", "/api/leads/00000000-0000-0000-0000-000000000000/slots?offering=live-demo", undefined, lukas)).status).toBe(404);
    expect((await life.api.call("POST", "/api/leads/00000000-0000-0000-0000-000000000000/bookings", { offering: "live-demo", start }, lukas)).status).toBe(404);
    expect((await life.api.allItems()).filter((item) => item.entity === "booking")).toHaveLength(0);
  });
});
