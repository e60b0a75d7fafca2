// Core: which timers a booking, a lead or a webinar session needs, and when. Names are deterministic (and
// ≤ 64 characters, EventBridge Scheduler's limit), so creating one twice is harmless and cancelling one
// needs only its name. A timer carries the booking's version (a session's sequence): when it fires after a
// reschedule or cancel, it is stale. A timer that tells someone about a meeting also carries a deadline
// (`notAfter`, epoch ms): delivered later — a Scheduler retry hours late, a local clock moved forward in one
// jump — it has no effect, so "in 1 hour" never arrives three minutes before the start. Call-backs carry no
// deadline; they are due inside the lead's calling hours instead (calling-hours.ts).

import { createHash } from "node:crypto";
import { nextCallingTime } from "../calls/calling-hours";
import { reminderTextTime } from "../texts/quiet-hours";
import type { WeeklyHours } from "../availability/working-hours";

export type TimerPayload =
  | { kind: "reminder"; bookingId: string; version: number; minutesBefore: number; notAfter?: number }
  | { kind: "rep-prep"; bookingId: string; version: number; notAfter?: number }
  /** The reminder text of a booking whose lead agreed to texts; minutesBefore: from its (quiet-hours) time to the start. */
  | { kind: "text-reminder"; bookingId: string; version: number; minutesBefore: number; notAfter?: number }
  | { kind: "call-back"; bookingId: string; version: number }
  | { kind: "feedback"; bookingId: string; version: number; notAfter?: number }
  /** A contact request that has not turned into a booking (timers made before one person was one lead: no time, chain "lead"). */
  | { kind: "lead-call-back"; leadId: string; requestedAt?: number; chain?: string }
  /** The next call attempt of a chain of prompts. */
  | { kind: "call-attempt"; leadId: string; chain: string; attempt: number }
  /** A prompt nobody acted on. */
  | { kind: "escalation"; leadId: string; promptId: string }
  /** A webinar session: reminders to every attendee, the attendee list to its hosts, feedback requests. */
  | { kind: "session-reminder"; sessionId: string; sequence: number; minutesBefore: number; notAfter?: number }
  | { kind: "session-host-list"; sessionId: string; sequence: number; notAfter?: number }
  | { kind: "session-feedback"; sessionId: string; sequence: number; notAfter?: number }
  /** The reminder text to every seated attendee whose lead agreed to texts (config texts.reminderMinutesBefore). */
  | { kind: "session-text-reminder"; sessionId: string; sequence: number; minutesBefore: number; notAfter?: number }
  /** A webinar attendee who stayed, when attendance was recorded outside their calling hours. */
  | { kind: "webinar-call-back"; leadId: string; sessionId: string; registrationId: string; minutesAttended: number }
  /** A "call me now" request that has rung one rep for its ring time: hand it on, or tell the prospect nobody is free. */
  | { kind: "instant-ring"; callId: string; ring: number }
  /** A webhook delivery's next attempt (use-cases/webhooks/deliver-webhooks.ts); createdAt and ids make its key. */
  | { kind: "webhook-retry"; endpointId: string; createdAt: string; deliveryId: string; attempt: number }
  /** The outbox's periodic sweep: e-mails due for a retry. */
  | { kind: "outbox-sweep" };

export interface TimerSpec {
  name: string;
  /** Epoch ms. */
  fireAt: number;
  payload: TimerPayload;
}

export interface LifecycleTimes {
  remindersMinutesBefore: readonly number[];
  prepMinutesBefore: number;
  callBackMinutesAfterEnd: number;
  feedbackMinutesAfterEnd: number;
}

