// "Call me now" routes: bad input answers 4xx naming the field (never a partial write), the rep's routes
// need a session or token (401) and the site's Origin for a cookie change (403), a claim is the ringing
// rep's only (403), and the OpenAPI document lists every path from the request schemas.
import { beforeAll, describe, expect, it } from "vitest";
import { configWithUniqueRepEmails, signIn } from "../../support/console-session";
import { createLifecycle, type Lifecycle } from "../../support/lifecycle-harness";

const NOW = "2026-12-01T15:00:00Z";
const good = () => ({ offering: "live-demo", name: "Ria Route", email: `route.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@initech.example`, phone: "+1 212 555 0101", timeZone: "America/New_York", consent: true });

describe("instant-call routes", () => {
  let life: Lifecycle;
  beforeAll(async () => {
    life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
  });

  it("refuses a bad request with a 4xx naming the field, and writes nothing", async () => {
    const before = (await life.api.allItems()).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good(), phone: undefined }, "phone"],
      [{ ...good(), phone: "call me" }, "phone"],
      [{ ...good(), phone: "" }, "phone"],
      [{ ...good(), phone: "   " }, "phone"],
      [{ ...good(), email: "not-an-address" }, "email"],
      [{ ...good(), name: "" }, "name"],
      [{ ...good(), consent: false }, "consent"],
      [{ ...good(), timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...good(), offering: undefined }, "offering"],
      [{ ...good(), offering: "no-such-offering" }, "offering"],
      [{ ...good(), extra: 1 }, "extra"],
    ];
    for (const [body, field] of cases) {
      const response = await life.api.call("POST", "/api/instant-calls", body);
      expect(response.status, field).toBe(422);
      expect(response.json.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await life.api.call("POST", "/api/instant-calls", "{not json")).status).toBe(400);
    const badKey = await life.api.call("POST", "/api/instant-calls", good(), { "idempotency-key": "has spaces" });
    expect(badKey.status).toBe(400);
    expect(badKey.json.error.field).toBe("Idempotency-Key");
    expect((await life.api.allItems()).length).toBe(before);

    const noOffering = await life.api.call("GET", "/api/instant-calls/availability");
    expect(noOffering.status).toBe(422);
    expect(noOffering.json.error.field).toBe("offering");
    const unknownOffering = await life.api.call("GET", "/api/instant-calls/availability?offering=nope");
    expect(unknownOffering.json.error.field).toBe("offering");
    const unknownRequest = await life.api.call("GET", "/api/instant-calls/availability?offering=live-demo&contactRequest=no-such-lead");
    expect(unknownRequest.status).toBe(422);
    expect(unknownRequest.json.error.field).toBe("contactRequest");
    expect((await life.api.call("GET", "/api/instant-calls/no-such-call")).status).toBe(404);
  });

  it("answers availability without names", async () => {
    const answer = await life.api.call("GET", "/api/instant-calls/availability?offering=live-demo");
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(["available"]);
  });

  it("needs a rep for presence and claims: 401 without, 403 cross-site with the cookie, 422 naming available", async () => {
    expect((await life.api.call("PUT", "/api/console/presence", { available: true })).status).toBe(401);
    expect((await life.api.call("GET", "/api/console/presence")).status).toBe(401);
    expect((await life.api.call("POST", "/api/console/queue/a~b/claim")).status).toBe(401);
    const maya = await signIn(life.api, "maya");
    const crossSite = await life.api.call("PUT", "/api/console/presence", { available: true }, { cookie: maya.cookie!, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const bad = await life.api.call("PUT", "/api/console/presence", { available: "yes" }, maya);
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("available");
    const on = await life.api.call("PUT", "/api/console/presence", { available: true }, maya);
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ available: true, reachable: true });

    const call = await life.api.call("POST", "/api/instant-calls", good());
    expect(call.json.status).toBe("ringing");
    const [item] = (await life.api.call("GET", "/api/console/queue", undefined, maya)).json.items.filter((each: { kind: string }) => each.kind === "instant");
    const lukas = await signIn(life.api, "lukas");
    // Even a manager: it rings Maya (a manager reassigns instead).
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, lukas)).status).toBe(403);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, { cookie: maya.cookie!, origin: "https://evil.example" })).status).toBe(403);
    expect((await life.api.call("POST", "/api/console/queue/nothing~here/claim", undefined, maya)).status).toBe(404);
    expect((await life.api.call("POST", `/api/console/queue/${item.id}/claim`, undefined, maya)).status).toBe(200);
    expect((await life.api.call("GET", `/api/instant-calls/${call.json.id}`)).json).toEqual({ id: call.json.id, status: "claimed" });
    await life.api.call("PUT", "/api/console/presence", { available: false }, maya);
  });

  it("is in the OpenAPI document, from the same schemas", async () => {
    const doc = (await life.api.call("GET", "/api/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/instant-calls", "/api/instant-calls/availability", "/api/instant-calls/{id}", "/api/console/presence", "/api/console/queue/{id}/claim"]));
    expect(doc.paths["/api/console/presence"]).toHaveProperty("put");
    expect(doc.components.schemas.InstantCallRequest.required).toEqual(expect.arrayContaining(["offering", "name", "email", "phone", "timeZone", "consent"]));
    expect(doc.components.schemas.InstantCallRequest.additionalProperties).toBe(false);
    expect(doc.components.schemas.InstantCall.properties.status.enum).toEqual(["ringing", "claimed", "unavailable"]);
    expect(doc.components.schemas.PresenceRequest.properties.available).toMatchObject({ type: "boolean" });
    expect(doc.components.schemas.ConsoleQueue.properties.items.items.properties).toHaveProperty("instant");
  });
});
