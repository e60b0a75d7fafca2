// Use case: the team in the settings document (the console's Team page, managers) — list the reps, add
// one, edit one (roles, weights, skills, regions, languages, contact, meeting link, calendar feed), and
// deactivate one: a save like any other (validated as at start, versioned, based on the version loaded),
// then their open call-backs go to the team's pool. A deactivated rep stays in the document, so their
// bookings, leads and figures keep their name.

import type { RepConfig } from "../../config/liveline-config";
import { handToPool } from "../workspace/console-queue";
import type { SettingsInForce } from "./live-settings";
import { isActiveRep } from "./offering-catalogue";
import { repFieldOfBody, repIndex, withContact } from "./rep-availability";
import { validSettings, withBodyFieldNames } from "./settings-validation";
import type { UseCaseDependencies } from "../use-case-dependencies";

/** What a manager keeps up about a rep (their hours and days off are "My availability"'s). */
export interface TeamMemberChange {
  name: string;
  email: string;
  role: "rep" | "manager";
  weight: number;
  skills: string[];
  regions: string[];
  languages: string[];
  /** The language of Liveline's mail to the rep (judged by the config schema on save). */
  language: string;
  timeZone: string;
  phone?: string;
  meetingUrl?: string;
  calendarFeedUrl?: string;
  /** A new rep's weekly hours; an edit leaves them as they are unless given. */
  workingHours?: RepConfig["workingHours"];
}

export interface NewTeamMember extends TeamMemberChange {
  id: string;
}

export interface TeamMemberView extends NewTeamMember {
  active: boolean;
  workingHours: RepConfig["workingHours"];
  /** The demo offerings whose pool holds the rep (while active). */
  offerings: string[];
}

export interface TeamView {
  version: number;
  reps: TeamMemberView[];
}

export interface Deactivation {
  version: number;
  rep: TeamMemberView;
  /** Open call-backs moved to the pool by this request. */
  handedToPool: number;
}

export function teamOf(settings: SettingsInForce): TeamView {
  return { version: settings.version, reps: settings.config.reps.map((rep) => memberView(settings, rep)) };
}

function memberView(settings: SettingsInForce, rep: RepConfig): TeamMemberView {
  const offerings = settings.catalogue.demoOfferings().filter((offering) => settings.catalogue.poolIds(offering).includes(rep.id)).map((offering) => offering.id);
  return {
    id: rep.id,
    name: rep.name,
    email: rep.email,
    role: rep.role,
    weight: rep.weight,
    skills: rep.skills,
    regions: rep.regions,
    languages: rep.languages,
    language: rep.language,
    timeZone: rep.timeZone,
    ...(rep.phone ? { phone: rep.phone } : {}),
    ...(rep.meetingUrl ? { meetingUrl: rep.meetingUrl } : {}),
    ...(rep.calendarFeed?.url ? { calendarFeedUrl: rep.calendarFeed.url } : {}),
    workingHours: rep.workingHours,
    active: isActiveRep(rep),
    offerings,
  };
}

function viewOfRep(settings: SettingsInForce, repId: string): TeamMemberView {
  return memberView(settings, settings.config.reps[repIndex(settings.config, repId)]!);
}

/** Adds a rep as the next settings version; an id in use is refused naming `id`. */
export async function addRep(deps: UseCaseDependencies, member: NewTeamMember, basedOn: number, savedBy: string): Promise<TeamMemberView> {
  const index = deps.settings.current().config.reps.length;
  const saved = await withBodyFieldNames((field) => repFieldOfBody(field, index), () =>
    deps.settings.edit(basedOn, savedBy, (config) => ({ ...config, reps: [...config.reps, withChange({ id: member.id, workingHours: {} } as RepConfig, member)] }), validSettings),
  );
  return viewOfRep(saved, member.id);
}

/** Saves a manager's change of a rep as the next settings version (what the change does not name stays). */
export async function editRep(deps: UseCaseDependencies, repId: string, change: TeamMemberChange, basedOn: number, savedBy: string): Promise<TeamMemberView> {
  const saved = await editOne(deps, repId, basedOn, savedBy, (rep) => withChange(rep, change));
  return viewOfRep(saved, repId);
}

/**
 * Deactivates the rep (a settings version; none when already inactive, so a retry only finishes the hand-over)
 * and hands each of their open call-backs to the team's pool.
 */
export async function deactivateRep(deps: UseCaseDependencies, repId: string, basedOn: number, by: RepConfig): Promise<Deactivation> {
  const current = deps.settings.current();
  const rep = current.config.reps[repIndex(current.config, repId)]!;
  const saved = isActiveRep(rep) ? await editOne(deps, repId, basedOn, by.id, (each) => ({ ...each, active: false })) : current;
  let handedToPool = 0;
  for (const prompt of await deps.leadLog.openPrompts(repId)) if (await handToPool(deps, prompt, by)) handedToPool += 1;
  deps.log("info", "rep deactivated", { repId, by: by.id, handedToPool });
  return { version: saved.version, rep: viewOfRep(saved, repId), handedToPool };
}

/** Takes a deactivated rep back (their call-backs stay where they went meanwhile). */
export async function reactivateRep(deps: UseCaseDependencies, repId: string, basedOn: number, savedBy: string): Promise<TeamMemberView> {
  const saved = await editOne(deps, repId, basedOn, savedBy, ({ active: _active, ...rep }) => rep as RepConfig);
  return viewOfRep(saved, repId);
}

async function editOne(deps: UseCaseDependencies, repId: string, basedOn: number, savedBy: string, change: (rep: RepConfig) => RepConfig): Promise<SettingsInForce> {
  let index = repIndex(deps.settings.current().config, repId);
  return withBodyFieldNames((field) => repFieldOfBody(field, index), () =>
    deps.settings.edit(basedOn, savedBy, (config) => {
      index = repIndex(config, repId);
      return { ...config, reps: config.reps.map((rep, at) => (at === index ? change(rep) : rep)) };
    }, validSettings),
  );
}

function withChange(current: RepConfig, change: TeamMemberChange): RepConfig {
  return {
    ...withContact(current, change),
    name: change.name,
    email: change.email,
    role: change.role,
    weight: change.weight,
    skills: change.skills,
    regions: change.regions,
    languages: change.languages,
    language: change.language as RepConfig["language"],
    timeZone: change.timeZone,
    ...(change.workingHours ? { workingHours: change.workingHours } : {}),
  };
}
