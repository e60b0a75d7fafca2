// GET /api/insights and /api/insights.csv on the real engines: known lead logs counted by the aggregator,
// read back per day in two zones, per rep and per offering; a rep sees only their own; bad input is 422
// naming the field; one counter Query per series.
import { beforeAll, describe, expect, it } from "vitest";
import type { Lead, LeadEvent } from "../../../functions/core/bookings/booking";
import { refreshLeadInsights } from "../../../functions/use-cases/insights/aggregate-insights";
import { createTestApi, type TestApi } from "../../support/test-api";

const MANAGER = { authorization: "Bearer local-token-lukas" };
const MAYA = { authorization: "Bearer local-token-maya" };

let api: TestApi;
let queries = 0;
let ids: { l1: string; l2: string; l3: string };

function lead(id: string, createdAt: string, source: Lead["source"] = { utmSource: "google" }): Lead {
  return { id, prospect: { name: "Pat", email: `${id}@initech.example` }, timeZone: "Europe/Berlin", offeringId: "live-demo", routing: { rule: null, pool: ["maya", "priya"] }, consentAt: createdAt, createdAt, source };
}

const ev = (leadId: string, at: string, kind: string, ref: string, data: Record<string, unknown> = {}): LeadEvent => ({ leadId, at, kind, ref, data });

beforeAll(async () => {
  api = await createTestApi();
  const suffix = Math.random().toString(36).slice(2, 8);
  const [l1, l2, l3] = ["l1", "l2", "l3"].map((name) => `${name}-${suffix}`) as [string, string, string];
  ids = { l1, l2, l3 };
  await api.deps.store.saveLead(lead(l1, "2026-12-01T09:00:00.000Z"), []);
  await api.deps.store.saveLead(lead(l2, "2026-12-01T23:30:00.000Z", { referrer: "https://www.partner.example/post" }), []);
  await api.deps.store.saveLead(lead(l3, "2026-12-03T10:00:00.000Z"), []);
  await api.deps.leadLog.append([
    ev(l1, "2026-12-01T09:02:00.000Z", "booked", "b1", { bookingId: "b1", repId: "maya", start: "2026-12-02T10:00:00.000Z", offeringId: "live-demo" }),
    ev(l1, "2026-12-02T11:00:00.000Z", "attended", "b1", { bookingId: "b1" }),
    ev(l1, "2026-12-02T12:00:00.000Z", "call_attempt", "p1", { outcome: "converted", repId: "maya" }),
    ev(l1, "2026-12-02T12:00:00.000Z", "converted", "p1"),
    ev(l2, "2026-12-01T23:35:00.000Z", "call_prompted", "p2", { repId: "priya" }),
    ev(l2, "2026-12-02T08:00:00.000Z", "call_attempt", "p2", { outcome: "voicemail", repId: "priya" }),
    ev(l2, "2026-12-02T09:00:00.000Z", "call_attempt", "p3", { outcome: "reached", repId: "priya" }),
    ev(l3, "2026-12-03T10:05:00.000Z", "booked", "b3", { bookingId: "b3", repId: "maya", start: "2026-12-04T10:00:00.000Z", offeringId: "live-demo" }),
    ev(l3, "2026-12-04T11:00:00.000Z", "no_show", "b3", { bookingId: "b3" }),
  ]);
  for (const id of [l1, l2, l3]) await refreshLeadInsights(api.deps.insights, id);
  const store = api.deps.insights;
  const counterRows = store.counterRows.bind(store);
  store.counterRows = (...args) => {
    queries++;
    return counterRows(...args);
  };
});

async function get(path: string, headers = MANAGER) {
  queries = 0;
  const response = await api.call("GET", path, undefined, headers);
  return { ...response, queries };
}

/** Each query answers 422 naming its field. */
async function expect422(path: string, cases: readonly [string, string][]) {
  for (const [query, field] of cases) {
    const response = await get(`${path}?${query}`);
    expect(response.status, query).toBe(422);
    expect(response.json.error.field, query).toBe(field);
  }
}

