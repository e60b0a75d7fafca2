// HTTP API: odd input through the real handler on DynamoDB Local — malformed percent-encoding in path ids,
// dates the zone maths cannot place, and arbitrary strings thrown at every route: always a 4xx naming what
// is wrong, never a 5xx.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../../../functions/handlers/http/api-routes";
import { createTestApi, type TestApi } from "../../support/test-api";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") };

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ clock });
});

describe("malformed percent-encoding in a path id", () => {
  const BAD = "%E0%A4%A";
  const paths: [string, string, string][] = [
    ["GET", `/api/bookings/${BAD}?token=x`, "id"],
    ["GET", `/api/bookings/${BAD}/invite.ics?token=x`, "id"],
    ["GET", `/api/bookings/${BAD}/slots?token=x&timeZone=UTC`, "id"],
    ["GET", `/api/bookings/${BAD}/timeline?token=x`, "id"],
    ["POST", `/api/bookings/${BAD}/cancel`, "id"],
    ["POST", `/api/webinars/${BAD}/registrations`, "sessionId"],
    ["GET", `/api/registrations/${BAD}?token=x`, "id"],
    ["GET", `/api/reps/${BAD}/follow-ups`, "repId"],
    ["POST", `/api/reps/maya/follow-ups/${BAD}/p/outcome`, "leadId"],
  ];
  for (const [method, path, parameter] of paths) {
    it(`${method} ${path} answers 400 naming ${parameter}`, async () => {
      const response = await api.call(method, path, method === "POST" ? { token: "x" } : undefined);
      expect(response.status).toBe(400);
      expect(response.json.error).toMatchObject({ code: "invalid_path", field: parameter });
      expect(response.json.error.message).toContain(parameter);
    });
  }
});

describe("a day the zone skipped whole (Samoa's 2011-12-30, the Marshall Islands' 1993-08-21)", () => {
  const MANAGER = { authorization: "Bearer local-token-lukas" };
  const ranges = [
    "from=2011-12-30&to=2011-12-30&timeZone=Pacific/Apia",
    "from=2011-12-28&to=2011-12-29&timeZone=Pacific/Apia",
    "from=2011-12-29&to=2011-12-31&timeZone=Pacific/Apia",
    "from=1993-08-21&to=1993-08-21&timeZone=Pacific/Kwajalein",
  ];
  for (const range of ranges) {
    it(`is an empty day for slots, insights and the leads behind a figure: ${range}`, async () => {
      const slots = await api.call("GET", `/api/slots?offering=live-demo&${range}`);
      expect(slots.status).toBe(200);
      const insights = await api.call("GET", `/api/insights?${range}`, undefined, MANAGER);
      expect(insights.status).toBe(200);
      const leads = await api.call("GET", `/api/leads?figure=bookings&${range}`, undefined, MANAGER);
      expect(leads.status).toBe(200);
    });
  }

  it("lists no time on the skipped day, and the days around it as they are", async () => {
    // A clock in 2011, so those days are ahead: the reps' hours give times on Thursday 29th (Friday 30th never was).
    const then = await createTestApi({ clock: { now: () => new Date("2011-12-20T00:00:00Z") } });
    const listed = async (range: string) => {
      const response = await then.call("GET", `/api/slots?offering=live-demo&${range}&timeZone=Pacific/Apia`);
      expect(response.status).toBe(200);
      return response.json.slots.map((slot: { start: string }) => slot.start) as string[];
    };
    expect(await listed("from=2011-12-30&to=2011-12-30")).toEqual([]);
    const around = await listed("from=2011-12-29&to=2011-12-31");
    const thursday = await listed("from=2011-12-29&to=2011-12-29");
    const saturday = await listed("from=2011-12-31&to=2011-12-31");
    expect(thursday.length).toBeGreaterThan(0);
    expect(around).toEqual([...thursday, ...saturday]);
    expect(thursday.every((start) => start.startsWith("2011-12-29T"))).toBe(true);
  });
});

describe("a path id longer than any id we make", () => {
  const MANAGER = { authorization: "Bearer local-token-lukas" };
  const LONG = "a".repeat(2100);
  const paths: [string, string, string][] = [
    ["GET", `/api/leads/${LONG}`, "leadId"],
    ["POST", `/api/leads/${LONG}/notes`, "leadId"],
    ["GET", `/api/leads/${LONG}/slots?timeZone=UTC`, "leadId"],
    ["POST", `/api/console/queue/${LONG}/outcome`, "id"],
    ["POST", `/api/console/queue/${LONG}/claim`, "id"],
    ["POST", `/api/reps/maya/follow-ups/${LONG}/p/outcome`, "leadId"],
    ["GET", `/api/bookings/${LONG}/timeline`, "id"],
  ];
  for (const [method, path, parameter] of paths) {
    it(`${method} ${path.replace(LONG, "a…a")} answers 400 naming ${parameter}`, async () => {
      const response = await api.call(method, path, method === "POST" ? { outcome: "reached", text: "x" } : undefined, MANAGER);
      expect(response.status).toBe(400);
      expect(response.json.error).toMatchObject({ code: "invalid_path", field: parameter });
    });
  }

  it("takes an id of 200 bytes as an id: not found, not refused", async () => {
    const response = await api.call("GET", `/api/leads/${"a".repeat(200)}`, undefined, MANAGER);
    expect(response.status).toBe(404);
  });
});

