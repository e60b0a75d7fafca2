// Use case: a timer fired (EventBridge Scheduler in AWS, the runner locally). Delivery is at least once
// and may be late: every booking timer re-reads the booking and does nothing when it was cancelled or
// moved since (its version differs); every effect goes through the outbox under a deterministic key, so a
// second delivery sends nothing. A timer past its deadline has no effect and is logged in the lead's
// history as skipped; a call-back delivered outside the lead's calling hours comes back at the next window.

import { composedMail } from "../../core/messages/outbox-items";
import type { Booking } from "../../core/bookings/booking";
import { colleagueFeedbackUrl, feedbackUrl, unsubscribeUrls } from "../../core/bookings/lifecycle-links";
import { composeEscalation, composeFeedbackRequest, composePrepNote, composeReminder, type DemoView } from "../../core/bookings/lifecycle-messages";
import { insideCallingHours, nextCallingTime } from "../../core/calls/calling-hours";
import { deferredCallTimer, pastDeadline, promptId, type TimerPayload } from "../../core/bookings/timer-plan";
import type { OutboxItem, OutboxMail } from "../../ports/outbox";
import { fairestRepOf, leadView, startCallPrompt } from "../calls/call-prompts";
import { CALL_BACK_POOL } from "../workspace/console-queue";
import { bookingDemoView } from "../bookings/invitation-input";
import { endRing, type RingOutcome } from "../calls/instant-calls";
import { retryWebhook } from "../webhooks/deliver-webhooks";
import { sweepOutbox } from "../messages/process-outbox";
import { sessionTimer } from "../webinars/session-timers";
import { demoReminderText } from "../texts/texts";
import { logSkipped } from "./skipped-timers";
import { promptAttendeeCall } from "../webinars/webinar-hosting";
import { sessionInfo } from "../webinars/webinar-sessions";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

/** What the timer did, for the log and the tests. */
export type TimerOutcome = "sent" | "prompted" | "escalated" | "swept" | "stale" | "duplicate" | "not-needed" | "skipped" | "deferred" | RingOutcome;

export async function fireTimer(deps: UseCaseDependencies, payload: TimerPayload): Promise<TimerOutcome> {
  switch (payload.kind) {
    case "webinar-call-back":
      return webinarCallBack(deps, payload);
    case "reminder":
    case "text-reminder":
    case "rep-prep":
    case "call-back":
    case "feedback":
      return bookingTimer(deps, payload);
    case "lead-call-back":
      return leadCallBack(deps, payload);
    case "call-attempt":
      return callAttempt(deps, payload.leadId, payload.chain, payload.attempt);
    case "escalation":
      return escalate(deps, payload.leadId, payload.promptId);
    case "session-reminder":
    case "session-host-list":
    case "session-feedback":
    case "session-text-reminder":
      return sessionTimer(deps, payload);
    case "instant-ring":
      return endRing(deps, payload.callId, payload.ring);
    case "webhook-retry":
      return retryWebhook(deps, { endpointId: payload.endpointId, createdAt: payload.createdAt, id: payload.deliveryId }, payload.attempt);
    case "outbox-sweep":
      await sweepOutbox(deps);
      return "swept";
  }
}

type BookingTimer = Extract<TimerPayload, { bookingId: string }>;

