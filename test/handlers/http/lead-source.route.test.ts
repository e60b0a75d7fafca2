// Lead source through the real handler on DynamoDB Local: a contact request, a booking, a webinar
// registration and a "call me now" request each keep the page's utm_* and referrer with the lead; the
// first touch stays (a later request never replaces it); a bad field is 422 naming it, nothing written;
// and the aggregator counts the lead under its source.
import { beforeAll, describe, expect, it } from "vitest";
import { refreshLeadInsights } from "../../../functions/use-cases/insights/aggregate-insights";
import { configWithUniqueRepEmails } from "../../support/console-session";
import { createLifecycle, type Lifecycle } from "../../support/lifecycle-harness";

// Monday 06:00Z; Tuesday 11:00 Chicago is inside Maya's hours; the weekly webinar runs Tuesdays 16:00Z.
const NOW = "2026-11-30T06:00:00Z";
const SESSION = "weekly-webinar-20261201T1600Z";
const NEWSLETTER = { utmSource: "newsletter", utmMedium: "email", utmCampaign: "december", utmTerm: "demo", utmContent: "button", referrer: "https://mail.example/inbox" };

let counter = 0;
const person = (extra: Record<string, unknown> = {}) => ({ name: "Sam Source", email: `source${++counter}.${Date.now()}@initech.example`, timeZone: "America/Chicago", consent: true, ...extra });

let life: Lifecycle;
beforeAll(async () => {
  life = await createLifecycle(NOW, { config: configWithUniqueRepEmails() });
});

async function leadOf(email: string): Promise<Record<string, any>> {
  const items = await life.api.allItems();
  return items.find((item) => item.sk === "LEAD" && item.prospect?.email === email.toLowerCase())!;
}

describe("lead source", () => {
  it("keeps a contact request's source with the lead, and the first touch against later requests and a booking", async () => {
    const first = person({ source: NEWSLETTER });
    expect((await life.api.call("POST", "/api/contact-requests", first)).status).toBe(201);
    expect((await leadOf(first.email)).source).toEqual(NEWSLETTER);

    const again = await life.api.call("POST", "/api/contact-requests", { ...first, source: { utmSource: "google", referrer: "https://www.google.com/" } });
    expect(again.status).toBe(201);
    const booked = await life.api.call("POST", "/api/bookings", { ...first, offering: "live-demo", start: "2026-12-01T11:00:00-06:00", source: { utmSource: "linkedin" } });
    expect(booked.status).toBe(201);
    expect((await leadOf(first.email)).source).toEqual(NEWSLETTER);
  });

  it("gives a lead its first source when its earlier requests had none, and trims blank fields away", async () => {
    const plain = person();
    await life.api.call("POST", "/api/contact-requests", plain);
    expect((await leadOf(plain.email)).source).toBeUndefined();
    await life.api.call("POST", "/api/contact-requests", { ...plain, source: { utmSource: " partner ", utmMedium: "", referrer: "  " } });
    expect((await leadOf(plain.email)).source).toEqual({ utmSource: "partner" });
  });

  it("keeps a booking's, a call-me-now request's and a webinar registrant's source (not their colleagues')", async () => {
    const booker = person({ source: { utmSource: "ads", utmCampaign: "q4" } });
    expect((await life.api.call("POST", "/api/bookings", { ...booker, offering: "live-demo", start: "2026-12-01T11:30:00-06:00" })).status).toBe(201);
    expect((await leadOf(booker.email)).source).toEqual({ utmSource: "ads", utmCampaign: "q4" });

    const caller = person({ offering: "live-demo", phone: "+1 312 555 0100", source: { referrer: "https://partner.example/pricing" } });
    expect((await life.api.call("POST", "/api/instant-calls", caller)).status).toBe(201);
    expect((await leadOf(caller.email)).source).toEqual({ referrer: "https://partner.example/pricing" });

    const colleague = `colleague${counter}.${Date.now()}@initech.example`;
    const registrant = person({ source: { utmSource: "webinar-ad" }, colleagues: [colleague] });
    expect((await life.api.call("POST", `/api/webinars/${SESSION}/registrations`, registrant)).status).toBe(202);
    expect((await leadOf(registrant.email)).source).toEqual({ utmSource: "webinar-ad" });
    expect((await leadOf(colleague)).source).toBeUndefined();
  });

  it("refuses a bad source field with 422 naming it, on every prospect body, and writes nothing", async () => {
    const before = (await life.api.allItems()).length;
    const cases: [string, Record<string, unknown>, string][] = [
      ["/api/contact-requests", person({ source: { utmSource: "x".repeat(201) } }), "source.utmSource"],
      ["/api/contact-requests", person({ source: { utmCampaign: "two\nlines" } }), "source.utmCampaign"],
      ["/api/contact-requests", person({ source: { referrer: "javascript:alert(1)" } }), "source.referrer"],
      ["/api/contact-requests", person({ source: { referrer: `https://example.com/${"a".repeat(2000)}` } }), "source.referrer"],
      ["/api/contact-requests", person({ source: { gclid: "abc" } }), "source.gclid"],
      ["/api/contact-requests", person({ source: "newsletter" }), "source"],
      ["/api/bookings", person({ offering: "live-demo", start: "2026-12-01T11:00:00-06:00", source: { utmTerm: 5 } }), "source.utmTerm"],
      ["/api/instant-calls", person({ offering: "live-demo", phone: "+1 312 555 0100", source: { utmContent: "y".repeat(201) } }), "source.utmContent"],
      [`/api/webinars/${SESSION}/registrations`, person({ source: { utmMedium: "z".repeat(201) } }), "source.utmMedium"],
    ];
    for (const [path, body, field] of cases) {
      const response = await life.api.call("POST", path, body);
      expect(response.status, field).toBe(422);
      expect(response.json.error.field, field).toBe(field);
    }
    expect((await life.api.allItems()).length).toBe(before);
  });

  it("counts the lead under its source (utm_source, else the referring host), per rep and offering too", async () => {
    const fromPartner = person({ source: { referrer: "https://www.partner-blog.example/post/1" } });
    const created = await life.api.call("POST", "/api/contact-requests", fromPartner);
    await refreshLeadInsights(life.api.deps.insights, created.json.id);
    const rows = await life.api.deps.insights.counterRows("SOURCE", "2026-11-30T06:00", "2026-11-30T06:15");
    expect(rows.find((row) => row.bucket === "2026-11-30T06:00#partner-blog.example")?.counters).toMatchObject({ requests: 1 });
    const offeringRows = await life.api.deps.insights.counterRows("OFFERING#live-demo#SOURCE", "2026-11-30T06:00", "2026-11-30T06:15");
    expect(offeringRows.find((row) => row.bucket === "2026-11-30T06:00#partner-blog.example")?.counters).toMatchObject({ requests: 1 });
  });
});
