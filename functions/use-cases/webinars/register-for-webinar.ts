// Use case: registering for a webinar session — a person and up to N colleagues, each with their own
// lead and their own invitation. One address holds one seat: registering it again changes nothing and
// e-mails that address its registration again (never to the asker: anyone can type an address). When the session is full the answer is 409 with the next session that has room — or,
// when asked, whoever does not fit goes on the waitlist. The invitations carry the session's time and
// SEQUENCE as read; the write holds only if the session is still at that sequence (a host's move in between
// makes it read the session again), so nobody is invited to a time that no longer holds.

import { composedMail } from "../../core/messages/outbox-items";
import { randomUUID } from "node:crypto";
import { givenSource, type Lead, type LeadSource, type Prospect } from "../../core/bookings/booking";
import { ConflictError, InvalidInput, TryAgainLater } from "../../core/errors";
import { registrationManageUrl } from "../../core/bookings/lifecycle-links";
import { routeRequest } from "../../core/availability/routing";
import type { ProtectionWrite } from "../../core/access/protection";
import { sessionTimerPlan } from "../../core/bookings/timer-plan";
import type { LeadEvent } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { SeatAlreadyHeld, SessionFull, type Registration, type RegistrationMember } from "../../ports/webinar-store";
import { performNewItems } from "../messages/process-outbox";
import { composeRegistrationReminder } from "../../core/webinars/webinar-messages";
import { attendeeMails, sessionView } from "./webinar-mail";
import { nextSessionWithRoom, sessionInfo, type SessionInfo } from "./webinar-sessions";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";
import { smsConsentOf } from "../texts/sms-consent";

export class SessionFullError extends ConflictError {
  readonly code = "session_full";
  constructor(message: string, next?: SessionInfo) {
    super(message);
    this.name = "SessionFullError";
    this.details = next ? { nextSession: next } : undefined;
  }
}

/** "This session is full.", "Only 2 seats left." or, given how many want one, "Only 2 seats left for 3 people." */
export function notEnoughSeats(seatsLeft: number, wanted?: number): string {
  if (seatsLeft === 0) return "This session is full.";
  return `Only ${seatsLeft} seat${seatsLeft === 1 ? "" : "s"} left${wanted === undefined ? "" : ` for ${wanted} people`}.`;
}

/** A colleague the registrant brings; with a name, their e-mails greet them by it. */
export interface Colleague {
  email: string;
  name?: string;
}

export interface RegistrationRequest {
  prospect: Prospect;
  timeZone: string;
  colleagues: readonly Colleague[];
  waitlist: boolean;
  /** Where the registrant came from, as the page saw it (kept with their lead; colleagues were invited, not reached). */
  source?: LeadSource;
  /** The registrant's "Text me reminders" box (colleagues gave none). */
  smsConsent?: boolean;
  /**
   * Abuse protection's items (the solution's used mark, the rate counters): written with the registration, or
   * on their own when the answer is the asker's earlier registration — never for a refusal (full, closed).
   */
  protection?: readonly ProtectionWrite[];
}

export interface RegistrationResult {
  registration: Registration;
  info: SessionInfo;
  manageUrl: string;
  /**
   * False when the registrant already held a place: this is their earlier registration, whose reminder was
   * e-mailed to them. Callers must not show it to the asker.
   */
  created: boolean;
}

/** Races for the last seats are lost to others now and then (or a host moves the session): read it again, a few times. */
const SEAT_ATTEMPTS = 6;
/**
 * Then whoever asked for the waitlist goes on it without racing for a seat — only a move or a cancel can
 * stop that write — and, should seats still be free, the waitlist is promoted in the order people came.
 */
const WAITLIST_ATTEMPTS = 3;

