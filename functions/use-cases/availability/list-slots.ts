// Use case: the free slots of an offering between two local dates, shown in the asker's zone — for the
// offering's pool, or the pool a contact request was routed to. Reads the pool's schedules in one batch
// (never per day or per rep-day), then computes in the core.

import type { DemoOfferingConfig } from "../../config/liveline-config";
import { computeSlotStarts } from "../../core/availability/availability";
import { InvalidInput } from "../../core/errors";
import { withinProspectHours } from "../../core/availability/prospect-hours";
import { addDays, localDateAt, localDateMs, startOfLocalDay, toZonedIso } from "../../core/time/zoned-time";
import { loadPoolAvailability, type IgnoredBooking } from "./pool-availability";
import type { UseCaseDependencies } from "../use-case-dependencies";

export const MAX_RANGE_DAYS = 62;
/** What a contact request shows: the next two weeks. */
export const CONTACT_REQUEST_DAYS = 14;

export interface SlotListing {
  offering: DemoOfferingConfig;
  timeZone: string;
  slots: { start: string; end: string }[];
  /** The prospect hours the slots were limited to ("08:00-20:00"); undefined when all times were asked. */
  prospectHours?: string;
}

export interface SlotListQuery {
  offeringId: string;
  timeZone: string;
  /** Local dates "YYYY-MM-DD" in timeZone; default: today and the following 13 days. */
  from?: string;
  to?: string;
  /** The reps to offer (a routed pool); the offering's pool when absent. */
  pool?: readonly string[];
  /** A booking being moved: its own time counts as free. */
  ignoreBooking?: IgnoredBooking;
  /** Every free time, also outside the prospect's hours. */
  allTimes?: boolean;
}

export async function listSlots(deps: UseCaseDependencies, query: SlotListQuery): Promise<SlotListing> {
  const offering = deps.catalogue.offering(query.offeringId);
  const now = deps.clock.now().getTime();
  const from = query.from ?? localDateAt(query.timeZone, now);
  const to = query.to ?? addDays(from, CONTACT_REQUEST_DAYS - 1);
  const days = (localDateMs(to) - localDateMs(from)) / 86_400_000 + 1;
  if (days < 1) throw new InvalidInput("to", "must not be before from.");
  if (days > MAX_RANGE_DAYS) throw new InvalidInput("to", `must be at most ${MAX_RANGE_DAYS} days after from.`);

  const window = { start: startOfLocalDay(query.timeZone, from), end: startOfLocalDay(query.timeZone, addDays(to, 1)) };
  const reps = deps.catalogue.availabilityReps(query.pool ?? deps.catalogue.poolIds(offering));
  const secondReps = deps.catalogue.secondPool(offering);
  const availability = await loadPoolAvailability(deps, [...reps, ...(secondReps ?? [])].map((rep) => rep.id), query.ignoreBooking);
  const starts = computeSlotStarts({
    reps,
    secondReps,
    rules: deps.catalogue.rules(offering),
    busy: availability.busy,
    bookingsPerDay: availability.perDay,
    from: window.start,
    to: window.end,
    now,
  });
  const duration = offering.durationMinutes * 60_000;
  const hours = deps.catalogue.prospectHours(offering);
  const offered = query.allTimes ? starts : starts.filter((start) => withinProspectHours(start, start + duration, query.timeZone, hours));
  return {
    offering,
    timeZone: query.timeZone,
    ...(query.allTimes ? {} : { prospectHours: offering.prospectHours }),
    slots: offered.map((start) => ({ start: toZonedIso(start, query.timeZone), end: toZonedIso(start + offering.durationMinutes * 60_000, query.timeZone) })),
  };
}
