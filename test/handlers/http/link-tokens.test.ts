// HTTP API: a link's token travels in the Liveline-Token header (the pages read it from the link's
// fragment), and older ?token= links keep working until they expire; both go through the same checks.
import { beforeAll, describe, expect, it } from "vitest";
import { tokenOf } from "../../support/lifecycle-harness";
import { createTestApi, type TestApi } from "../../support/test-api";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") };

let api: TestApi;
let booking: { id: string; manageUrl: string; icsUrl: string };
beforeAll(async () => {
  api = await createTestApi({ clock });
  const booked = await api.call("POST", "/api/bookings", { offering: "live-demo", start: "2026-12-01T11:00:00-06:00", name: "Hedda Header", email: `hedda.${Date.now()}@globex.example`, timeZone: "UTC", consent: true });
  booking = booked.json;
});

describe("a manage link's token", () => {
  it("is read from the Liveline-Token header by every route that took it in the query", async () => {
    const token = tokenOf(booking.manageUrl);
    const header = { "Liveline-Token": token };
    expect((await api.call("GET", `/api/bookings/${booking.id}`, undefined, header)).json.id).toBe(booking.id);
    expect((await api.call("GET", `/api/bookings/${booking.id}/slots?timeZone=UTC`, undefined, header)).status).toBe(200);
    expect((await api.call("GET", `/api/bookings/${booking.id}/timeline`, undefined, header)).status).toBe(200);
    expect((await api.call("GET", `/api/bookings/${booking.id}/invite.ics`, undefined, header)).status).toBe(200);
    // A forged one in the header is refused as it is in the query. One character of the signature changed —
    // one inside it (all six bits count), and always to another: a last "A" replaced by "A" was no forgery.
    const forged = `${token.slice(0, -10)}${token.at(-10) === "A" ? "B" : "A"}${token.slice(-9)}`;
    expect(forged).not.toBe(token);
    expect((await api.call("GET", `/api/bookings/${booking.id}`, undefined, { "Liveline-Token": forged })).status).toBe(403);
  });

  it("still works in the query of a link mailed before (and of the .ics download)", async () => {
    const token = tokenOf(booking.manageUrl);
    expect((await api.call("GET", `/api/bookings/${booking.id}?token=${token}`)).status).toBe(200);
    expect((await api.call("GET", new URL(booking.icsUrl).pathname + new URL(booking.icsUrl).search)).status).toBe(200);
  });

  it("one-click unsubscribe takes the token from the header (the page) or the query (a mail program)", async () => {
    const { unsubscribeUrls } = await import("../../../functions/core/bookings/lifecycle-links");
    const links = unsubscribeUrls("http://liveline.test", api.deps.signingSecret, clock.now(), "hedda@globex.example");
    expect(links.page).toMatch(/\/unsubscribe\.html#token=[\w-]+\.[\w-]+$/);
    const token = new URLSearchParams(new URL(links.page).hash.slice(1)).get("token")!;
    expect((await api.call("POST", "/api/unsubscribe", "", { "Liveline-Token": token })).status).toBe(200);
    expect((await api.call("POST", `/api/unsubscribe?token=${token}`, "List-Unsubscribe=One-Click", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(200);
  });
});