export async function registerForWebinar(deps: UseCaseDependencies, sessionId: string, request: RegistrationRequest): Promise<RegistrationResult> {
  const info = await sessionInfo(deps, sessionId);
  if (!info.registrationOpen) throw new InvalidInput("sessionId", "is closed for registration (it is too close to the start, over, or cancelled).", "registration_closed");
  const registrantEmail = request.prospect.email.toLowerCase();
  let colleagues = distinctColleagues(request.colleagues).filter((colleague) => colleague.email !== registrantEmail);
  if (colleagues.length > info.webinar.maxColleagues) throw new InvalidInput("colleagues", `can list at most ${info.webinar.maxColleagues} colleagues.`);

  const holders = await deps.webinars.seatHolders(sessionId, [registrantEmail, ...colleagues.map((colleague) => colleague.email)]);
  const earlier = holders.get(registrantEmail);
  colleagues = colleagues.filter((colleague) => !holders.has(colleague.email));
  if (earlier) {
    // Answer as a new registration would, so the answer tells nobody that this address holds a place.
    await refuseWhenFull(deps, info, 1 + colleagues.length, request.waitlist);
    return existing(deps, info, earlier.registrationId, registrantEmail, request.protection);
  }

  const attempts = SEAT_ATTEMPTS + (request.waitlist ? WAITLIST_ATTEMPTS : 0);
  // Refused before anything is written, not even the addresses' lead ids (a refusal stores nothing).
  await refuseWhenFull(deps, info, 1 + colleagues.length, request.waitlist);
  // One person, one lead: each address (any case) joins the lead it has, or starts one.
  const leadIds = await personLeadIds(deps, [registrantEmail, ...colleagues.map((colleague) => colleague.email)]);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = attempt === 0 ? info : await sessionInfo(deps, sessionId);
    // Moved too close to now, or cancelled, since the last read.
    if (!current.registrationOpen) throw new InvalidInput("sessionId", "is closed for registration (it is too close to the start, over, or cancelled).", "registration_closed");
    const wanted = 1 + colleagues.length;
    await refuseWhenFull(deps, current, wanted, request.waitlist);
    const racing = attempt < SEAT_ATTEMPTS;
    const write = newRegistration(deps, current, request, colleagues, leadIds, racing ? Math.min(wanted, current.seatsLeft) : 0, !racing && current.seatsLeft > 0);
    try {
      await deps.webinars.register(write);
    } catch (error) {
      // Full, cancelled or moved since `current` was read: read it again (and compose again).
      if (error instanceof SessionFull) continue;
      if (error instanceof SeatAlreadyHeld) {
        // Someone registered one of these addresses a moment ago.
        if (error.emails.includes(registrantEmail)) {
          const holder = (await deps.webinars.seatHolders(sessionId, [registrantEmail])).get(registrantEmail);
          if (holder) return existing(deps, info, holder.registrationId, registrantEmail, request.protection);
        }
        colleagues = colleagues.filter((colleague) => !error.emails.includes(colleague.email));
        continue;
      }
      if (error instanceof TryAgainLater) deps.log("warn", "webinar registration lost every race for the seat counter; asked to retry", { sessionId });
      throw error;
    }
    deps.log("info", "webinar registration", { sessionId, registrationId: write.registration.id, seats: write.seats, members: write.registration.members.length });
    if (write.promotes) {
      // The promotion may seat this registration's members: perform it now (claimed, so the change feed's
      // delivery of the same item does nothing) and answer with what holds then.
      await performNewItems(
        deps,
        write.outbox.filter((item) => item.type === "promote"),
      );
      const registration = (await deps.webinars.getRegistration(write.registration.id)) ?? write.registration;
      const after = await sessionInfo(deps, sessionId);
      return { registration, info: after, manageUrl: manageUrl(deps, after, registration), created: true };
    }
    const after = { ...current, seatsLeft: current.seatsLeft - write.seats };
    return { registration: write.registration, info: after, manageUrl: manageUrl(deps, after, write.registration), created: true };
  }
  if (request.waitlist) {
    // Not full: the session kept changing (moved again and again) under this registration. Nothing was written.
    deps.log("warn", "webinar registration kept finding the session changed; asked to retry", { sessionId });
    throw new TryAgainLater();
  }
  throw new SessionFullError("This session just filled up.", await nextSessionWithRoom(deps, info));
}