describe("dates outside the years the product serves", () => {
  const cases: [string, string][] = [
    ["from=0001-01-01&to=0001-01-02", "from"],
    ["from=0099-12-31&to=0100-01-01", "from"],
    ["from=1969-12-31&to=1970-01-01", "from"],
    ["from=2026-12-01&to=0001-01-02", "to"],
  ];
  for (const zone of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
    for (const [dates, field] of cases) {
      it(`GET /api/slots?${dates} in ${zone}: 422 naming ${field}`, async () => {
        const response = await api.call("GET", `/api/slots?offering=live-demo&${dates}&timeZone=${zone}`);
        expect(response.status).toBe(422);
        expect(response.json.error.field).toBe(field);
        expect(response.json.error.message).toMatch(/between 1970-01-01 and 9999/);
      });
    }
  }

  it("the edges of the range are served in the zones furthest from UTC", async () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
      for (const dates of ["from=1970-01-01&to=1970-01-02", "from=9999-12-30&to=9999-12-31"]) {
        const response = await api.call("GET", `/api/slots?offering=live-demo&${dates}&timeZone=${zone}`);
        expect(response.status, `${zone} ${dates}`).toBe(200);
        expect(response.json.slots).toEqual([]);
      }
    }
  });

  it("a booking's start (and a session's new start) outside them: 422 naming start", async () => {
    for (const start of ["0001-01-01T00:00:00Z", "0099-12-31T23:00:00+14:00", "1969-12-31T23:59:00Z"]) {
      const booking = await api.call("POST", "/api/bookings", { offering: "live-demo", start, name: "Sam", email: "sam@hooli.example", timeZone: "Pacific/Kiritimati", consent: true });
      expect(booking.status, start).toBe(422);
      expect(booking.json.error.field).toBe("start");
      const moved = await api.call("POST", "/api/webinars/weekly-webinar-20261201T1600Z/reschedule", { start }, { authorization: "Bearer local-token-lukas" });
      expect(moved.status, start).toBe(422);
      expect(moved.json.error.field).toBe("start");
    }
  });

  it("GET /api/bookings/{id}/slots refuses them too, before looking at the token", async () => {
    const response = await api.call("GET", "/api/bookings/b-1/slots?token=aaaaaaaaaaaa.bbbbbbbbbbbb&timeZone=Pacific/Kiritimati&from=0001-01-02&to=0001-01-03");
    expect(response.status).toBe(422);
    expect(response.json.error.field).toBe("from");
  });
});

/** Percent-encodes every UTF-8 byte (a lone surrogate becomes U+FFFD, as a browser would send it). */
const percentEncoded = (text: string) => [...Buffer.from(text, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

describe("arbitrary strings at every route", () => {
  const routes = apiRoutes({} as never).map((route) => ({ method: route.method, pattern: route.pattern }));
  // Any code point, and the characters that make parsers stumble, more often than chance would.
  const nasty = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("%", "%E0%A4%A", "%ZZ", "..", "0001-01-01", "9999-12-31", "-1", "1e309", "null", "[]", "{}", "__proto__", "constructor", "\u0000", "\uD800", "x.y", "live-demo", "UTC", "Pacific/Kiritimati", "a".repeat(3000)),
  );
  const fieldNames = ["token", "timeZone", "from", "to", "offering", "contactRequest", "start", "name", "email", "colleagues", "rating", "emails", "marks", "attendees", "outcome", "consent", "__proto__"];
  const pathSegment = fc.oneof(nasty.map(percentEncoded), nasty.map((text) => text.replace(/[/?#]/g, "")));
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), nasty), nasty, { maxKeys: 5 });
  const jsonValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 2 }));
  const body = fc.oneof(
    nasty,
    fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), nasty), jsonValue, { maxKeys: 6 }).map((object) => JSON.stringify(object)),
    fc.constant(undefined),
  );
  const headers = fc.record({ authorization: fc.oneof(nasty, nasty.map((text) => `Bearer ${text}`)), "idempotency-key": nasty, "content-type": fc.constantFrom("application/json", "text/csv", "text/plain") }, { requiredKeys: [] });

  for (const route of routes) {
    it(`${route.method} ${route.pattern}: never a 5xx`, async () => {
      const names = [...route.pattern.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1]!);
      await fc.assert(
        fc.asyncProperty(fc.array(pathSegment, { minLength: names.length, maxLength: names.length }), query, body, headers, async (segments, params, text, sent) => {
          let index = 0;
          const path = route.pattern.replace(/\{[a-zA-Z]+\}/g, () => segments[index++] || "x");
          const search = Object.entries(params).map(([key, value]) => `${percentEncoded(key)}=${percentEncoded(value)}`).join("&");
          const cleanHeaders = Object.fromEntries(Object.entries(sent).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
          const response = await api.call(route.method, search ? `${path}?${search}` : path, text, cleanHeaders);
          expect(response.status, `${route.method} ${path}?${search} ${String(text).slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400) expect(response.json?.error?.message, response.body).toEqual(expect.any(String));
        }),
        { numRuns: 40 },
      );
    }, 60_000);
  }
});
