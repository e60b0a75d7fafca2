// GET /api/slots through the real handler on DynamoDB Local.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../support/test-api";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") };

describe("GET /api/slots", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ clock });
  });

  const slotsFor = async (query: string) => api.call("GET", `/api/slots?${query}`);

  it("offers a New York visitor only 08:00–20:00 their time, and says so (the issue's midnight slots are gone)", async () => {
    const response = await slotsFor("offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=America/New_York");
    expect(response.status).toBe(200);
    expect(response.json.prospectHours).toBe("08:00-20:00");
    const hours = response.json.slots.map((s: { start: string; end: string }) => [s.start.slice(11, 16), s.end.slice(11, 16)]);
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.every(([start, end]: string[]) => start! >= "08:00" && end! <= "20:00" && end! > start!)).toBe(true);
    expect(hours[0]).toEqual(["08:00", "08:30"]);
  });

  it("with allTimes=true lists every free time between two local dates with the zone's offset, merged across reps", async () => {
    const response = await slotsFor("offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=America/New_York&allTimes=true");
    expect(response.json.prospectHours).toBeUndefined();
    expect(response.status).toBe(200);
    const starts = response.json.slots.map((s: { start: string }) => s.start);
    // Priya's 10:00 IST is 23:30 EST on Nov 30; her 10:30 IST is the first slot of Dec 1 in New York.
    expect(starts[0]).toBe("2026-12-01T00:00:00.000-05:00");
    expect(starts).toContain("2026-12-01T02:30:00.000-05:00"); // Lukas 08:30 CET
    expect(starts).toContain("2026-12-01T10:00:00.000-05:00"); // Maya 09:00 CST
    expect(starts.every((s: string) => s.startsWith("2026-12-01T") && s.endsWith("-05:00"))).toBe(true);
  });

  it("no longer offers a slot once its only rep is booked", async () => {
    const before = await slotsFor("offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC&allTimes=true");
    expect(before.json.slots.map((s: { start: string }) => s.start)).toContain("2026-12-01T17:00:00.000+00:00");
    const booked = await api.call("POST", "/api/bookings", {
      offering: "live-demo",
      start: "2026-12-01T17:00:00Z",
      name: "Sam",
      email: "sam@hooli.example",
      timeZone: "UTC",
      consent: true,
    });
    expect(booked.status).toBe(201);
    const after = await slotsFor("offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC&allTimes=true");
    expect(after.json.slots.map((s: { start: string }) => s.start)).not.toContain("2026-12-01T17:00:00.000+00:00");
    expect(after.json.slots.length).toBe(before.json.slots.length - 1);
  });

  it.each([
    ["offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=Nowhere/City", "timeZone"],
    ["offering=live-demo&from=2026-02-30&to=2026-12-01&timeZone=UTC", "from"],
    ["offering=live-demo&from=2026-12-05&to=2026-12-01&timeZone=UTC", "to"],
    ["offering=live-demo&from=2026-12-01&to=2027-06-01&timeZone=UTC", "to"],
    ["offering=missing&timeZone=UTC", "offering"],
    ["timeZone=UTC", "offering"],
    ["offering=live-demo&timeZone=UTC&allTimes=yes", "allTimes"],
  ])("refuses %s naming %s", async (query, field) => {
    const response = await slotsFor(query);
    expect(response.status).toBe(422);
    expect(response.json.error.field).toBe(field);
  });
});