async function bookingTimer(deps: UseCaseDependencies, payload: BookingTimer): Promise<TimerOutcome> {
  const booking = await deps.store.getBooking(payload.bookingId);
  if (!booking || booking.status !== "confirmed" || booking.version !== payload.version) {
    deps.log("info", "stale timer ignored", { kind: payload.kind, bookingId: payload.bookingId, timerVersion: payload.version, bookingVersion: booking?.version, status: booking?.status });
    return "stale";
  }
  if (payload.kind !== "call-back" && pastDeadline(payload, deps.clock.now().getTime())) {
    await logSkipped(deps, [booking.leadId], payload, `${payload.kind}${payload.kind === "reminder" ? `-${payload.minutesBefore}` : ""}-v${booking.version}`);
    return "skipped";
  }
  if (payload.kind === "text-reminder") {
    // No consent (or texting off): no text.
    const text = await demoReminderText(deps, booking, payload);
    return text ? sendOnce(deps, [text]) : "not-needed";
  }
  if (payload.kind === "call-back") {
    const lead = await deps.store.getLead(booking.leadId);
    if (!lead || lead.closedAt) return "not-needed";
    if (await deferredToCallingHours(deps, payload, lead.id, booking.timeZone, booking.offeringId)) return "deferred";
    const offering = deps.catalogue.offering(booking.offeringId);
    const started = await startCallPrompt(deps, {
      lead,
      repId: booking.repId,
      chain: booking.id,
      attempt: 1,
      reason: "after-demo",
      bookingId: booking.id,
      demo: { start: new Date(booking.start), offeringTitle: offering.title },
    });
    return started ? "prompted" : "duplicate";
  }
  return sendOnce(deps, bookingMails(deps, booking, payload));
}

/** The booker's mail, and for a private team demo each invited colleague's own reminder and feedback request. */
function bookingMails(deps: UseCaseDependencies, booking: Booking, payload: BookingTimer): OutboxMail[] {
  const mails = [bookingMail(deps, booking, payload)];
  if (payload.kind !== "reminder" && payload.kind !== "feedback") return mails;
  return [...mails, ...(booking.colleagues ?? []).map((email, index) => colleagueMail(deps, booking, payload, email, index))];
}

/**
 * A colleague's reminder or feedback request: their own address, no manage link (the booking is the booker's),
 * in the booker's language (the one the colleagues' invitations were written in).
 */
function colleagueMail(deps: UseCaseDependencies, booking: Booking, payload: Extract<BookingTimer, { kind: "reminder" | "feedback" }>, email: string, index: number): OutboxMail {
  const now = deps.clock.now();
  const config = deps.catalogue.config;
  const context = messageContext(deps, now);
  const demo: DemoView = { ...bookingDemoView(deps, booking), manageUrl: "", prospect: { name: "", email, timeZone: booking.timeZone, locale: booking.prospect.locale } };
  const base = { type: "mail" as const, owner: { kind: "booking" as const, id: booking.id }, from: config.sender.email };
  const unsubscribe = unsubscribeUrls(deps.publicUrl, deps.signingSecret, now, email, booking.prospect.locale);
  if (payload.kind === "reminder") {
    const mail = composeReminder(context, demo, { minutesBefore: payload.minutesBefore, unsubscribeUrl: unsubscribe.oneClick, unsubscribePageUrl: unsubscribe.page });
    return { ...base, key: `reminder-${payload.minutesBefore}-v${booking.version}-c${index}`, ...composedMail(mail), category: "engagement", logAs: { leadId: booking.leadId, kind: "reminder_sent", data: { minutesBefore: payload.minutesBefore, to: "colleague" } } };
  }
  const mail = composeFeedbackRequest(context, demo, {
    ratingUrl: (rating) => colleagueFeedbackUrl(deps.publicUrl, deps.signingSecret, now, booking.id, index, rating, booking.prospect.locale),
    unsubscribeUrl: unsubscribe.oneClick,
    unsubscribePageUrl: unsubscribe.page,
  });
  return { ...base, key: `feedback-v${booking.version}-c${index}`, ...composedMail(mail), category: "engagement", logAs: { leadId: booking.leadId, kind: "feedback_requested", data: { to: "colleague" } } };
}

