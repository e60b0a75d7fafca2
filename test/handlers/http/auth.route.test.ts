// Console sign-in on the real engines: one answer for every address, a single-use link that expires,
// the session cookie and its limits, sign-out, the hourly mail limit, bearer tokens, the Origin check.
import { describe, expect, it } from "vitest";
import { TestClock } from "../../support/lifecycle-harness";
import { configWithUniqueRepEmails, cookieFrom, signIn, signInLinks, SITE, tokenFromLink } from "../../support/console-session";
import { sentEmails } from "../../support/ses-store";
import { createTestApi } from "../../support/test-api";

const NOW = "2026-11-30T06:00:00Z";

async function setup() {
  const clock = new TestClock(new Date(NOW));
  const api = await createTestApi({ clock, config: configWithUniqueRepEmails() });
  const rep = (id: string) => api.deps.catalogue.config.reps.find((candidate) => candidate.id === id)!;
  return { api, clock, maya: rep("maya"), lukas: rep("lukas") };
}

describe("sign-in links", () => {
  it("answers every address alike and mails only a configured rep, with the token in the fragment", async () => {
    const { api, maya } = await setup();
    const stranger = `nobody.${Date.now()}@acme-analytics.example`;
    const forRep = await api.call("POST", "/api/auth/sign-in", { email: maya.email.toUpperCase() });
    const forStranger = await api.call("POST", "/api/auth/sign-in", { email: stranger });
    expect(forRep.status).toBe(202);
    expect(forStranger.status).toBe(202);
    expect(forStranger.body).toBe(forRep.body);
    expect(forRep.cookies).toEqual([]);
    const links = await signInLinks(maya.email);
    expect(links).toHaveLength(1);
    const link = new URL(links[0]!);
    expect(link.pathname).toBe("/sign-in");
    expect(link.search).toBe("");
    expect(tokenFromLink(links[0]!)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await sentEmails()).filter((mail) => mail.destination.to.some((to) => to.includes(stranger)))).toHaveLength(0);
  });

  it("names the field of a bad body", async () => {
    const { api } = await setup();
    const response = await api.call("POST", "/api/auth/sign-in", { email: "not an address" });
    expect(response.status).toBe(422);
    expect(response.json.error.field).toBe("email");
    expect((await api.call("POST", "/api/auth/session", {}, SITE)).json.error.field).toBe("token");
  });

  it("trades the token once for a secure session cookie; a second use and a stale link are refused", async () => {
    const { api, clock, maya } = await setup();
    await api.call("POST", "/api/auth/sign-in", { email: maya.email });
    const token = tokenFromLink((await signInLinks(maya.email))[0]!);
    const session = await api.call("POST", "/api/auth/session", { token }, SITE);
    expect(session.status).toBe(200);
    expect(session.json).toEqual({ rep: { id: "maya", name: "Maya Johnson", role: "rep" } });
    expect(session.cookies).toHaveLength(1);
    const cookie = session.cookies[0]!;
    expect(cookie).toMatch(/^__Host-liveline_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ["Path=/", "HttpOnly", "Secure", "SameSite=Lax"]) expect(cookie).toContain(`; ${attribute}`);
    expect(cookie).not.toContain("Domain");
    // Only a hash of the cookie's id is stored.
    const sessionId = cookieFrom(session.cookies).split("=")[1]!;
    expect(JSON.stringify(await api.allItems())).not.toContain(sessionId);
    expect(JSON.stringify(await api.allItems())).not.toContain(token);

    const again = await api.call("POST", "/api/auth/session", { token }, SITE);
    expect(again.status).toBe(403);
    expect(again.cookies).toEqual([]);

    await api.call("POST", "/api/auth/sign-in", { email: maya.email });
    const late = tokenFromLink((await signInLinks(maya.email))[1]!);
    clock.advance(15);
    expect((await api.call("POST", "/api/auth/session", { token: late }, SITE)).status).toBe(403);
    expect((await api.call("POST", "/api/auth/session", { token: "x".repeat(43) }, SITE)).status).toBe(403);
  });

  it("sends at most 5 sign-in e-mails per address per hour, answering 202 all the same", async () => {
    const { api, clock, maya } = await setup();
    for (let i = 0; i < 7; i++) {
      expect((await api.call("POST", "/api/auth/sign-in", { email: maya.email })).status).toBe(202);
      clock.advance(1);
    }
    expect(await signInLinks(maya.email)).toHaveLength(5);
    clock.advance(55);
    await api.call("POST", "/api/auth/sign-in", { email: maya.email });
    expect(await signInLinks(maya.email)).toHaveLength(6);
  });
});

describe("sessions", () => {
  it("GET /api/me knows the session's rep, a bearer token's rep, and answers 401 otherwise", async () => {
    const { api } = await setup();
    const lukas = await signIn(api, "lukas");
    expect((await api.call("GET", "/api/me", undefined, lukas)).json).toEqual({ rep: { id: "lukas", name: "Lukas Becker", role: "manager" } });
    expect((await api.call("GET", "/api/me", undefined, { authorization: "Bearer local-token-maya" })).json.rep.id).toBe("maya");
    expect((await api.call("GET", "/api/me", undefined, { authorization: "Bearer wrong-token" })).status).toBe(401);
    expect((await api.call("GET", "/api/me")).status).toBe(401);
    expect((await api.call("GET", "/api/me", undefined, { cookie: "__Host-liveline_session=made-up" })).status).toBe(401);
  });

  it("sign-out revokes the session at once", async () => {
    const { api } = await setup();
    const maya = await signIn(api, "maya");
    const out = await api.call("POST", "/api/auth/sign-out", undefined, maya);
    expect(out.status).toBe(200);
    expect(out.cookies[0]).toContain("Max-Age=0");
    expect((await api.call("GET", "/api/me", undefined, maya)).status).toBe(401);
  });

  it("ends after 12 idle hours, and after 7 days however busy", async () => {
    const { api, clock } = await setup();
    const idle = await signIn(api, "maya");
    clock.advance(11 * 60);
    expect((await api.call("GET", "/api/me", undefined, idle)).status).toBe(200);
    clock.advance(11 * 60);
    expect((await api.call("GET", "/api/me", undefined, idle)).status).toBe(200);
    clock.advance(12 * 60);
    expect((await api.call("GET", "/api/me", undefined, idle)).status).toBe(401);

    const busy = await signIn(api, "maya");
    for (let hours = 10; hours < 7 * 24; hours += 10) {
      clock.advance(10 * 60);
      expect((await api.call("GET", "/api/me", undefined, busy)).status).toBe(200);
    }
    clock.advance(10 * 60);
    expect((await api.call("GET", "/api/me", undefined, busy)).status).toBe(401);
  });

  it("refuses state changes made with the cookie from another origin", async () => {
    const { api } = await setup();
    const maya = await signIn(api, "maya");
    const crossSite = { cookie: maya.cookie!, origin: "https://evil.example" };
    expect((await api.call("POST", "/api/auth/sign-out", undefined, crossSite)).status).toBe(403);
    expect((await api.call("POST", "/api/auth/sign-out", undefined, { cookie: maya.cookie! })).status).toBe(403);
    expect((await api.call("GET", "/api/me", undefined, maya)).status).toBe(200);
  });
});
