// Use cases: the offerings and reps of the validated config, in the shapes the core computes with
// (weekly hours parsed once per cold start, not per request).

import type { LivelineConfig, OfferingConfig, RepConfig } from "../config/liveline-config";
import type { AvailabilityRep, SlotRules } from "../core/availability";
import { InvalidInput } from "../core/errors";
import { toWeeklyHours } from "../core/working-hours";

export class OfferingCatalogue {
  private readonly availability = new Map<string, AvailabilityRep>();

  constructor(readonly config: LivelineConfig) {
    for (const rep of config.reps) {
      this.availability.set(rep.id, { id: rep.id, timeZone: rep.timeZone, weeklyHours: toWeeklyHours(rep.workingHours) });
    }
  }

  offerings(): readonly OfferingConfig[] {
    return this.config.offerings;
  }

  /** The offering, or InvalidInput naming `field`. */
  offering(id: string, field = "offering"): OfferingConfig {
    const offering = this.config.offerings.find((o) => o.id === id);
    if (!offering) throw new InvalidInput(field, `There is no offering "${id}".`, "unknown_offering");
    return offering;
  }

  /** The offering a "Contact Us" request turns into. */
  contactOffering(): OfferingConfig {
    const id = this.config.contactRequests.offering;
    return id ? this.offering(id) : this.config.offerings[0]!;
  }

  rep(id: string): RepConfig {
    const rep = this.config.reps.find((r) => r.id === id);
    if (!rep) throw new Error(`rep ${id} is not in the config`);
    return rep;
  }

  repsFor(offering: OfferingConfig): AvailabilityRep[] {
    const ids = offering.reps ?? this.config.reps.map((r) => r.id);
    return ids.map((id) => this.availability.get(id)!);
  }

  rules(offering: OfferingConfig): SlotRules {
    return {
      durationMinutes: offering.durationMinutes,
      slotIntervalMinutes: offering.slotIntervalMinutes ?? offering.durationMinutes,
      minimumNoticeMinutes: offering.minimumNoticeMinutes,
      horizonDays: offering.horizonDays,
    };
  }

  /** The join link of a booking with this rep: the rep's own room, else the offering's per-booking room. */
  joinUrl(offering: OfferingConfig, repId: string, bookingId: string): string {
    return this.rep(repId).meetingUrl ?? offering.joinUrl.replaceAll("{bookingId}", bookingId);
  }
}
