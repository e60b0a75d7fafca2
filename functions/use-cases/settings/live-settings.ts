// Use cases: the settings in force — the configuration document (liveline.config.json's schema) kept in
// the table, versioned. Seeded from the deployed config when the table has none; after that the table
// wins. Each function keeps the document in hand and looks at the head item again once its copy is older
// than the cache time (one GetItem; none while warm), so a change reaches every function within that time
// and the process that made it at once. A save is validated as the config is at start, every bad field
// named (settings-validation.ts), and is conditioned on the version it was based on.

import diff from "microdiff";
import type { LivelineConfig } from "../../config/liveline-config";
import { InvalidFields, InvalidInput, NotFound, VersionMoved } from "../../core/errors";
import { SettingsTooLarge, SettingsVersionTaken, type SettingsChange, type SettingsHistoryEntry, type SettingsStore, type SettingsVersionRecord } from "../../ports/settings-store";
import { fieldPath } from "../../validation/issue-messages";
import { OfferingCatalogue } from "./offering-catalogue";

/**
 * What stays the deployment's, whatever the table says: the SES identity mail is sent as, the webhook
 * endpoints (their secrets and the stack's webhook function exist only when configured at deploy) and the
 * origins CloudFront lets frame the pages. A save must keep them as deployed.
 */
export const DEPLOYED_FIELDS = ["sender", "webhooks", "embed"] as const satisfies readonly (keyof LivelineConfig)[];

export interface SettingsInForce {
  version: number;
  config: LivelineConfig;
  /** The document in the shapes the use cases compute with (built once per version). */
  catalogue: OfferingCatalogue;
  savedAt: string;
  savedBy: string;
}

/**
 * Validates a document to be saved as liveline.config.json is at start (use-cases/settings/settings-validation.ts):
 * given by the callers that save — the workspace API's settings routes and the config command — so no other
 * function's bundle carries the config schema.
 */
export type SettingsValidator = (document: unknown, deployed: LivelineConfig) => Promise<LivelineConfig>;

export interface LiveSettingsOptions {
  /** How old the copy in hand may get before the head is read again (at most 60 s). */
  cacheMs: number;
  /** When a version is saved (the product's clock). */
  now: () => Date;
  /** Elapsed time for the cache's age (a monotonic clock). */
  elapsedMs?: () => number;
}

export class LiveSettings {
  private inForce: SettingsInForce;
  private readAt: number;
  private readonly elapsedMs: () => number;

  private constructor(
    private readonly store: SettingsStore,
    private readonly deployed: LivelineConfig,
    private readonly options: LiveSettingsOptions,
    head: SettingsVersionRecord,
  ) {
    this.elapsedMs = options.elapsedMs ?? (() => performance.now());
    this.inForce = this.adopt(head);
    this.readAt = this.elapsedMs();
  }

  /** Reads the head (at a cold start), storing the deployed config as version 1 when there is none. */
  static async open(store: SettingsStore, deployed: LivelineConfig, options: LiveSettingsOptions): Promise<LiveSettings> {
    return new LiveSettings(store, deployed, options, await seedSettings(store, deployed, options.now()));
  }

  /**
   * The deployed config as version 0, for a cold start whose read failed: the next refresh (a cache time
   * later) reads — and, while the table has none, seeds — the settings again.
   */
  static deployedOnly(store: SettingsStore, deployed: LivelineConfig, options: LiveSettingsOptions): LiveSettings {
    return new LiveSettings(store, deployed, options, { version: 0, document: deployed, savedAt: "", savedBy: "deployment", changes: [] });
  }

  current(): SettingsInForce {
    return this.inForce;
  }

  /** Reads the head again if the copy in hand is older than the cache time; a new version replaces it. */
  async refresh(): Promise<void> {
    if (this.elapsedMs() - this.readAt < this.options.cacheMs) return;
    // Counted as read even if the read fails: the copy in hand stays, and the next try is a cache time later.
    this.readAt = this.elapsedMs();
    await this.reread();
  }

  /** Saves a whole new document based on version `basedOn`: validated first (`validate`), nothing stored unless valid. */
  async replace(document: unknown, basedOn: number, savedBy: string, validate: SettingsValidator): Promise<SettingsInForce> {
    const config = await validate(document, this.deployed);
    return this.write(config, basedOn, savedBy);
  }

  /**
   * Saves a change made to version `basedOn` itself (`change` gets that version's document): a partial edit
   * such as one rep's availability, never applied to another version.
   */
  async edit(basedOn: number, savedBy: string, change: (config: LivelineConfig) => unknown, validate: SettingsValidator): Promise<SettingsInForce> {
    if (this.inForce.version !== basedOn) await this.reread();
    if (this.inForce.version !== basedOn) throw new VersionMoved(this.inForce.version);
    return this.replace(change(this.inForce.config), basedOn, savedBy, validate);
  }

  /** The versions, newest first (without their documents). */
  history(limit = 50): Promise<SettingsHistoryEntry[]> {
    return this.store.history(limit);
  }

  /** Saves an earlier version's document again, as a new version (with the deployment's own fields). */
  async restore(version: number, basedOn: number | undefined, savedBy: string, validate: SettingsValidator): Promise<SettingsInForce> {
    const earlier = await this.store.version(version);
    if (!earlier) throw new NotFound(`There is no settings version ${version}.`);
    const config = await validate(this.withDeployedFields(earlier.document as LivelineConfig), this.deployed);
    if (basedOn === undefined) await this.reread();
    return this.write(config, basedOn ?? this.inForce.version, savedBy);
  }

