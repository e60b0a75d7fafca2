// The OpenAPI document describes sign-in and the console from the same schemas that validate them.
import { describe, expect, it } from "vitest";
import { createTestApi } from "../../support/test-api";

describe("console API documentation", () => {
  it("documents sign-in, the session cookie and every console path", async () => {
    const doc = (await (await createTestApi()).call("GET", "/api/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/auth/sign-in", "/api/auth/session", "/api/auth/sign-out", "/api/me", "/api/console/queue", "/api/console/queue/{id}/outcome", "/api/console/queue/{id}/assign", "/api/console/schedule", "/api/console/team", "/api/leads", "/api/leads/{leadId}", "/api/leads/{leadId}/notes", "/api/leads/{leadId}/slots", "/api/leads/{leadId}/bookings", "/api/settings", "/api/settings/history", "/api/settings/history/{version}/restore", "/api/settings/reps/{repId}/availability"]));
    expect(doc.components.schemas.RepAvailabilityRequest).toMatchObject({ required: expect.arrayContaining(["timeZone", "workingHours", "datesOff", "languages"]), additionalProperties: false });
    expect(doc.components.schemas.SignInRequest).toMatchObject({ required: ["email"], additionalProperties: false });
    expect(doc.components.securitySchemes.consoleSession).toMatchObject({ type: "apiKey", in: "cookie", name: "__Host-liveline_session" });
    expect(doc.components.schemas.ConsoleOutcomeRequest.properties.outcome.enum).toEqual(expect.arrayContaining(["voicemail", "no_answer"]));
    expect(doc.components.schemas.LeadBookingRequest).toMatchObject({ required: ["offering", "start"], additionalProperties: false });
    const refs = JSON.stringify(doc.paths).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const name of new Set(refs.map((r) => r.split("/").pop()!))) expect(doc.components.schemas, name).toHaveProperty(name);
  });
});
