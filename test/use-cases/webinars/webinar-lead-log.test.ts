// Webinars on the real engines: everything that happens to each registrant ends up in their own lead's log
// — registering (and being brought by a colleague), the waitlist and its promotion, cancelling, the
// reminders, attendance from the platform's CSV, the replay offer, the call-back prompt, the feedback —
// and the insights' webinar figures counted from those logs.
// No API shows a registrant's log yet, so it is read the way the booking timeline reads a lead's.
import { describe, expect, it } from "vitest";
import { refreshLeadInsights } from "../../../functions/use-cases/insights/aggregate-insights";
import { leadTimeline } from "../../../functions/use-cases/bookings/lead-timeline";
import { createLifecycle, linksIn, mailsTo, tokenOf, type Lifecycle } from "../../support/lifecycle-harness";
import { webinarConfigWith } from "../../support/webinar-config";
import { registerAndRead } from "../../support/webinar-registration";

// Monday; the seeded weekly webinar runs Tuesdays 16:00 London (16:00Z in winter), 45 minutes.
const NOW = "2026-11-30T06:00:00Z";
const FIRST = "weekly-webinar-20261201T1600Z";
const HOST = { authorization: "Bearer local-token-lukas" };

let counter = 0;
const person = (label: string, extra: Record<string, unknown> = {}) => {
  counter++;
  return { name: `${label} Log ${counter}`, email: `${label.toLowerCase()}${counter}.${Date.now()}@logco.example`, company: "LogCo", timeZone: "Europe/Berlin", consent: true, ...extra };
};

async function logOf(life: Lifecycle, leadId: string) {
  return (await leadTimeline(life.api.deps, leadId, "rep")).map(({ kind, data }) => ({ kind, data: data ?? {} }));
}

const kinds = (log: { kind: string }[]) => log.map((event) => event.kind).sort();
const ofKind = (log: { kind: string; data: Record<string, unknown> }[], kind: string) => log.filter((event) => event.kind === kind).map((event) => event.data);

