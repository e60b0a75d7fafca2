// Use case: a rep's own availability in the settings document ("My availability") — weekly hours, dates
// off, calendar feed, meeting link, phone, languages, zone — read and saved by the rep or a manager as one
// change of the whole document (validated and versioned like any save), with a preview of the slots it
// gives next week (the same slot listing as GET /api/slots, for this rep alone).

import type { LivelineConfig, RepConfig } from "../../config/liveline-config";
import { NotFound } from "../../core/errors";
import { addDays, isoWeekday, localDateAt } from "../../core/time/zoned-time";
import type { SettingsInForce } from "./live-settings";
import { listSlots } from "../availability/list-slots";
import { validSettings, withBodyFieldNames } from "./settings-validation";
import type { UseCaseDependencies } from "../use-case-dependencies";

/** The part of a rep's entry that is theirs to keep up. */
export interface RepAvailability {
  timeZone: string;
  workingHours: RepConfig["workingHours"];
  datesOff: string[];
  calendarFeedUrl?: string;
  meetingUrl?: string;
  phone?: string;
  languages: string[];
}

export interface SlotPreview {
  offeringId: string;
  timeZone: string;
  /** Monday and Sunday of next week in the rep's zone. */
  from: string;
  to: string;
  slots: { start: string; end: string }[];
}

export interface RepAvailabilityView {
  version: number;
  repId: string;
  availability: RepAvailability;
  /** None when the rep is in no demo offering's pool. */
  preview?: SlotPreview;
}

export function repIndex(config: LivelineConfig, repId: string): number {
  const index = config.reps.findIndex((rep) => rep.id === repId);
  if (index < 0) throw new NotFound(`There is no rep "${repId}".`);
  return index;
}

function availabilityOf(rep: RepConfig): RepAvailability {
  return {
    timeZone: rep.timeZone,
    workingHours: rep.workingHours,
    datesOff: rep.datesOff,
    ...(rep.calendarFeed?.url ? { calendarFeedUrl: rep.calendarFeed.url } : {}),
    ...(rep.meetingUrl ? { meetingUrl: rep.meetingUrl } : {}),
    ...(rep.phone ? { phone: rep.phone } : {}),
    languages: rep.languages,
  };
}

export async function repAvailability(deps: UseCaseDependencies, repId: string): Promise<RepAvailabilityView> {
  return viewOf(deps, deps.settings.current(), repId);
}

/** Saves the rep's availability as a new settings version based on `basedOn`; the document's field errors are named as the body's. */
export async function saveRepAvailability(deps: UseCaseDependencies, repId: string, change: RepAvailability, basedOn: number, savedBy: string): Promise<RepAvailabilityView> {
  let index = -1;
  const saved = await withBodyFieldNames((field) => repFieldOfBody(field, index), () =>
    deps.settings.edit(basedOn, savedBy, (config) => {
      index = repIndex(config, repId);
      return { ...config, reps: config.reps.map((rep, at) => (at === index ? withAvailability(rep, change) : rep)) };
    }, validSettings),
  );
  return viewOf(deps, saved, repId);
}

function withAvailability(current: RepConfig, change: RepAvailability): RepConfig {
  return { ...withContact(current, change), timeZone: change.timeZone, workingHours: change.workingHours, datesOff: change.datesOff, languages: change.languages };
}

/** The rep's meeting link, phone and calendar feed address as a change gives them (left out: none). */
export function withContact(current: RepConfig, change: Pick<RepAvailability, "meetingUrl" | "phone" | "calendarFeedUrl">): RepConfig {
  const { calendarFeed, meetingUrl: _meeting, phone: _phone, ...kept } = current;
  return {
    ...kept,
    ...(change.meetingUrl ? { meetingUrl: change.meetingUrl } : {}),
    ...(change.phone ? { phone: change.phone } : {}),
    // A feed kept as a file (locally) stays unless an address replaces it.
    ...(change.calendarFeedUrl ? { calendarFeed: { url: change.calendarFeedUrl, refreshMinutes: calendarFeed?.refreshMinutes ?? 15 } } : calendarFeed?.path ? { calendarFeed } : {}),
  };
}

/** "reps[2].workingHours.mon[0]" → "workingHours.mon[0]"; "reps[2].calendarFeed.url" → "calendarFeedUrl". */
export function repFieldOfBody(field: string, index: number): string {
  const prefix = `reps[${index}].`;
  if (!field.startsWith(prefix)) return field;
  const inRep = field.slice(prefix.length);
  return inRep.startsWith("calendarFeed") ? "calendarFeedUrl" : inRep;
}

async function viewOf(deps: UseCaseDependencies, settings: SettingsInForce, repId: string): Promise<RepAvailabilityView> {
  const rep = settings.config.reps[repIndex(settings.config, repId)]!;
  const preview = await nextWeekPreview(deps, rep);
  return { version: settings.version, repId, availability: availabilityOf(rep), ...(preview ? { preview } : {}) };
}

/** The rep's free demo times next week (Monday to Sunday in their zone) in the first demo offering whose pool holds them. */
async function nextWeekPreview(deps: UseCaseDependencies, rep: RepConfig): Promise<SlotPreview | undefined> {
  const offering = deps.catalogue.demoOfferings().find((candidate) => !candidate.secondPool && deps.catalogue.poolIds(candidate).includes(rep.id));
  if (!offering) return undefined;
  const today = localDateAt(rep.timeZone, deps.clock.now().getTime());
  const from = addDays(today, 8 - isoWeekday(today));
  const to = addDays(from, 6);
  const listing = await listSlots(deps, { offeringId: offering.id, timeZone: rep.timeZone, from, to, pool: [rep.id], allTimes: true });
  return { offeringId: offering.id, timeZone: rep.timeZone, from, to, slots: listing.slots };
}
