// GET /api/openapi.json and the routes every API answers.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../support/test-api";

describe("the API's own documents and edges", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });

  it("serves an OpenAPI 3.1 document generated from the request schemas", async () => {
    const response = await api.call("GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/offerings", "/api/contact-requests", "/api/slots", "/api/bookings"]));
    const booking = doc.components.schemas.BookingRequest;
    expect(booking.required).toEqual(expect.arrayContaining(["offering", "start", "name", "email", "timeZone", "consent"]));
    expect(booking.required).not.toContain("phone");
    expect(booking.properties.consent).toMatchObject({ const: true });
    expect(booking.properties.notes).toMatchObject({ type: "string", maxLength: 2000 });
    expect(booking.additionalProperties).toBe(false);
    const slotParams = doc.paths["/api/slots"].get.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required]);
    expect(slotParams).toEqual([["offering", true], ["from", false], ["to", false], ["timeZone", true], ["contactRequest", false], ["allTimes", false]]);
    expect(doc.paths["/api/bookings"].post.responses).toHaveProperty("409");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/bookings/{id}/reschedule", "/api/bookings/{id}/cancel", "/api/bookings/{id}/timeline", "/api/outcomes", "/api/feedback", "/api/unsubscribe", "/api/reps/{repId}/follow-ups"]),
    );
    expect(doc.components.schemas.FeedbackRequest.properties.rating).toMatchObject({ type: "integer", minimum: 1, maximum: 5 });
    expect(doc.components.schemas.RepOutcomeRequest.properties.outcome.enum).toEqual(expect.arrayContaining(["voicemail", "no_answer", "converted"]));
    expect(doc.components.securitySchemes.repToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents every webhook event in its webhooks section, with the signature headers and an example", async () => {
    const doc = (await api.call("GET", "/api/openapi.json")).json;
    expect(Object.keys(doc.webhooks)).toEqual(["lead.created", "booking.confirmed", "booking.rescheduled", "booking.cancelled", "demo.attended", "demo.no_show", "call.logged", "feedback.received", "lead.converted", "lead.unreachable", "webinar.registered", "webinar.attended"]);
    const call = doc.webhooks["call.logged"].post;
    expect(call.parameters.map((p: { name: string }) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    const body = call.requestBody.content["application/json"];
    expect(body.schema.properties.type).toMatchObject({ const: "call.logged" });
    expect(body.schema.properties.data.properties.call.required).toEqual(expect.arrayContaining(["outcome", "attempt", "repId"]));
    expect(body.schema.properties.data.properties.call.properties).toHaveProperty("note");
    expect(body.example).toMatchObject({ type: "call.logged", data: { call: { outcome: "voicemail" } } });
    expect(call.responses).toHaveProperty("410");
  });

  it("documents webinars: sessions, registration with colleagues and the waitlist, the manage link and the hosts' endpoints", async () => {
    const doc = (await api.call("GET", "/api/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/webinars", "/api/webinars/{sessionId}/registrations", "/api/registrations/{id}", "/api/registrations/{id}/cancel", "/api/registrations/{id}/colleagues", "/api/webinars/{sessionId}/attendees", "/api/webinars/{sessionId}/attendance", "/api/webinars/{sessionId}/reschedule", "/api/webinars/{sessionId}/cancel"]),
    );
    const register = doc.paths["/api/webinars/{sessionId}/registrations"].post;
    expect(register.responses["409"].content["application/json"].schema.$ref).toBe("#/components/schemas/SessionFullError");
    expect(doc.components.schemas.RegistrationRequest.properties).toHaveProperty("colleagues");
    // A colleague is an address, or an object with the address and the name to greet them by.
    for (const schema of ["RegistrationRequest", "RegistrationColleaguesRequest"]) {
      const colleague = doc.components.schemas[schema].properties.colleagues.items;
      expect(colleague.anyOf, schema).toEqual([
        expect.objectContaining({ type: "string" }),
        expect.objectContaining({ type: "object", required: ["email"], additionalProperties: false, properties: { email: expect.objectContaining({ type: "string" }), name: expect.objectContaining({ type: "string", maxLength: 200 }) } }),
      ]);
    }
    expect(doc.components.schemas.RegistrationCancelRequest.properties.emails.items).toMatchObject({ type: "string" });
    expect(doc.components.schemas.RegistrationRequest.properties.waitlist).toMatchObject({ type: "boolean" });
    expect(doc.components.schemas.RegistrationRequest.required).toEqual(expect.arrayContaining(["name", "email", "timeZone", "consent"]));
    // The answer names no person, seat or link: a repeated registration answers exactly like a new one.
    expect(Object.keys(register.responses).sort()).toEqual(["202", "400", "404", "409", "422", "429", "503"]);
    expect(Object.keys(doc.components.schemas.RegistrationAccepted.properties).sort()).toEqual(["message", "session"]);
    expect(doc.components.schemas.RegistrationAccepted.properties.session.required).toEqual(expect.arrayContaining(["icsUrl", "googleCalendarUrl"]));
    const calendar = doc.paths["/api/webinars/{sessionId}/calendar.ics"].get;
    expect(calendar.responses["200"].content).toHaveProperty("text/calendar");
    expect(calendar.responses).toHaveProperty("404");
    expect(calendar.security).toBeUndefined();
    expect(doc.paths["/api/webinars/{sessionId}/attendance"].post.requestBody.content).toHaveProperty("text/csv");
    expect(doc.paths["/api/webinars/{sessionId}/attendance"].post.security).toEqual([{ repToken: [] }]);
    // Every schema a path names exists.
    const refs = JSON.stringify(doc.paths).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const name of new Set(refs.map((r) => r.split("/").pop()!))) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it("answers health, offerings, unknown paths and wrong methods in JSON", async () => {
    expect((await api.call("GET", "/api/health")).status).toBe(200);
    const offerings = await api.call("GET", "/api/offerings");
    expect(offerings.json).toEqual([
      expect.objectContaining({ id: "live-demo", title: "Live product demo", durationMinutes: 30, kind: "demo" }),
      expect.objectContaining({ id: "team-demo", kind: "demo" }),
      expect.objectContaining({ id: "weekly-webinar", kind: "webinar", durationMinutes: 45 }),
    ]);
    const missing = await api.call("GET", "/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
    const wrong = await api.call("DELETE", "/api/bookings");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
  });
});