/** 409 with the next session that has room, when `wanted` seats do not fit and the asker wants no waitlist. */
async function refuseWhenFull(deps: UseCaseDependencies, info: SessionInfo, wanted: number, waitlist: boolean): Promise<void> {
  if (info.seatsLeft < wanted && !waitlist) throw new SessionFullError(notEnoughSeats(info.seatsLeft, wanted), await nextSessionWithRoom(deps, info, wanted));
}

/**
 * `seats` members are seated, the rest waitlisted. With `promotes`, the write also asks for the waitlist
 * to be promoted (seats that looked free after the seat races were given up) — and for the session's
 * timers, which a promoted seat needs as much as a registered one.
 */
/** The lead id of each address (lower-cased), claimed for a new person at once. */
export async function personLeadIds(deps: UseCaseDependencies, emails: readonly string[]): Promise<Map<string, string>> {
  const ids = await Promise.all(emails.map((email) => deps.store.claimLeadId(email, randomUUID())));
  return new Map(emails.map((email, index) => [email.toLowerCase(), ids[index]!]));
}

function newRegistration(deps: UseCaseDependencies, info: SessionInfo, request: RegistrationRequest, colleagues: readonly Colleague[], leadIds: ReadonlyMap<string, string>, seats: number, promotes = false) {
  const now = deps.clock.now();
  const id = randomUUID();
  const domain = deps.catalogue.config.sender.email.split("@")[1];
  const routing = routeRequest(request.prospect, deps.catalogue.config.routing, deps.catalogue.routableReps(deps.catalogue.contactOffering()));
  const people: Prospect[] = [request.prospect, ...colleagues.map((colleague) => colleagueProspect(colleague, request.prospect.company))];
  const source = givenSource(request.source);
  const leads: Lead[] = people.map((prospect, index) => ({
    id: leadIds.get(prospect.email.toLowerCase())!,
    prospect,
    timeZone: request.timeZone,
    offeringId: info.webinar.id,
    routing: { rule: routing.rule, pool: routing.pool },
    ...(index === 0 && source ? { source } : {}),
    consentAt: now.toISOString(),
    ...(index === 0 ? smsConsentOf(request, now.toISOString()) : {}),
    createdAt: now.toISOString(),
  }));
  const members: RegistrationMember[] = people.map((person, index) => ({
    email: person.email.toLowerCase(),
    ...(index === 0 ? { name: person.name } : colleagues[index - 1]!.name ? { name: colleagues[index - 1]!.name } : {}),
    leadId: leads[index]!.id,
    status: index < seats ? "confirmed" : "waitlisted",
    uid: `${id}.${index}@${domain}`,
    sequenceOffset: 0,
    ...(index < seats ? {} : { waitlistedAt: `${now.toISOString()}#${String(index).padStart(3, "0")}` }),
  }));
  const registration: Registration = { id, sessionId: info.session.id, offeringId: info.webinar.id, timeZone: request.timeZone, ...(request.prospect.locale ? { locale: request.prospect.locale } : {}), members, version: 1, createdAt: now.toISOString() };
  const events: LeadEvent[] = members.map((member, index) => ({
    leadId: member.leadId,
    at: now.toISOString(),
    kind: member.status === "confirmed" ? "registered" : "waitlisted",
    ref: info.session.id,
    data: { sessionId: info.session.id, registrationId: id, ...(index > 0 ? { invitedBy: request.prospect.email } : {}) },
  }));
  // The first seated registration of a session (of its current time) asks for the session's timers and
  // marks them asked for; two first registrations racing both ask, and creating an existing timer is a no-op.
  const asksForTimers = (seats > 0 || promotes) && !info.timersAskedFor;
  const outbox: OutboxItem[] = [
    ...attendeeMails(deps, info, registration, members, "new", manageUrl(deps, info, registration), request.prospect.name),
    ...(asksForTimers
      ? [{ type: "timers" as const, owner: { kind: "registration" as const, id }, key: `session-timers-s${info.sequence}`, schedule: sessionTimerPlan({ id: info.session.id, start: info.start, end: info.end, sequence: info.sequence }, info.webinar.lifecycle, now.getTime(), deps.catalogue.config.texts.reminderMinutesBefore), cancel: [] }]
      : []),
    ...(promotes ? [{ type: "promote" as const, owner: { kind: "registration" as const, id }, key: "promote-v1", sessionId: info.session.id }] : []),
  ];
  return {
    registration,
    sessionCapacity: info.session.capacity,
    expectedSequence: info.sequence,
    seats,
    // Only a seat-taking write updates the session item (a waitlist-only one merely checks it).
    ...(asksForTimers && seats > 0 ? { timersSequence: info.sequence } : {}),
    leads,
    events,
    outbox,
    promotes,
    ...(request.protection ? { protection: request.protection } : {}),
  };
}

