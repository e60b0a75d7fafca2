// The insights core: what one lead's log adds to the counters, the speed-to-lead buckets, and deltas.
import { describe, expect, it } from "vitest";
import type { LeadEvent } from "../../../functions/core/bookings/booking";
import { addRows, bucketOf, leadContribution, rowDeltas, scopeFor, sourceKey, sourceOfBucket, speedBucket, SPEED_BOUNDS_MINUTES, type CounterRows } from "../../../functions/core/insights/insights";

const lead = { id: "l1", createdAt: "2026-12-01T09:07:00.000Z", offeringId: "live-demo", source: { utmSource: "Google" } };
const ev = (at: string, kind: string, ref: string, data: Record<string, unknown> = {}): LeadEvent => ({ leadId: "l1", at, kind, ref, data });

/** The team rollup's counters, summed over buckets. */
function team(rows: CounterRows): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const [key, counters] of Object.entries(rows)) {
    if (!key.startsWith("ALL|")) continue;
    for (const [name, value] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + value;
  }
  return sum;
}

describe("a lead's contribution", () => {
  const history = [
    ev("2026-12-01T09:07:00.000Z", "requested", "", { offeringId: "live-demo" }),
    ev("2026-12-01T09:10:00.000Z", "booked", "b1", { bookingId: "b1", repId: "maya", start: "2026-12-02T15:00:00.000Z", offeringId: "team-demo" }),
    ev("2026-12-01T11:00:00.000Z", "rescheduled", "b1-v2", { bookingId: "b1", from: "2026-12-02T15:00:00.000Z", to: "2026-12-02T10:00:00.000Z", repId: "maya" }),
    ev("2026-12-02T11:00:00.000Z", "attended", "b1", { bookingId: "b1" }),
    ev("2026-12-02T12:00:00.000Z", "call_attempt", "p1", { outcome: "voicemail", repId: "maya", promptId: "p1" }),
    ev("2026-12-02T16:00:00.000Z", "call_attempt", "p2", { outcome: "converted", repId: "maya", promptId: "p2" }),
    ev("2026-12-02T16:00:00.000Z", "converted", "p2"),
  ];

  it("counts the request on its own bucket, speed to lead from the demo's (moved) start, bookings, attendance, calls and conversion", () => {
    const rows = leadContribution(lead, history);
    // First live contact: the demo began 2026-12-02T10:00Z, 24 h 53 min after the request.
    const minutes = 24 * 60 + 53;
    expect(team(rows)).toEqual({
      requests: 1, booked7d: 1, reached: 1, [`s${speedBucket(minutes)}`]: 1,
      bookings: 1, demosAttended: 1, demoLeads: 1, calls: 2, callsReached: 1, voicemails: 1, converted: 1, c1: 1,
    });
    expect(rows["ALL|2026-12-01T09:00"]).toMatchObject({ requests: 1, booked7d: 1, reached: 1 });
    expect(rows["REP#maya#OFFERING#team-demo|2026-12-01T09:00"]).toEqual({ bookings: 1 });
    expect(rows["REP#maya#OFFERING#live-demo|2026-12-01T09:00"]).toMatchObject({ requests: 1 });
    expect(rows["SOURCE|2026-12-01T09:00#google"]).toMatchObject({ requests: 1, bookings: 1 });
    // Each rollup split by source too, so a source filter combines with a rep and an offering.
    expect(rows["REP#maya#SOURCE|2026-12-01T09:00#google"]).toMatchObject({ requests: 1, bookings: 1 });
    expect(rows["OFFERING#team-demo#SOURCE|2026-12-01T09:00#google"]).toEqual({ bookings: 1 });
    expect(rows["REP#maya#OFFERING#live-demo#SOURCE|2026-12-01T09:00#google"]).toMatchObject({ requests: 1 });
    const scopes = new Set(Object.keys(rows).map((key) => key.slice(0, key.indexOf("|"))));
    expect([...scopes].sort()).toEqual(["ALL", "OFFERING#live-demo", "OFFERING#live-demo#SOURCE", "OFFERING#team-demo", "OFFERING#team-demo#SOURCE", "REP#maya", "REP#maya#OFFERING#live-demo", "REP#maya#OFFERING#live-demo#SOURCE", "REP#maya#OFFERING#team-demo", "REP#maya#OFFERING#team-demo#SOURCE", "REP#maya#SOURCE", "SOURCE"]);
  });

  it("names a rollup by its filter, split by source or not, and reads the source back from a split row", () => {
    expect([scopeFor(undefined, undefined), scopeFor("maya", undefined), scopeFor(undefined, "live-demo"), scopeFor("maya", "live-demo")]).toEqual(["ALL", "REP#maya", "OFFERING#live-demo", "REP#maya#OFFERING#live-demo"]);
    expect([scopeFor(undefined, undefined, true), scopeFor("maya", "live-demo", true)]).toEqual(["SOURCE", "REP#maya#OFFERING#live-demo#SOURCE"]);
    expect(sourceOfBucket("2026-12-01T09:00#partner.example")).toBe("partner.example");
    expect(sourceOfBucket("2026-12-01T09:00")).toBeUndefined();
  });

  it("does not depend on the order events arrive in", () => {
    expect(leadContribution(lead, [...history].reverse())).toEqual(leadContribution(lead, history));
  });

  it("is nothing for an erased lead, and an unassigned request waits under '-'", () => {
    expect(leadContribution(undefined, history)).toEqual({});
    expect(Object.keys(leadContribution(lead, [history[0]!]))).toContain("REP#-|2026-12-01T09:00");
  });

  it("counts a reached call within 5 minutes in every share, a booking after 7 days not as booked in the window", () => {
    const quick = leadContribution(lead, [
      ev("2026-12-01T09:11:00.000Z", "call_attempt", "p1", { outcome: "reached", repId: "priya" }),
      ev("2026-12-09T09:08:00.000Z", "booked", "b2", { bookingId: "b2", repId: "priya", start: "2026-12-10T10:00:00.000Z" }),
    ]);
    expect(team(quick)).toMatchObject({ requests: 1, reached: 1, within5m: 1, within1h: 1, within1d: 1, s3: 1, bookings: 1 });
    expect(team(quick).booked7d).toBeUndefined();
  });

  it("counts a webinar seat once per person and session, a colleague's apart, attendance when it happened and who stayed engaged", () => {
    const webinarLead = { id: "l1", createdAt: "2026-12-01T09:07:00.000Z", offeringId: "product-tour" };
    const rows = leadContribution(webinarLead, [
      // Seated for s1 by a colleague; registered again (the same seat) — one seat.
      ev("2026-12-01T09:07:00.000Z", "registered", "s1", { sessionId: "s1", registrationId: "r1", invitedBy: "boss@initech.example" }),
      ev("2026-12-01T10:00:00.000Z", "registered", "s1", { sessionId: "s1", registrationId: "r1", invitedBy: "boss@initech.example" }),
      ev("2026-12-03T17:00:00.000Z", "attended", "s1", { sessionId: "s1", minutes: 50, stayed: true }),
      // Waitlisted for s2 on their own, seated later; attended but left early.
      ev("2026-12-02T08:00:00.000Z", "waitlisted", "s2", { sessionId: "s2", registrationId: "r2" }),
      ev("2026-12-04T08:00:00.000Z", "promoted_from_waitlist", "s2", { sessionId: "s2" }),
      ev("2026-12-05T17:00:00.000Z", "attended", "s2", { sessionId: "s2", minutes: 5, stayed: false }),
      // Waitlisted for s3 and never seated; a no-show of s4 (seated) counts no attendance.
      ev("2026-12-02T08:00:00.000Z", "waitlisted", "s3", { sessionId: "s3", registrationId: "r3" }),
      ev("2026-12-02T09:00:00.000Z", "registered", "s4", { sessionId: "s4", registrationId: "r4" }),
      ev("2026-12-06T17:00:00.000Z", "no_show", "s4", { sessionId: "s4" }),
    ]);
    expect(team(rows)).toEqual({ requests: 1, webinarRegistered: 3, webinarColleagues: 1, webinarAttended: 2, webinarStayed: 1 });
    expect(rows["ALL|2026-12-01T09:00"]).toMatchObject({ webinarRegistered: 1, webinarColleagues: 1 });
    expect(rows["ALL|2026-12-04T08:00"]).toEqual({ webinarRegistered: 1 });
    expect(rows["ALL|2026-12-03T17:00"]).toEqual({ webinarAttended: 1, webinarStayed: 1 });
    expect(rows["ALL|2026-12-05T17:00"]).toEqual({ webinarAttended: 1 });
  });
});