export interface TimedBooking {
  id: string;
  /** Epoch ms. */
  start: number;
  end: number;
  version: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A feedback request later than this after the meeting's end is no longer sent. */
export const FEEDBACK_DEADLINE_MS = 3 * DAY;

/**
 * The last moment a reminder sent `minutesBefore` the start still makes sense: a day-before reminder is
 * skipped when fewer than 2 hours remain, an hour-before one when fewer than 15 minutes remain, a shorter
 * one ("in 10 minutes") once the meeting has started.
 */
export function reminderDeadline(start: number, minutesBefore: number): number {
  if (minutesBefore >= 24 * 60) return start - 120 * MINUTE;
  if (minutesBefore >= 60) return start - 15 * MINUTE;
  return start;
}

/** A prep note or an attendee list is of no use after the start; a feedback request 3 days after the end. */
export function beforeStartDeadline(start: number): number {
  return start;
}

export function feedbackDeadline(end: number): number {
  return end + FEEDBACK_DEADLINE_MS;
}

/** True when a timer with a deadline is delivered after it: it must have no effect. */
export function pastDeadline(payload: TimerPayload, now: number): boolean {
  return "notAfter" in payload && payload.notAfter !== undefined && now > payload.notAfter;
}

/** The lead's calling hours: where a call-back falling outside them is moved to. */
export interface CallingWindow {
  /** The lead's zone. */
  timeZone: string;
  hours: WeeklyHours;
}

/** A booking whose lead agreed to texts: the reminder text's lead time (config texts) and the recipient's zone. */
export interface TextReminderPlan {
  minutesBefore: number;
  timeZone: string;
}

/**
 * Every timer a confirmed booking needs; reminders already past at `now` are skipped. The call-back is due
 * at the first moment inside the lead's calling hours at or after `callBackMinutesAfterEnd`. With `text`, the
 * reminder text too — moved earlier out of the recipient's quiet hours, or left out when it cannot be
 * (core/texts/quiet-hours.ts).
 */
export function bookingTimerPlan(booking: TimedBooking, times: LifecycleTimes, now: number, calling: CallingWindow, text?: TextReminderPlan): TimerSpec[] {
  const { id: bookingId, version } = booking;
  const timers: TimerSpec[] = times.remindersMinutesBefore.map((minutesBefore) => ({
    name: bookingTimerName(bookingId, `r${minutesBefore}`, version),
    fireAt: booking.start - minutesBefore * MINUTE,
    payload: { kind: "reminder", bookingId, version, minutesBefore, notAfter: reminderDeadline(booking.start, minutesBefore) },
  }));
  const callBackAt = nextCallingTime(booking.end + times.callBackMinutesAfterEnd * MINUTE, calling.timeZone, calling.hours);
  timers.push(
    { name: bookingTimerName(bookingId, "prep", version), fireAt: booking.start - times.prepMinutesBefore * MINUTE, payload: { kind: "rep-prep", bookingId, version, notAfter: beforeStartDeadline(booking.start) } },
    { name: bookingTimerName(bookingId, "callback", version), fireAt: callBackAt, payload: { kind: "call-back", bookingId, version } },
    { name: bookingTimerName(bookingId, "feedback", version), fireAt: booking.end + times.feedbackMinutesAfterEnd * MINUTE, payload: { kind: "feedback", bookingId, version, notAfter: feedbackDeadline(booking.end) } },
  );
  const textAt = text && reminderTextTime(booking.start - text.minutesBefore * MINUTE, text.timeZone, now);
  if (text && textAt !== undefined) {
    const minutesBefore = Math.round((booking.start - textAt) / MINUTE);
    timers.push({ name: bookingTimerName(bookingId, "text", version), fireAt: textAt, payload: { kind: "text-reminder", bookingId, version, minutesBefore, notAfter: reminderDeadline(booking.start, text.minutesBefore) } });
  }
  return timers.filter((timer) => timer.payload.kind !== "reminder" || timer.fireAt > now);
}

/** The names bookingTimerPlan could have created for this version: what a reschedule or cancel deletes. */
export function bookingTimerNames(bookingId: string, version: number, times: LifecycleTimes, texted = false): string[] {
  return [
    ...times.remindersMinutesBefore.map((minutes) => bookingTimerName(bookingId, `r${minutes}`, version)),
    ...["prep", "callback", "feedback", ...(texted ? ["text"] : [])].map((kind) => bookingTimerName(bookingId, kind, version)),
  ];
}

function bookingTimerName(bookingId: string, kind: string, version: number): string {
  return `bk-${bookingId}-${kind}-v${version}`;
}

/** Speed to lead: `minutes` after the request, or at the start of the lead's next calling window. */
export function leadCallBackTimer(leadId: string, requestedAt: number, minutes: number, calling: CallingWindow): TimerSpec {
  const fireAt = nextCallingTime(requestedAt + minutes * MINUTE, calling.timeZone, calling.hours);
  // One person is one lead, asking maybe more than once: each request (to the second — a retry within
  // it is the same request) has a chain of its own.
  const chain = `r${Math.floor(requestedAt / 1000).toString(36)}`;
  return { name: `ld-${leadId}-cb-${chain}`, fireAt, payload: { kind: "lead-call-back", leadId, requestedAt, chain } };
}

/** A webinar attendee's call-back, deferred to the start of their next calling window. */
export function webinarCallBackTimer(leadId: string, sessionId: string, registrationId: string, minutesAttended: number, fireAt: number): TimerSpec {
  const hash = createHash("sha256").update(`${sessionId}|${registrationId}`).digest("base64url").slice(0, 12).replace(/[^A-Za-z0-9]/g, "x");
  return { name: `wc-${leadId}-${hash}`, fireAt, payload: { kind: "webinar-call-back", leadId, sessionId, registrationId, minutesAttended } };
}

/**
 * A call-back timer delivered outside the lead's calling hours (late, or by a clock moved forward) comes
 * back at the start of the next window under its own name, so it is created once however often delivered.
 */
export function deferredCallTimer(payload: TimerPayload, fireAt: number): TimerSpec {
  const hash = createHash("sha256").update(JSON.stringify(payload)).digest("base64url").slice(0, 16).replace(/[^A-Za-z0-9]/g, "x");
  return { name: `df-${hash}-${Math.floor(fireAt / MINUTE)}`, fireAt, payload };
}

/**
 * A chain of call attempts starts with a prompt — after a demo (chain: the booking id) or for an unbooked
 * contact request (chain "lead") — and continues after voicemail or no answer.
 */
export function callAttemptTimer(leadId: string, chain: string, attempt: number, fireAt: number): TimerSpec {
  return { name: `ld-${leadId}-${shortChain(chain)}-a${attempt}`, fireAt, payload: { kind: "call-attempt", leadId, chain, attempt } };
}

export function escalationTimer(leadId: string, promptId: string, fireAt: number): TimerSpec {
  return { name: `es-${leadId}-${promptId}`, fireAt, payload: { kind: "escalation", leadId, promptId } };
}

/** Ring `ring` of an instant call ends at `fireAt`; one name per ring, so a retried hand-off schedules it once. */
export function instantRingTimer(callId: string, ring: number, fireAt: number): TimerSpec {
  return { name: `ic-${callId}-${ring}`, fireAt, payload: { kind: "instant-ring", callId, ring } };
}

/** A prompt's id within its lead: the chain and the attempt ("lead.1", "3f2a9c1e.2"). */
export function promptId(chain: string, attempt: number): string {
  return `${shortChain(chain)}.${attempt}`;
}

/** Booking ids are UUIDs; 8 characters tell the chains of one lead apart and keep names short. */
function shortChain(chain: string): string {
  return chain === "lead" ? "lead" : chain.replace(/[^A-Za-z0-9]/g, "").slice(0, 8);
}

export interface SessionTimes {
  remindersMinutesBefore: readonly number[];
  hostListMinutesBefore: number;
  feedbackMinutesAfterEnd: number;
}

export interface TimedSession {
  id: string;
  start: number;
  end: number;
  sequence: number;
}

/**
 * A session's timers; ones already past at `now` are skipped (a late registration gets no old reminder). The
 * reminder text is one timer for all attendees, `textMinutesBefore` the start: each attendee's text keeps
 * their own quiet hours when it is sent, and is skipped when it would fall in them (it cannot move earlier
 * for one attendee alone).
 */
export function sessionTimerPlan(session: TimedSession, times: SessionTimes, now: number, textMinutesBefore: number): TimerSpec[] {
  const { id: sessionId, sequence } = session;
  const timers: TimerSpec[] = [
    ...times.remindersMinutesBefore.map((minutesBefore) => ({
      name: sessionTimerName(sessionId, `r${minutesBefore}`, sequence),
      fireAt: session.start - minutesBefore * MINUTE,
      payload: { kind: "session-reminder" as const, sessionId, sequence, minutesBefore, notAfter: reminderDeadline(session.start, minutesBefore) },
    })),
    { name: sessionTimerName(sessionId, "hosts", sequence), fireAt: session.start - times.hostListMinutesBefore * MINUTE, payload: { kind: "session-host-list", sessionId, sequence, notAfter: beforeStartDeadline(session.start) } },
    { name: sessionTimerName(sessionId, "feedback", sequence), fireAt: session.end + times.feedbackMinutesAfterEnd * MINUTE, payload: { kind: "session-feedback", sessionId, sequence, notAfter: feedbackDeadline(session.end) } },
    {
      name: sessionTimerName(sessionId, "text", sequence),
      fireAt: session.start - textMinutesBefore * MINUTE,
      payload: { kind: "session-text-reminder", sessionId, sequence, minutesBefore: textMinutesBefore, notAfter: reminderDeadline(session.start, textMinutesBefore) },
    },
  ];
  return timers.filter((timer) => timer.fireAt > now);
}

export function sessionTimerNames(sessionId: string, sequence: number, times: SessionTimes): string[] {
  return [...times.remindersMinutesBefore.map((minutes) => `r${minutes}`), "hosts", "feedback", "text"].map((kind) => sessionTimerName(sessionId, kind, sequence));
}

/** Session ids can be long (offering id + instant): a short hash keeps the name within 64 characters. */
function sessionTimerName(sessionId: string, kind: string, sequence: number): string {
  return `ws-${createHash("sha256").update(sessionId).digest("base64url").slice(0, 16).replace(/[^A-Za-z0-9]/g, "x")}-${kind}-s${sequence}`;
}
