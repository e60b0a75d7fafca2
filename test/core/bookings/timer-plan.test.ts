// Tests: the timers' deadlines (a day-before reminder is worthless with under 2 hours left, an hour-before
// one with under 15 minutes, a prep note or attendee list after the start, a feedback request 3 days after
// the end) carried in every such timer, and the call-back planned inside the lead's calling hours.
import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_CALLING_HOURS } from "../../../functions/core/calls/calling-hours";
import { bookingTimerNames, bookingTimerPlan, leadCallBackTimer, pastDeadline, sessionTimerNames, sessionTimerPlan, type TimerPayload } from "../../../functions/core/bookings/timer-plan";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const START = at("2026-12-01T15:00:00Z"); // Tuesday 10:00 in New York
const END = START + 30 * MINUTE;
const TIMES = { remindersMinutesBefore: [1440, 60], prepMinutesBefore: 15, callBackMinutesAfterEnd: 5, feedbackMinutesAfterEnd: 120 };
const NEW_YORK = { timeZone: "America/New_York", hours: DEFAULT_WEEKLY_CALLING_HOURS };

function planned(start = START, end = END, calling = NEW_YORK) {
  const plan = bookingTimerPlan({ id: "b1", start, end, version: 1 }, TIMES, start - 3 * 24 * 60 * MINUTE, calling);
  return Object.fromEntries(plan.map((timer) => [timer.name.replace(/^bk-b1-|-v1$/g, ""), timer]));
}

const deadline = (payload: TimerPayload) => ("notAfter" in payload ? payload.notAfter : undefined);

describe("deadlines of a booking's timers", () => {
  it("every timer that tells someone about the meeting carries its deadline", () => {
    const timers = planned();
    expect(deadline(timers.r1440!.payload)).toBe(START - 120 * MINUTE);
    expect(deadline(timers.r60!.payload)).toBe(START - 15 * MINUTE);
    expect(deadline(timers.prep!.payload)).toBe(START);
    expect(deadline(timers.feedback!.payload)).toBe(END + 3 * 24 * 60 * MINUTE);
  });

  it("a delivery after the deadline is past it; one at the deadline is not", () => {
    const { r1440, r60 } = planned();
    expect(pastDeadline(r1440!.payload, START - 120 * MINUTE)).toBe(false);
    expect(pastDeadline(r1440!.payload, START - 119 * MINUTE)).toBe(true);
    // The clock jumping from a day before to five minutes before: neither reminder is due any more.
    expect(pastDeadline(r1440!.payload, START - 5 * MINUTE)).toBe(true);
    expect(pastDeadline(r60!.payload, START - 5 * MINUTE)).toBe(true);
    expect(pastDeadline(r60!.payload, START - 20 * MINUTE)).toBe(false);
  });

  it("a webinar's 10-minute reminder lasts until the start; the host list too; feedback 3 days; the text like an hour-before reminder", () => {
    const plan = sessionTimerPlan({ id: "w-1", start: START, end: END, sequence: 0 }, { remindersMinutesBefore: [1440, 60, 10], hostListMinutesBefore: 60, feedbackMinutesAfterEnd: 120 }, START - 3 * 24 * 60 * MINUTE, 60);
    expect(plan.map((timer) => deadline(timer.payload))).toEqual([START - 120 * MINUTE, START - 15 * MINUTE, START, START, END + 3 * 24 * 60 * MINUTE, START - 15 * MINUTE]);
  });

  it("a webinar session's reminder text: one timer, texts.reminderMinutesBefore before the start, cancelled with the others", () => {
    const times = { remindersMinutesBefore: [1440], hostListMinutesBefore: 60, feedbackMinutesAfterEnd: 120 };
    const plan = sessionTimerPlan({ id: "w-1", start: START, end: END, sequence: 2 }, times, START - 3 * 24 * 60 * MINUTE, 90);
    const text = plan.find((timer) => timer.payload.kind === "session-text-reminder")!;
    expect(text.fireAt).toBe(START - 90 * MINUTE);
    expect(text.payload).toEqual({ kind: "session-text-reminder", sessionId: "w-1", sequence: 2, minutesBefore: 90, notAfter: START - 15 * MINUTE });
    expect(sessionTimerNames("w-1", 2, times)).toContain(text.name);
    // Registered 80 minutes before: too late for the text.
    expect(sessionTimerPlan({ id: "w-1", start: START, end: END, sequence: 2 }, times, START - 80 * MINUTE, 90).some((timer) => timer.payload.kind === "session-text-reminder")).toBe(false);
  });
});

describe("call-backs planned inside the lead's calling hours", () => {
  it("a demo ending at 10:30 New York time: called back 5 minutes after", () => {
    expect(planned().callback!.fireAt).toBe(END + 5 * MINUTE);
  });

  it("a demo ending at 23:30 New York time: called back at 09:00 there the next weekday", () => {
    const start = at("2026-12-02T04:00:00Z"); // Tuesday 23:00 in New York
    expect(new Date(planned(start, start + 30 * MINUTE).callback!.fireAt).toISOString()).toBe("2026-12-02T14:00:00.000Z");
  });

  it("a contact request at 03:00 in the lead's zone: speed to lead at 09:00, not 15 minutes later", () => {
    const timer = leadCallBackTimer("lead-1", at("2026-12-01T08:00:00Z"), 15, NEW_YORK);
    expect(new Date(timer.fireAt).toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(leadCallBackTimer("lead-1", at("2026-12-01T15:00:00Z"), 15, NEW_YORK).fireAt).toBe(at("2026-12-01T15:15:00Z"));
  });
});

describe("a booking's reminder text", () => {
  const plan = (start: number, timeZone: string, now = start - 3 * 24 * 60 * MINUTE) =>
    bookingTimerPlan({ id: "b1", start, end: start + 30 * MINUTE, version: 1 }, TIMES, now, NEW_YORK, { minutesBefore: 60, timeZone }).find((timer) => timer.payload.kind === "text-reminder");

  it("is planned only for a booking that agreed to texts", () => {
    expect(bookingTimerPlan({ id: "b1", start: START, end: END, version: 1 }, TIMES, START - DAY, NEW_YORK).some((timer) => timer.payload.kind === "text-reminder")).toBe(false);
    expect(bookingTimerNames("b1", 1, TIMES)).not.toContain("bk-b1-text-v1");
    expect(bookingTimerNames("b1", 1, TIMES, true)).toContain("bk-b1-text-v1");
  });

  it("goes the configured minutes before, with the hour-before deadline", () => {
    expect(plan(START, "America/New_York")).toEqual({ name: "bk-b1-text-v1", fireAt: START - 60 * MINUTE, payload: { kind: "text-reminder", bookingId: "b1", version: 1, minutesBefore: 60, notAfter: START - 15 * MINUTE } });
  });

  it("moves out of the recipient's quiet hours to 20:59 the evening before, carrying the real lead time", () => {
    // 08:30 in New York (13:30Z): an hour before is 07:30, quiet; 20:59 the evening before is 01:59Z.
    const start = at("2026-12-01T13:30:00Z");
    expect(plan(start, "America/New_York")).toMatchObject({ fireAt: at("2026-12-01T01:59:00Z"), payload: { minutesBefore: 691 } });
  });

  it("is left out when the moved time has passed (booked at 22:00 for 08:30)", () => {
    const start = at("2026-12-01T13:30:00Z");
    expect(plan(start, "America/New_York", at("2026-12-01T03:00:00Z"))).toBeUndefined();
  });
});
