// Use cases: the offerings and reps of the validated config, in the shapes the core computes with
// (weekly hours and days off parsed once per cold start, not per request).

import type { DemoOfferingConfig, LivelineConfig, OfferingConfig, RepConfig, WebinarOfferingConfig } from "../../config/liveline-config";
import type { AvailabilityRep, SlotRules } from "../../core/availability/availability";
import { callingHoursOf } from "../../core/calls/calling-hours";
import { daysOffSet } from "../../core/availability/days-off";
import { InvalidInput } from "../../core/errors";
import type { RoutableRep } from "../../core/availability/routing";
import { parseMinuteRange, toWeeklyHours, type MinuteRange, type WeeklyHours } from "../../core/availability/working-hours";

/** A deactivated rep (the console's Team page) stays in the settings for their history, but takes no new work. */
export function isActiveRep(rep: Pick<RepConfig, "active">): boolean {
  return rep.active !== false;
}

export class OfferingCatalogue {
  private readonly availability = new Map<string, AvailabilityRep>();
  private readonly repsById = new Map<string, RepConfig>();
  private readonly callingHoursById = new Map<string, WeeklyHours>();
  /** The longest fairness window of any offering: schedule entries are kept at least that long. */
  readonly longestFairnessWindowDays: number;
  /** The furthest any offering looks ahead: calendar feeds are expanded that far. */
  readonly longestHorizonDays: number;

  constructor(readonly config: LivelineConfig) {
    for (const rep of config.reps) {
      this.repsById.set(rep.id, rep);
      this.availability.set(rep.id, {
        id: rep.id,
        timeZone: rep.timeZone,
        weeklyHours: toWeeklyHours(rep.workingHours),
        daysOff: daysOffSet(rep.datesOff),
      });
    }
    for (const offering of config.offerings) this.callingHoursById.set(offering.id, callingHoursOf(offering.callingHours));
    this.longestFairnessWindowDays = Math.max(...this.demoOfferings().map((o) => o.fairnessWindowDays));
    this.longestHorizonDays = Math.max(...config.offerings.map((o) => o.horizonDays));
  }

  /** Every offering, demos and webinars. */
  offerings(): readonly OfferingConfig[] {
    return this.config.offerings;
  }

  demoOfferings(): DemoOfferingConfig[] {
    return this.config.offerings.filter((o): o is DemoOfferingConfig => o.kind === "demo");
  }

  webinarOfferings(): WebinarOfferingConfig[] {
    return this.config.offerings.filter((o): o is WebinarOfferingConfig => o.kind === "webinar");
  }

  /** The demo offering, or InvalidInput naming `field` (a webinar is registered for, not booked). */
  offering(id: string, field = "offering"): DemoOfferingConfig {
    const offering = this.config.offerings.find((o) => o.id === id);
    if (!offering) throw new InvalidInput(field, `There is no offering "${id}".`, "unknown_offering");
    if (offering.kind !== "demo") throw new InvalidInput(field, `"${id}" is a webinar: register for one of its sessions instead.`, "not_a_demo");
    return offering;
  }

  webinar(id: string): WebinarOfferingConfig | undefined {
    return this.webinarOfferings().find((o) => o.id === id);
  }

  /** The offering a "Contact Us" request turns into. */
  contactOffering(): DemoOfferingConfig {
    const id = this.config.contactRequests.offering;
    return id ? this.offering(id) : this.demoOfferings()[0]!;
  }

  rep(id: string): RepConfig {
    const rep = this.repsById.get(id);
    if (!rep) throw new Error(`rep ${id} is not in the config`);
    return rep;
  }

  /** The offering's (first) pool: who routing may choose from (its active reps). */
  poolIds(offering: DemoOfferingConfig): string[] {
    const ids = offering.reps ?? this.config.reps.filter((rep) => !offering.secondPool?.reps.includes(rep.id)).map((rep) => rep.id);
    return ids.filter((id) => isActiveRep(this.rep(id)));
  }

  /** The reps who may sign in and take work. */
  activeReps(): RepConfig[] {
    return this.config.reps.filter(isActiveRep);
  }

  routableReps(offering: DemoOfferingConfig): RoutableRep[] {
    return this.poolIds(offering).map((id) => this.rep(id));
  }

  availabilityReps(ids: readonly string[]): AvailabilityRep[] {
    return ids.map((id) => this.availability.get(id)!);
  }

  /** The second required pool of a two-pool offering. */
  secondPool(offering: DemoOfferingConfig): AvailabilityRep[] | undefined {
    return offering.secondPool ? this.availabilityReps(offering.secondPool.reps.filter((id) => isActiveRep(this.rep(id)))) : undefined;
  }

  rules(offering: DemoOfferingConfig): SlotRules {
    return {
      durationMinutes: offering.durationMinutes,
      slotIntervalMinutes: offering.slotIntervalMinutes ?? offering.durationMinutes,
      minimumNoticeMinutes: offering.minimumNoticeMinutes,
      horizonDays: offering.horizonDays,
      bufferBeforeMinutes: offering.bufferBeforeMinutes,
      bufferAfterMinutes: offering.bufferAfterMinutes,
      dailyCapPerRep: offering.dailyCapPerRep,
    };
  }

  /** When a rep may be asked to call a lead of this offering (demo or webinar), in the lead's zone. */
  callingHours(offeringId: string): WeeklyHours {
    return this.callingHoursById.get(offeringId) ?? callingHoursOf(undefined);
  }

  /** The hours of the prospect's day a slot of this offering must lie in (unless all times are asked). */
  prospectHours(offering: DemoOfferingConfig): MinuteRange {
    return parseMinuteRange(offering.prospectHours) as MinuteRange;
  }

  /** The join link of a booking with this rep: the rep's own room, else the offering's per-booking room. */
  joinUrl(offering: DemoOfferingConfig, repId: string, bookingId: string): string {
    return this.rep(repId).meetingUrl ?? offering.joinUrl.replaceAll("{bookingId}", bookingId);
  }
}
