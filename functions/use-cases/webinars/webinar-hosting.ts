// Use cases: a session's hosts — who is coming, attendance after the session (from the host's page or the
// platform's export), and moving or cancelling a session. Attendance decides the follow-up: people who
// stayed get a rep's call-back prompt, no-shows the replay and an offer of a 1:1 demo; all in each lead's log.

import { composedMail } from "../../core/messages/outbox-items";
import type { Lead } from "../../core/bookings/booking";
import { nextCallingTime } from "../../core/calls/calling-hours";
import { InvalidInput } from "../../core/errors";
import { bookingPageUrl } from "../../core/bookings/link-language";
import { unsubscribeUrls } from "../../core/bookings/lifecycle-links";
import { sessionTimerNames, sessionTimerPlan, webinarCallBackTimer } from "../../core/bookings/timer-plan";
import { composeReplayOffer } from "../../core/webinars/webinar-messages";
import type { LeadEvent } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import type { SessionState } from "../../ports/webinar-store";
import { fairestRepOf, startCallPrompt } from "../calls/call-prompts";
import { BookingChangedMeanwhile } from "../bookings/manage-booking";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { attendeesOf, registrationsOf, type Attendee } from "./webinar-fanout";
import { sessionView } from "./webinar-mail";
import { sessionInfo, type SessionInfo } from "./webinar-sessions";
import { messageContext } from "../messages/message-context";

const MINUTE = 60_000;


export async function sessionAttendees(deps: UseCaseDependencies, sessionId: string): Promise<{ info: SessionInfo; attendees: Attendee[] }> {
  const info = await sessionInfo(deps, sessionId);
  return { info, attendees: await attendeesOf(deps, await registrationsOf(deps, sessionId)) };
}

export interface AttendanceSummary {
  stayed: string[];
  leftEarly: string[];
  noShows: string[];
  unknown: string[];
}

/** Records attendance (minutes per address; absent = 0) and starts each person's follow-up, once. */
export async function recordAttendance(deps: UseCaseDependencies, sessionId: string, minutesByEmail: ReadonlyMap<string, number>): Promise<AttendanceSummary> {
  const { info, attendees } = await sessionAttendees(deps, sessionId);
  if (info.start > deps.clock.now().getTime()) throw new InvalidInput("attendees", "can be recorded once the session has started.", "session_not_started");
  const seated = attendees.filter((attendee) => attendee.status === "confirmed");
  const threshold = info.webinar.attendance.stayedShareAtLeast * ((info.end - info.start) / MINUTE);
  const summary: AttendanceSummary = { stayed: [], leftEarly: [], noShows: [], unknown: [] };
  const known = new Set(seated.map((attendee) => attendee.email));
  summary.unknown = [...minutesByEmail.keys()].filter((email) => !known.has(email)).sort();
  const at = new Date(info.end).toISOString();
  const events: LeadEvent[] = [];
  const outbox: OutboxItem[] = [];
  const prompts: Attendee[] = [];
  for (const attendee of seated) {
    const minutes = minutesByEmail.get(attendee.email) ?? 0;
    if (minutes <= 0) {
      summary.noShows.push(attendee.email);
      events.push({ leadId: attendee.leadId, at, kind: "no_show", ref: sessionId, data: { sessionId } });
      outbox.push(replayOffer(deps, info, attendee));
      continue;
    }
    // Whether they stayed engaged is the config's judgement of the day: the log keeps it for the figures.
    const stayed = minutes >= threshold;
    events.push({ leadId: attendee.leadId, at, kind: "attended", ref: sessionId, data: { sessionId, minutes, stayed } });
    if (stayed) {
      summary.stayed.push(attendee.email);
      prompts.push(attendee);
    } else summary.leftEarly.push(attendee.email);
  }
  await deps.leadLog.append(events);
  await deps.outbox.enqueue(outbox, deps.clock.now());
  for (const attendee of prompts) await promptCall(deps, info, attendee, minutesByEmail.get(attendee.email)!);
  deps.log("info", "webinar attendance recorded", { sessionId, stayed: summary.stayed.length, leftEarly: summary.leftEarly.length, noShows: summary.noShows.length, unknown: summary.unknown.length });
  return summary;
}

/**
 * Someone who stayed: a rep's call-back prompt now when it is inside their calling hours, else a timer at
 * the start of their next window (attendance is often recorded late in the host's evening).
 */
async function promptCall(deps: UseCaseDependencies, info: SessionInfo, attendee: Attendee, minutes: number): Promise<void> {
  const lead = await deps.store.getLead(attendee.leadId);
  if (!lead || lead.closedAt) return;
  const now = deps.clock.now().getTime();
  const hours = deps.catalogue.callingHours(info.webinar.id);
  const dueAt = nextCallingTime(now, lead.timeZone, hours);
  if (dueAt === now) {
    await promptAttendeeCall(deps, info, lead, attendee.registrationId, minutes);
    return;
  }
  const timer = webinarCallBackTimer(lead.id, info.session.id, attendee.registrationId, Math.round(minutes), dueAt);
  await deps.outbox.enqueue([{ type: "timers", owner: { kind: "lead", id: lead.id }, key: `webinar-call-back-${info.session.id}`, schedule: [timer], cancel: [] }], deps.clock.now());
}

