// The insights figures from counters: percentiles from the histogram, rates, ranges in a zone, CSV.
import { describe, expect, it } from "vitest";
import { leadContribution } from "../../../functions/core/insights/insights";
import { bucketRange, insightsCsv, insightsFigures, leadPartOf, LEAD_FIGURES, periodOf, periodsOf } from "../../../functions/core/insights/insights-report";

describe("figures", () => {
  it("reports the median and p90 as their bucket's upper bound (nearest rank), and rates only when there is something to divide", () => {
    // 10 reached: 5 in (1, 2] min, 4 in (10, 15], 1 above the last bound.
    const figures = insightsFigures({ requests: 12, reached: 10, s1: 5, s7: 4, s27: 1, within5m: 5, calls: 4, callsReached: 1, voicemails: 2, noAnswers: 1, demosAttended: 3, noShows: 1, demoLeads: 2, converted: 1, c3: 1 });
    expect(figures).toMatchObject({
      contactRequests: 12, requestsReached: 10, requestsNeverReached: 2, speedToLeadMedianMinutes: 2, speedToLeadP90Minutes: 15,
      reachedWithin5MinutesShare: 5 / 12, connectRate: 0.25, voicemailShare: 0.5, noAnswerShare: 0.25, demosHeld: 4, showRate: 0.75,
      conversionRate: 0.5, medianDaysToConvert: 3, bookingRate: 0,
    });
    expect(insightsFigures({ requests: 1, reached: 1, s27: 1 }).speedToLeadMedianMinutes).toBe(20160);
    expect(insightsFigures({})).toMatchObject({ contactRequests: 0, showRate: null, connectRate: null, speedToLeadMedianMinutes: null, medianDaysToConvert: null, bookingRate: null });
  });

  it("gives the webinar figures: registered, registrations and colleagues, colleagues per registration, attended and stayed engaged with their shares", () => {
    expect(insightsFigures({ webinarRegistered: 10, webinarColleagues: 6, webinarAttended: 5, webinarStayed: 4 })).toMatchObject({
      webinarRegistered: 10, webinarRegistrations: 4, webinarColleagues: 6, colleaguesPerRegistration: 1.5,
      webinarAttended: 5, webinarStayedEngaged: 4, webinarAttendanceRate: 0.5, webinarEngagedShare: 0.8,
    });
    expect(insightsFigures({})).toMatchObject({ webinarRegistered: 0, colleaguesPerRegistration: null, webinarAttendanceRate: null, webinarEngagedShare: null });
  });
});

describe("ranges in the viewer's zone", () => {
  it("covers local midnight to midnight, also across a DST change and in a quarter-hour zone", () => {
    expect(bucketRange("2026-03-29", "2026-03-29", "Europe/Berlin")).toEqual({ fromBucket: "2026-03-28T23:00", toBucket: "2026-03-29T22:00" });
    expect(bucketRange("2026-12-01", "2026-12-01", "Asia/Kathmandu")).toEqual({ fromBucket: "2026-11-30T18:15", toBucket: "2026-12-01T18:15" });
    expect(periodOf("2026-11-30T18:15", "Asia/Kathmandu", "day")).toBe("2026-12-01");
    expect(periodOf("2026-11-30T18:00", "Asia/Kathmandu", "day")).toBe("2026-11-30");
    expect(periodOf("2026-12-03T10:00#google", "UTC", "week")).toBe("2026-11-30");
  });

  it("lists every day, or every ISO week's Monday, of a range", () => {
    expect(periodsOf("2026-12-30", "2027-01-02", "day")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(periodsOf("2026-12-02", "2026-12-14", "week")).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and leaves an undefined rate empty", () => {
    const csv = insightsCsv("rep", [{ key: 'a,"b"', ...insightsFigures({ requests: 2, booked7d: 1 }) }]);
    const [header, row] = csv.split("\r\n");
    expect(header!.startsWith("rep,contactRequests,bookings,requestsBookedWithin7Days,bookingRate,")).toBe(true);
    expect(row!.startsWith('"a,""b""",2,0,1,0.5,0,0,0,,')).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes a key that starts like a spreadsheet formula (a lead's utm_source) as text, so opening the file runs nothing", () => {
    const keys = ['=HYPERLINK("https://evil.example","click")', "+1+1", "-2-3", "@SUM(A1)", "\tx", "google", "e-mail", "-"];
    const rows = insightsCsv("source", keys.map((key) => ({ key, ...insightsFigures({ requests: 1 }) }))).split("\r\n").slice(1, -1);
    // A lone "-" is the rep key of leads nobody was assigned (UNASSIGNED_REP): kept as it is.
    expect(rows.map((row) => row.slice(0, row.indexOf(",1,")))).toEqual(['"\'=HYPERLINK(""https://evil.example"",""click"")"', "'+1+1", "'-2-3", "'@SUM(A1)", "'\tx", "google", "e-mail", "-"]);
  });
});

describe("the leads behind a figure", () => {
  const lead = { id: "l1", createdAt: "2026-12-01T09:07:00.000Z", offeringId: "live-demo", source: { utmSource: "google" } };
  const rows = leadContribution(lead, [
    { leadId: "l1", at: "2026-12-01T09:30:00.000Z", kind: "call_attempt", ref: "p1", data: { outcome: "voicemail", repId: "maya" } },
    { leadId: "l1", at: "2026-12-03T10:00:00.000Z", kind: "call_attempt", ref: "p2", data: { outcome: "no_answer", repId: "maya" } },
  ]);
  const december = { fromBucket: "2026-12-01T00:00", toBucket: "2027-01-01T00:00" };

  it("is what the lead's own rows add to the figure over the range, with the last bucket they add in", () => {
    expect(leadPartOf(rows, { figure: "callAttempts", scope: "ALL", ...december })).toEqual({ value: 2, last: "2026-12-03T10:00" });
    expect(leadPartOf(rows, { figure: "callAttempts", scope: "ALL", fromBucket: "2026-12-02T00:00", toBucket: "2026-12-03T10:00" })).toBeUndefined();
    expect(leadPartOf(rows, { figure: "requestsNeverReached", scope: "REP#maya", ...december })).toEqual({ value: 1, last: "2026-12-01T09:00" });
    expect(leadPartOf(rows, { figure: "requestsReached", scope: "ALL", ...december })).toBeUndefined();
    expect(leadPartOf(rows, { figure: "contactRequests", scope: "REP#priya", ...december })).toBeUndefined();
  });

  it("reads the rollup split by source for a source, and only that source's rows", () => {
    expect(leadPartOf(rows, { figure: "voicemails", scope: "SOURCE", source: "google", ...december })).toEqual({ value: 1, last: "2026-12-01T09:30" });
    expect(leadPartOf(rows, { figure: "voicemails", scope: "SOURCE", source: "direct", ...december })).toBeUndefined();
  });

  it("names only figures the report has", () => {
    const figures = insightsFigures({});
    for (const name of Object.keys(LEAD_FIGURES)) expect(figures, name).toHaveProperty(name);
  });
});

