// The console's words: which outcomes a call-back offers, why it is queued, what a tap led to, and a
// lead's history as plain lines.
import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../../../functions/handlers/http/api-schemas";
import { describeEvent, erasureText, figureLeadsText, lateness, OUTCOME_LABELS, outcomeResultText, outcomesFor, reasonText } from "../../../web/src/console/console-labels";

const lead = { name: "Pat Smith", timeZone: "Europe/Paris" };

describe("console labels", () => {
  it("offers attendance only on a call-back after a demo, and every call outcome the API accepts", () => {
    expect(outcomesFor({ kind: "after-demo", bookingId: "b1" })).toEqual(["attended", "no_show", "voicemail", "no_answer", "reached", "converted", "wants_another_demo", "not_interested", "wrong_number"]);
    expect(outcomesFor({ kind: "retry", bookingId: "b1" })).not.toContain("attended");
    expect(outcomesFor({ kind: "unbooked-request" })).toEqual(["voicemail", "no_answer", "reached", "converted", "wants_another_demo", "not_interested", "wrong_number"]);
    expect([...outcomesFor({ kind: "after-demo", bookingId: "b1" })].sort()).toEqual([...OUTCOMES].sort());
    expect(Object.keys(OUTCOME_LABELS).sort()).toEqual([...OUTCOMES].sort());
  });

  it("says why a call-back is queued and which attempt it is", () => {
    expect(reasonText("after-demo", 1)).toBe("Call after the demo · attempt 1");
    expect(reasonText("retry", 2)).toBe("Try again · attempt 2");
    expect(reasonText("something_new", 3)).toBe("Something new · attempt 3");
  });

  it("marks a late call-back overdue, and says when the manager was told", () => {
    expect(lateness({ overdue: false, escalated: false })).toBeUndefined();
    expect(lateness({ overdue: true, escalated: false })).toBe("Overdue");
    expect(lateness({ overdue: true, escalated: true })).toBe("Overdue · escalated");
  });

  it("tells what a tap logged and what comes next", () => {
    expect(outcomeResultText({ outcome: "voicemail", lead: { name: "Pat Smith" }, next: { attempt: 2, dueAt: "2026-12-01T19:35:00.000Z" } }, lead, "America/Chicago")).toBe(
      "Voicemail logged for Pat Smith. Attempt 2 is scheduled for Tue, Dec 1, 8:35 PM Pat's time (Europe/Paris) · 1:35 PM yours.",
    );
    expect(outcomeResultText({ outcome: "no_answer", lead: { name: "Pat Smith" }, closed: "unreachable" }, lead, "UTC")).toBe("No answer logged for Pat Smith. That was the last attempt: the lead is closed as unreachable.");
    expect(outcomeResultText({ outcome: "converted", lead: { name: "Pat Smith" }, closed: "converted" }, lead, "UTC")).toBe("Converted logged for Pat Smith. The lead is closed (converted).");
    expect(outcomeResultText({ outcome: "attended", lead: { name: "Pat Smith" } }, lead, "UTC")).toBe("Attended logged for Pat Smith.");
  });

  it("describes history events, keeping free text apart as detail", () => {
    const reps = (id: string) => ({ maya: "Maya Johnson", priya: "Priya Raman" })[id] ?? id;
    expect(describeEvent({ at: "x", kind: "call_attempt", data: { outcome: "voicemail", attempt: 1, repId: "maya", note: "<script>x</script>" } }, reps)).toEqual({ title: "Call attempt 1: Voicemail (Maya Johnson)", detail: "<script>x</script>" });
    expect(describeEvent({ at: "x", kind: "note", data: { text: "Prefers mornings", repId: "maya", repName: "Maya Johnson" } })).toEqual({ title: "Note by Maya Johnson", detail: "Prefers mornings" });
    expect(describeEvent({ at: "x", kind: "reassigned", data: { repId: "priya", fromRepId: "maya" } }, reps)).toEqual({ title: "Call-back handed to Priya Raman" });
    expect(describeEvent({ at: "x", kind: "feedback", data: { rating: 4, comment: "Great" } })).toEqual({ title: "Gave feedback: 4 of 5", detail: "Great" });
    expect(describeEvent({ at: "x", kind: "attended", data: { sessionId: "s1" } })).toEqual({ title: "Attended (webinar)" });
    expect(describeEvent({ at: "x", kind: "booked", data: { bookingId: "b1" } })).toEqual({ title: "Booked a demo" });
    expect(describeEvent({ at: "x", kind: "booked", data: { bookingId: "b1", bookedBy: "lukas" } }, (id) => (id === "lukas" ? "Lukas Becker" : id))).toEqual({ title: "Demo booked for them by Lukas Becker" });
    expect(describeEvent({ at: "x", kind: "invite_sent" })).toEqual({ title: "E-mail sent: invitation" });
    expect(describeEvent({ at: "x", kind: "some_future_event" })).toEqual({ title: "Some future event" });
    expect(describeEvent({ at: "x", kind: "text_sent", data: { text: "missed-call" } })).toEqual({ title: "Text sent: sorry I missed you" });
    expect(describeEvent({ at: "x", kind: "text_reply", data: { body: "Thursday works" } })).toEqual({ title: "Replied by text", detail: "Thursday works" });
    expect(describeEvent({ at: "x", kind: "text_opted_out", data: { keyword: "STOP" } })).toEqual({ title: "Opted out of texts (STOP)" });
    expect(describeEvent({ at: "x", kind: "text_opted_in", data: { keyword: "START" } })).toEqual({ title: "Opted back in to texts (START)" });
    expect(describeEvent({ at: "x", kind: "text_sent", data: { text: "session-reminder" } })).toEqual({ title: "Text sent: webinar reminder" });
    expect(describeEvent({ at: "x", kind: "call_attempt", data: {} })).toEqual({ title: "Call attempt: Logged" });
  });

  it("says what an erasure did, counting in words", () => {
    expect(erasureText({ cancelledBookings: 1, cancelledSeats: 0, removed: 14, anonymised: 1 })).toBe("Erased. 1 upcoming demo and 0 webinar seats cancelled, 14 records deleted, 1 mention in others' records replaced.");
    expect(erasureText({ cancelledBookings: 2, cancelledSeats: 1, removed: 1, anonymised: 0 })).toBe("Erased. 2 upcoming demos and 1 webinar seat cancelled, 1 record deleted, 0 mentions in others' records replaced.");
  });

  it("says what the leads behind an insights figure are: the figure, the range in its zone, the rep, offering and source", () => {
    const names = (id: string) => ({ maya: "Maya Johnson" })[id] ?? id;
    expect(figureLeadsText({ figure: "noShows", from: "2026-11-01", to: "2026-11-30", timeZone: "UTC" })).toBe("No-shows · 2026-11-01 to 2026-11-30 (UTC)");
    expect(figureLeadsText({ figure: "callAttempts", from: "2026-11-01", to: "2026-11-30", timeZone: "UTC", rep: "maya", offering: "live-demo", source: "google" }, names)).toBe(
      "Call attempts · 2026-11-01 to 2026-11-30 (UTC) · Maya Johnson · offering live-demo · source google",
    );
    expect(figureLeadsText({ figure: "contactRequests", from: "2026-11-01", to: "2026-11-30", timeZone: "UTC", rep: "-" })).toContain("· not yet assigned");
  });
});
