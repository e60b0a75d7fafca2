// Use cases: what every use case is given — built once per cold start by the handler's wiring.

import type { LiveSettings } from "./settings/live-settings";
import type { OfferingCatalogue } from "./settings/offering-catalogue";
import type { SigningKeys } from "../core/access/signing-keys";
import type { BookingStore } from "../ports/booking-store";
import type { Clock } from "../ports/clock";
import type { InstantCallStore, LeadLog } from "../ports/lead-log";
import type { Mailer } from "../ports/mailer";
import type { Outbox, OutboxItem } from "../ports/outbox";
import type { SignInStore } from "../ports/sign-in-store";
import type { InsightsStore } from "../ports/insights-store";
import type { LeadDirectory } from "../ports/lead-directory";
import type { PersonalDataStore } from "../ports/personal-data-store";
import type { ProtectionStore } from "../ports/protection-store";
import type { SuppressionList } from "../ports/suppression-list";
import type { ShortLinks } from "../ports/short-links";
import type { SiteFiles } from "../ports/site-files";
import type { Texts } from "../ports/texts";
import type { Timers } from "../ports/timers";
import type { Webhooks } from "../ports/webhooks";
import type { WebinarStore } from "../ports/webinar-store";

export interface UseCaseDependencies {
  /** The settings in force, as the use cases compute with them (the current version's; read per request). */
  readonly catalogue: OfferingCatalogue;
  /** The settings document in the table: its version in force, saving, history. */
  settings: LiveSettings;
  store: BookingStore;
  mailer: Mailer;
  outbox: Outbox;
  leadLog: LeadLog;
  /** "Call me now": reps' presence and the instant calls. */
  instantCalls: InstantCallStore;
  insights: InsightsStore;
  suppressions: SuppressionList;
  /** The short links e-mails show, stored before the mail leaves and followed by GET /l/<code>. */
  shortLinks: ShortLinks;
  signIn: SignInStore;
  leads: LeadDirectory;
  timers: Timers;
  /** Texts (SMS): off in AWS until an origination identity is configured; the local sink under `npm start`. */
  texts: Texts;
  webinars: WebinarStore;
  /** The configured webhook endpoints, their deliveries and the sender (off every request path). */
  webhooks: Webhooks;
  /** Files added to the site while it runs (an uploaded brand logo); wired only where they are stored. */
  siteFiles: SiteFiles;
  /** The whole table, for a data subject's requests (export, erase, retention). */
  personalData: PersonalDataStore;
  /**
   * Abuse protection: "off" only when the environment says LIVELINE_PROTECTION=off (load tests); the store
   * remembers used challenge solutions.
   */
  protection: { mode: "on" | "off"; store: ProtectionStore };
  clock: Clock;
  /** Public origin of the site, e.g. https://d111.cloudfront.net or http://localhost:3000. */
  publicUrl: string;
  /** The key ring that signs links in e-mails (the key that signs now, every key that verifies). */
  signingSecret: SigningKeys;
  /** Whether the README's published demo rep tokens may authorise (only locally). */
  demoTokens: "allow" | "refuse";
  newId: () => string;
  /** How the outbox performs the items that are more than a port call (the wiring names them). */
  outboxHandlers: OutboxItemHandlers;
  log: (level: "debug" | "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;
}

type OutboxItemOf<T extends OutboxItem["type"]> = Extract<OutboxItem, { type: T }>;

/** The outbox items whose work is a use case of its own: a session change to fan out, seats to hand on. */
export type OutboxItemHandlers = {
  [T in "broadcast" | "promote"]: (deps: UseCaseDependencies, item: OutboxItemOf<T>) => Promise<void>;
};
