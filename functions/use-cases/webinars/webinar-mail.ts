// Use cases: a webinar's e-mails as outbox items — each attendee their own invitation (one ATTENDEE, their
// own UID), the waitlist confirmation, keyed per member and SEQUENCE so a retry never mails twice.

import { composedMail } from "../../core/messages/outbox-items";
import { composeWaitlistConfirmation, composeWebinarInvitation, type SessionView } from "../../core/webinars/webinar-messages";
import type { OutboxMail } from "../../ports/outbox";
import type { Registration, RegistrationMember } from "../../ports/webinar-store";
import type { UseCaseDependencies } from "../use-case-dependencies";
import type { SessionInfo } from "./webinar-sessions";
import { messageContext } from "../messages/message-context";

export type AttendeeChange = "new" | "update" | "cancel";

export function sessionView(deps: UseCaseDependencies, info: SessionInfo): SessionView {
  const host = deps.catalogue.rep(info.session.hosts[0]!);
  return {
    id: info.session.id,
    title: info.webinar.title,
    description: info.webinar.description,
    start: new Date(info.start),
    end: new Date(info.end),
    joinUrl: info.session.joinUrl,
    host: { name: host.name, email: host.email },
  };
}

/** A member's invitation SEQUENCE: the session's, plus their own cancels. */
export function memberSequence(info: SessionInfo, member: RegistrationMember): number {
  return info.sequence + member.sequenceOffset;
}

export interface AttendeeMailOptions {
  cancelReason?: string;
  nextSession?: { start: Date; registerUrl: string };
}

/**
 * Seated members get the invitation (new, update or cancel); waitlisted ones, on "new", the waitlist
 * confirmation. The registrant's message carries the group's manage link; colleagues' say who invited them.
 */
export function attendeeMails(deps: UseCaseDependencies, info: SessionInfo, registration: Registration, members: readonly RegistrationMember[], change: AttendeeChange, manageUrl: string, registrantName: string, options: AttendeeMailOptions = {}): OutboxMail[] {
  const config = deps.catalogue.config;
  const context = messageContext(deps, deps.clock.now());
  const session = sessionView(deps, info);
  return members.flatMap((member) => {
    const index = registration.members.findIndex((m) => m.email === member.email);
    const isRegistrant = index === 0;
    const person = { name: member.name, email: member.email, timeZone: registration.timeZone, locale: registration.locale };
    const owner = { kind: "registration" as const, id: registration.id };
    if (member.status === "waitlisted") {
      if (change !== "new") return [];
      const email = composeWaitlistConfirmation(context, { session, person, ...(isRegistrant ? { manageUrl } : { invitedBy: registrantName, otherSessionsUrl: `${deps.publicUrl.replace(/\/+$/, "")}/webinars` }) });
      return [{ type: "mail", owner, key: `waitlisted-${index}`, from: config.sender.email, ...composedMail(email), category: "transactional", logAs: { leadId: member.leadId, kind: "waitlist_confirmation_sent" } }];
    }
    const sequence = memberSequence(info, member);
    const email = composeWebinarInvitation(context, {
      session,
      attendee: person,
      uid: member.uid,
      sequence,
      change,
      ...(isRegistrant ? { manageUrl } : { invitedBy: registrantName }),
      cancelReason: options.cancelReason,
      nextSession: options.nextSession,
    });
    return [{ type: "mail", owner, key: `${change}-${index}-s${sequence}`, from: config.sender.email, ...composedMail(email), category: "transactional", logAs: { leadId: member.leadId, kind: change === "cancel" ? "cancellation_sent" : "invite_sent", data: { sessionId: info.session.id, sequence } } }];
  });
}