  private async write(config: LivelineConfig, basedOn: number, savedBy: string): Promise<SettingsInForce> {
    if (this.inForce.version !== basedOn) await this.reread();
    if (this.inForce.version !== basedOn) throw new VersionMoved(this.inForce.version);
    refuseRemovals(this.inForce.config, config);
    const record: SettingsVersionRecord = { version: basedOn + 1, document: config, savedAt: this.options.now().toISOString(), savedBy, changes: changesBetween(this.inForce.config, config) };
    try {
      await this.store.save(record);
    } catch (error) {
      if (error instanceof SettingsTooLarge) throw tooLarge(error);
      if (!(error instanceof SettingsVersionTaken)) throw error;
      await this.reread();
      throw new VersionMoved(this.inForce.version);
    }
    this.inForce = this.adopt(record);
    this.readAt = this.elapsedMs();
    return this.inForce;
  }

  private async reread(): Promise<void> {
    const head = this.inForce.version === 0 ? await seedSettings(this.store, this.deployed, this.options.now()) : await this.store.head();
    if (head && head.version !== this.inForce.version) this.inForce = this.adopt(head);
  }

  private adopt(record: SettingsVersionRecord): SettingsInForce {
    return inForce(record, this.deployed);
  }

  private withDeployedFields(document: LivelineConfig): LivelineConfig {
    return withDeployedFields(document, this.deployed);
  }
}

/** A stored version as the functions use it (stored documents were validated when saved: taken as they are, no schema built). */
function inForce(record: SettingsVersionRecord, deployed: LivelineConfig): SettingsInForce {
  const config = withDeployedFields(record.document as LivelineConfig, deployed);
  return { version: record.version, config, catalogue: new OfferingCatalogue(config), savedAt: record.savedAt, savedBy: record.savedBy };
}

function withDeployedFields(document: LivelineConfig, deployed: LivelineConfig): LivelineConfig {
  // A section a newer release added (with its defaults) is missing from a document saved before it: the
  // deployed config's copy stands in until the next save writes it.
  const config = { ...deployed, ...document };
  for (const field of DEPLOYED_FIELDS) (config as Record<string, unknown>)[field] = deployed[field];
  return config;
}

/**
 * The settings in force read once, without seeding (the calendar feed refresh, which may only read):
 * the table's version, or — while it has none — the deployed config as version 0. `known`: the version in
 * hand, returned as it is when the head is still that version (no catalogue built again).
 */
export async function readSettingsInForce(store: SettingsStore, deployed: LivelineConfig, known?: SettingsInForce): Promise<SettingsInForce> {
  const head = await store.head();
  if (!head) return known?.version === 0 ? known : { version: 0, config: deployed, catalogue: new OfferingCatalogue(deployed), savedAt: "", savedBy: "deployment" };
  return known?.version === head.version ? known : inForce(head, deployed);
}

/**
 * The head, or — when the table has none — the deployed config stored as version 1 (conditioned on there
 * being none, so two cold starts seed once). `npm start` calls it at start; a function's first read in AWS.
 */
export async function seedSettings(store: SettingsStore, deployed: LivelineConfig, now: Date): Promise<SettingsVersionRecord> {
  const head = await store.head();
  if (head) return head;
  const first: SettingsVersionRecord = { version: 1, document: deployed, savedAt: now.toISOString(), savedBy: "seed", changes: [] };
  try {
    await store.save(first);
    return first;
  } catch (error) {
    if (!(error instanceof SettingsVersionTaken)) throw error;
    return (await store.head())!;
  }
}

/** What changed between two documents, one entry per changed value, its path named as field errors name it. */
export function changesBetween(before: LivelineConfig, after: LivelineConfig): SettingsChange[] {
  return diff(before, after).map((difference) => ({
    path: fieldPath(difference.path),
    ...(difference.type === "CREATE" ? {} : { before: difference.oldValue }),
    ...(difference.type === "REMOVE" ? {} : { after: difference.value }),
  }));
}

/** The store's refusal in the saver's words: what to do about it, with the sizes. */
function tooLarge(error: SettingsTooLarge): InvalidInput {
  const kb = (bytes: number) => Math.ceil(bytes / 1024);
  return new InvalidInput("settings", `are too large to store: ${kb(error.bytes)} KB with this change, at most ${kb(error.limitBytes)} KB. Remove what is no longer needed (past one-off sessions, old days off) or save the change in smaller steps.`);
}

/**
 * A save keeps every rep and every offering of the version in force: bookings, call-backs, registrations,
 * timers and the lead log name them by id, and without them a prospect's manage link could neither show nor
 * cancel a booking. A rep leaves by deactivation; an offering cannot be retired yet. A restore of a version from
 * before one was added is refused too, naming what it would remove.
 */
function refuseRemovals(before: LivelineConfig, after: LivelineConfig): void {
  const reps = new Set(after.reps.map((rep) => rep.id));
  const offerings = new Set(after.offerings.map((offering) => offering.id));
  const problems = [
    ...before.reps.filter((rep) => !reps.has(rep.id)).map((rep) => ({ field: "reps", message: `must keep rep "${rep.id}": deactivate a rep instead of removing them, as their bookings, call-backs and history name them` })),
    ...before.offerings.filter((offering) => !offerings.has(offering.id)).map((offering) => ({ field: "offerings", message: `must keep offering "${offering.id}": its bookings, registrations and timers name it` })),
  ];
  if (problems.length > 0) throw new InvalidFields(problems);
}
