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
    expect(slotParams).toEqual([["offering", true], ["from", false], ["to", false], ["timeZone", true], ["contactRequest", false]]);
    expect(doc.paths["/api/bookings"].post.responses).toHaveProperty("409");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/bookings/{id}/reschedule", "/api/bookings/{id}/cancel", "/api/bookings/{id}/timeline", "/api/outcomes", "/api/feedback", "/api/unsubscribe", "/api/reps/{repId}/follow-ups"]),
    );
    expect(doc.components.schemas.FeedbackRequest.properties.rating).toMatchObject({ type: "integer", minimum: 1, maximum: 5 });
    expect(doc.components.schemas.RepOutcomeRequest.properties.outcome.enum).toEqual(expect.arrayContaining(["voicemail", "no_answer", "converted"]));
    expect(doc.components.securitySchemes.repToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("answers health, offerings, unknown paths and wrong methods in JSON", async () => {
    expect((await api.call("GET", "/api/health")).status).toBe(200);
    const offerings = await api.call("GET", "/api/offerings");
    expect(offerings.json).toEqual([expect.objectContaining({ id: "live-demo", title: "Live product demo", durationMinutes: 30, kind: "demo" })]);
    const missing = await api.call("GET", "/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
    const wrong = await api.call("DELETE", "/api/bookings");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
  });
});
