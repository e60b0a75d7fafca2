// The weekly digest's time and words: due at Monday 08:00 in the manager's own zone (DST changes, a
// quarter-hour zone, a zone ahead of UTC's day), for the week just ended there; the figures written exactly.
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { insightsFigures } from "../../../functions/core/insights/insights-report";
import { composeWeeklyDigest, DIGEST_CATCH_UP_MS, weeklyDigestDue } from "../../../functions/core/insights/weekly-digest";
import { nextWeeklyDigestRun } from "../../../functions/handlers/weekly-digest-schedule";

const at = (iso: string) => Date.parse(iso);

describe("when the weekly digest is due", () => {
  it("is Monday 08:00 in the manager's zone, for the Monday-to-Sunday just ended there", () => {
    // Chicago in winter: UTC-6.
    expect(weeklyDigestDue(at("2026-11-30T13:59:59Z"), "America/Chicago")).toBeUndefined();
    expect(weeklyDigestDue(at("2026-11-30T14:00:00Z"), "America/Chicago")).toEqual({ sendDate: "2026-11-30", sendAt: at("2026-11-30T14:00:00Z"), from: "2026-11-23", to: "2026-11-29" });
    expect(weeklyDigestDue(at("2026-11-30T14:00:00Z") + DIGEST_CATCH_UP_MS - 1, "America/Chicago")?.sendDate).toBe("2026-11-30");
    // Past the catch-up time, and any other day of the week: not due.
    expect(weeklyDigestDue(at("2026-11-30T14:00:00Z") + DIGEST_CATCH_UP_MS, "America/Chicago")).toBeUndefined();
    expect(weeklyDigestDue(at("2026-12-01T14:00:00Z"), "America/Chicago")).toBeUndefined();
    expect(weeklyDigestDue(at("2026-11-29T14:00:00Z"), "America/Chicago")).toBeUndefined();
  });

  it("follows daylight saving time: 08:00 on the Monday after a change is an hour earlier or later in UTC", () => {
    // Berlin: summer time ends Sunday 2026-10-25.
    expect(weeklyDigestDue(at("2026-10-19T06:00:00Z"), "Europe/Berlin")?.sendAt).toBe(at("2026-10-19T06:00:00Z"));
    expect(weeklyDigestDue(at("2026-10-26T06:00:00Z"), "Europe/Berlin")).toBeUndefined();
    expect(weeklyDigestDue(at("2026-10-26T07:00:00Z"), "Europe/Berlin")).toMatchObject({ sendDate: "2026-10-26", from: "2026-10-19", to: "2026-10-25" });
    // Chicago: daylight time starts Sunday 2027-03-14.
    expect(weeklyDigestDue(at("2027-03-15T13:00:00Z"), "America/Chicago")?.sendAt).toBe(at("2027-03-15T13:00:00Z"));
    expect(weeklyDigestDue(at("2027-03-08T13:00:00Z"), "America/Chicago")).toBeUndefined();
  });

  it("is Monday in a zone ahead of UTC while UTC is still on Sunday, and on a quarter hour in a quarter-hour zone", () => {
    // Auckland in summer: UTC+13, so Monday 08:00 is Sunday 19:00 UTC.
    expect(weeklyDigestDue(at("2026-11-29T19:00:00Z"), "Pacific/Auckland")).toMatchObject({ sendDate: "2026-11-30", from: "2026-11-23", to: "2026-11-29" });
    // Kathmandu: UTC+5:45.
    expect(weeklyDigestDue(at("2026-11-30T02:15:00Z"), "Asia/Kathmandu")?.sendAt).toBe(at("2026-11-30T02:15:00Z"));
    expect(weeklyDigestDue(at("2026-11-30T02:14:00Z"), "Asia/Kathmandu")).toBeUndefined();
  });

  it("falls on a run of the quarter-hourly schedule in every zone", () => {
    for (const zone of ["America/Chicago", "Europe/Berlin", "Asia/Kathmandu", "Asia/Kolkata", "Pacific/Auckland", "Australia/Adelaide"]) {
      const sendAt = weeklyDigestDue(findMonday(zone), zone)!.sendAt;
      expect(nextWeeklyDigestRun(new Date(sendAt - 1)).getTime(), zone).toBe(sendAt);
    }
    expect(nextWeeklyDigestRun(new Date("2026-11-30T02:15:00Z")).toISOString()).toBe("2026-11-30T02:30:00.000Z");
  });
});

/** Some instant at which the zone's digest is due (scanning the week of 2026-11-30 by quarter hours). */
function findMonday(zone: string): number {
  for (let instant = at("2026-11-28T00:00:00Z"); instant < at("2026-12-02T00:00:00Z"); instant += 900_000) if (weeklyDigestDue(instant, zone)) return instant;
  throw new Error(`no Monday 08:00 found for ${zone}`);
}

describe("the weekly digest's message", () => {
  it("writes the week's figures exactly, per rep, and the worst overdue call-backs in the manager's zone", async () => {
    const totals = insightsFigures({ requests: 8, booked7d: 2, reached: 4, s3: 1, s7: 2, s12: 1, within1h: 3, demosAttended: 3, noShows: 1, calls: 10, callsReached: 4, converted: 1, webinarRegistered: 5, webinarAttended: 3, webinarStayed: 2 });
    const email = composeWeeklyDigest(
      { now: new Date("2026-11-30T07:00:00Z"), company: { name: "Acme Analytics" }, sender: { name: "Acme demos", email: "demos@acme.example" } },
      {
        manager: { id: "lukas", name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin" },
        week: { sendDate: "2026-11-30", sendAt: at("2026-11-30T07:00:00Z"), from: "2026-11-23", to: "2026-11-29" },
        totals,
        reps: [{ name: "Maya Johnson", figures: insightsFigures({ requests: 3, calls: 4, callsReached: 1 }) }],
        overdue: [{ leadName: "Nora Night", company: "Initech", repName: "Maya Johnson", dueAt: "2026-11-27T14:00:00Z" }],
        overdueTotal: 6,
        insightsUrl: "https://demo.acme.example/console/insights?from=2026-11-23&to=2026-11-29",
        queueUrl: "https://demo.acme.example/console#/team",
      },
    );
    expect(email.to).toBe("lukas@acme.example");
    expect(email.subject).toBe("Acme Analytics week of 2026-11-23: 8 requests, show rate 75%, connect rate 40%");
    const { text } = await new PostalMime().parse(email.raw);
    for (const line of [
      "The team's figures for 2026-11-23 to 2026-11-29 (days in Europe/Berlin):",
      "Contact requests: 8",
      "Booked within 7 days: 2 (25%)",
      "Speed to lead, median: within 15 min",
      "Reached within 1 hour: 38%",
      "Never reached: 4",
      "Show rate: 75% (3 of 4; 1 no-shows)",
      "Connect rate: 40% (4 of 10 calls)",
      "Converted: 1",
      "Webinars: 5 registered, 3 attended, 2 stayed engaged",
      "Maya Johnson:",
      "Connect rate: 25% (1 of 4 calls)",
      "6 call-backs are overdue; the longest waiting:",
      "• Nora Night, Initech — Maya Johnson, due Fri, Nov 27, 3:00 PM",
    ]) {
      expect(text, line).toContain(line);
    }
  });
});
