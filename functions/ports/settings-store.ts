// Ports: where the settings document (liveline.config.json's schema) is kept, versioned — the head (the
// version in force, with its document) and every version with who saved it, when and what changed.

/** One changed place of the document: its path ("reps.0.datesOff"), the value before and after (absent: none). */
export interface SettingsChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface SettingsVersionRecord {
  version: number;
  /** The whole document as saved (validated before it was). */
  document: unknown;
  savedAt: string;
  /** Who saved it: a rep's id, `operator:<name>` for the config command, `seed` for the first copy. */
  savedBy: string;
  /** What changed against the version before (empty for the first). */
  changes: SettingsChange[];
}

/** A version as the history lists it: without its document (up to 256 KB each, read only to restore it). */
export type SettingsHistoryEntry = Omit<SettingsVersionRecord, "document">;

export interface SettingsStore {
  /** The version in force, or undefined while none is stored (the table is new). */
  head(): Promise<SettingsVersionRecord | undefined>;
  /**
   * Stores `record` as the new head, conditioned on the head being at `record.version - 1` (no head for
   * version 1): a write against an older version changes nothing and throws SettingsVersionTaken.
   */
  save(record: SettingsVersionRecord): Promise<void>;
  /** The versions, newest first, at most `limit` — who, when and what changed, without their documents. */
  history(limit: number): Promise<SettingsHistoryEntry[]>;
  version(version: number): Promise<SettingsVersionRecord | undefined>;
}

/** Someone saved another version first: the head is no longer the one the write was based on. */
export class SettingsVersionTaken extends Error {
  constructor(readonly version: number) {
    super(`settings version ${version} exists already`);
    this.name = "SettingsVersionTaken";
  }
}

/** The version would not fit in the store: its document and changes together pass what one item holds. */
export class SettingsTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(`settings version of ${bytes} bytes passes the store's ${limitBytes}`);
    this.name = "SettingsTooLarge";
  }
}
