// Use case: the registrant's manage link — see the group, cancel members (or everyone), add colleagues.
// A cancelled seat goes to the first waitlisted person (through the outbox, so nothing is lost on a crash).
// Invitations and cancellations carry the session's time and SEQUENCE as read: the write holds only if the
// session was not moved meanwhile (nor the registration edited elsewhere) — else both are read again.

import { markAnswered } from "../messages/mail-budget";
import type { Lead } from "../../core/bookings/booking";
import { ConflictError, Forbidden, InvalidInput, NotFound } from "../../core/errors";
import { REGISTRATION_PURPOSE } from "../../core/bookings/lifecycle-links";
import { verifyToken } from "../../core/access/signed-token";
import type { LeadEvent } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { SeatAlreadyHeld, SessionFull, type Registration, type RegistrationMember } from "../../ports/webinar-store";
import { colleagueProspect, distinctColleagues, manageUrl, notEnoughSeats, personLeadIds, SessionFullError, type Colleague } from "./register-for-webinar";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { attendeeMails } from "./webinar-mail";
import { registrantName } from "./webinar-fanout";
import { sessionInfo, type SessionInfo } from "./webinar-sessions";

/** The registration or its session kept changing under this edit (another tab, a host's moves): 409, nothing written. */
export class RegistrationChangedMeanwhile extends ConflictError {
  readonly code = "registration_changed";
  constructor() {
    super("This registration or its session was just changed elsewhere. Reload the page to see its current state.");
    this.name = "RegistrationChangedMeanwhile";
  }
}

/** A move of the session or an edit of the registration between the read and the write: read both again, a few times. */
const CHANGE_ATTEMPTS = 3;

export interface RegistrationState {
  registration: Registration;
  info: SessionInfo;
  colleaguesLeft: number;
  canChange: boolean;
}

export async function viewRegistration(deps: UseCaseDependencies, registrationId: string, token: string): Promise<RegistrationState> {
  const registration = await authorizedRegistration(deps, registrationId, token);
  // The registrant opened the link from our e-mail: they answered.
  await markAnswered(deps, registration.members[0]!.email);
  return state(deps, registration, await sessionInfo(deps, registration.sessionId));
}

export async function cancelRegistrationMembers(deps: UseCaseDependencies, registrationId: string, token: string, emails?: readonly string[]): Promise<RegistrationState> {
  const first = await authorizedRegistration(deps, registrationId, token);
  return withFreshState(deps, first, (registration, info) => cancelMembers(deps, registration, info, emails));
}

async function cancelMembers(deps: UseCaseDependencies, registration: Registration, info: SessionInfo, emails?: readonly string[]): Promise<RegistrationState> {
  const registrationId = registration.id;
  if (info.start <= deps.clock.now().getTime()) throw new InvalidInput("emails", "can no longer be changed: the session has started.", "too_late_to_change");
  const wanted = emails ? new Set(emails.map((email) => email.toLowerCase())) : undefined;
  if (wanted && [...wanted].some((email) => !registration.members.some((member) => member.email === email))) throw new InvalidInput("emails", "names someone who is not in this registration.");
  // Someone cancelled already (the same request sent twice) is not cancelled again.
  const leaving = registration.members.filter((member) => member.status !== "cancelled" && (!wanted || wanted.has(member.email)));
  if (leaving.length === 0) return state(deps, registration, info);
  const now = deps.clock.now();
  // A cancelled invitation must outrank the one sent: its SEQUENCE goes up by one.
  const members = registration.members.map((member) =>
    leaving.includes(member) ? { ...member, status: "cancelled" as const, sequenceOffset: member.sequenceOffset + (member.status === "confirmed" ? 1 : 0) } : member,
  );
  const next: Registration = { ...registration, members, version: registration.version + 1 };
  const cancelledSeats = members.filter((_member, index) => leaving.includes(registration.members[index]!) && registration.members[index]!.status === "confirmed");
  const seatsFreed = cancelledSeats.length;
  const outbox: OutboxItem[] = [
    ...attendeeMails(deps, info, next, cancelledSeats, "cancel", manageUrl(deps, info, next), registrantName(next)),
    ...(seatsFreed > 0 ? [{ type: "promote" as const, owner: { kind: "registration" as const, id: registration.id }, key: `promote-v${next.version}`, sessionId: info.session.id }] : []),
  ];
  const events: LeadEvent[] = leaving.map((member) => ({ leadId: member.leadId, at: now.toISOString(), kind: "registration_cancelled", ref: info.session.id, data: { sessionId: info.session.id } }));
  await deps.webinars.changeMembers({ registration: next, expectedVersion: registration.version, ...(seatsFreed > 0 ? { expectedSequence: info.sequence } : {}), seatsFreed, removed: leaving, events, outbox, now });
  deps.log("info", "webinar registration changed", { registrationId, cancelled: leaving.length, seatsFreed });
  return state(deps, next, await sessionInfo(deps, registration.sessionId));
}

export async function addColleagues(deps: UseCaseDependencies, registrationId: string, token: string, colleagues: readonly Colleague[]): Promise<RegistrationState> {
  const first = await authorizedRegistration(deps, registrationId, token);
  try {
    return await withFreshState(deps, first, (registration, info) => addMembers(deps, registration, info, colleagues));
  } catch (error) {
    if (error instanceof SessionFull) throw new SessionFullError("This session just filled up.");
    if (error instanceof SeatAlreadyHeld) throw new InvalidInput("colleagues", `${error.emails.join(", ")} just registered themselves.`);
    throw error;
  }
}