/** Opens the attendee's call-back prompt (an e-mail follow-up task when they left no phone); false if it existed. */
export async function promptAttendeeCall(deps: UseCaseDependencies, info: SessionInfo, lead: Lead, registrationId: string, minutes: number): Promise<boolean> {
  const contact = deps.catalogue.contactOffering();
  const repId = await fairestRepOf(deps, lead.routing?.pool ?? deps.catalogue.poolIds(contact), contact.fairnessWindowDays);
  return startCallPrompt(deps, {
    lead,
    repId,
    chain: registrationId,
    attempt: 1,
    reason: "after-webinar",
    webinar: { title: info.webinar.title, start: new Date(info.start), end: new Date(info.end), minutesAttended: Math.round(minutes) },
  });
}

/** The recording and a 1:1 demo offer, to someone who did not attend; one per person (keyed by their place). */
export function replayOffer(deps: UseCaseDependencies, info: SessionInfo, attendee: Pick<Attendee, "name" | "email" | "leadId" | "registrationId" | "index" | "locale">, timeZone = info.session.timeZone): OutboxItem {
  const config = deps.catalogue.config;
  const now = deps.clock.now();
  const unsubscribe = unsubscribeUrls(deps.publicUrl, deps.signingSecret, now, attendee.email, attendee.locale);
  const email = composeReplayOffer(
    messageContext(deps, now),
    {
      session: sessionView(deps, info),
      person: { name: attendee.name === attendee.email ? undefined : attendee.name, email: attendee.email, timeZone, locale: attendee.locale },
      replayUrl: info.webinar.replayUrl?.replaceAll("{sessionId}", info.session.id),
      bookDemoUrl: bookingPageUrl(deps.publicUrl, attendee.locale),
      unsubscribeUrl: unsubscribe.oneClick,
      unsubscribePageUrl: unsubscribe.page,
    },
  );
  return { type: "mail", owner: { kind: "registration", id: attendee.registrationId }, key: `replay-${attendee.index}`, from: config.sender.email, ...composedMail(email), category: "engagement", logAs: { leadId: attendee.leadId, kind: "replay_sent", data: { sessionId: info.session.id } } };
}

export async function moveSession(deps: UseCaseDependencies, sessionId: string, start: number): Promise<SessionInfo> {
  const info = await sessionInfo(deps, sessionId);
  const now = deps.clock.now().getTime();
  if (info.cancelled || info.start <= now) throw new InvalidInput("start", "can no longer be changed: the session was cancelled or has started.", "too_late_to_change");
  if (start <= now) throw new InvalidInput("start", "must be in the future.");
  if (start === info.start) throw new InvalidInput("start", "is the session's current time.", "same_time");
  const next: SessionState = { sessionId, seatsTaken: info.seatsTaken, sequence: info.sequence + 1, status: "scheduled", start, end: start + (info.end - info.start) };
  await changeSession(deps, info, next, "update");
  return sessionInfo(deps, sessionId);
}

export async function cancelSession(deps: UseCaseDependencies, sessionId: string, reason?: string): Promise<SessionInfo> {
  const info = await sessionInfo(deps, sessionId);
  if (info.cancelled || info.start <= deps.clock.now().getTime()) throw new InvalidInput("sessionId", "can no longer be cancelled: it was cancelled already or has started.", "too_late_to_change");
  const next: SessionState = { sessionId, seatsTaken: info.seatsTaken, sequence: info.sequence + 1, status: "cancelled", start: info.start, end: info.end };
  await changeSession(deps, info, next, "cancel", reason);
  return sessionInfo(deps, sessionId);
}

/** The new state, the attendees' updates (one broadcast item) and the timers, in one write. */
async function changeSession(deps: UseCaseDependencies, info: SessionInfo, next: SessionState, change: "update" | "cancel", reason?: string): Promise<void> {
  const owner = { kind: "session" as const, id: info.session.id };
  const times = info.webinar.lifecycle;
  const outbox: OutboxItem[] = [
    { type: "broadcast", owner, key: `broadcast-s${next.sequence}`, sessionId: info.session.id, sequence: next.sequence, change, ...(reason ? { reason } : {}) },
    {
      type: "timers",
      owner,
      key: `timers-s${next.sequence}`,
      cancel: sessionTimerNames(info.session.id, info.sequence, times),
      schedule: change === "cancel" ? [] : sessionTimerPlan({ id: info.session.id, start: next.start!, end: next.end!, sequence: next.sequence }, times, deps.clock.now().getTime(), deps.catalogue.config.texts.reminderMinutesBefore),
    },
  ];
  try {
    await deps.webinars.changeSession({ sessionId: info.session.id, expectedSequence: info.sequence, state: next, outbox, now: deps.clock.now() });
  } catch (error) {
    if ((error as { name?: string }).name === "SessionFull") throw new BookingChangedMeanwhile();
    throw error;
  }
  deps.log("info", change === "cancel" ? "webinar session cancelled" : "webinar session moved", { sessionId: info.session.id, sequence: next.sequence });
}
