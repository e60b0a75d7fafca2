// Tests: what the insights page shows, as data — the default twelve weeks in the viewer's zone, the address
// it keeps, how rates and speeds are written (speeds as their bucket's upper bound) and the funnel.
import { describe, expect, it } from "vitest";
import { defaultRange, formatRate, formatSpeed, funnelSteps, insightsQuery, localToday, leadsHref, pageSearch, paramsFrom, TABLE_COLUMNS, TOTALS, WEBINAR_FIGURES, weekLabel } from "../../../web/src/console/insights-view";
import type { InsightsFigures } from "../../../web/src/api/console-types";

const EMPTY = { contactRequests: 0, bookings: 0, requestsBookedWithin7Days: 0, bookingRate: null, demosHeld: 0, demosAttended: 0, noShows: 0, showRate: null, callAttempts: 0, callsReached: 0, voicemails: 0, noAnswers: 0, connectRate: null, voicemailShare: null, noAnswerShare: null, converted: 0, leadsWithDemo: 0, conversionRate: null, medianDaysToConvert: null, requestsReached: 0, requestsNeverReached: 0, speedToLeadMedianMinutes: null, speedToLeadP90Minutes: null, reachedWithin5MinutesShare: null, reachedWithin1HourShare: null, reachedWithin1DayShare: null, webinarRegistered: 0, webinarRegistrations: 0, webinarColleagues: 0, colleaguesPerRegistration: null, webinarAttended: 0, webinarStayedEngaged: 0, webinarAttendanceRate: null, webinarEngagedShare: null } satisfies InsightsFigures;

describe("insights view", () => {
  it("defaults to the twelve ISO weeks up to today in the viewer's zone", () => {
    // 2026-12-07 01:00 UTC is still Sunday the 6th in Chicago.
    const now = Date.parse("2026-12-07T01:00:00Z");
    expect(localToday("America/Chicago", now)).toBe("2026-12-06");
    expect(localToday("Europe/Berlin", now)).toBe("2026-12-07");
    expect(defaultRange("2026-12-06")).toEqual({ from: "2026-09-14", to: "2026-12-06" });
    expect(defaultRange("2026-12-07")).toEqual({ from: "2026-09-21", to: "2026-12-07" });
    expect(paramsFrom("", "America/Chicago", now)).toEqual({ from: "2026-09-14", to: "2026-12-06", timeZone: "America/Chicago" });
  });

  it("reads and writes the range and rep in the address; bad dates fall back to the default", () => {
    const now = Date.parse("2026-12-07T12:00:00Z");
    const params = paramsFrom("?from=2026-11-02&to=2026-11-29&rep=maya", "UTC", now);
    expect(params).toEqual({ from: "2026-11-02", to: "2026-11-29", timeZone: "UTC", rep: "maya" });
    expect(pageSearch(params)).toBe("?from=2026-11-02&to=2026-11-29&rep=maya");
    expect(insightsQuery(params, "week")).toBe("from=2026-11-02&to=2026-11-29&timeZone=UTC&groupBy=week&rep=maya");
    expect(paramsFrom("?from=yesterday&to=<b>", "UTC", now)).toEqual({ ...defaultRange("2026-12-07"), timeZone: "UTC" });
  });

  it("writes rates as whole percents, speeds as their bucket's upper bound, and n/a for nothing", () => {
    expect(formatRate(2 / 3)).toBe("67%");
    expect(formatRate(null)).toBe("n/a");
    expect(formatSpeed(20)).toBe("≤ 20 min");
    expect(formatSpeed(90)).toBe("≤ 1.5 h");
    expect(formatSpeed(2160)).toBe("≤ 1.5 d");
    expect(formatSpeed(null)).toBe("n/a");
    expect(weekLabel("2026-11-30")).toBe("Nov 30");
  });

  it("builds the funnel from requests to converted, each as a share of the requests", () => {
    const figures = { ...EMPTY, contactRequests: 10, bookings: 4, demosAttended: 3, requestsReached: 6, converted: 1 };
    expect(funnelSteps(figures)).toEqual([
      { label: "Contact requests", value: 10, share: 1 },
      { label: "Booked a demo", value: 4, share: 0.4 },
      { label: "Attended a demo", value: 3, share: 0.3 },
      { label: "Reached live", value: 6, share: 0.6 },
      { label: "Converted", value: 1, share: 0.1 },
    ]);
    expect(funnelSteps(EMPTY).every((step) => step.share === null)).toBe(true);
    const totals = Object.fromEntries(TOTALS.map((figure) => [figure.label, figure.value({ ...figures, showRate: 0.75, demosHeld: 4, connectRate: 0.5, callsReached: 3, callAttempts: 6 })]));
    expect(totals).toMatchObject({ "Contact requests": "10", "Show rate": "75% (3 of 4)", "Connect rate": "50% (3 of 6)", "Speed to lead, median": "n/a" });
  });

  it("writes the webinar figures: registered (registrations and colleagues) → attended → stayed engaged, colleagues per registration", () => {
    const figures = { ...EMPTY, webinarRegistered: 10, webinarRegistrations: 4, webinarColleagues: 6, colleaguesPerRegistration: 1.5, webinarAttended: 5, webinarAttendanceRate: 0.5, webinarStayedEngaged: 4, webinarEngagedShare: 0.8 };
    expect(Object.fromEntries(WEBINAR_FIGURES.map((figure) => [figure.label, figure.value(figures)]))).toEqual({
      Registered: "10 (4 registrations, 6 colleagues)",
      Attended: "5 (50% of registered)",
      "Stayed engaged": "4 (80% of attended)",
      "Colleagues per registration": "1.5",
    });
    expect(WEBINAR_FIGURES.find((figure) => figure.label === "Colleagues per registration")!.value(EMPTY)).toBe("n/a");
  });

  it("links a figure to the console's lead search of the leads behind it: the page's range and rep, a row's own rep, offering or source", () => {
    const params = { from: "2026-11-02", to: "2026-11-29", timeZone: "Europe/Berlin", rep: "maya" };
    expect(leadsHref(params, "noShows")).toBe("/console#/search?figure=noShows&from=2026-11-02&to=2026-11-29&timeZone=Europe%2FBerlin&rep=maya");
    expect(leadsHref({ ...params, rep: undefined }, "callAttempts", { source: "google" })).toBe("/console#/search?figure=callAttempts&from=2026-11-02&to=2026-11-29&timeZone=Europe%2FBerlin&source=google");
    // A rate links to its denominator's leads; a share of reached-within has no list of its own.
    expect(TOTALS.find((figure) => figure.label === "Show rate")!.leads).toBe("demosHeld");
    expect(TOTALS.find((figure) => figure.label === "Reached within 1 hour")!.leads).toBeUndefined();
    expect(TABLE_COLUMNS.every((column) => column.leads !== undefined)).toBe(true);
  });
});
