// Use case: book a 1:1 demo. Routes the prospect to a pool, checks the start is free (free-slot.ts), picks the
// fairest free rep (and, for a two-pool offering, the fairest free second participant), and writes
// everything in one transaction — a claimed cell or a full day means someone was faster: the next rep is
// tried, and when none is left the answer is 409. The invitations go out from the outbox, off the request
// path. An Idempotency-Key makes a retried request return the first result.

import type { DemoOfferingConfig } from "../../config/liveline-config";
import { blockedInterval, type SlotRules } from "../../core/availability/availability";
import { firstTouch, latestDetails, type Booking, type Lead, type LeadSource, type Prospect } from "../../core/bookings/booking";
import { bookingLinks } from "../../core/bookings/booking-links";
import { IdempotencyKeyReused, InvalidInput, RateLimited, SlotTaken } from "../../core/errors";
import { rankByFairness } from "../../core/availability/fair-assignment";
import { addressKey, type ProtectionWrite } from "../../core/access/protection";
import { routeRequest } from "../../core/availability/routing";
import { lockCells } from "../../core/availability/slot-locks";
import { addDays, localDateAt } from "../../core/time/zoned-time";
import { bookingTimerPlan } from "../../core/bookings/timer-plan";
import { IdempotencyRecordExists, LeadMissing, LiveBookingsChanged, PersonHasLead, RepUnavailable, type LiveBookings, type RepSchedule, type ScheduleClaim } from "../../ports/booking-store";
import type { OutboxItem } from "../../ports/outbox";
import { invitationMails } from "./booking-mail";
import type { ConfirmedBooking } from "./confirmed-booking";
import { freeSlotAt, repLoad } from "../availability/free-slot";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { smsConsentOf } from "../texts/sms-consent";
import { textReminderPlan } from "../texts/texts";

export interface BookDemoRequest {
  offeringId: string;
  /** Epoch ms. */
  start: number;
  timeZone: string;
  prospect: Prospect;
  notes?: string;
  contactRequestId?: string;
  colleagues?: string[];
  /** Where the prospect came from, as the page saw it. */
  source?: LeadSource;
  /** The "Text me reminders" box. */
  smsConsent?: boolean;
  /** A rep booking for a lead from the console: their id, kept on the booking and in the lead's history. */
  bookedBy?: string;
}

export interface BookDemoOptions {
  idempotency?: { key: string; requestHash: string };
  /** How a confirmed booking is answered; stored with the idempotency record and replayed from it. */
  render: (confirmed: ConfirmedBooking) => unknown;
  /** Abuse protection's items, written in the booking's transaction: a refusal of one stores nothing. */
  protection?: readonly ProtectionWrite[];
  /** Abuse protection's limit of the address's live bookings (confirmed, not over); none: not limited. */
  liveBookingsPerAddress?: number;
}