describe("GET /api/insights", () => {
  it("gives the team's totals and a day series in the viewer's zone, with one Query", async () => {
    const { status, json, queries: used } = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=Europe/Berlin");
    expect(status).toBe(200);
    expect(used).toBe(1);
    expect(json.totals).toMatchObject({
      contactRequests: 3, bookings: 2, demosHeld: 2, demosAttended: 1, noShows: 1, callAttempts: 3, callsReached: 2, voicemails: 1, converted: 1,
      // Reached: l1 at its demo's start after 25 h (bucket ≤ 2160 min), l2 after 9.5 h (≤ 720): nearest-rank median is 720.
      speedToLeadMedianMinutes: 720, speedToLeadP90Minutes: 2160, showRate: 0.5, connectRate: 2 / 3,
      requestsBookedWithin7Days: 2, bookingRate: 2 / 3, requestsReached: 2, requestsNeverReached: 1, leadsWithDemo: 1, conversionRate: 1, medianDaysToConvert: 1,
      reachedWithin5MinutesShare: 0, reachedWithin1HourShare: 0, reachedWithin1DayShare: 1 / 3,
    });
    expect(json.series.map((row: { key: string }) => row.key)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"]);
    const day = (key: string) => json.series.find((row: { key: string }) => row.key === key);
    // l2 came in at 00:30 in Berlin: on the 2nd there, on the 1st in UTC.
    expect(day("2026-12-01")).toMatchObject({ contactRequests: 1, bookings: 1, callAttempts: 0 });
    expect(day("2026-12-02")).toMatchObject({ contactRequests: 1, demosAttended: 1, callAttempts: 3, callsReached: 2, voicemails: 1, converted: 1 });
    expect(day("2026-12-04")).toMatchObject({ noShows: 1, showRate: 0 });
    expect(day("2026-12-05")).toMatchObject({ contactRequests: 0, showRate: null, speedToLeadMedianMinutes: null });

    const utc = (await get("/api/insights?from=2026-12-01&to=2026-12-01&timeZone=UTC")).json;
    expect(utc.totals).toMatchObject({ contactRequests: 2, bookings: 1 });
    const weeks = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=Europe/Berlin&groupBy=week")).json;
    // 2026-12-07 is a Monday: the range touches two ISO weeks.
    expect(weeks.series).toMatchObject([{ key: "2026-11-30", contactRequests: 3, bookings: 2 }, { key: "2026-12-07", contactRequests: 0 }]);
  });

  it("groups by rep (one Query per rep, the unassigned row only when it holds something) and by offering", async () => {
    const byRep = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=rep");
    expect(byRep.queries).toBe(api.deps.catalogue.config.reps.length + 1);
    const rep = (key: string) => byRep.json.series.find((row: { key: string }) => row.key === key);
    expect(rep("maya")).toMatchObject({ contactRequests: 2, bookings: 2, demosAttended: 1, noShows: 1, callAttempts: 1, callsReached: 1, converted: 1 });
    expect(rep("priya")).toMatchObject({ contactRequests: 1, callAttempts: 2, callsReached: 1, voicemails: 1, bookings: 0 });
    expect(rep("-")).toBeUndefined();
    expect(byRep.json.totals.contactRequests).toBe(3);

    const byOffering = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=offering")).json;
    expect(byOffering.series.find((row: { key: string }) => row.key === "live-demo")).toMatchObject({ contactRequests: 3, bookings: 2 });
    const filtered = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=priya&offering=live-demo")).json;
    expect(filtered.totals).toMatchObject({ contactRequests: 1, callAttempts: 2 });
  });

  it("groups by source and filters by one, with rep and offering too, one Query per series", async () => {
    const bySource = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=source");
    expect(bySource.queries).toBe(1);
    expect(bySource.json.series).toMatchObject([
      { key: "google", contactRequests: 2, bookings: 2, demosAttended: 1, noShows: 1, converted: 1 },
      { key: "partner.example", contactRequests: 1, callAttempts: 2, callsReached: 1 },
    ]);
    expect(bySource.json.totals).toMatchObject({ contactRequests: 3, bookings: 2, callAttempts: 3 });

    const google = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=Europe/Berlin&source=google");
    expect(google.queries).toBe(1);
    expect(google.json.source).toBe("google");
    expect(google.json.totals).toMatchObject({ contactRequests: 2, bookings: 2, callAttempts: 1, converted: 1 });
    expect(google.json.series.find((row: { key: string }) => row.key === "2026-12-02")).toMatchObject({ demosAttended: 1, converted: 1 });
    const priyaPartner = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=priya&offering=live-demo&source=partner.example")).json;
    expect(priyaPartner.totals).toMatchObject({ contactRequests: 1, callAttempts: 2, voicemails: 1 });
    expect((await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=priya&source=google")).json.totals).toMatchObject({ contactRequests: 0, callAttempts: 0 });
    const byRepOfSource = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=rep&source=google");
    expect(byRepOfSource.json.series.find((row: { key: string }) => row.key === "maya")).toMatchObject({ contactRequests: 2, bookings: 2 });
    // A rep's source table is theirs only.
    const mayas = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=source", MAYA)).json;
    expect(mayas.series.map((row: { key: string }) => row.key)).toEqual(["google"]);
  });

  it("shows a rep only their own figures; another rep's is 403; without sign-in 401", async () => {
    const own = await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=rep", MAYA);
    expect(own.status).toBe(200);
    expect(own.json.series.map((row: { key: string }) => row.key)).toEqual(["maya"]);
    expect(own.json.totals).toMatchObject({ contactRequests: 2, callAttempts: 1 });
    expect((await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC", MAYA)).json.rep).toBe("maya");
    expect((await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=priya", MAYA)).status).toBe(403);
    expect((await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC", {} as typeof MAYA)).status).toBe(401);
  });

  it("answers bad input with 422 naming the field", async () => {
    const cases: [string, string][] = [
      ["from=2026-13-01&to=2026-12-07&timeZone=UTC", "from"],
      ["from=2026-12-01&timeZone=UTC", "to"],
      ["from=2026-12-08&to=2026-12-07&timeZone=UTC", "to"],
      ["from=2026-01-01&to=2027-12-31&timeZone=UTC", "to"],
      ["from=2026-12-01&to=2026-12-07&timeZone=Mars/Olympus", "timeZone"],
      ["from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=month", "groupBy"],
      ["from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=nobody", "rep"],
      ["from=2026-12-01&to=2026-12-07&timeZone=UTC&offering=weekly-webinar", "offering"],
      ["from=2026-12-01&to=2026-12-07&timeZone=UTC&colour=red", "colour"],
      ["from=2026-12-01&to=2026-12-07&timeZone=UTC&source=Google%20Ads", "source"],
    ];
    await expect422("/api/insights", cases);
  });
});

describe("GET /api/leads?figure= (the leads behind a figure)", () => {
  const behind = async (query: string, headers = MANAGER) => {
    const response = await get(`/api/leads?${query}`, headers);
    return { ...response, ids: response.json.leads?.map((lead: { id: string }) => lead.id) };
  };
  const week = "from=2026-12-01&to=2026-12-07&timeZone=Europe/Berlin";

  it("lists exactly the leads whose counters make the figure, the most recent first, with their number", async () => {
    const { l1, l2, l3 } = ids;
    const all = await behind(`figure=contactRequests&${week}`);
    expect(all.status).toBe(200);
    expect(all.ids).toEqual([l3, l2, l1]);
    expect(all.json.total).toBe(3);
    expect(all.json.leads[0]).toMatchObject({ id: l3, name: "Pat", email: `${l3}@initech.example` });
    expect((await behind(`figure=noShows&${week}`)).ids).toEqual([l3]);
    expect((await behind(`figure=demosHeld&${week}`)).ids).toEqual([l3, l1]);
    expect((await behind(`figure=requestsNeverReached&${week}`)).ids).toEqual([l3]);
    expect((await behind(`figure=requestsReached&${week}`)).ids).toEqual([l2, l1]);
    expect((await behind(`figure=voicemails&${week}`)).ids).toEqual([l2]);
    expect((await behind(`figure=converted&${week}`)).ids).toEqual([l1]);
  });

  it("takes the figure's own filter: rep, offering, source and the range in the viewer's zone", async () => {
    const { l1, l2, l3 } = ids;
    expect((await behind(`figure=callAttempts&${week}&rep=priya`)).ids).toEqual([l2]);
    expect((await behind(`figure=contactRequests&${week}&rep=maya&offering=live-demo`)).ids).toEqual([l3, l1]);
    expect((await behind(`figure=contactRequests&${week}&source=partner.example`)).ids).toEqual([l2]);
    expect((await behind(`figure=contactRequests&${week}&source=google&rep=maya`)).ids).toEqual([l3, l1]);
    // l2 came in at 23:30 UTC on the 1st: the 2nd in Berlin, the 1st in UTC.
    expect((await behind("figure=contactRequests&from=2026-12-02&to=2026-12-02&timeZone=Europe/Berlin")).ids).toEqual([l2]);
    expect((await behind("figure=contactRequests&from=2026-12-01&to=2026-12-01&timeZone=UTC")).ids).toEqual([l2, l1]);
    expect((await behind(`figure=contactRequests&${week}&offering=team-demo`)).json).toEqual({ leads: [], total: 0 });
  });

  it("shows a rep only the leads behind their own figures, as the figures do", async () => {
    const { l1, l3 } = ids;
    expect((await behind(`figure=contactRequests&${week}`, MAYA)).ids).toEqual([l3, l1]);
    expect((await behind(`figure=contactRequests&${week}&rep=priya`, MAYA)).status).toBe(403);
    expect((await behind(`figure=contactRequests&${week}`, {} as typeof MAYA)).status).toBe(401);
  });

  it("answers bad input with 422 naming the field; a plain search still needs its query", async () => {
    const cases: [string, string][] = [
      ["", "query"],
      ["figure=showRate&from=2026-12-01&to=2026-12-07&timeZone=UTC", "figure"],
      ["figure=noShows&from=2026-12-01&to=2026-12-07", "timeZone"],
      ["figure=noShows&to=2026-12-07&timeZone=UTC", "from"],
      ["figure=noShows&from=2026-12-08&to=2026-12-07&timeZone=UTC", "to"],
      ["figure=noShows&from=2026-12-01&to=2026-12-07&timeZone=UTC&rep=nobody", "rep"],
      ["figure=noShows&from=2026-12-01&to=2026-12-07&timeZone=UTC&query=pat", "query"],
    ];
    await expect422("/api/leads", cases);
  });
});

describe("GET /api/insights.csv", () => {
  it("names the source column of a CSV by source", async () => {
    const csv = await get("/api/insights.csv?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=source");
    expect(csv.body.split("\r\n").map((line: string) => line.split(",").slice(0, 2).join(","))).toEqual(["source,contactRequests", "google,2", "partner.example,1", "total,3", ""]);
  });

  it("gives the same rows as CSV, then the totals", async () => {
    const json = (await get("/api/insights?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=rep")).json;
    const csv = await get("/api/insights.csv?from=2026-12-01&to=2026-12-07&timeZone=UTC&groupBy=rep");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = csv.body.trimEnd().split("\r\n");
    const names = header!.split(",");
    expect(names[0]).toBe("rep");
    const rows = lines.map((line) => Object.fromEntries(line.split(",").map((value, index) => [names[index], value])));
    expect(rows.map((row) => row.rep)).toEqual([...json.series.map((row: { key: string }) => row.key), "total"]);
    for (const [index, row] of [...json.series, json.totals].entries()) {
      for (const name of names.slice(1)) expect(rows[index]![name], `${rows[index]!.rep} ${name}`).toBe(row[name] === null ? "" : String(row[name]));
    }
  });
});
