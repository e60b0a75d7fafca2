// Use case part: the texts (SMS) a prospect gets, as outbox items — the reminder before a demo or a webinar
// session and the "sorry I missed you" after an unanswered call — each only when texting is on and the lead
// agreed to texts (its smsConsent, given on any request: the number it gave then). The outbox's send-text.ts keeps opt-outs and quiet hours.

import { prospectLanguage, type Booking, type Lead } from "../../core/bookings/booking";
import { composeDemoReminderText, composeMissedCallText, composeSessionReminderText } from "../../core/texts/text-messages";
import type { TextReminderPlan } from "../../core/bookings/timer-plan";
import type { OutboxText } from "../../ports/outbox";
import type { Registration } from "../../ports/webinar-store";
import type { UseCaseDependencies } from "../use-case-dependencies";
import type { SessionInfo } from "../webinars/webinar-sessions";

const HOUR = 3_600_000;
/** A "sorry I missed you" held up (quiet hours, an SMS outage) is not sent a day later. */
const MISSED_CALL_TEXT_VALID_MS = 24 * HOUR;

/** A booking whose request agreed to texts gets the reminder text (config texts.reminderMinutesBefore), in the booker's zone. */
export function textReminderPlan(deps: UseCaseDependencies, booking: Booking): TextReminderPlan | undefined {
  return booking.textReminder ? { minutesBefore: deps.catalogue.config.texts.reminderMinutesBefore, timeZone: booking.timeZone } : undefined;
}

/** The reminder text of a booking, to the number the lead agreed to texts on; none without that consent. */
export async function demoReminderText(deps: UseCaseDependencies, booking: Booking, timer: { minutesBefore: number; notAfter?: number }): Promise<OutboxText | undefined> {
  if (!deps.texts.enabled) return undefined;
  const lead = await deps.store.getLead(booking.leadId);
  const consent = lead?.smsConsent;
  if (!lead || !consent) return undefined;
  const config = deps.catalogue.config;
  const body = composeDemoReminderText(deps.clock.now(), {
    language: prospectLanguage(booking.prospect),
    timeZone: booking.timeZone,
    start: new Date(booking.start),
    minutesBefore: timer.minutesBefore,
    company: config.company.name,
    joinUrl: booking.joinUrl,
    offeringTitle: deps.catalogue.offering(booking.offeringId).title,
    repName: deps.catalogue.rep(booking.repId).name,
  });
  return {
    type: "text",
    owner: { kind: "booking", id: booking.id },
    key: `text-reminder-v${booking.version}`,
    to: consent.phone,
    body,
    timeZone: booking.timeZone,
    category: "reminder",
    ...(timer.notAfter !== undefined ? { notAfter: timer.notAfter } : {}),
    logAs: { leadId: lead.id, kind: "text_sent", data: { text: "reminder", bookingId: booking.id } },
  };
}

/** After a call logged as voicemail or no answer (config texts.missedCallFollowUp): who called, and where to pick a time. */
export function missedCallText(deps: UseCaseDependencies, lead: Lead, call: { repId: string; promptId: string }, now: Date): OutboxText | undefined {
  const config = deps.catalogue.config;
  const consent = lead.smsConsent;
  if (!deps.texts.enabled || !config.texts.missedCallFollowUp || !consent) return undefined;
  const body = composeMissedCallText({
    language: prospectLanguage(lead.prospect),
    repName: deps.catalogue.rep(call.repId).name,
    company: config.company.name,
    bookingPageUrl: `${deps.publicUrl.replace(/\/+$/, "")}/`,
  });
  return {
    type: "text",
    owner: { kind: "lead", id: lead.id },
    key: `text-missed-${call.promptId}`,
    to: consent.phone,
    body,
    timeZone: lead.timeZone,
    category: "follow-up",
    notAfter: now.getTime() + MISSED_CALL_TEXT_VALID_MS,
    logAs: { leadId: lead.id, kind: "text_sent", data: { text: "missed-call", promptId: call.promptId } },
  };
}

/**
 * The reminder text of a session to each seated attendee whose lead agreed to texts, in their registration's
 * zone (its quiet hours) and their lead's language; keyed per person and sequence, so a second delivery of
 * the timer sends nothing again.
 */
export async function sessionReminderTexts(deps: UseCaseDependencies, info: SessionInfo, registrations: readonly Registration[], timer: { minutesBefore: number; notAfter?: number }): Promise<OutboxText[]> {
  if (!deps.texts.enabled) return [];
  const config = deps.catalogue.config;
  const seated = registrations.flatMap((registration) => registration.members.flatMap((member, index) => (member.status === "confirmed" ? [{ registration, leadId: member.leadId, index }] : [])));
  const texts = await Promise.all(
    seated.map(async ({ registration, leadId, index }): Promise<OutboxText | undefined> => {
      const lead = await deps.store.getLead(leadId);
      const consent = lead?.smsConsent;
      if (!lead || !consent) return undefined;
      const body = composeSessionReminderText(deps.clock.now(), {
        language: prospectLanguage(lead.prospect),
        timeZone: registration.timeZone,
        start: new Date(info.start),
        minutesBefore: timer.minutesBefore,
        company: config.company.name,
        joinUrl: info.session.joinUrl,
        title: info.webinar.title,
      });
      return {
        type: "text",
        owner: { kind: "registration", id: registration.id },
        key: `text-reminder-s${info.sequence}-${index}`,
        to: consent.phone,
        body,
        timeZone: registration.timeZone,
        category: "reminder",
        ...(timer.notAfter !== undefined ? { notAfter: timer.notAfter } : {}),
        logAs: { leadId: lead.id, kind: "text_sent", data: { text: "session-reminder", sessionId: info.session.id } },
      };
    }),
  );
  return texts.filter((text) => text !== undefined);
}