describe("buckets", () => {
  it("puts instants into UTC quarter hours", () => {
    expect(bucketOf(Date.parse("2026-12-01T09:14:59.999Z"))).toBe("2026-12-01T09:00");
    expect(bucketOf(Date.parse("2026-12-01T09:15:00.000Z"))).toBe("2026-12-01T09:15");
  });

  it("puts a speed into (previous bound, bound], the rest in the last bucket", () => {
    expect(speedBucket(0)).toBe(0);
    expect(speedBucket(1)).toBe(0);
    expect(speedBucket(1.01)).toBe(1);
    expect(speedBucket(5)).toBe(4);
    expect(speedBucket(60)).toBe(SPEED_BOUNDS_MINUTES.indexOf(60));
    expect(speedBucket(100_000)).toBe(SPEED_BOUNDS_MINUTES.length);
  });

  it("names a source by utm_source, else the referring host, else direct; safe for keys", () => {
    expect(sourceKey({ utmSource: " News Letter#1 " })).toBe("news-letter-1");
    expect(sourceKey({ referrer: "https://www.example.org/blog?x=1" })).toBe("example.org");
    expect(sourceKey({ referrer: "not a url" })).toBe("direct");
    expect(sourceKey(undefined)).toBe("direct");
  });
});

describe("deltas", () => {
  it("gives what turns one contribution into the next, and nothing for no change", () => {
    const before = { "ALL|a": { requests: 1, calls: 2 }, "ALL|b": { bookings: 1 } };
    const after = { "ALL|a": { requests: 1, calls: 3 }, "ALL|c": { bookings: 1 } };
    const delta = rowDeltas(before, after);
    expect(delta).toEqual({ "ALL|a": { calls: 1 }, "ALL|b": { bookings: -1 }, "ALL|c": { bookings: 1 } });
    expect(rowDeltas(after, after)).toEqual({});
    expect(addRows(structuredClone(before), delta)).toEqual({ ...after, "ALL|a": { requests: 1, calls: 3 }, "ALL|b": { bookings: 0 } });
  });
});
