// Use case: the offerings and the routing rules in the settings document (the console's "Offerings and
// webinars" page, managers) — list them, add or change a demo offering or a webinar (its series'
// recurrence and its one-off sessions), replace the routing rules, each a save like any other (validated as
// at start, versioned, based on the version loaded, errors named as the body names them); and try the
// routing — the saved rules or a draft — on sample answers, with the core's trace of why each rule did or
// did not apply.

import type { LivelineConfig, OfferingConfig } from "../../config/liveline-config";
import type { RoutingConfig } from "../../config/routing-config";
import { NotFound } from "../../core/errors";
import { routeRequest, type ProspectAnswers, type RoutingDecision } from "../../core/availability/routing";
import type { SettingsInForce } from "./live-settings";
import { OfferingCatalogue, isActiveRep } from "./offering-catalogue";
import { underPrefix, validSettings, withBodyFieldNames } from "./settings-validation";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface OfferingsView {
  version: number;
  offerings: readonly OfferingConfig[];
  routing: RoutingConfig;
  /** Who may be named in a pool, as hosts or in a route. */
  reps: { id: string; name: string; active: boolean }[];
}

export interface RoutingTest extends RoutingDecision {
  offering: string;
}

export function offeringsOf(settings: SettingsInForce): OfferingsView {
  const { config } = settings;
  return { version: settings.version, offerings: config.offerings, routing: config.routing, reps: config.reps.map((rep) => ({ id: rep.id, name: rep.name, active: isActiveRep(rep) })) };
}

/** Adds an offering (demo or webinar) as the next settings version; an id in use is refused naming `id`. */
export async function addOffering(deps: UseCaseDependencies, offering: Record<string, unknown>, basedOn: number, savedBy: string): Promise<SettingsInForce> {
  const index = deps.settings.current().config.offerings.length;
  return withBodyFieldNames(underPrefix(`offerings[${index}].`), () => deps.settings.edit(basedOn, savedBy, (config) => ({ ...config, offerings: [...config.offerings, offering] }), validSettings));
}

/** Replaces the offering with this id (the whole offering as sent; its id stays the path's). */
export async function replaceOffering(deps: UseCaseDependencies, id: string, offering: Record<string, unknown>, basedOn: number, savedBy: string): Promise<SettingsInForce> {
  const index = offeringIndex(deps.settings.current().config, id);
  return withBodyFieldNames(underPrefix(`offerings[${index}].`), () =>
    deps.settings.edit(basedOn, savedBy, (config) => {
      const at = offeringIndex(config, id);
      return { ...config, offerings: config.offerings.map((each, position) => (position === at ? { ...offering, id } : each)) };
    }, validSettings),
  );
}

/** Replaces the routing section (regions, rules, fallback). */
export async function replaceRouting(deps: UseCaseDependencies, routing: Record<string, unknown>, basedOn: number, savedBy: string): Promise<SettingsInForce> {
  return withBodyFieldNames(underPrefix("routing."), () => deps.settings.edit(basedOn, savedBy, (config) => ({ ...config, routing }), validSettings));
}

/**
 * Routes sample answers as a contact request for `offeringId` (default: the one a contact request becomes)
 * would be, by the rules in force or by `draft` (a routing section not saved: validated as a save would be,
 * its errors named under `routing`), and says why.
 */
export async function testRouting(deps: UseCaseDependencies, answers: ProspectAnswers, offeringId: string | undefined, draft?: Record<string, unknown>): Promise<RoutingTest> {
  const settings = deps.settings.current();
  const config: LivelineConfig = draft ? await validSettings({ ...settings.config, routing: draft }, settings.config) : settings.config;
  const catalogue = draft ? new OfferingCatalogue(config) : settings.catalogue;
  const offering = offeringId ? catalogue.offering(offeringId) : catalogue.contactOffering();
  const normalised: ProspectAnswers = { ...answers, ...(answers.country ? { country: answers.country.toUpperCase() } : {}), ...(answers.language ? { language: answers.language.toLowerCase() } : {}) };
  return { offering: offering.id, ...routeRequest(normalised, config.routing, catalogue.routableReps(offering)) };
}

function offeringIndex(config: LivelineConfig, id: string): number {
  const index = config.offerings.findIndex((offering) => offering.id === id);
  if (index < 0) throw new NotFound(`There is no offering "${id}".`);
  return index;
}