describe("each registrant's lead log", () => {
  it("holds their registration, waitlist and promotion, reminders, attendance, replay, call-back prompt and feedback", async () => {
    // Three seats, so a fourth person waits.
    const life = await createLifecycle(NOW, { config: webinarConfigWith({ capacity: 3 }) });
    const register = (body: Record<string, unknown>) => registerAndRead(life.api, FIRST, body);
    const anna = person("Anna");
    const colleague = `colleague${++counter}.${Date.now()}@logco.example`;
    const ben = person("Ben");
    const wait = person("Wait", { waitlist: true });

    const group = await register({ ...anna, colleagues: [colleague] });
    expect(group.json.seats).toBe(2);
    const bens = await register(ben);
    expect(bens.json.status).toBe("confirmed");
    const waits = await register(wait);
    expect(waits.json.status).toBe("waitlisted");
    // Ben gives his seat back: the one waiting gets it.
    life.clock.set("2026-11-30T07:00:00Z");
    expect((await life.api.call("POST", `/api/registrations/${bens.json.id}/cancel`, { token: tokenOf(bens.json.manageUrl) })).status).toBe(200);

    // Each reminder when it is due (a reminder delivered past its deadline is skipped, not sent).
    for (const time of ["2026-11-30T16:00:00Z", "2026-12-01T15:00:00Z", "2026-12-01T15:55:00Z"]) {
      life.clock.set(time);
      await life.runner.drain();
    }
    life.clock.set("2026-12-01T16:50:00Z");
    const csv = ["Name (Original Name),User Email,Duration (Minutes)", `Anna,${anna.email},30`, `Anna,${anna.email},12`, `Wait,${wait.email},10`].join("\n");
    const attendance = await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" });
    expect(attendance.json).toEqual({ stayed: [anna.email], leftEarly: [wait.email], noShows: [colleague], unknown: [] });
    // The same export uploaded again later logs nothing twice.
    life.clock.set("2026-12-01T16:55:00Z");
    expect((await life.api.call("POST", `/api/webinars/${FIRST}/attendance`, csv, { ...HOST, "content-type": "text/csv" })).status).toBe(200);
    life.clock.set("2026-12-01T18:45:00Z"); // the feedback requests
    await life.runner.drain();
    const [request] = await mailsTo(anna.email, /^How was/);
    const ratingLink = linksIn(request!).find((link) => link.includes("feedback.html") && /rating=5[&#]/.test(link))!;
    expect((await life.api.call("POST", "/api/feedback", { token: tokenOf(ratingLink), rating: 5 })).status).toBe(200);

    const registrations = await Promise.all([group, bens, waits].map((r) => life.api.deps.webinars.getRegistration(r.json.id)));
    const [annaLead, colleagueLead] = registrations[0]!.members.map((member) => member.leadId);
    const benLead = registrations[1]!.members[0]!.leadId;
    const waitLead = registrations[2]!.members[0]!.leadId;
    const reminders = ["reminder_sent", "reminder_sent", "reminder_sent"];

    // Nobody acted on Anna's call-back prompt before the feedback time: it was escalated, on her log too.
    const annas = await logOf(life, annaLead!);
    expect(kinds(annas)).toEqual(["registered", "invite_sent", ...reminders, "attended", "call_prompted", "escalated", "feedback_requested", "feedback"].sort());
    expect(ofKind(annas, "registered")).toEqual([{ sessionId: FIRST, registrationId: group.json.id }]);
    expect(ofKind(annas, "reminder_sent").map((d) => d.minutesBefore).sort((a, b) => Number(a) - Number(b))).toEqual([10, 60, 1440]);
    expect(ofKind(annas, "attended")).toEqual([{ sessionId: FIRST, minutes: 42, stayed: true }]);
    expect(ofKind(annas, "call_prompted")[0]).toMatchObject({ reason: "after-webinar", attempt: 1 });
    expect(ofKind(annas, "feedback")).toEqual([{ rating: 5 }]);

    const colleagues = await logOf(life, colleagueLead!);
    // A no-show is not thanked for joining: the replay offer (sent once, at attendance) is all.
    expect(kinds(colleagues)).toEqual(["registered", "invite_sent", ...reminders, "no_show", "replay_sent"].sort());
    expect(ofKind(colleagues, "registered")).toEqual([{ sessionId: FIRST, registrationId: group.json.id, invitedBy: anna.email }]);
    expect(ofKind(colleagues, "replay_sent")).toEqual([{ sessionId: FIRST }]);

    const bens2 = await logOf(life, benLead);
    expect(kinds(bens2)).toEqual(["registered", "invite_sent", "registration_cancelled", "cancellation_sent"].sort());
    expect(ofKind(bens2, "cancellation_sent")).toEqual([{ sessionId: FIRST, sequence: 1 }]);

    const waits2 = await logOf(life, waitLead);
    expect(kinds(waits2)).toEqual(["waitlisted", "waitlist_confirmation_sent", "promoted_from_waitlist", "invite_sent", ...reminders, "attended", "feedback_requested"].sort());
    expect(ofKind(waits2, "attended")).toEqual([{ sessionId: FIRST, minutes: 10, stayed: false }]);
    // Nobody's log holds another person's session events.
    for (const log of [annas, colleagues, bens2, waits2]) {
      for (const event of log) if ("sessionId" in event.data) expect(event.data.sessionId).toBe(FIRST);
    }

    // The insights count them: four seated (Ben until he cancelled, the waiting one once promoted), one of them
    // a colleague, so three registrations; Anna and the one promoted attended, Anna alone stayed engaged.
    for (const leadId of [annaLead!, colleagueLead!, benLead, waitLead]) await refreshLeadInsights(life.api.deps.insights, leadId);
    const insights = await life.api.call("GET", "/api/insights?from=2026-11-30&to=2026-12-01&timeZone=Europe/London&groupBy=day", undefined, HOST);
    expect(insights.json.totals).toMatchObject({
      webinarRegistered: 4, webinarRegistrations: 3, webinarColleagues: 1, colleaguesPerRegistration: 1 / 3,
      webinarAttended: 2, webinarStayedEngaged: 1, webinarAttendanceRate: 0.5, webinarEngagedShare: 0.5,
    });
    // Seated on Monday, attended on Tuesday (the session's end).
    expect(insights.json.series.map((day: Record<string, unknown>) => [day.key, day.webinarRegistered, day.webinarAttended])).toEqual([["2026-11-30", 4, 0], ["2026-12-01", 0, 2]]);
  });
});