/** The reminder, prep note or feedback request of a booking, as an outbox item keyed by kind and version. */
function bookingMail(deps: UseCaseDependencies, booking: Booking, payload: BookingTimer): OutboxMail {
  const now = deps.clock.now();
  const config = deps.catalogue.config;
  const context = messageContext(deps, now);
  const demo = bookingDemoView(deps, booking);
  const owner = { kind: "booking" as const, id: booking.id };
  const base = { type: "mail" as const, owner, from: config.sender.email };
  const unsubscribe = unsubscribeUrls(deps.publicUrl, deps.signingSecret, now, booking.prospect.email, booking.prospect.locale);
  if (payload.kind === "reminder") {
    const email = composeReminder(context, demo, { minutesBefore: payload.minutesBefore, unsubscribeUrl: unsubscribe.oneClick, unsubscribePageUrl: unsubscribe.page });
    return { ...base, key: `reminder-${payload.minutesBefore}-v${booking.version}`, ...composedMail(email), category: "engagement", logAs: { leadId: booking.leadId, kind: "reminder_sent", data: { minutesBefore: payload.minutesBefore } } };
  }
  if (payload.kind === "rep-prep") {
    const email = composePrepNote(context, demo);
    return { ...base, key: `prep-v${booking.version}`, ...composedMail(email), category: "transactional", logAs: { leadId: booking.leadId, kind: "prep_sent" } };
  }
  const email = composeFeedbackRequest(context, demo, {
    ratingUrl: (rating) => feedbackUrl(deps.publicUrl, deps.signingSecret, now, booking.id, rating, booking.prospect.locale),
    unsubscribeUrl: unsubscribe.oneClick,
    unsubscribePageUrl: unsubscribe.page,
  });
  return { ...base, key: `feedback-v${booking.version}`, ...composedMail(email), category: "engagement", logAs: { leadId: booking.leadId, kind: "feedback_requested" } };
}

/** Enqueues the mails (or text) unless they were already (a duplicate delivery); the outbox function sends them. */
async function sendOnce(deps: UseCaseDependencies, mails: readonly OutboxItem[]): Promise<TimerOutcome> {
  const created = await deps.outbox.enqueue(mails, deps.clock.now());
  if (created.length === 0) return "duplicate";
  return "sent";
}

/**
 * Speed to lead: the contact request was not booked in time — the fairest rep of its pool calls. One
 * person is one lead, so "booked" means booked since this request, and a lead already in a rep's queue
 * (an earlier request's call-back still open) is not put there twice.
 */
async function leadCallBack(deps: UseCaseDependencies, payload: Extract<TimerPayload, { kind: "lead-call-back" }>): Promise<TimerOutcome> {
  const { leadId } = payload;
  const lead = await deps.store.getLead(leadId);
  if (!lead || lead.closedAt) return "not-needed";
  if (lead.lastBookingId && (await bookedSince(deps, lead.lastBookingId, payload.requestedAt))) return "not-needed";
  // A rep took their "call me now" since the request: they were called already.
  const claimedAt = await deps.instantCalls.lastClaimOf(leadId);
  if (claimedAt !== undefined && (payload.requestedAt === undefined || claimedAt >= payload.requestedAt)) return "not-needed";
  const chain = payload.chain ?? "lead";
  const open = await deps.leadLog.openPromptsOf(leadId);
  if (open.some((prompt) => prompt.promptId !== promptId(chain, 1))) return "not-needed";
  if (await deferredToCallingHours(deps, payload, leadId, lead.timeZone, lead.offeringId)) return "deferred";
  const offering = deps.catalogue.offering(lead.offeringId);
  const repId = await fairestRepOf(deps, lead.routing?.pool ?? deps.catalogue.poolIds(offering), offering.fairnessWindowDays);
  const started = await startCallPrompt(deps, { lead, repId, chain, attempt: 1, reason: "unbooked-request" });
  return started ? "prompted" : "duplicate";
}

/** Whether the lead's latest booking was made at or after the request (a timer without its time: any booking). */
async function bookedSince(deps: UseCaseDependencies, bookingId: string, requestedAt: number | undefined): Promise<boolean> {
  if (requestedAt === undefined) return true;
  const booking = await deps.store.getBooking(bookingId);
  return booking !== undefined && Date.parse(booking.createdAt) >= requestedAt;
}