async function addMembers(deps: UseCaseDependencies, registration: Registration, info: SessionInfo, colleagues: readonly Colleague[]): Promise<RegistrationState> {
  const registrationId = registration.id;
  if (!info.registrationOpen) throw new InvalidInput("colleagues", "can no longer be added: registration is closed.", "registration_closed");
  const current = new Set(registration.members.filter((m) => m.status !== "cancelled").map((m) => m.email));
  const fresh = distinctColleagues(colleagues).filter((colleague) => !current.has(colleague.email));
  const left = colleaguesLeft(registration, info);
  if (fresh.length > left) throw new InvalidInput("colleagues", `can list at most ${left} more colleague${left === 1 ? "" : "s"}.`);
  if (fresh.length === 0) return state(deps, registration, info);
  const held = await deps.webinars.seatHolders(info.session.id, fresh.map((colleague) => colleague.email));
  const joining = fresh.filter((colleague) => !held.has(colleague.email));
  if (joining.length > info.seatsLeft) throw new SessionFullError(notEnoughSeats(info.seatsLeft));
  const now = deps.clock.now();
  const registrant = registration.members[0]!;
  const lead = await deps.store.getLead(registrant.leadId);
  const domain = deps.catalogue.config.sender.email.split("@")[1];
  const leadIds = await personLeadIds(deps, joining.map((colleague) => colleague.email));
  const leads: Lead[] = joining.map((colleague) => ({
    id: leadIds.get(colleague.email.toLowerCase())!,
    prospect: colleagueProspect(colleague, lead?.prospect.company),
    timeZone: registration.timeZone,
    offeringId: info.webinar.id,
    routing: lead?.routing ?? { rule: null, pool: deps.catalogue.poolIds(deps.catalogue.contactOffering()) },
    consentAt: now.toISOString(),
    createdAt: now.toISOString(),
  }));
  const added: RegistrationMember[] = joining.map(({ email, name }, index) => ({
    email,
    ...(name ? { name } : {}),
    leadId: leads[index]!.id,
    status: "confirmed",
    uid: `${registration.id}.${registration.members.length + index}@${domain}`,
    sequenceOffset: 0,
  }));
  const next: Registration = { ...registration, members: [...registration.members, ...added], version: registration.version + 1 };
  const outbox = attendeeMails(deps, info, next, added, "new", manageUrl(deps, info, next), registrantName(next));
  const events: LeadEvent[] = added.map((member) => ({ leadId: member.leadId, at: now.toISOString(), kind: "registered", ref: info.session.id, data: { sessionId: info.session.id, registrationId, invitedBy: registrant.email } }));
  await deps.webinars.changeMembers({
    registration: next,
    expectedVersion: registration.version,
    expectedSequence: info.sequence,
    seatsFreed: 0,
    removed: [],
    added: { members: added, seats: added.length, capacity: info.session.capacity, leads },
    events,
    outbox,
    now,
  });
  return state(deps, next, await sessionInfo(deps, registration.sessionId));
}

/**
 * Runs the change on the registration and its session as they are now; when the write finds either changed
 * since (SessionFull with a new sequence, RegistrationChanged), reads both again and composes anew.
 */
async function withFreshState(deps: UseCaseDependencies, first: Registration, change: (registration: Registration, info: SessionInfo) => Promise<RegistrationState>): Promise<RegistrationState> {
  let registration = first;
  for (let attempt = 1; ; attempt++) {
    const info = await sessionInfo(deps, registration.sessionId);
    try {
      return await change(registration, info);
    } catch (error) {
      const moved = error instanceof SessionFull && (await sessionInfo(deps, registration.sessionId)).sequence !== info.sequence;
      const edited = (error as { name?: string }).name === "RegistrationChanged";
      if (!moved && !edited) throw error;
      if (attempt >= CHANGE_ATTEMPTS) throw new RegistrationChangedMeanwhile();
      const fresh = await deps.webinars.getRegistration(registration.id);
      if (!fresh) throw new NotFound("There is no such registration.");
      registration = fresh;
    }
  }
}

async function authorizedRegistration(deps: UseCaseDependencies, registrationId: string, token: string): Promise<Registration> {
  const claims = verifyToken(token, deps.signingSecret, REGISTRATION_PURPOSE, deps.clock.now());
  if (!claims || claims.subject !== registrationId) throw new Forbidden();
  const registration = await deps.webinars.getRegistration(registrationId);
  if (!registration) throw new NotFound("There is no such registration.");
  return registration;
}

function colleaguesLeft(registration: Registration, info: SessionInfo): number {
  const active = registration.members.filter((member) => member.status !== "cancelled").length;
  return Math.max(0, info.webinar.maxColleagues + 1 - active);
}

function state(deps: UseCaseDependencies, registration: Registration, info: SessionInfo): RegistrationState {
  const active = registration.members.some((member) => member.status !== "cancelled");
  return { registration, info, colleaguesLeft: colleaguesLeft(registration, info), canChange: active && info.start > deps.clock.now().getTime() && !info.cancelled };
}
