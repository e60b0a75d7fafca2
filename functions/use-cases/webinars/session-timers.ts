// Use case: a webinar session's timers — reminders to every seated attendee (and a text to those whose
// lead agreed to texts), the attendee list to the hosts, the feedback request to everyone after. Stale when the session moved or was cancelled since (its
// sequence differs); every message keyed per person and sequence, so a second delivery sends nothing; past
// its deadline a timer sends nothing and each seated attendee's lead logs it as skipped.

import { composedMail } from "../../core/messages/outbox-items";
import { unsubscribeUrls, webinarFeedbackUrl } from "../../core/bookings/lifecycle-links";
import { pastDeadline, type TimerPayload } from "../../core/bookings/timer-plan";
import { composeHostAttendeeList, composeWebinarFeedbackRequest, composeWebinarReminder } from "../../core/webinars/webinar-messages";
import { webinarHostPageUrl } from "../../core/webinars/session-calendar";
import type { OutboxItem } from "../../ports/outbox";
import type { Registration } from "../../ports/webinar-store";
import { logSkipped } from "../timers/skipped-timers";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { attendeesOf, registrationsOf, type Attendee } from "./webinar-fanout";
import { replayOffer } from "./webinar-hosting";
import { sessionView } from "./webinar-mail";
import { sessionInfo, type SessionInfo } from "./webinar-sessions";
import { messageContext } from "../messages/message-context";
import { sessionReminderTexts } from "../texts/texts";

type SessionTimer = Extract<TimerPayload, { sessionId: string; sequence: number }>;

export async function sessionTimer(deps: UseCaseDependencies, payload: SessionTimer): Promise<"sent" | "stale" | "duplicate" | "skipped" | "not-needed"> {
  const info = await sessionInfo(deps, payload.sessionId);
  if (info.cancelled || info.sequence !== payload.sequence) {
    deps.log("info", "stale session timer ignored", { kind: payload.kind, sessionId: payload.sessionId, timerSequence: payload.sequence, sequence: info.sequence });
    return "stale";
  }
  const registrations = await registrationsOf(deps, info.session.id);
  if (pastDeadline(payload, deps.clock.now().getTime())) {
    const leadIds = registrations.flatMap((registration) => registration.members.filter((member) => member.status === "confirmed").map((member) => member.leadId));
    const minutes = payload.kind === "session-reminder" || payload.kind === "session-text-reminder" ? `-${payload.minutesBefore}` : "";
    await logSkipped(deps, [...new Set(leadIds)], payload, `${payload.kind}${minutes}-s${info.sequence}-${info.session.id}`);
    return "skipped";
  }
  const attended = payload.kind === "session-feedback" ? await markedAttended(deps, info, registrations) : new Set<string>();
  const items =
    payload.kind === "session-text-reminder"
      ? await sessionReminderTexts(deps, info, registrations, payload)
      : payload.kind === "session-host-list"
        ? hostLists(deps, info, await attendeesOf(deps, registrations))
        : attendeeMessages(deps, info, registrations, payload, attended);
  if (items.length === 0) return "not-needed";
  const created = await deps.outbox.enqueue(items, deps.clock.now());
  if (created.length === 0) return "duplicate";
  return "sent";
}

/** The leads marked as attended this session (by the host's marks or the platform's export). */
async function markedAttended(deps: UseCaseDependencies, info: SessionInfo, registrations: readonly Registration[]): Promise<Set<string>> {
  const leadIds = registrations.flatMap((registration) => registration.members.filter((member) => member.status === "confirmed").map((member) => member.leadId));
  const logs = await Promise.all(leadIds.map(async (leadId) => ({ leadId, events: await deps.leadLog.events(leadId) })));
  return new Set(logs.filter(({ events }) => events.some((event) => event.kind === "attended" && event.ref === info.session.id)).map(({ leadId }) => leadId));
}

/**
 * Reminders to every seated person; after the session, "thank you for joining" only to those marked as
 * attended — everyone else gets the replay offer (under the key attendance uses, so never twice).
 */
function attendeeMessages(deps: UseCaseDependencies, info: SessionInfo, registrations: readonly Registration[], payload: Exclude<SessionTimer, { kind: "session-text-reminder" }>, attended: ReadonlySet<string>): OutboxItem[] {
  const config = deps.catalogue.config;
  const now = deps.clock.now();
  const context = messageContext(deps, now);
  const session = sessionView(deps, info);
  return registrations.flatMap((registration) =>
    registration.members.flatMap((member, index) => {
      if (member.status !== "confirmed") return [];
      const person = { name: member.name, email: member.email, timeZone: registration.timeZone, locale: registration.locale };
      const unsubscribe = unsubscribeUrls(deps.publicUrl, deps.signingSecret, now, member.email, registration.locale);
      const owner = { kind: "registration" as const, id: registration.id };
      if (payload.kind === "session-reminder") {
        const email = composeWebinarReminder(context, { session, person, minutesBefore: payload.minutesBefore, unsubscribeUrl: unsubscribe.oneClick, unsubscribePageUrl: unsubscribe.page });
        return [{ type: "mail" as const, owner, key: `reminder-${payload.minutesBefore}-s${info.sequence}-${index}`, from: config.sender.email, ...composedMail(email), category: "engagement" as const, logAs: { leadId: member.leadId, kind: "reminder_sent", data: { sessionId: info.session.id, minutesBefore: payload.minutesBefore } } }];
      }
      if (!attended.has(member.leadId)) return [replayOffer(deps, info, { name: member.name ?? member.email, email: member.email, leadId: member.leadId, registrationId: registration.id, index, locale: registration.locale }, registration.timeZone)];
      const email = composeWebinarFeedbackRequest(context, {
        session,
        person,
        ratingUrl: (rating) => webinarFeedbackUrl(deps.publicUrl, deps.signingSecret, now, registration.id, index, rating, registration.locale),
        unsubscribeUrl: unsubscribe.oneClick,
        unsubscribePageUrl: unsubscribe.page,
      });
      return [{ type: "mail" as const, owner, key: `feedback-s${info.sequence}-${index}`, from: config.sender.email, ...composedMail(email), category: "engagement" as const, logAs: { leadId: member.leadId, kind: "feedback_requested", data: { sessionId: info.session.id } } }];
    }),
  );
}

/** Each host gets who is coming (names, companies, what they asked to see) and how many wait. */
function hostLists(deps: UseCaseDependencies, info: SessionInfo, attendees: readonly Attendee[]): OutboxItem[] {
  const config = deps.catalogue.config;
  const context = messageContext(deps, deps.clock.now());
  const seated = attendees.filter((attendee) => attendee.status === "confirmed");
  const waitlisted = attendees.length - seated.length;
  return info.session.hosts.map((repId) => {
    const host = deps.catalogue.rep(repId);
    const email = composeHostAttendeeList(context, {
      session: sessionView(deps, info),
      host: { name: host.name, email: host.email, timeZone: host.timeZone, language: host.language },
      attendees: seated.map(({ name, email, company, interest }) => ({ name, email, ...(company ? { company } : {}), ...(interest ? { interest } : {}) })),
      waitlisted,
      hostPageUrl: webinarHostPageUrl(deps.publicUrl, info.session.id),
    });
    return { type: "mail" as const, owner: { kind: "session" as const, id: info.session.id }, key: `hosts-s${info.sequence}-${repId}`, from: config.sender.email, ...composedMail(email), category: "transactional" as const };
  });
}