/** The next attempt of a chain after voicemail or no answer: the same rep is prompted again. */
async function callAttempt(deps: UseCaseDependencies, leadId: string, chain: string, attempt: number): Promise<TimerOutcome> {
  const lead = await deps.store.getLead(leadId);
  if (!lead || lead.closedAt) return "not-needed";
  const previous = await deps.leadLog.getPrompt(leadId, promptId(chain, attempt - 1));
  if (!previous) return "not-needed";
  if (await deferredToCallingHours(deps, { kind: "call-attempt", leadId, chain, attempt }, leadId, lead.timeZone, lead.offeringId)) return "deferred";
  const started = await startCallPrompt(deps, { lead, repId: previous.repId, chain, attempt, reason: "retry", bookingId: previous.bookingId });
  return started ? "prompted" : "duplicate";
}

/** A prompt nobody acted on goes, once, to the manager. */
async function escalate(deps: UseCaseDependencies, leadId: string, id: string): Promise<TimerOutcome> {
  const prompt = await deps.leadLog.getPrompt(leadId, id);
  if (!prompt || prompt.status !== "open" || prompt.escalated) return "not-needed";
  // A manager handed it to the team's pool (deactivating its rep): every rep's queue shows it overdue already.
  if (prompt.repId === CALL_BACK_POOL) return "not-needed";
  const config = deps.catalogue.config;
  const managerEmail = config.followUps.managerEmail;
  if (!managerEmail) {
    deps.log("warn", "prompt not acted on, and no manager to tell (followUps.managerEmail)", { leadId, promptId: id });
    return "not-needed";
  }
  const lead = await deps.store.getLead(leadId);
  if (!lead) return "not-needed";
  const now = deps.clock.now();
  const rep = deps.catalogue.rep(prompt.repId);
  const email = composeEscalation(
    messageContext(deps, now),
    {
      managerEmail,
      // A manager who is also a rep in the config reads it in their language.
      managerLanguage: config.reps.find((each) => each.email.toLowerCase() === managerEmail.toLowerCase())?.language,
      rep: { name: rep.name, email: rep.email },
      lead: leadView(lead),
      attempt: prompt.attempt,
      promptDueAt: new Date(prompt.dueAt),
      promptId: id,
    },
  );
  const mail: OutboxMail = { type: "mail", owner: { kind: "lead", id: leadId }, key: `escalation-${id}`, from: config.sender.email, ...composedMail(email), category: "transactional", logAs: { leadId, kind: "escalated", data: { promptId: id } } };
  if (!(await deps.leadLog.escalate(leadId, id, [mail], now))) return "duplicate";
  return "escalated";
}

/**
 * A call-back that fires outside the lead's calling hours (delivered late, or the local clock moved past
 * the window) is scheduled again at the start of the next window: true when it was.
 */
async function deferredToCallingHours(deps: UseCaseDependencies, payload: TimerPayload, leadId: string, timeZone: string, offeringId: string): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const hours = deps.catalogue.callingHours(offeringId);
  if (insideCallingHours(now, timeZone, hours)) return false;
  const timer = deferredCallTimer(payload, nextCallingTime(now, timeZone, hours));
  await deps.outbox.enqueue([{ type: "timers", owner: { kind: "lead", id: leadId }, key: `deferred-${timer.name}`, schedule: [timer], cancel: [] }], deps.clock.now());
  deps.log("info", "call-back outside the lead's calling hours deferred", { leadId, kind: payload.kind, dueAt: new Date(timer.fireAt).toISOString() });
  return true;
}

/** A webinar attendee who stayed, prompted at the start of their calling window. */
async function webinarCallBack(deps: UseCaseDependencies, payload: Extract<TimerPayload, { kind: "webinar-call-back" }>): Promise<TimerOutcome> {
  const lead = await deps.store.getLead(payload.leadId);
  if (!lead || lead.closedAt) return "not-needed";
  const info = await sessionInfo(deps, payload.sessionId);
  if (await deferredToCallingHours(deps, payload, lead.id, lead.timeZone, info.webinar.id)) return "deferred";
  return (await promptAttendeeCall(deps, info, lead, payload.registrationId, payload.minutesAttended)) ? "prompted" : "duplicate";
}
