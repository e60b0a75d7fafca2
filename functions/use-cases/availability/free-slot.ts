// Use case step: is this start still free? — the one check a new booking (book-demo.ts) and a move
// (manage-booking.ts) make before they claim it: the start must be on the routed pool's grid (else a 422
// naming start), then the pool's schedules are read in one batch and the core says who is free (none: 409).
// Also each rep's load, which fair assignment ranks them by.

import type { DemoOfferingConfig } from "../../config/liveline-config";
import { computeSlots, type Slot, type SlotRules } from "../../core/availability/availability";
import { InvalidInput, SlotTaken } from "../../core/errors";
import type { RepSchedule } from "../../ports/booking-store";
import { loadPoolAvailability, type IgnoredBooking, type PoolAvailability } from "./pool-availability";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;

export interface FreeSlotQuery {
  offering: DemoOfferingConfig;
  rules: SlotRules;
  /** The routed pool. */
  pool: readonly string[];
  /** Epoch ms. */
  start: number;
  now: number;
  /** Reps whose schedules are read too (a move's current participants). */
  alsoRead?: readonly string[];
  /** A booking being moved: its own time counts as free. */
  ignore?: IgnoredBooking;
  /** An address (its key) whose live bookings are read in the same batch. */
  liveBookingsOf?: string;
}

/** The free reps at `start` (SlotTaken when none) and the schedules read to know it. */
export async function freeSlotAt(deps: UseCaseDependencies, query: FreeSlotQuery): Promise<{ free: Slot; availability: PoolAvailability }> {
  const onGrid = slotAt(deps, query.offering, query.rules, query.pool, query.start, query.now);
  const availability = await loadPoolAvailability(deps, [...onGrid.repIds, ...(onGrid.secondRepIds ?? []), ...(query.alsoRead ?? [])], query.ignore, query.liveBookingsOf);
  const [free] = computeSlots({
    reps: deps.catalogue.availabilityReps(onGrid.repIds),
    secondReps: onGrid.secondRepIds && deps.catalogue.availabilityReps(onGrid.secondRepIds),
    rules: query.rules,
    busy: availability.busy,
    bookingsPerDay: availability.perDay,
    from: query.start,
    to: query.start + 1,
    now: query.now,
  });
  if (!free) throw new SlotTaken();
  return { free, availability };
}

/** The grid slot at `start` for the routed pool (hours, days off, notice, horizon), ignoring bookings; else a 422. */
export function slotAt(deps: UseCaseDependencies, offering: DemoOfferingConfig, rules: SlotRules, pool: readonly string[], start: number, now: number): Slot {
  const [slot] = computeSlots({
    reps: deps.catalogue.availabilityReps(pool),
    secondReps: deps.catalogue.secondPool(offering),
    rules,
    busy: new Map(),
    from: start,
    to: start + 1,
    now,
  });
  if (slot && slot.start === start) return slot;
  if (start < now + rules.minimumNoticeMinutes * MINUTE) {
    throw new InvalidInput("start", "is too soon: please pick a later slot.", "not_a_slot");
  }
  throw new InvalidInput("start", "is not one of the offered slots.", "not_a_slot");
}

export function repLoad(deps: UseCaseDependencies, schedule: RepSchedule, windowStart: number) {
  return {
    id: schedule.repId,
    weight: deps.catalogue.rep(schedule.repId).weight,
    assignedInWindow: schedule.demos.filter((demo) => demo.assignedAt >= windowStart).length,
    lastAssignedAt: schedule.lastAssignedAt,
  };
}
