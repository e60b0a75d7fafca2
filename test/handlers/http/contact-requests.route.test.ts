// POST /api/contact-requests through the real handler on DynamoDB Local.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../support/test-api";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") };

describe("POST /api/contact-requests", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ clock });
  });

  it("stores the lead with a 'requested' event and returns two weeks of slots in the prospect's zone", async () => {
    const response = await api.call("POST", "/api/contact-requests", {
      name: "Ravi Kumar",
      email: "ravi@Umbrella.EXAMPLE",
      company: "Umbrella",
      phone: "+91 98765 43210",
      teamSize: 40,
      interest: "Forecasting",
      timeZone: "asia/kolkata",
      consent: true,
    });
    expect(response.status).toBe(201);
    expect(response.json.offering).toEqual(expect.objectContaining({ id: "live-demo", durationMinutes: 30, kind: "demo" }));
    expect(response.json.timeZone).toBe("Asia/Kolkata");
    const slots: { start: string; end: string }[] = response.json.slots;
    expect(slots.length).toBeGreaterThan(20);
    expect(slots.every((s) => s.start.endsWith("+05:30") && s.end.endsWith("+05:30"))).toBe(true);
    // Two hours of notice from 11:30 IST; nothing after the 14th local day (2026-11-30 … 2026-12-13).
    expect(slots[0]!.start >= "2026-11-30T13:30").toBe(true);
    expect(slots[slots.length - 1]!.start < "2026-12-14").toBe(true);
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);

    const items = await api.itemsWithPrefix(`LEAD#${response.json.id}`);
    const lead = items.find((i) => i.sk === "LEAD");
    // No language on the form and no Accept-Language: the lead is written to in English.
    expect(lead?.prospect).toEqual({ name: "Ravi Kumar", email: "ravi@umbrella.example", company: "Umbrella", phone: "+919876543210", teamSize: 40, interest: "Forecasting", locale: "en" });
    expect(lead?.consentAt).toBe("2026-11-30T06:00:00.000Z");
    expect(items.some((i) => i.kind === "requested")).toBe(true);
  });

  it("refuses bad input with the field named and stores nothing", async () => {
    const fresh = await createTestApi({ clock });
    const response = await fresh.call("POST", "/api/contact-requests", { name: "X", email: "x@y", timeZone: "UTC", consent: "yes" });
    expect(response.status).toBe(422);
    expect(response.json.error.field).toBe("email");
    expect(response.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["consent", "email"]);
    expect(await fresh.allItems()).toEqual([]);
  });
});