/**
 * The registration holding `email`'s place; that address gets it again by e-mail (at most once an hour). The
 * request's protection items are written first: this answer is as a new registration's, and costs as much.
 */
async function existing(deps: UseCaseDependencies, info: SessionInfo, registrationId: string, email: string, protection: readonly ProtectionWrite[] = []): Promise<RegistrationResult> {
  const registration = await deps.webinars.getRegistration(registrationId);
  if (!registration) throw new Error(`seat without registration ${registrationId}`);
  await deps.protection.store.write(protection);
  const reminder = registrationReminder(deps, info, registration, email);
  if (reminder) {
    await deps.outbox.enqueue([reminder], deps.clock.now());
  }
  return { registration, info, manageUrl: manageUrl(deps, info, registration), created: false };
}

/**
 * To the member holding `email`: their place and join link — and, for the registrant, the group's manage
 * link. Keyed per member and hour, so a burst of repeats (or one person's double click) mails once.
 */
function registrationReminder(deps: UseCaseDependencies, info: SessionInfo, registration: Registration, email: string): OutboxItem | undefined {
  const index = registration.members.findIndex((member) => member.email === email);
  const member = registration.members[index];
  if (!member || member.status === "cancelled") return undefined;
  const now = deps.clock.now();
  const hour = now.toISOString().slice(0, 13);
  const config = deps.catalogue.config;
  const isRegistrant = index === 0;
  const mail = composeRegistrationReminder(
    messageContext(deps, now),
    {
      session: sessionView(deps, info),
      person: { name: member.name, email: member.email, timeZone: registration.timeZone, locale: registration.locale },
      status: member.status,
      ...(isRegistrant ? { manageUrl: manageUrl(deps, info, registration) } : { invitedBy: registration.members[0]!.name ?? registration.members[0]!.email }),
      variant: hour,
    },
  );
  return { type: "mail", owner: { kind: "registration", id: registration.id }, key: `again-${index}-${hour}`, from: config.sender.email, ...composedMail(mail), category: "transactional", logAs: { leadId: member.leadId, kind: "registration_resent", data: { sessionId: info.session.id } } };
}

/** Each address once (lower-cased), keeping the first name given for it. */
export function distinctColleagues(colleagues: readonly Colleague[]): Colleague[] {
  const byEmail = new Map<string, Colleague>();
  for (const { email, name } of colleagues) {
    const key = email.toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, { email: key, ...(name ? { name } : {}) });
  }
  return [...byEmail.values()];
}

/** A colleague's lead: their name when the registrant gave one (else their address), the registrant's company. */
export function colleagueProspect(colleague: Colleague, company: string | undefined): Prospect {
  return { name: colleague.name ?? colleague.email, email: colleague.email, ...(company ? { company } : {}) };
}

export function manageUrl(deps: UseCaseDependencies, info: SessionInfo, registration: Registration): string {
  return registrationManageUrl(deps.publicUrl, deps.signingSecret, registration.id, info.end, registration.locale);
}
