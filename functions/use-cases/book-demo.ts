// Use case: book a 1:1 demo. Checks the start is a real slot, picks a free rep, writes everything in one
// transaction (a held lock cell means someone was faster: try the next free rep, else 409), then sends
// the invitations. An Idempotency-Key makes a retried request return the first result.

import type { OfferingConfig, RepConfig } from "../config/liveline-config";
import { computeSlots } from "../core/availability";
import type { Booking, Lead, Prospect } from "../core/booking";
import { bookingLinks, type BookingLinks } from "../core/booking-links";
import { IdempotencyKeyReused, InvalidInput, SlotTaken } from "../core/errors";
import { lockCells } from "../core/slot-locks";
import { IdempotencyRecordExists, type OutboxMessage } from "../ports/booking-store";
import { sendBookingMail } from "./send-booking-mail";
import type { UseCaseDependencies } from "./use-case-dependencies";

export interface BookDemoRequest {
  offeringId: string;
  /** Epoch ms. */
  start: number;
  timeZone: string;
  prospect: Prospect;
  notes?: string;
  contactRequestId?: string;
}

export interface ConfirmedBooking {
  booking: Booking;
  rep: RepConfig;
  offering: OfferingConfig;
  links: BookingLinks;
}

export interface BookDemoOptions {
  idempotency?: { key: string; requestHash: string };
  /** How a confirmed booking is answered; stored with the idempotency record and replayed from it. */
  render: (confirmed: ConfirmedBooking) => unknown;
}

export interface BookDemoResult {
  statusCode: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const MINUTE = 60_000;

export async function bookDemo(deps: UseCaseDependencies, request: BookDemoRequest, options: BookDemoOptions): Promise<BookDemoResult> {
  try {
    return await bookOnce(deps, request, options);
  } catch (error) {
    // A retried request finds its own slot taken (or no longer bookable): answer what the first one got.
    // The happy path needs no read of the idempotency record: the transaction's condition on it is the check.
    if (!options.idempotency || !(error instanceof SlotTaken || error instanceof InvalidInput)) throw error;
    const earlier = await replay(deps, options.idempotency);
    if (earlier) return earlier;
    throw error;
  }
}

async function bookOnce(deps: UseCaseDependencies, request: BookDemoRequest, options: BookDemoOptions): Promise<BookDemoResult> {
  const offering = deps.catalogue.offering(request.offeringId);
  const now = deps.clock.now();
  const candidates = slotCandidates(deps, offering, request.start, now.getTime());
  const end = request.start + offering.durationMinutes * MINUTE;
  const cells = lockCells({ start: request.start, end });
  const held = await deps.store.repsHoldingAnyCell(candidates, cells);
  const free = shuffle(candidates.filter((id) => !held.has(id)));
  if (free.length === 0) throw new SlotTaken();

  const bookingId = deps.newId();
  const newLead = request.contactRequestId ? undefined : leadFor(deps, request, offering, now);
  const outbox: OutboxMessage[] = [
    { key: "invitation-prospect-0", kind: "invitation", recipient: "prospect" },
    { key: "invitation-rep-0", kind: "invitation", recipient: "rep" },
  ];
  for (const repId of free) {
    const confirmed = confirm(deps, { request, offering, bookingId, repId, end, now, leadId: request.contactRequestId ?? newLead!.id });
    const body = options.render(confirmed);
    try {
      await deps.store.createBooking({
        booking: confirmed.booking,
        lockCells: cells,
        newLead,
        outbox,
        idempotency: options.idempotency && { ...options.idempotency, statusCode: 201, response: body },
      });
    } catch (error) {
      if (error instanceof SlotTaken) continue;
      if (error instanceof IdempotencyRecordExists) return (await replay(deps, options.idempotency!))!;
      throw error;
    }
    deps.log("info", "demo booked", { bookingId, repId, start: confirmed.booking.start, leadId: confirmed.booking.leadId });
    await sendBookingMail(deps, confirmed, outbox);
    return { statusCode: 201, body, replayed: false };
  }
  throw new SlotTaken();
}

/** The reps who could take this start (working hours, notice, horizon), ignoring bookings; else a 422. */
function slotCandidates(deps: UseCaseDependencies, offering: OfferingConfig, start: number, now: number): string[] {
  const reps = deps.catalogue.repsFor(offering);
  const rules = deps.catalogue.rules(offering);
  const [slot] = computeSlots({ reps, rules, busy: new Map(), from: start, to: start + 1, now });
  if (slot && slot.start === start) return slot.repIds;
  if (start < now + rules.minimumNoticeMinutes * MINUTE) {
    throw new InvalidInput("start", "is too soon: please pick a later slot.", "not_a_slot");
  }
  throw new InvalidInput("start", "is not one of the offered slots.", "not_a_slot");
}

async function replay(deps: UseCaseDependencies, idempotency: { key: string; requestHash: string }): Promise<BookDemoResult | undefined> {
  const record = await deps.store.getIdempotencyRecord(idempotency.key);
  if (!record) return undefined;
  if (record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReused();
  return { statusCode: record.statusCode, body: record.response, replayed: true };
}

function leadFor(deps: UseCaseDependencies, request: BookDemoRequest, offering: OfferingConfig, now: Date): Lead {
  return {
    id: deps.newId(),
    prospect: request.prospect,
    timeZone: request.timeZone,
    offeringId: offering.id,
    consentAt: now.toISOString(),
    createdAt: now.toISOString(),
  };
}

interface ConfirmInput {
  request: BookDemoRequest;
  offering: OfferingConfig;
  bookingId: string;
  repId: string;
  leadId: string;
  end: number;
  now: Date;
}

function confirm(deps: UseCaseDependencies, input: ConfirmInput): ConfirmedBooking {
  const { request, offering, bookingId, repId, end, now } = input;
  const senderDomain = deps.catalogue.config.sender.email.split("@")[1];
  const booking: Booking = {
    id: bookingId,
    leadId: input.leadId,
    offeringId: offering.id,
    repId,
    start: new Date(request.start).toISOString(),
    end: new Date(end).toISOString(),
    timeZone: request.timeZone,
    prospect: request.prospect,
    notes: request.notes || undefined,
    joinUrl: deps.catalogue.joinUrl(offering, repId, bookingId),
    icalUid: `${bookingId}@${senderDomain}`,
    sequence: 0,
    version: 1,
    status: "confirmed",
    createdAt: now.toISOString(),
  };
  const links = bookingLinks(deps.publicUrl, bookingId, new Date(end), deps.signingSecret);
  return { booking, rep: deps.catalogue.rep(repId), offering, links };
}

/** Spreads simultaneous bookings over the free reps, so k free reps can serve k racing prospects. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
