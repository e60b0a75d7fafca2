// Use cases: the outbox work of a session that changed — every seated attendee's update or cancellation,
// enqueued one by one under keys that make a retry harmless — and moving waitlisted people up when seats
// free, in the order they came.

import type { Language } from "../../core/messages/catalogue";
import type { OutboxBroadcast, OutboxItem } from "../../ports/outbox";
import type { Registration, RegistrationMember } from "../../ports/webinar-store";
import { manageUrl } from "./register-for-webinar";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { attendeeMails } from "./webinar-mail";
import { nextSessionWithRoom, sessionInfo, type SessionInfo } from "./webinar-sessions";

export async function broadcastSessionChange(deps: UseCaseDependencies, item: OutboxBroadcast): Promise<void> {
  const info = await sessionInfo(deps, item.sessionId);
  // A newer change is on its way with its own broadcast.
  if (info.sequence !== item.sequence) return;
  const next = item.change === "cancel" ? await nextSessionWithRoom(deps, info) : undefined;
  const options = {
    cancelReason: item.reason,
    nextSession: next ? { start: new Date(next.start), registerUrl: `${deps.publicUrl.replace(/\/+$/, "")}/webinars.html?session=${encodeURIComponent(next.session.id)}` } : undefined,
  };
  const mails: OutboxItem[] = [];
  for (const registration of await registrationsOf(deps, info.session.id)) {
    const seated = registration.members.filter((member) => member.status === "confirmed");
    mails.push(...attendeeMails(deps, info, registration, seated, item.change, manageUrl(deps, info, registration), registrantName(registration), options));
  }
  await deps.outbox.enqueue(mails, deps.clock.now());
}

/** Failed promotions (someone else took the seat, the session moved) before the rest waits for the next trigger. */
const MAX_PROMOTION_TRIES = 20;

export async function promoteWaitlist(deps: UseCaseDependencies, sessionId: string): Promise<number> {
  let info = await sessionInfo(deps, sessionId);
  const waiting = (await deps.webinars.seats(sessionId)).filter((seat) => seat.status === "waitlisted");
  let promoted = 0;
  for (let next = 0, tries = 0; next < waiting.length && tries < MAX_PROMOTION_TRIES; ) {
    if (info.cancelled || info.start <= deps.clock.now().getTime() || info.seatsLeft <= 0) break;
    const written: OutboxItem[] = [];
    const current = info;
    const outbox = (registration: Registration, member: RegistrationMember) => {
      written.push(...attendeeMails(deps, current, registration, [member], "new", manageUrl(deps, current, registration), registrantName(registration)));
      return written;
    };
    const session = { id: sessionId, capacity: info.session.capacity, expectedSequence: info.sequence };
    if (await deps.webinars.promote(session, waiting[next]!, outbox, deps.clock.now())) {
      promoted++;
      next++;
      info = { ...info, seatsLeft: info.seatsLeft - 1 };
      continue;
    }
    // Full again (someone registered meanwhile), moved or cancelled by a host, or this person left: read the
    // session again, so the next invitation carries its current time; after a move, try the same person again.
    tries++;
    const before = info.sequence;
    info = await sessionInfo(deps, sessionId);
    if (info.sequence === before) next++;
  }
  if (promoted > 0) deps.log("info", "waitlisted attendees promoted", { sessionId, promoted });
  return promoted;
}

/** The session's registrations that hold seats or waitlist places. */
export async function registrationsOf(deps: UseCaseDependencies, sessionId: string): Promise<Registration[]> {
  const ids = [...new Set((await deps.webinars.seats(sessionId)).map((seat) => seat.registrationId))];
  const registrations = await Promise.all(ids.map((id) => deps.webinars.getRegistration(id)));
  return registrations.filter((registration): registration is Registration => registration !== undefined);
}

export interface Attendee {
  email: string;
  name: string;
  company?: string;
  interest?: string;
  status: "confirmed" | "waitlisted";
  leadId: string;
  registrationId: string;
  index: number;
  /** Their registration's language. */
  locale?: Language;
}

/** Everyone holding or waiting for a seat, with the company and interest from their lead. */
export async function attendeesOf(deps: UseCaseDependencies, registrations: readonly Registration[]): Promise<Attendee[]> {
  const members = registrations.flatMap((registration) =>
    registration.members.flatMap((member, index) => (member.status === "cancelled" ? [] : [{ registration, member, index, status: member.status }])),
  );
  const leads = await Promise.all(members.map(({ member }) => deps.store.getLead(member.leadId)));
  return members.map(({ registration, member, index, status }, i) => {
    const lead = leads[i];
    return {
      email: member.email,
      name: member.name ?? lead?.prospect.name ?? member.email,
      ...(lead?.prospect.company ? { company: lead.prospect.company } : {}),
      ...(lead?.prospect.interest ? { interest: lead.prospect.interest } : {}),
      status: status as Attendee["status"],
      leadId: member.leadId,
      registrationId: registration.id,
      index,
      ...(registration.locale ? { locale: registration.locale } : {}),
    };
  });
}

export function registrantName(registration: Registration): string {
  return registration.members[0]?.name ?? registration.members[0]?.email ?? "";
}

export type { SessionInfo };