export interface BookDemoResult {
  /** The confirmation as `render` made it (or as it was stored for a replay). */
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Bounded so the schedule update stays small; stale entries go a few at a time. */
const MAX_PRUNED_PER_WRITE = 40;
/** Reads of the address's live bookings a booking makes at most when other bookings of it keep coming in between. */
const LIVE_BOOKING_ATTEMPTS = 3;

export async function bookDemo(deps: UseCaseDependencies, request: BookDemoRequest, options: BookDemoOptions): Promise<BookDemoResult> {
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await bookOnce(deps, request, options);
      } catch (error) {
        // Another booking of the same address was written since its live bookings were read: read again.
        if (!(error instanceof LiveBookingsChanged) || attempt >= LIVE_BOOKING_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    // A retried request finds its own slot taken (or no longer bookable): answer what the first one got.
    // The happy path needs no read of the idempotency record: the transaction's condition on it is the check.
    // So does one that finds its address at the live bookings' limit: its own booking may be the last of them.
    if (!options.idempotency || !(error instanceof SlotTaken || error instanceof InvalidInput || error instanceof RateLimited)) throw error;
    const earlier = await replay(deps, options.idempotency);
    if (earlier) return earlier;
    throw error;
  }
}

async function bookOnce(deps: UseCaseDependencies, request: BookDemoRequest, options: BookDemoOptions): Promise<BookDemoResult> {
  const offering = deps.catalogue.offering(request.offeringId);
  const colleagues = [...new Set((request.colleagues ?? []).map((email) => email.toLowerCase()))].filter((email) => email !== request.prospect.email.toLowerCase());
  if (colleagues.length > offering.maxColleagues) {
    throw new InvalidInput("colleagues", offering.maxColleagues === 0 ? "cannot be invited to this demo." : `can list at most ${offering.maxColleagues} colleagues.`);
  }
  const rules = deps.catalogue.rules(offering);
  const now = deps.clock.now();
  const routing = routeRequest(request.prospect, deps.catalogue.config.routing, deps.catalogue.routableReps(offering));
  const limited = options.liveBookingsPerAddress === undefined ? undefined : { max: options.liveBookingsPerAddress, addressKey: addressKey(request.prospect.email) };
  const { free, availability } = await freeSlotAt(deps, { offering, rules, pool: routing.pool, start: request.start, now: now.getTime(), liveBookingsOf: limited?.addressKey });
  const liveBooking = limited && liveBookingJoin(limited, availability.live!, now.getTime());

  const window = offering.fairnessWindowDays * DAY;
  const fairest = (ids: readonly string[]) => rankByFairness(ids.map((id) => repLoad(deps, availability.schedules.get(id)!, now.getTime() - window)));
  const primary = fairest(free.repIds);
  const second = free.secondRepIds && fairest(free.secondRepIds);
  const bookingId = deps.newId();
  // A first booking of an address claims its lead in the booking's own transaction; only when the address
  // has a lead already (PersonHasLead) is it read, and the booking written onto it.
  let lead = request.contactRequestId ? undefined : leadOf(deps.newId(), undefined, request, offering, routing, now);
  let claimPerson = lead && { email: request.prospect.email };
  // A contact request booked by its id: the box ticked now is kept on its lead in the booking's write.
  const { smsConsent: requestConsent } = smsConsentOf(request, now.toISOString());
  const excluded = new Set<string>();
  for (;;) {
    const repId = primary.find((id) => !excluded.has(id));
    const secondRepId = second?.find((id) => !excluded.has(id));
    if (!repId || (second && !secondRepId)) throw new SlotTaken();
    // Consent to texts is the lead's: given now or on an earlier request (a contact request booked by its id
    // is not read here, so its reminder text is planned and its lead's consent decides when it fires).
    const textReminder = request.contactRequestId !== undefined || lead?.smsConsent !== undefined;
    const confirmed = confirm(deps, { request: { ...request, colleagues }, offering, rules, bookingId, repId, secondRepId, now, leadId: request.contactRequestId ?? lead!.id, textReminder });
    const body = options.render(confirmed);
    const claims = [repId, ...(secondRepId ? [secondRepId] : [])].map((id) => claimFor(deps, confirmed.booking, id, rules, availability.schedules.get(id)!, now.getTime()));
    const outbox = bookingOutbox(deps, confirmed, now);
    try {
      await deps.store.createBooking({
        booking: confirmed.booking,
        claims,
        lead,
        ...(lead === undefined && requestConsent ? { leadSmsConsent: requestConsent } : {}),
        claimPerson,
        outbox,
        idempotency: options.idempotency && { ...options.idempotency, response: body },
        protection: options.protection,
        liveBooking: liveBooking && { ...liveBooking, end: Date.parse(confirmed.booking.end) },
      });
    } catch (error) {
      if (error instanceof RepUnavailable) {
        excluded.add(error.repId);
        continue;
      }
      if (error instanceof PersonHasLead) {
        lead = await personLead(deps, request, offering, routing, now);
        claimPerson = undefined;
        continue;
      }
      if (error instanceof IdempotencyRecordExists) return (await replay(deps, options.idempotency!))!;
      if (error instanceof LeadMissing) throw new InvalidInput("contactRequestId", "No contact request has this id.", "unknown_contact_request");
      throw error;
    }
    deps.log("info", "demo booked", { bookingId, repId, secondRepId, start: confirmed.booking.start, leadId: confirmed.booking.leadId, rule: routing.rule });
    return { body, replayed: false };
  }
}

/**
 * The address's live bookings with room for one more (else 429 naming email, Retry-After until the first is
 * over): the revision the write is conditioned on, and the ones over by now, which it drops.
 */
function liveBookingJoin(limit: { max: number; addressKey: string }, live: LiveBookings, now: number) {
  const ends = [...live.ends.values()].filter((end) => end > now).sort((a, b) => a - b);
  if (ends.length >= limit.max) {
    throw new RateLimited(`This address has ${ends.length} demos booked already; cancel one or wait until one is over to book another.`, Math.max(1, Math.ceil((ends[0]! - now) / 1000)), "email");
  }
  return { addressKey: limit.addressKey, revision: live.revision, drop: [...live.ends].filter(([, end]) => end <= now).map(([id]) => id) };
}

/** What the booking writes into a rep's schedule, and which stale entries it drops on the way. */
function claimFor(deps: UseCaseDependencies, booking: Booking, repId: string, rules: SlotRules, schedule: RepSchedule, now: number): ScheduleClaim {
  const rep = deps.catalogue.rep(repId);
  const blocked = { start: Date.parse(booking.blocked.start), end: Date.parse(booking.blocked.end) };
  const keepAssignedSince = now - deps.catalogue.longestFairnessWindowDays * DAY;
  const oldestDayKept = addDays(localDateAt(rep.timeZone, now), -2);
  return {
    repId,
    demo: { bookingId: booking.id, blocked, assignedAt: now, day: booking.repDays[repId]! },
    cells: lockCells(blocked),
    dailyCap: rules.dailyCapPerRep,
    lastAssignedAt: now,
    prune: {
      demos: schedule.demos.filter((demo) => demo.blocked.end < now - DAY && demo.assignedAt < keepAssignedSince).slice(0, MAX_PRUNED_PER_WRITE),
      days: [...schedule.perDay.keys()].filter((day) => day < oldestDayKept).slice(0, MAX_PRUNED_PER_WRITE),
    },
  };
}

/** What a new booking owes: its invitations, and its reminders, prep note, call-back and feedback timers. */
export function bookingOutbox(deps: UseCaseDependencies, confirmed: ConfirmedBooking, now: Date): OutboxItem[] {
  const { booking, offering } = confirmed;
  const timers = bookingTimerPlan({ id: booking.id, start: Date.parse(booking.start), end: Date.parse(booking.end), version: booking.version }, offering.lifecycle, now.getTime(), { timeZone: booking.timeZone, hours: deps.catalogue.callingHours(offering.id) }, textReminderPlan(deps, booking));
  return [
    ...invitationMails(deps, confirmed, "new", now),
    { type: "timers", owner: { kind: "booking", id: booking.id }, key: `timers-v${booking.version}`, schedule: timers, cancel: [] },
  ];
}

async function replay(deps: UseCaseDependencies, idempotency: { key: string; requestHash: string }): Promise<BookDemoResult | undefined> {
  const record = await deps.store.getIdempotencyRecord(idempotency.key);
  if (!record) return undefined;
  if (record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReused();
  return { body: record.response, replayed: true };
}

/** One person, one lead: the booking lands on the lead the address (any case) has, or starts it. */
type Routed = { rule: string | null; pool: string[] };

/** The address's lead as it already is (claimed now if a racing request has just let go of it), brought up to date. */
async function personLead(deps: UseCaseDependencies, request: BookDemoRequest, offering: DemoOfferingConfig, routing: Routed, now: Date): Promise<Lead> {
  const candidateId = deps.newId();
  const id = await deps.store.claimLeadId(request.prospect.email, candidateId);
  const earlier = id === candidateId ? undefined : await deps.store.getLead(id);
  return leadOf(id, earlier, request, offering, routing, now);
}

function leadOf(id: string, earlier: Lead | undefined, request: BookDemoRequest, offering: DemoOfferingConfig, routing: Routed, now: Date): Lead {
  const source = firstTouch(earlier?.source, request.source);
  return {
    id,
    prospect: latestDetails(earlier?.prospect, request.prospect),
    timeZone: request.timeZone,
    offeringId: offering.id,
    routing: { rule: routing.rule, pool: routing.pool },
    ...(source ? { source } : {}),
    consentAt: now.toISOString(),
    ...(earlier?.smsConsent ? { smsConsent: earlier.smsConsent } : {}),
    ...smsConsentOf(request, now.toISOString()),
    createdAt: earlier?.createdAt ?? now.toISOString(),
  };
}

interface ConfirmInput {
  request: BookDemoRequest;
  offering: DemoOfferingConfig;
  rules: SlotRules;
  bookingId: string;
  repId: string;
  secondRepId?: string;
  leadId: string;
  /** The lead agreed to texts (now or before), or may have: the booking plans its reminder text. */
  textReminder: boolean;
  now: Date;
}

function confirm(deps: UseCaseDependencies, input: ConfirmInput): ConfirmedBooking {
  const { request, offering, bookingId, repId, secondRepId, now } = input;
  const end = request.start + offering.durationMinutes * MINUTE;
  const blocked = blockedInterval(input.rules, request.start);
  const senderDomain = deps.catalogue.config.sender.email.split("@")[1];
  const booking: Booking = {
    id: bookingId,
    leadId: input.leadId,
    offeringId: offering.id,
    repId,
    ...(secondRepId ? { secondRepId } : {}),
    start: new Date(request.start).toISOString(),
    end: new Date(end).toISOString(),
    blocked: { start: new Date(blocked.start).toISOString(), end: new Date(blocked.end).toISOString() },
    repDays: Object.fromEntries([repId, ...(secondRepId ? [secondRepId] : [])].map((id) => [id, localDateAt(deps.catalogue.rep(id).timeZone, request.start)])),
    timeZone: request.timeZone,
    prospect: request.prospect,
    ...(request.colleagues && request.colleagues.length > 0 ? { colleagues: request.colleagues } : {}),
    notes: request.notes || undefined,
    ...(request.bookedBy ? { bookedBy: request.bookedBy } : {}),
    ...(input.textReminder ? { textReminder: true } : {}),
    joinUrl: deps.catalogue.joinUrl(offering, repId, bookingId),
    icalUid: `${bookingId}@${senderDomain}`,
    sequence: 0,
    version: 1,
    status: "confirmed",
    createdAt: now.toISOString(),
  };
  const links = bookingLinks(deps.publicUrl, bookingId, booking.version, new Date(end), deps.signingSecret, booking.prospect.locale);
  return { booking, rep: deps.catalogue.rep(repId), secondRep: secondRepId ? deps.catalogue.rep(secondRepId) : undefined, offering, links };
}
